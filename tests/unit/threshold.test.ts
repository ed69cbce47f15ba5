import assert from 'node:assert/strict';
import { it } from 'node:test';
import { chooseThreshold, evaluateThreshold, type Scored } from '../../src/text/classifier/threshold.ts';

const s = (gold: string, label: string, score: number): Scored => ({ gold, top: { label, score } });

const heldOut: Scored[] = [
  s('prices', 'prices', 0.95),
  s('prices', 'prices', 0.9),
  s('hours', 'hours', 0.8),
  s('hours', 'prices', 0.55), // a confident-ish mistake
  s('book', 'book', 0.5),
  s('oos', 'hours', 0.45),
  s('oos', 'book', 0.3),
  s('book', 'hours', 0.2),
];

it('evaluates precision, coverage, in-scope accuracy and oos recall at a threshold', () => {
  const at = evaluateThreshold(heldOut, 0.5);
  assert.equal(at.precision, 4 / 5);
  assert.equal(at.coverage, 5 / 6);
  assert.equal(at.inScopeAccuracy, 4 / 6);
  assert.equal(at.oosRecall, 1);
});

it('for a precision target, picks the lowest threshold that reaches it (most answers)', () => {
  const choice = chooseThreshold(heldOut, { precision: 0.95 });
  assert.equal(choice.threshold, 0.8);
  assert.equal(choice.precision, 1);
  assert.equal(choice.met, true);
  assert.equal(chooseThreshold(heldOut, { precision: 0.7 }).threshold, 0.5);
  assert.equal(chooseThreshold(heldOut, { precision: 0.6 }).threshold, 0.45);
});

it('when a precision target cannot be met, the classifier never answers alone', () => {
  const choice = chooseThreshold([s('a', 'b', 0.9), s('a', 'a', 0.8)], { precision: 0.9 });
  assert.equal(choice.met, false);
  assert.ok(choice.threshold > 1);
  assert.equal(choice.coverage, 0);
});

it('balanced: maximises the mean of in-scope accuracy and out-of-scope recall', () => {
  const choice = chooseThreshold(heldOut, 'balanced');
  assert.equal(choice.threshold, 0.5);
  assert.equal((choice.inScopeAccuracy + choice.oosRecall) / 2, (4 / 6 + 1) / 2);
});

it('a top prediction of the oos class is never answered', () => {
  assert.equal(evaluateThreshold([s('oos', 'oos', 0.99)], 0).oosRecall, 1);
});
