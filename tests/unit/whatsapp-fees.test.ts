import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WHATSAPP_RATES, countryOfWaId, rateCardFrom, whatsappFee } from '../../src/metrics/whatsapp-fees.ts';
import rateCardFile from '../../src/metrics/whatsapp-rates.json' with { type: 'json' };

const ITALIAN = '393331234567';
const GERMAN = '4915112345678';
const FRENCH = '33612345678';
const JULY_2026 = Date.UTC(2026, 6, 15);
const LAST_FREE_DAY = Date.UTC(2026, 8, 30, 23, 59);
const OCTOBER_2026 = Date.UTC(2026, 9, 1);

describe('WhatsApp fee of a message', () => {
  it('keeps the rate card with its note and source, and reads its countries', () => {
    assert.match(rateCardFile.about, /USD per delivered message/);
    assert.match(rateCardFile.source, /prices\.json/);
    assert.deepEqual(Object.keys(WHATSAPP_RATES).sort(), ['DE', 'IT']);
    assert.equal(WHATSAPP_RATES['IT']?.['utility'], 0.03);
  });

  it('reads the country from the calling code of the wa_id', () => {
    assert.equal(countryOfWaId(ITALIAN), 'IT');
    assert.equal(countryOfWaId(GERMAN), 'DE');
    assert.equal(countryOfWaId(FRENCH), 'FR');
    assert.equal(countryOfWaId('IT.1234567890'), undefined, 'a business-scoped user id is no phone number');
    assert.equal(countryOfWaId(undefined), undefined);
  });

  it('charges a billable message the rate of its category in the recipient country', () => {
    const utility = { billable: true, type: 'regular', category: 'utility', sentAt: JULY_2026 };
    assert.deepEqual(whatsappFee({ ...utility, waId: ITALIAN }), { kind: 'billed', usd: 0.03, country: 'IT', category: 'utility' });
    assert.deepEqual(whatsappFee({ ...utility, waId: GERMAN, category: 'marketing' }), { kind: 'billed', usd: 0.1365, country: 'DE', category: 'marketing' });
    assert.deepEqual(whatsappFee({ ...utility, waId: GERMAN, category: 'authentication' }), { kind: 'billed', usd: 0.055, country: 'DE', category: 'authentication' });
  });

  it('charges nothing for a message that is not billable or of a free type', () => {
    assert.deepEqual(whatsappFee({ billable: false, type: 'free_customer_service', category: 'service', waId: ITALIAN, sentAt: JULY_2026 }), { kind: 'free', usd: 0 });
    assert.deepEqual(whatsappFee({ type: 'free_entry_point', category: 'utility', waId: GERMAN, sentAt: JULY_2026 }), { kind: 'free', usd: 0 });
    assert.deepEqual(whatsappFee({ billable: false, category: 'marketing', waId: FRENCH, sentAt: JULY_2026 }), { kind: 'free', usd: 0 }, 'free needs no rate');
  });

  it('bills service at its own rate until 30 September 2026 and at the utility rate from 1 October', () => {
    const service = { billable: true, type: 'regular', category: 'service', waId: ITALIAN };
    assert.deepEqual(whatsappFee({ ...service, sentAt: LAST_FREE_DAY }), { kind: 'billed', usd: 0, country: 'IT', category: 'service' });
    assert.deepEqual(whatsappFee({ ...service, sentAt: OCTOBER_2026 }), { kind: 'billed', usd: 0.03, country: 'IT', category: 'service' });
    assert.deepEqual(whatsappFee({ ...service, waId: GERMAN, sentAt: OCTOBER_2026 }), { kind: 'billed', usd: 0.055, country: 'DE', category: 'service' });
  });

  it('never guesses: an unknown country or category is unknown, a message without pricing unpriced', () => {
    const billable = { billable: true, type: 'regular', category: 'utility', sentAt: JULY_2026 };
    assert.deepEqual(whatsappFee({ ...billable, waId: FRENCH }), { kind: 'unknown', reason: 'no rate for utility in FR' });
    assert.deepEqual(whatsappFee({ ...billable, waId: ITALIAN, category: 'authentication_international' }), { kind: 'unknown', reason: 'no rate for authentication_international in IT' });
    assert.deepEqual(whatsappFee({ ...billable, waId: 'IT.1234567890' }), { kind: 'unknown', reason: 'recipient country unknown' });
    assert.deepEqual(whatsappFee({ billable: true, waId: ITALIAN, sentAt: JULY_2026 }), { kind: 'unknown', reason: 'billable without a category' });
    assert.deepEqual(whatsappFee({ category: 'utility', waId: ITALIAN, sentAt: JULY_2026 }), { kind: 'unknown', reason: 'pricing does not say whether it is billable' });
    assert.deepEqual(whatsappFee({ waId: ITALIAN, sentAt: JULY_2026 }), { kind: 'unpriced' });
  });

  it('takes another rate card, with dated rates in force up to their day', () => {
    const card = rateCardFrom({ about: 'test', currency: 'USD', ES: { marketing_until_2026_12_31: 0.05, marketing: 0.06, note: 'x' } });
    assert.deepEqual(card, { ES: { marketing_until_2026_12_31: 0.05, marketing: 0.06 } });
    const marketing = { billable: true, category: 'marketing', waId: '34612345678' };
    assert.equal((whatsappFee({ ...marketing, sentAt: Date.UTC(2026, 11, 31, 12) }, card) as { usd: number }).usd, 0.05);
    assert.equal((whatsappFee({ ...marketing, sentAt: Date.UTC(2027, 0, 1) }, card) as { usd: number }).usd, 0.06);
  });
});
