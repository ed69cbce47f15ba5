import assert from 'node:assert/strict';
import { it } from 'node:test';
import { corpusRows, HELD_OUT_FILES, heldOutFileRows, heldOutRows, OUTSIDE_FILES } from '../../bench/guard-injection-data.ts';
import { foldText } from '../../src/text/normalize-text.ts';

it('keeps the injection rail held-out sets out of its training data', () => {
  for (const file of HELD_OUT_FILES) assert.ok(!OUTSIDE_FILES.includes(file), `${file} is both held out and trained on`);
  const trained = new Set(corpusRows().map((r) => foldText(r.text)));
  // independent authors write a few of the same short messages; a set that was trained on would overlap entirely
  const all = heldOutFileRows();
  const shared = all.filter((r) => trained.has(foldText(r.text)));
  assert.ok(shared.length <= 0.06 * all.length, `${shared.length} of ${all.length} held-out rows are in the training data`);
  assert.equal(heldOutRows().filter((r) => trained.has(foldText(r.text))).length, 0);
  assert.equal(heldOutRows().length, all.length - shared.length);
});

it('has held-out sets of the agreed shape: attacks and benign messages in it, de and en', () => {
  const rows = heldOutRows();
  for (const lang of ['it', 'de', 'en']) {
    for (const label of ['injection', 'benign'] as const) {
      assert.ok(rows.filter((r) => r.lang === lang && r.label === label).length >= 50, `${lang} ${label}`);
    }
  }
});
