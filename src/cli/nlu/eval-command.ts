/**
 * `centralino nlu eval --train T.jsonl --test S.jsonl [--valid V.jsonl] [--json]`: trains the
 * embedded classifier on T and reports how it does on S. With --valid the out-of-scope
 * threshold is chosen there (balanced, or for --target-precision); without it, only the
 * `oos` class (when T has `oos` examples) rejects.
 */
import { performance } from 'node:perf_hooks';
import { evaluateModel, predictAll, type Evaluation } from '../../text/classifier/evaluation.ts';
import { trainIntentModel } from '../../text/classifier/intent-model.ts';
import { chooseThreshold, type ThresholdTarget } from '../../text/classifier/threshold.ts';
import type { IntentModel, LabelledExample } from '../../text/classifier/types.ts';
import { createProgressBar } from '../progress-bar.ts';
import { readExamples } from './read-examples.ts';

export interface EvalFlags {
  train: string;
  test: string;
  valid?: string;
  json?: boolean;
  targetPrecision?: string;
}

export type EvalReport = Evaluation & { train_seconds: number; threshold_rule: string };

export async function nluEvalCommand(flags: EvalFlags): Promise<void> {
  const report = runEvaluation(flags);
  console.log(flags.json ? JSON.stringify(report) : formatReport(report));
}

export function runEvaluation(flags: EvalFlags): EvalReport {
  const train = readExamples(flags.train);
  const test = readExamples(flags.test);
  const valid = flags.valid ? readExamples(flags.valid) : undefined;
  const progress = flags.json ? undefined : createProgressBar('training');
  const started = performance.now();
  const model = trainIntentModel(train, progress ? { onProgress: (p) => progress.update(p) } : {});
  const trainSeconds = (performance.now() - started) / 1000;
  progress?.done(`${train.length} examples, ${model.labels.length} labels, ${trainSeconds.toFixed(2)} s`);
  const target: ThresholdTarget = flags.targetPrecision ? { precision: parsePrecision(flags.targetPrecision) } : 'balanced';
  const { threshold, rule } = valid ? thresholdOn(model, valid, target) : { threshold: 0, rule: 'none (no --valid): only the oos class rejects' };
  return { ...evaluateModel(model, test, threshold), train_seconds: trainSeconds, threshold_rule: rule };
}

function parsePrecision(value: string): number {
  const precision = Number(value);
  if (!(precision > 0 && precision < 1)) throw new Error(`--target-precision must be a number between 0 and 1, got ${JSON.stringify(value)}`);
  return precision;
}

function thresholdOn(model: IntentModel, valid: LabelledExample[], target: ThresholdTarget): { threshold: number; rule: string } {
  const { tops } = predictAll(model, valid);
  const choice = chooseThreshold(valid.map((example, i) => ({ gold: example.label, top: tops[i] ?? { label: 'oos', score: 1 } })), target);
  const rule = target === 'balanced' ? 'chosen on --valid: best mean of in-scope accuracy and oos recall' : `chosen on --valid: lowest with precision ≥ ${target.precision}${choice.met ? '' : ' (not reachable: the most precise one)'}`;
  return { threshold: choice.threshold, rule };
}

const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)} %`);

export function formatReport(r: EvalReport): string {
  const lines = [
    `in-scope accuracy        ${pct(r.accuracy)}   (${r.examples.in_scope} examples)`,
    `macro-F1                 ${pct(r.macro_f1)}`,
    `out-of-scope precision   ${pct(r.oos_precision)}   (${r.examples.oos} examples)`,
    `out-of-scope recall      ${pct(r.oos_recall)}`,
    `in-scope answered right  ${pct(r.in_scope_accuracy_at_threshold)}   at threshold ${r.threshold.toFixed(3)} — ${r.threshold_rule}`,
    `training                 ${r.train_seconds.toFixed(2)} s`,
    `classifications/second   ${r.classifications_per_second}`,
    `latency p50 / p99        ${r.latency_p50_ms.toFixed(3)} / ${r.latency_p99_ms.toFixed(3)} ms`,
  ];
  if (r.confusions.length > 0) {
    lines.push('', 'top confusions (gold → predicted, count):');
    for (const c of r.confusions) lines.push(`  ${c.gold} → ${c.predicted}  ${c.count}`);
  }
  return lines.join('\n');
}
