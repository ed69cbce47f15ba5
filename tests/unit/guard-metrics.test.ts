import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addCounts, binaryCounts, emptyCounts, entityCounts, scores } from '../../src/cli/guard/guard-metrics.ts';

it('binary counts: a flagged benign message is a false positive and a false alarm', () => {
  const total = emptyCounts();
  for (const [actual, predicted] of [[true, true], [true, false], [false, true], [false, false], [false, false]] as const) addCounts(total, binaryCounts(actual, predicted));
  assert.deepEqual(total, { tp: 1, fp: 1, fn: 1, negatives: 3, falseAlarms: 1 });
  const s = scores(total);
  assert.equal(s.precision, 0.5);
  assert.equal(s.recall, 0.5);
  assert.equal(s.f1, 0.5);
  assert.equal(s.fpr, 1 / 3);
});

it('entity counts: overlap of the same type counts; another type or no overlap does not', () => {
  const labelled = [{ type: 'IBAN', start: 10, end: 37 }, { type: 'EMAIL', start: 50, end: 70 }];
  const found = [{ type: 'IBAN', start: 12, end: 30 }, { type: 'PHONE', start: 50, end: 60 }];
  assert.deepEqual(entityCounts(labelled, found), { tp: 1, fp: 1, fn: 1, negatives: 0, falseAlarms: 0 });
  assert.deepEqual(entityCounts([], found), { tp: 0, fp: 2, fn: 0, negatives: 1, falseAlarms: 1 });
});

it('a ratio with nothing to count is NaN (null in JSON), not a made-up 0 or 1', () => {
  const s = scores(emptyCounts());
  assert.ok(Number.isNaN(s.precision) && Number.isNaN(s.recall) && Number.isNaN(s.fpr));
  assert.equal(JSON.stringify({ p: s.precision }), '{"p":null}');
});
