import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadIntentModel, trainIntentModel } from '../../src/text/classifier/intent-model.ts';
import type { LabelledExample, TrainProgress } from '../../src/text/classifier/types.ts';

const EXAMPLES: Record<string, string[]> = {
  opening_hours: [
    'a che ora aprite domani?', 'quali sono gli orari di apertura', 'siete aperti la domenica?', 'fino a che ora siete aperti stasera',
    'wann habt ihr geöffnet?', 'Öffnungszeiten am Samstag', 'habt ihr sonntags offen', 'what time do you open', 'are you open on sunday', 'opening hours today',
  ],
  order_status: [
    'dove si trova il mio ordine?', 'il mio pacco non è ancora arrivato', 'quando arriva la spedizione', 'stato del mio ordine 1234',
    'wo ist meine Bestellung?', 'mein Paket ist noch nicht angekommen', 'Sendungsverfolgung bitte', 'where is my order', 'my package has not arrived', 'track my parcel',
  ],
  book_table: [
    'vorrei prenotare un tavolo per due', 'prenotazione per stasera alle 20', 'avete un tavolo libero per quattro persone?', 'posso prenotare per sabato sera',
    'ich möchte einen Tisch reservieren', 'Reservierung für zwei Personen heute Abend', 'habt ihr einen Tisch frei', 'book a table for two', 'i want to make a reservation tonight', 'table for four on saturday',
  ],
  cancel: [
    'voglio annullare la prenotazione', 'cancellate il mio ordine per favore', 'disdire la prenotazione di domani', 'annulla tutto',
    'ich möchte stornieren', 'bitte meine Reservierung absagen', 'Bestellung stornieren', 'cancel my booking', 'please cancel the order', 'i need to cancel my reservation 😞',
  ],
  oos: ['che tempo fa a roma', 'wer hat das Spiel gestern gewonnen', 'tell me a joke', 'qual è la capitale della francia', 'wie alt bist du'],
};

function examples(): LabelledExample[] {
  return Object.entries(EXAMPLES).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));
}

const PARAPHRASES: [string, string][] = [
  ['a che ora aprite sabato', 'opening_hours'],
  ['siete aperti domenica mattina?', 'opening_hours'],
  ['wann offnet ihr morgen', 'opening_hours'],
  ['dov è il mio ordine', 'order_status'],
  ['il pacco non e arrivato', 'order_status'],
  ['wo ist mein paket', 'order_status'],
  ['prenotare un tavolo x 3 persone', 'book_table'],
  ['tisch resevieren für heute', 'book_table'],
  ['can i book a table tonight', 'book_table'],
  ['annullare prenotazione', 'cancel'],
  ['reservierung stornieren bitte', 'cancel'],
  ['cancel my order pls', 'cancel'],
];

describe('intent model', () => {
  const model = trainIntentModel(examples(), { seed: 7 });

  it('knows every label it was trained with, oos included', () => {
    assert.deepEqual([...model.labels].sort(), Object.keys(EXAMPLES).sort());
  });

  it('classifies unseen paraphrases with typos, missing accents, abbreviations and emoji', () => {
    const wrong = PARAPHRASES.filter(([text, label]) => model.predict(text)[0]?.label !== label);
    assert.ok(wrong.length <= 2, `misclassified: ${JSON.stringify(wrong.map(([text]) => [text, model.predict(text)[0]]))}`);
  });

  it('returns every label once, probabilities sorted best first and summing to 1', () => {
    for (const text of ['quando arriva il mio ordine', '', '🙂🙂', 'x'.repeat(2000)]) {
      const predictions = model.predict(text);
      assert.deepEqual(predictions.map((p) => p.label).sort(), [...model.labels].sort());
      for (let i = 1; i < predictions.length; i++) assert.ok((predictions[i - 1]?.score ?? 0) >= (predictions[i]?.score ?? 0));
      for (const p of predictions) assert.ok(p.score >= 0 && p.score <= 1);
      assert.ok(Math.abs(predictions.reduce((sum, p) => sum + p.score, 0) - 1) < 1e-6);
    }
  });

  it('is less sure of a text it has never seen anything like', () => {
    const familiar = model.predict('dove si trova il mio ordine')[0]?.score ?? 0;
    const strange = model.predict('quantum chromodynamics lattice gauge')[0];
    assert.ok(strange?.label === 'oos' || (strange?.score ?? 1) < familiar);
  });

  it('trains the same model twice from the same seed', () => {
    const again = trainIntentModel(examples(), { seed: 7 });
    for (const [text] of PARAPHRASES) assert.deepEqual(again.predict(text), model.predict(text));
  });

  it('reads back from its JSON with identical predictions', () => {
    const json: unknown = JSON.parse(JSON.stringify(model.toJSON()));
    const loaded = loadIntentModel(json);
    assert.deepEqual(loaded.labels, model.labels);
    for (const [text] of PARAPHRASES) assert.deepEqual(loaded.predict(text), model.predict(text));
  });

  it('rejects a corrupt JSON with a clear error', () => {
    const json = JSON.parse(JSON.stringify(model.toJSON())) as Record<string, unknown>;
    assert.throws(() => loadIntentModel(null), /invalid intent model JSON: expected an object/);
    assert.throws(() => loadIntentModel({ ...json, format: 'other' }), /"format"/);
    assert.throws(() => loadIntentModel({ ...json, version: 99 }), /unsupported "version" 99/);
    assert.throws(() => loadIntentModel({ ...json, labels: ['a', 'a'] }), /"labels"/);
    assert.throws(() => loadIntentModel({ ...json, weights: 'AAAAAA==' }), /"weights" has 1 values, expected/);
    assert.throws(() => loadIntentModel({ ...json, idf: 'not base64!' }), /"idf" must be a base64 string/);
  });

  it('reports progress while training', () => {
    const seen: TrainProgress[] = [];
    trainIntentModel(examples(), { onProgress: (p) => seen.push(p) });
    assert.ok(seen.some((p) => p.phase === 'features'));
    const training = seen.filter((p) => p.phase === 'training');
    assert.ok(training.length > 0);
    assert.equal(training.at(-1)?.done, training.at(-1)?.total);
  });

  it('refuses to train without two labels', () => {
    assert.throws(() => trainIntentModel([]), /without examples/);
    assert.throws(() => trainIntentModel([{ text: 'ciao', label: 'greet' }]), /at least two labels/);
  });

  it('works without an oos class', () => {
    const inScope = examples().filter((e) => e.label !== 'oos');
    const plain = trainIntentModel(inScope);
    assert.ok(!plain.labels.includes('oos'));
    assert.equal(plain.predict('wo ist meine bestellung')[0]?.label, 'order_status');
    const sum = plain.predict('tell me a joke').reduce((s, p) => s + p.score, 0);
    assert.ok(Math.abs(sum - 1) < 1e-6);
  });
});
