/**
 * Background out-of-scope examples: added as `oos` for the languages where the business lists
 * none of its own (`auto`), for every language (`always`) or never; as many as three times the
 * median examples per intent, the same rows for the same config, never one of the business's own.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { backgroundMessages, backgroundOutOfScope, BACKGROUND_PER_INTENT } from '../../src/pipeline/understand/background-out-of-scope.ts';
import { businessExamples, trainBusinessModel } from '../../src/pipeline/understand/business-model.ts';
import { demoBusiness } from '../helpers/demo-config.ts';
import type { BusinessConfig } from '../../src/config/business-schema.ts';
import { OOS_LABEL } from '../../src/text/classifier/types.ts';

function withoutOutOfScope(mode: BusinessConfig['understanding']['background_out_of_scope'] = 'auto'): BusinessConfig {
  const business = structuredClone(demoBusiness());
  business.understanding.out_of_scope = {};
  business.understanding.background_out_of_scope = mode;
  return business;
}

function medianExamples(business: BusinessConfig, language: string): number {
  const counts = Object.values(business.intents)
    .map((intent) => intent.examples[language]?.length)
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b);
  return counts[Math.floor(counts.length / 2)] ?? 0;
}

it('has a few hundred generic messages in each of it, de, en and none for other languages', () => {
  for (const language of ['it', 'de', 'en']) assert.ok(backgroundMessages(language).length >= 300, language);
  assert.deepEqual(backgroundMessages('fr'), []);
});

it('adds background rows per language of the examples, three times the median examples per intent, when the business has no out-of-scope examples', () => {
  const business = withoutOutOfScope();
  const rows = backgroundOutOfScope(business);
  assert.ok(rows.every((row) => row.label === OOS_LABEL));
  const languages = new Set(Object.values(business.intents).flatMap((intent) => Object.keys(intent.examples)));
  const expected = [...languages].reduce((sum, language) => sum + Math.min(backgroundMessages(language).length, BACKGROUND_PER_INTENT * medianExamples(business, language)), 0);
  assert.equal(rows.length, expected);
  assert.ok(rows.length > 0);
  assert.deepEqual(backgroundOutOfScope(business), rows, 'the same config gets the same rows');
  assert.equal(new Set(rows.map((row) => row.text)).size, rows.length, 'no row twice');
  const examples = businessExamples(business);
  assert.equal(examples.filter((e) => e.label === OOS_LABEL).length, rows.length);
});

it('adds none for a language the business covers itself (auto), all with always, none with never', () => {
  const demo = demoBusiness();
  const italianOnly = withoutOutOfScope();
  italianOnly.understanding.out_of_scope = { it: ['chi ha vinto la partita?'] };
  const autoRows = backgroundOutOfScope(italianOnly);
  assert.ok(autoRows.length > 0, 'the English examples get background rows');
  assert.deepEqual(new Set(autoRows.map((row) => languageOfRow(row.text))), new Set(['en']));
  assert.equal(backgroundOutOfScope(withoutOutOfScope('never')).length, 0);
  const always = structuredClone(demo);
  always.understanding.background_out_of_scope = 'always';
  assert.equal(backgroundOutOfScope(always).length, backgroundOutOfScope(withoutOutOfScope()).length);
});

it('never uses one of the business own examples as background', () => {
  const business = withoutOutOfScope();
  const stolen = backgroundMessages('it')[0] as string;
  const first = Object.values(business.intents)[0];
  assert.ok(first);
  first.examples.it = [...(first.examples.it ?? []), stolen];
  assert.ok(!backgroundOutOfScope(business).some((row) => row.text === stolen));
});

it('trains a business model with an oos label when the business gave no out-of-scope examples', () => {
  const examples = businessExamples(withoutOutOfScope());
  const trained = trainBusinessModel(examples, 0.9, 'test');
  assert.ok(trained.model.labels.includes(OOS_LABEL));
  const never = trainBusinessModel(businessExamples(withoutOutOfScope('never')), 0.9, 'test');
  assert.ok(!never.model.labels.includes(OOS_LABEL));
});

/** Which background file a text comes from ('' when none). */
function languageOfRow(text: string): string {
  return ['it', 'de', 'en'].find((language) => backgroundMessages(language).includes(text)) ?? '';
}
