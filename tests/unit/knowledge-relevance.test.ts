/**
 * Search relevance on the written fixtures (tests/fixtures/knowledge/): a fashion shop and a
 * beauty salon, FAQ, policies and catalogs in it/de/en. Each query, written as customers
 * write (other inflections, missing accents and umlauts, typos, chat filler, German
 * compounds), must find the expected entry first, or within the rank given.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { loadBusinessConfig } from '../../src/config/load-business.ts';
import type { KnowledgeStore } from '../../src/core/knowledge.ts';
import { importKnowledge } from '../../src/knowledge/import/import-knowledge.ts';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { memoryStore } from '../contract/knowledge-fixtures.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/knowledge/', import.meta.url));
const business = loadBusinessConfig(`${FIXTURES}business.yaml`);
const TODAY = '2026-07-15';

/** [language, customer text, expected title, within this rank (default 1)] */
type Case = [string, string, string, number?];

const FASHION: Case[] = [
  ['it', 'resi', 'Resi e rimborsi', 3],
  ['it', 'entro quanti giorni si puo fare il reso', 'Entro quanti giorni posso fare il reso?', 2],
  ['it', 'quando arriva il rimborso?', 'Resi e rimborsi'],
  ['it', 'costi di spedizone', 'Quanto costa la spedizione?'],
  ['it', "posso annulare l'ordine", "Annullamento dell'ordine"],
  ['it', 'cambio taglia', 'Come posso cambiare la taglia di un capo?'],
  ['it', 'accettate paypal?', 'Quali metodi di pagamento accettate?'],
  ['it', 'gift card', 'Vendete buoni regalo?'],
  ['it', 'i costumi da bagno si possono restituire?', 'Articoli esclusi dal reso'],
  ['it', 'giacca di pelle nera taglia M', 'Giacca in pelle nera'],
  ['it', "quanto costa l'abito di lino", 'Abito in lino'],
  ['it', 'saldi estivi', 'Saldi estivi'],
  ['de', 'Rücksendungen', 'Wie lange habe ich Zeit für eine Rücksendung?', 2],
  ['de', 'ruecksendung', 'Rückgabe und Erstattung', 2],
  ['de', 'Rückerstattung', 'Rückgabe und Erstattung'],
  ['de', 'was kostet der versand', 'Wie hoch sind die Versandkosten?'],
  ['de', 'Versandkosten Österreich', 'Wie hoch sind die Versandkosten?'],
  ['de', 'grosse umtauschen', 'Wie kann ich die Größe umtauschen?'],
  ['de', 'Bestellung stornieren', 'Stornierung einer Bestellung'],
  ['de', 'Gutschein', 'Gibt es Gutscheine?'],
  ['de', 'Zahlung mit Klarna', 'Welche Zahlungsarten akzeptiert ihr?'],
  ['en', 'returning', 'Returns and refunds', 2],
  ['en', 'returning', 'How long do I have to return an item?', 2],
  ['en', 'refunds', 'Returns and refunds'],
  ['en', 'how much does shiping cost', 'How much is shipping?'],
  ['en', 'cancel my order', 'Order cancellation'],
  ['en', 'exchanging sizes', 'How do I exchange for a different size?'],
  ['en', 'do you take apple pay', 'Which payment methods do you accept?'],
  ['en', 'linen dress', 'Linen dress'],
  ['en', 'leather jacket price', 'Black leather jacket'],
];

const SALON: Case[] = [
  ['it', 'quanto costa la manicure semipermanente', 'Manicure semipermanente', 2],
  ['it', 'caparra per prenotare', 'Acconto per le prenotazioni'],
  ['it', "disdire l'appuntamento", "Disdetta dell'appuntamento"],
  ['it', 'arrivo in ritardo', 'Ritardi'],
  ['it', 'prezzo pulizia viso', 'Pulizia del viso'],
  ['de', 'Anzahlung', 'Anzahlung bei Buchungen'],
  ['de', 'Termin absagen', 'Absage eines Termins'],
  ['de', 'Verspätung', 'Verspätung'],
  ['de', 'Parkplatz', 'Gibt es Parkplätze in der Nähe?'],
  ['de', 'vegane Produkte', 'Verwendet ihr vegane Produkte?'],
  ['en', 'deposit to book', 'Deposit for bookings'],
  ['en', 'cancel appointment', 'Cancelling an appointment'],
  ['en', 'running late', 'Late arrival'],
  ['en', 'how long does gel polish last', 'How long does a gel manicure last?'],
];

async function knowledgeOf(folder: string): Promise<{ store: KnowledgeStore; knowledge: KnowledgeBase }> {
  const store = memoryStore();
  const report = await importKnowledge(store, `${FIXTURES}${folder}`, { languages: business.profile.languages, defaultLanguage: business.profile.default_language });
  assert.deepEqual(report.rejected, [], `${folder} imports cleanly`);
  return { store, knowledge: createKnowledgeBase({ store, synonyms: business.knowledge.synonyms, timeZone: business.profile.timezone }) };
}

function relevance(folder: string, cases: readonly Case[]): void {
  describe(`relevance: ${folder}`, () => {
    let knowledge: KnowledgeBase;
    before(async () => {
      ({ knowledge } = await knowledgeOf(folder));
    });
    for (const [language, text, expected, within = 1] of cases) {
      it(`${language}: "${text}" → ${expected}${within > 1 ? ` (top ${within})` : ''}`, async () => {
        const titles = (await knowledge.findSources(text, language, { today: TODAY })).map((m) => m.title);
        assert.ok(titles.slice(0, within).includes(expected), `got ${JSON.stringify(titles)}`);
      });
    }
  });
}

relevance('fashion-shop', FASHION);
relevance('beauty-salon', SALON);

describe('what the respond tier gets', () => {
  it('each match carries id, text, snippet, score, coverage and source, usable as Draft.sources', async () => {
    const { knowledge } = await knowledgeOf('fashion-shop');
    const [best] = await knowledge.findSources('quanto costa la spedizione?', 'it', { today: TODAY, limit: 1 });
    assert.ok(best !== undefined);
    assert.match(best.id, /^faq_[0-9a-f]{12}$/);
    assert.equal(best.text, 'Quanto costa la spedizione?\nLa spedizione in Italia costa 5,90 € ed è gratuita per ordini sopra i 69 €.');
    assert.equal(best.snippet, 'La spedizione in Italia costa 5,90 € ed è gratuita per ordini sopra i 69 €.');
    assert.deepEqual(best.highlights.map(([s, e]) => best.snippet.slice(s, e)), ['spedizione', 'costa']);
    assert.equal(best.coverage, 1);
    assert.ok(best.score > 0);
    assert.equal(best.approved, true);
    assert.deepEqual(best.source, { file: 'faq.it.yaml', line: 11 });
  });

  it('finds nothing for small talk or another business\'s topic', async () => {
    const { knowledge } = await knowledgeOf('beauty-salon');
    assert.deepEqual(await knowledge.findSources('ciao, grazie!', 'it', { today: TODAY }), []);
    assert.deepEqual(await knowledge.findSources('costi di spedizione', 'it', { today: TODAY }), []);
  });

  it('searches every business language when a person does not say which', async () => {
    const { knowledge } = await knowledgeOf('fashion-shop');
    const [first] = await knowledge.search('Versandkosten', { languages: business.profile.languages, today: TODAY });
    assert.equal(first?.title, 'Wie hoch sind die Versandkosten?');
    const [english] = await knowledge.search('refund', { languages: business.profile.languages, language: 'en', today: TODAY });
    assert.equal(english?.language, 'en');
  });
});
