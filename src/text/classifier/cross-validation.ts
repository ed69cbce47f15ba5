/**
 * k-fold cross-validation on a business's own examples: every example is predicted by a
 * model that never saw it. Gives the held-out predictions the threshold is chosen on, and
 * per-intent accuracy so a business sees which intents need more examples.
 */
import { createRandom } from './prng.ts';
import type { Scored } from './threshold.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample, type TrainOptions } from './types.ts';

export type TrainFn = (examples: LabelledExample[], options?: TrainOptions) => IntentModel;

export interface IntentReport {
  intent: string;
  examples: number;
  /** Held-out accuracy of this intent's examples (top label, no threshold). */
  accuracy: number;
  /** The intent its examples were most often mistaken for, if any. */
  confusedWith?: string;
}

export interface CrossValidation {
  folds: number;
  scored: Scored[];
  intents: IntentReport[];
}

/** Folds stratified by label, assigned round-robin after a seeded shuffle. */
export function assignFolds(examples: readonly LabelledExample[], folds: number, seed: number): number[] {
  const random = createRandom(seed);
  const byLabel = new Map<string, number[]>();
  examples.forEach((e, i) => byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), i]));
  const fold = new Array<number>(examples.length).fill(0);
  let next = 0;
  for (const indexes of byLabel.values()) {
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
    }
    for (const index of indexes) fold[index] = next++ % folds;
  }
  return fold;
}

export function crossValidate(
  examples: readonly LabelledExample[],
  train: TrainFn,
  options: { folds?: number; seed?: number; onFold?: (done: number, total: number) => void } = {},
): CrossValidation {
  const smallest = Math.min(...countByLabel(examples).values());
  const folds = Math.max(2, Math.min(options.folds ?? 5, smallest));
  const fold = assignFolds(examples, folds, options.seed ?? 1);
  const scored: Scored[] = [];
  for (let k = 0; k < folds; k++) {
    const model = train(examples.filter((_, i) => fold[i] !== k), { seed: options.seed ?? 1 });
    examples.forEach((example, i) => {
      if (fold[i] !== k) return;
      const top = model.predict(example.text)[0];
      if (top) scored.push({ gold: example.label, top });
    });
    options.onFold?.(k + 1, folds);
  }
  return { folds, scored, intents: reportByIntent(scored) };
}

function countByLabel(examples: readonly LabelledExample[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  return counts;
}

function reportByIntent(scored: readonly Scored[]): IntentReport[] {
  const byIntent = new Map<string, { total: number; right: number; wrong: Map<string, number> }>();
  for (const { gold, top } of scored) {
    if (gold === OOS_LABEL) continue;
    const entry = byIntent.get(gold) ?? { total: 0, right: 0, wrong: new Map<string, number>() };
    entry.total++;
    if (top.label === gold) entry.right++;
    else entry.wrong.set(top.label, (entry.wrong.get(top.label) ?? 0) + 1);
    byIntent.set(gold, entry);
  }
  return [...byIntent.entries()]
    .map(([intent, e]) => {
      const confused = [...e.wrong.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      return { intent, examples: e.total, accuracy: e.right / e.total, ...(confused ? { confusedWith: confused } : {}) };
    })
    .sort((a, b) => a.accuracy - b.accuracy || a.intent.localeCompare(b.intent));
}
