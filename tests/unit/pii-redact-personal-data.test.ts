import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PII_TYPES, type PiiType } from '../../src/pipeline/guard/guard-types.ts';
import { findPlaceholders, maskForModel, PLACEHOLDERS, redactPersonalData, restorePlaceholders } from '../../src/pipeline/guard/pii/redact-personal-data.ts';

const TEXT = 'Mail mario@example.com, tel 333 112 5366, ancora mario@example.com, pin 1234, IBAN DE89370400440532013000';

it('has one placeholder per type', () => {
  assert.deepEqual(Object.keys(PLACEHOLDERS).sort(), [...PII_TYPES].sort());
  assert.equal(new Set(Object.values(PLACEHOLDERS)).size, PII_TYPES.length);
});

it('redacts every finding with its typed placeholder; spans point at the placeholders', () => {
  const redacted = redactPersonalData(TEXT);
  assert.equal(redacted.text, 'Mail [EMAIL], tel [PHONE], ancora [EMAIL], pin [SECRET], IBAN [IBAN]');
  assert.deepEqual(
    redacted.spans.map((span) => redacted.text.slice(span.start, span.end)),
    ['[EMAIL]', '[PHONE]', '[EMAIL]', '[SECRET]', '[IBAN]'],
  );
  assert.deepEqual(redactPersonalData('nulla da nascondere'), { text: 'nulla da nascondere', spans: [] });
});

it('finds the placeholders of a stored text, typed or numbered, with their types', () => {
  const stored = redactPersonalData('CF RSSMRA85T10A562S, carta 4111 1111 1111 1111, Steuer-ID 65929970489').text;
  assert.equal(stored, 'CF [FISCAL_CODE], carta [CARD], Steuer-ID [TAX_ID]');
  assert.deepEqual(findPlaceholders(stored), [
    { start: 3, end: 16, type: 'IT_FISCAL_CODE' },
    { start: 24, end: 30, type: 'CREDIT_CARD' },
    { start: 42, end: 50, type: 'DE_TAX_ID' },
  ]);
  assert.deepEqual(findPlaceholders('scrivo a [EMAIL_2] e [vat_number]'), [
    { start: 9, end: 18, type: 'EMAIL' },
    { start: 21, end: 33, type: 'IT_VAT' },
  ]);
  assert.deepEqual(findPlaceholders('[FOO] [EMAIL'), []);
});

it('masks for a model with numbered placeholders: same value same number, stored placeholders numbered without value', () => {
  const masked = maskForModel(`${TEXT}, prima [PHONE]`);
  assert.equal(masked.text, 'Mail [EMAIL_1], tel [PHONE_2], ancora [EMAIL_1], pin [SECRET_3], IBAN [IBAN_4], prima [PHONE_5]');
  assert.deepEqual(masked.vault, [
    { placeholder: '[EMAIL_1]', type: 'EMAIL', value: 'mario@example.com' },
    { placeholder: '[PHONE_2]', type: 'PHONE', value: '333 112 5366' },
    { placeholder: '[SECRET_3]', type: 'SECRET', value: '1234' },
    { placeholder: '[IBAN_4]', type: 'IBAN', value: 'DE89370400440532013000' },
    { placeholder: '[PHONE_5]', type: 'PHONE' },
  ]);
  assert.deepEqual(maskForModel('ciao'), { text: 'ciao', vault: [] });
});

it('a numbered placeholder typed by the customer is renumbered, never linked to a value', () => {
  const masked = maskForModel('[EMAIL_1] e la mia mail mario@example.com');
  assert.equal(masked.text, '[EMAIL_1] e la mia mail [EMAIL_2]');
  assert.equal(masked.vault[0]?.value, undefined);
});

it('restores only allowed types, never secrets, cards or IBANs, and neutralises what it cannot restore', () => {
  const { vault } = maskForModel(`${TEXT}, carta 4111 1111 1111 1111, prima [PHONE]`);
  const all = new Set<PiiType>(PII_TYPES);
  const draft = 'Scrivo a [EMAIL_1] e [PHONE_2]; pin [SECRET_3], IBAN [IBAN_4], carta [CARD_5], [PHONE_6], [PHONE_9], [email 1], [PHONE_1], [EMAIL]';
  assert.equal(
    restorePlaceholders(draft, vault, all),
    'Scrivo a mario@example.com e 333 112 5366; pin [SECRET], IBAN [IBAN], carta [CARD], [PHONE], [PHONE], mario@example.com, [PHONE], [EMAIL]',
  );
  assert.equal(restorePlaceholders(draft, vault, new Set<PiiType>(['EMAIL'])).startsWith('Scrivo a mario@example.com e [PHONE];'), true);
  assert.equal(restorePlaceholders('Grazie [EMAIL_1]', vault, new Set()), 'Grazie [EMAIL]');
  assert.equal(restorePlaceholders('niente da fare', vault, all), 'niente da fare');
});
