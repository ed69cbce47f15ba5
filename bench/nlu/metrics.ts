/**
 * Scoring, identical for every system: the systems hand back a label and a top score per
 * message, and everything below is computed here from those.
 */
import { percentile } from '../stats.ts';
import { OOS } from './datasets.ts';

export interface Scored {
  labels: string[];
  /** The score of the top label (probability for most systems, SVM margin for the SVM). */
  scores: number[];
}

/** Share of in-scope test messages (gold label not `oos`) given their gold label. */
export function inScopeAccuracy(gold: readonly string[], predicted: readonly string[]): number {
  let total = 0;
  let right = 0;
  gold.forEach((label, i) => {
    if (label === OOS) return;
    total += 1;
    if (predicted[i] === label) right += 1;
  });
  return total === 0 ? Number.NaN : right / total;
}

/**
 * Macro-F1 over the in-scope labels, on the in-scope test messages: per gold label, F1
 * from true positives, false positives (another in-scope message predicted as it) and
 * false negatives (its messages predicted as anything else, `oos` included); then the
 * unweighted mean. Out-of-scope test messages are left to `oosRecall`.
 */
export function inScopeMacroF1(gold: readonly string[], predicted: readonly string[]): number {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  gold.forEach((label, i) => {
    if (label === OOS) return;
    tp.set(label, tp.get(label) ?? 0);
    const guess = predicted[i] ?? '';
    if (guess === label) bump(tp, label);
    else {
      bump(fn, label);
      bump(fp, guess);
    }
  });
  let sum = 0;
  for (const [label, hits] of tp) {
    const precisionDen = hits + (fp.get(label) ?? 0);
    const recallDen = hits + (fn.get(label) ?? 0);
    const precision = precisionDen === 0 ? 0 : hits / precisionDen;
    const recall = recallDen === 0 ? 0 : hits / recallDen;
    sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return tp.size === 0 ? Number.NaN : sum / tp.size;
}

/** Share of out-of-scope test messages predicted `oos`. */
export function oosRecall(gold: readonly string[], predicted: readonly string[]): number {
  let total = 0;
  let caught = 0;
  gold.forEach((label, i) => {
    if (label !== OOS) return;
    total += 1;
    if (predicted[i] === OOS) caught += 1;
  });
  return total === 0 ? Number.NaN : caught / total;
}

/** A message is out of scope when its top label is `oos` or its top score is below `threshold`. */
export function applyThreshold(scored: Scored, threshold: number): string[] {
  return scored.labels.map((label, i) => ((scored.scores[i] ?? Number.NEGATIVE_INFINITY) < threshold ? OOS : label));
}

export interface ThresholdChoice {
  threshold: number;
  valid_in_scope_accuracy: number;
  valid_oos_recall: number;
  valid_balanced: number;
}

/**
 * The "balanced" rule: over every top score seen on the validation set (and "no
 * threshold"), the threshold that maximises the mean of in-scope accuracy and oos
 * recall on validation; ties go to the lowest threshold.
 */
export function chooseThreshold(gold: readonly string[], valid: Scored): ThresholdChoice {
  const candidates = [Number.NEGATIVE_INFINITY, ...new Set(valid.scores)].sort((a, b) => a - b);
  let best: ThresholdChoice | null = null;
  for (const threshold of candidates) {
    const predicted = applyThreshold(valid, threshold);
    const accuracy = inScopeAccuracy(gold, predicted);
    const recall = oosRecall(gold, predicted);
    const balanced = (accuracy + recall) / 2;
    if (best === null || balanced > best.valid_balanced) {
      best = { threshold, valid_in_scope_accuracy: accuracy, valid_oos_recall: recall, valid_balanced: balanced };
    }
  }
  if (best === null) throw new Error('no validation scores');
  return best;
}

export interface Speed {
  /** Classifications per second over the timed loop (or batch, for fastText). */
  per_second: number;
  p50_ms: number | null;
  p99_ms: number | null;
  /** How the numbers were taken. */
  method: string;
}

/** Speed from per-message latencies and the wall time of the whole one-at-a-time loop. */
export function speedFromLatencies(latenciesMs: readonly number[], wallMs: number, method: string): Speed {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    per_second: latenciesMs.length / (wallMs / 1000),
    p50_ms: percentile(sorted, 50),
    p99_ms: percentile(sorted, 99),
    method,
  };
}
