/** Small statistics for benchmark output. */
import { percentile } from '../src/text/classifier/evaluation.ts';

export { percentile };

export interface Summary {
  n: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  per_second: number;
}

export function summarize(samplesMs: number[], wallMs: number): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted[sorted.length - 1] ?? Number.NaN),
    per_second: Math.round((sorted.length / wallMs) * 1000),
  };
}
