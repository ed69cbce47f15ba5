/** Importing YAML and JSON: FAQ lists with file defaults, texts per language, product catalogs, broken items with their lines. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importFiles, memoryStore, rejectionLines } from '../contract/knowledge-fixtures.ts';

const FAQ = `language: it
approved: false
valid_until: 31/12/2026
faq:
  - question: Posso pagare con PayPal?
    answer: Sì.
    tags: pagamenti, paypal
  - id: orari
    question:
      it: Orari?
      en: Opening hours?
    answer:
      it: Dalle 10 alle 19.
      en: From 10am to 7pm.
  - question: Senza risposta
  - just a string
  - question: { it: Solo it }
    answer: { it: Sì, de: Ja }
  - question: Tipo
    answer: X
    kind: ricetta
    valid_from: 2026-13-01
`;

describe('kb import: YAML and JSON', () => {
  it('imports a FAQ list with file-wide defaults, one entry per language for texts given per language', async () => {
    const store = memoryStore();
    const report = await importFiles(store, { 'faq.yaml': FAQ });
    assert.deepEqual(rejectionLines(report), [
      'faq.yaml:15: has no answer (column answer, risposta or Antwort)',
      'faq.yaml:16: item 4 is not a mapping of fields (question: …, answer: …)',
      'faq.yaml:17: question and answer must be given in the same languages (de)',
      'faq.yaml:21: kind "ricetta" is not one of faq, policy, product, document; valid_from "2026-13-01" is not a date (YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)',
    ]);
    const entries = await store.listEntries();
    assert.deepEqual(
      entries.map((e) => [e.source.line, e.language, e.title, e.body, e.tags, e.approved, e.validUntil, e.key]),
      [
        [5, 'it', 'Posso pagare con PayPal?', 'Sì.', ['pagamenti', 'paypal'], false, '2026-12-31', 'posso pagare con paypal'],
        [8, 'it', 'Orari?', 'Dalle 10 alle 19.', [], false, '2026-12-31', 'orari'],
        [8, 'en', 'Opening hours?', 'From 10am to 7pm.', [], false, '2026-12-31', 'orari'],
      ],
    );
    assert.notEqual(entries[1]?.id, entries[2]?.id);
  });

  it('imports a JSON catalog, with the line of every product', async () => {
    const store = memoryStore();
    const report = await importFiles(store, {
      'products.json': '{\n  "language": "en",\n  "products": [\n    { "sku": "A1", "name": "Linen dress", "price": 89, "sizes": ["S", "M"], "stock": 2, "colour": "white" },\n    { "sku": "A2", "price": "free" }\n  ]\n}\n',
      'listino.json': '[{ "name": "Manicure", "price": "35,00", "category": "mani" }]',
    });
    assert.deepEqual(rejectionLines(report), ['products.json:5: has no product name (column name, nome or Bezeichnung); price "free" is not a number']);
    assert.deepEqual((await store.listEntries()).map((e) => [e.source.file, e.source.line, e.kind, e.language, e.body]), [
      ['listino.json', 1, 'product', 'it', 'Categoria: mani. Prezzo: 35,00 €.'],
      ['products.json', 4, 'product', 'en', 'Price: €89.00. Sizes: S, M. In stock: 2. colour: white.'],
    ]);
  });

  it('imports nothing from a file that is not valid YAML or JSON, or has wrong file-wide settings', async () => {
    const store = memoryStore();
    const report = await importFiles(store, {
      'bad.yaml': 'faq:\n  - question: "unterminated\n    answer: x\n',
      'bad.json': '{ "faq": [ { "question": "a", } ',
      'bad2.json': '{\n  "faq": [],\n}\n',
      'nolist.yaml': 'language: it\ncolore: rosso\n',
      'wrong-default.yaml': 'valid_until: presto\nfaq:\n  - question: A?\n    answer: B.\n',
    });
    assert.deepEqual(rejectionLines(report), [
      'bad.json:1: not valid JSON: Expected double-quoted property name',
      'bad.yaml:1: not valid YAML/JSON: Missing closing "quote',
      'bad2.json:3: not valid JSON: Expected double-quoted property name',
      'nolist.yaml:1: has no list of entries (a key such as faq, policies, products or entries)',
      'nolist.yaml:2: unknown key "colore"',
      'wrong-default.yaml:1: valid_until "presto" is not a date (YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)',
    ]);
    assert.deepEqual(await store.listEntries(), []);
  });
});
