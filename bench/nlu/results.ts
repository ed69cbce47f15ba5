/** From a system's raw predictions to the numbers that are reported. */
import { readJsonl, type BenchSet, type Run, type SetId } from './datasets.ts';
import { applyThreshold, chooseThreshold, inScopeAccuracy, inScopeMacroF1, oosRecall, type ThresholdChoice } from './metrics.ts';
import type { RawRun, SystemName } from './system.ts';

export interface OosResult {
  /** Top label as predicted (the model was trained with the `oos` examples). */
  no_threshold: { in_scope_accuracy: number; oos_recall: number };
  /** Threshold on the top score chosen on valid.jsonl by the balanced rule. */
  threshold: ThresholdChoice;
  balanced: { in_scope_accuracy: number; oos_recall: number; macro_f1: number };
}

export interface RunResult {
  seed: number | null;
  in_scope_accuracy: number;
  macro_f1: number;
  train_seconds: number;
  per_second: number;
  p50_ms: number | null;
  p99_ms: number | null;
  peak_rss_mb: number;
  /** Size of the saved model (from the adapter's extra.model_mb), null when unknown. */
  model_mb: number | null;
  speed_method: string;
  oos?: OosResult;
  settings: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

/** Means over the seeds for 10-shot sets (peak memory: the highest); the run itself for full sets. */
export type SetResult = Omit<RunResult, 'seed' | 'speed_method' | 'settings' | 'extra'> & {
  system: SystemName;
  set: SetId;
  runs: RunResult[];
};

const goldCache = new Map<string, string[]>();
function gold(path: string): string[] {
  let labels = goldCache.get(path);
  if (!labels) {
    labels = readJsonl(path).map((row) => row.label);
    goldCache.set(path, labels);
  }
  return labels;
}

export function evaluate(run: Run, raw: RawRun): RunResult {
  const testGold = gold(run.test);
  if (raw.test.labels.length !== testGold.length) throw new Error(`expected ${testGold.length} test predictions, got ${raw.test.labels.length}`);
  const result: RunResult = {
    seed: run.seed,
    in_scope_accuracy: inScopeAccuracy(testGold, raw.test.labels),
    macro_f1: inScopeMacroF1(testGold, raw.test.labels),
    train_seconds: raw.train_seconds,
    per_second: raw.speed.per_second,
    p50_ms: raw.speed.p50_ms,
    p99_ms: raw.speed.p99_ms,
    peak_rss_mb: raw.peak_rss_mb,
    model_mb: typeof raw.extra?.model_mb === 'number' ? raw.extra.model_mb : null,
    speed_method: raw.speed.method,
    settings: raw.settings,
    ...(raw.extra ? { extra: raw.extra } : {}),
  };
  if (run.set.oos && run.valid && raw.valid) {
    const choice = chooseThreshold(gold(run.valid), raw.valid);
    const thresholded = applyThreshold(raw.test, choice.threshold);
    result.oos = {
      no_threshold: { in_scope_accuracy: result.in_scope_accuracy, oos_recall: oosRecall(testGold, raw.test.labels) },
      threshold: choice,
      balanced: {
        in_scope_accuracy: inScopeAccuracy(testGold, thresholded),
        oos_recall: oosRecall(testGold, thresholded),
        macro_f1: inScopeMacroF1(testGold, thresholded),
      },
    };
  }
  return result;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const meanOrNull = (values: (number | null)[]) => (values.some((v) => v === null) ? null : mean(values as number[]));

export function aggregate(system: SystemName, set: BenchSet, runs: RunResult[]): SetResult {
  const first = runs[0];
  return {
    system,
    set: set.id,
    in_scope_accuracy: mean(runs.map((r) => r.in_scope_accuracy)),
    macro_f1: mean(runs.map((r) => r.macro_f1)),
    train_seconds: mean(runs.map((r) => r.train_seconds)),
    per_second: mean(runs.map((r) => r.per_second)),
    p50_ms: meanOrNull(runs.map((r) => r.p50_ms)),
    p99_ms: meanOrNull(runs.map((r) => r.p99_ms)),
    peak_rss_mb: Math.max(...runs.map((r) => r.peak_rss_mb)),
    model_mb: meanOrNull(runs.map((r) => r.model_mb)),
    ...(runs.length === 1 && first?.oos ? { oos: first.oos } : {}),
    runs,
  };
}
