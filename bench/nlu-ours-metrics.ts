/**
 * What bench/nlu-ours.ts measures: data loading, accuracy, the out-of-scope threshold
 * chosen on valid, and speed. Shared with bench/nlu-ours-variants.ts.
 */
import { readFileSync } from 'node:fs';
import { percentile } from './stats.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample } from '../src/text/classifier/types.ts';

const DATASETS = new URL('../../shared/datasets/', import.meta.url);

export function readSplit(dataset: string, split: string): LabelledExample[] {
  const text = readFileSync(new URL(`${dataset}/${split}.jsonl`, DATASETS), 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const row = JSON.parse(line) as { text: string; label: string };
    return { text: row.text, label: row.label };
  });
}

const inScope = (rows: LabelledExample[]) => rows.filter((r) => r.label !== OOS_LABEL);

export function accuracy(model: IntentModel, test: LabelledExample[]): number {
  const rows = inScope(test);
  let correct = 0;
  for (const row of rows) if (model.predict(row.text)[0]?.label === row.label) correct++;
  return correct / rows.length;
}

export interface Scored { gold: string; label: string; score: number }

export function scoreAll(model: IntentModel, rows: LabelledExample[]): Scored[] {
  return rows.map((row) => {
    const top = model.predict(row.text)[0] ?? { label: OOS_LABEL, score: 0 };
    return { gold: row.label, label: top.label, score: top.score };
  });
}

export interface OosResult { threshold: number; inScopeAccuracy: number; oosRecall: number; oosPrecision: number }

export function oosAt(scored: Scored[], threshold: number): OosResult {
  let inTotal = 0, inCorrect = 0, oosTotal = 0, oosRejected = 0, rejected = 0;
  for (const s of scored) {
    const reject = s.label === OOS_LABEL || s.score < threshold;
    if (reject) rejected++;
    if (s.gold === OOS_LABEL) {
      oosTotal++;
      if (reject) oosRejected++;
    } else {
      inTotal++;
      if (!reject && s.label === s.gold) inCorrect++;
    }
  }
  return { threshold, inScopeAccuracy: inCorrect / inTotal, oosRecall: oosRejected / oosTotal, oosPrecision: rejected === 0 ? 1 : oosRejected / rejected };
}

/** In-scope accuracy at the lowest threshold whose oos recall reaches `recall`. */
export function inScopeAtRecall(scored: Scored[], recall: number): number {
  const candidates = [0, ...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  for (const threshold of candidates) {
    const r = oosAt(scored, threshold);
    if (r.oosRecall >= recall) return r.inScopeAccuracy;
  }
  return 0;
}

/** The threshold that maximises ½·(in-scope accuracy + oos recall) on `scored`. */
export function chooseOosThreshold(scored: Scored[]): number {
  const candidates = [0, ...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  let best = { threshold: 0, balanced: -1 };
  for (const threshold of candidates) {
    const r = oosAt(scored, threshold);
    const balanced = (r.inScopeAccuracy + r.oosRecall) / 2;
    if (balanced > best.balanced) best = { threshold, balanced };
  }
  return best.threshold;
}

export interface Speed { perSecond: number; p50Ms: number; p99Ms: number }

export function measureSpeed(model: IntentModel, texts: string[]): Speed {
  for (const text of texts.slice(0, 500)) model.predict(text);
  const latencies: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    model.predict(text);
    latencies.push(performance.now() - started);
  }
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < 2000) for (const text of texts) { model.predict(text); calls++; }
  const sorted = latencies.sort((a, b) => a - b);
  return { perSecond: Math.round(calls / ((performance.now() - started) / 1000)), p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

