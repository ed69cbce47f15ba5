/**
 * Evaluation of an intent model on labelled examples, as `centralino nlu eval` and the
 * benchmark report it: in-scope accuracy, macro-F1, out-of-scope precision and recall at a
 * threshold, single-message speed and the most frequent confusions.
 */
import { performance } from 'node:perf_hooks';
import { isAnswered } from './threshold.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample, type Prediction } from './types.ts';

export interface Confusion {
  gold: string;
  predicted: string;
  count: number;
}

export interface Evaluation {
  /** Top-label accuracy on in-scope examples (no threshold). */
  accuracy: number;
  /** Macro-F1 over the in-scope labels (no threshold). */
  macro_f1: number;
  /** In-scope examples answered with the right label at the threshold. */
  in_scope_accuracy_at_threshold: number;
  /** Of the examples rejected as out of scope, the fraction that were; NaN without out-of-scope examples. */
  oos_precision: number;
  /** Of the out-of-scope examples, the fraction rejected; NaN without any. */
  oos_recall: number;
  threshold: number;
  classifications_per_second: number;
  latency_p50_ms: number;
  latency_p99_ms: number;
  confusions: Confusion[];
  examples: { in_scope: number; oos: number };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Predicts every example one at a time, as production does, timing each call. */
export function predictAll(model: IntentModel, examples: readonly LabelledExample[]): { tops: Prediction[]; latencies: number[]; seconds: number } {
  const tops: Prediction[] = [];
  const latencies: number[] = [];
  const start = performance.now();
  for (const example of examples) {
    const t0 = performance.now();
    const top = model.predict(example.text)[0];
    latencies.push(performance.now() - t0);
    tops.push(top ?? { label: OOS_LABEL, score: 1 });
  }
  return { tops, latencies, seconds: (performance.now() - start) / 1000 };
}

export function evaluateModel(model: IntentModel, test: readonly LabelledExample[], threshold: number, topConfusions = 10): Evaluation {
  const { tops, latencies, seconds } = predictAll(model, test);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    ...scorePredictions(test, tops, threshold, topConfusions),
    threshold,
    classifications_per_second: seconds > 0 ? Math.round(test.length / seconds) : Number.POSITIVE_INFINITY,
    latency_p50_ms: percentile(sorted, 50),
    latency_p99_ms: percentile(sorted, 99),
  };
}

type Scores = Omit<Evaluation, 'threshold' | 'classifications_per_second' | 'latency_p50_ms' | 'latency_p99_ms'>;

export function scorePredictions(test: readonly LabelledExample[], tops: readonly Prediction[], threshold: number, topConfusions = 10): Scores {
  const perLabel = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (label: string, key: 'tp' | 'fp' | 'fn') => {
    const entry = perLabel.get(label) ?? { tp: 0, fp: 0, fn: 0 };
    entry[key]++;
    perLabel.set(label, entry);
  };
  const confusions = new Map<string, Confusion>();
  let inScope = 0, right = 0, rightAtThreshold = 0, oos = 0, rejected = 0, rejectedOos = 0;
  test.forEach((example, i) => {
    const top = tops[i] ?? { label: OOS_LABEL, score: 1 };
    const answered = isAnswered(top, threshold);
    if (!answered) rejected++;
    if (example.label === OOS_LABEL) {
      oos++;
      if (!answered) rejectedOos++;
      return;
    }
    inScope++;
    if (answered && top.label === example.label) rightAtThreshold++;
    if (top.label === example.label) {
      right++;
      bump(example.label, 'tp');
      return;
    }
    bump(example.label, 'fn');
    if (top.label !== OOS_LABEL) bump(top.label, 'fp');
    const key = `${example.label}\u0000${top.label}`;
    const confusion = confusions.get(key) ?? { gold: example.label, predicted: top.label, count: 0 };
    confusion.count++;
    confusions.set(key, confusion);
  });
  return {
    accuracy: inScope === 0 ? Number.NaN : right / inScope,
    macro_f1: macroF1(perLabel, new Set(test.filter((e) => e.label !== OOS_LABEL).map((e) => e.label))),
    in_scope_accuracy_at_threshold: inScope === 0 ? Number.NaN : rightAtThreshold / inScope,
    oos_precision: oos === 0 ? Number.NaN : rejected === 0 ? 0 : rejectedOos / rejected,
    oos_recall: oos === 0 ? Number.NaN : rejectedOos / oos,
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold)).slice(0, topConfusions),
    examples: { in_scope: inScope, oos },
  };
}

function macroF1(perLabel: Map<string, { tp: number; fp: number; fn: number }>, labels: Set<string>): number {
  if (labels.size === 0) return Number.NaN;
  let sum = 0;
  for (const label of labels) {
    const { tp, fp, fn } = perLabel.get(label) ?? { tp: 0, fp: 0, fn: 0 };
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / labels.size;
}
