/** What every system adapter returns for one run, and how child-process output is read. */
import type { Run } from './datasets.ts';
import { speedFromLatencies, type Scored, type Speed } from './metrics.ts';

export type SystemName = 'ours' | 'fasttext' | 'sklearn-lr' | 'sklearn-svm' | 'nlpjs';

export interface RawRun {
  train_seconds: number;
  test: Scored;
  /** Validation predictions (out-of-scope runs only). */
  valid?: Scored;
  speed: Speed;
  peak_rss_mb: number;
  settings: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

export interface BenchSystem {
  name: SystemName;
  title: string;
  /** null when the system can run, otherwise why not. */
  unavailable(): string | null;
  run(run: Run): Promise<RawRun>;
}

/** The JSON a worker (Node or Python) prints on stdout. */
export interface WorkerOutput {
  train_seconds: number;
  test: Scored;
  valid?: Scored;
  latencies_ms: number[];
  wall_ms: number;
  settings: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

function isScored(value: unknown): value is Scored {
  if (typeof value !== 'object' || value === null) return false;
  const { labels, scores } = value as { labels?: unknown; scores?: unknown };
  return Array.isArray(labels) && Array.isArray(scores) && labels.length === scores.length;
}

export function parseWorkerOutput(stdout: string, who: string): WorkerOutput {
  const line = stdout.trim().split('\n').pop() ?? '';
  const value = JSON.parse(line) as Partial<WorkerOutput>;
  if (typeof value.train_seconds !== 'number' || !isScored(value.test) || !Array.isArray(value.latencies_ms) || typeof value.wall_ms !== 'number') {
    throw new Error(`${who}: unexpected worker output`);
  }
  if (value.valid !== undefined && !isScored(value.valid)) throw new Error(`${who}: malformed validation output`);
  return value as WorkerOutput;
}

export function rawFromWorker(output: WorkerOutput, peakRssMb: number, method: string): RawRun {
  return {
    train_seconds: output.train_seconds,
    test: output.test,
    ...(output.valid ? { valid: output.valid } : {}),
    speed: speedFromLatencies(output.latencies_ms, output.wall_ms, method),
    peak_rss_mb: peakRssMb,
    settings: output.settings,
    ...(output.extra ? { extra: output.extra } : {}),
  };
}
