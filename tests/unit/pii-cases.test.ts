import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { PII_TYPES } from '../../src/pipeline/guard/guard-types.ts';
import { findPersonalData } from '../../src/pipeline/guard/pii/find-personal-data.ts';

interface Case {
  text: string;
  entities: { type: string; start: number; end: number }[];
  lang: string;
}

const file = new URL('../fixtures/guard/pii-cases.jsonl', import.meta.url);
const cases = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Case);

it('the labelled file is well formed: enough lines per language, negatives, known types, spans inside the text', () => {
  assert.ok(cases.length >= 90);
  for (const lang of ['it', 'de', 'en']) assert.ok(cases.filter((c) => c.lang === lang).length >= 30, lang);
  assert.ok(cases.filter((c) => c.entities.length === 0).length >= 30);
  for (const c of cases) {
    for (const e of c.entities) {
      assert.ok((PII_TYPES as readonly string[]).includes(e.type), e.type);
      assert.ok(e.start >= 0 && e.start < e.end && e.end <= c.text.length, c.text);
    }
  }
});

it('findPersonalData returns exactly the labelled spans on every line', () => {
  for (const [index, c] of cases.entries()) {
    const found = findPersonalData(c.text).map(({ type, start, end }) => ({ type, start, end }));
    assert.deepEqual(found, c.entities, `line ${index + 1}: ${c.text}`);
  }
});
