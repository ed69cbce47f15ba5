/**
 * Child process for the in-process Node systems (ours, NLP.js): trains on one set, then
 * classifies every test message one at a time, and prints one JSON line (WorkerOutput)
 * on stdout. Run by node-worker.ts so each system's memory is its own process's.
 *
 *   node bench/nlu/worker.ts --system ours|nlpjs --train T --test T [--valid V] [--seed N]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readJsonl, type Row } from './datasets.ts';
import type { InProcessClassifier } from './in-process.ts';
import type { Scored } from './metrics.ts';
import { createOurs } from './ours.ts';
import { createNlpjs } from './peer-nlpjs.ts';
import type { WorkerOutput } from './system.ts';

const WARM_UP = 5;

const { values } = parseArgs({
  options: {
    system: { type: 'string' },
    train: { type: 'string' },
    test: { type: 'string' },
    valid: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.system || !values.train || !values.test) throw new Error('usage: worker.ts --system S --train T --test T [--valid V] [--seed N]');

const classifier: InProcessClassifier = values.system === 'ours' ? await createOurs() : values.system === 'nlpjs' ? createNlpjs() : (() => { throw new Error(`unknown system ${values.system}`); })();

const train = readJsonl(values.train);
const test = readJsonl(values.test);

let started = performance.now();
await classifier.train(train, Number(values.seed));
const trainSeconds = (performance.now() - started) / 1000;

async function classifyAll(rows: readonly Row[], latencies: number[] | null): Promise<Scored> {
  const labels: string[] = [];
  const scores: number[] = [];
  for (const row of rows) {
    const t0 = performance.now();
    const pending = classifier.classify(row.text);
    const top = pending instanceof Promise ? await pending : pending;
    latencies?.push(performance.now() - t0);
    labels.push(top.label);
    scores.push(top.score);
  }
  return { labels, scores };
}

await classifyAll(test.slice(0, WARM_UP), null);
const latencies: number[] = [];
started = performance.now();
const testScored = await classifyAll(test, latencies);
const wallMs = performance.now() - started;
const extra = classifier.extra?.(test);
const validScored = values.valid ? await classifyAll(readJsonl(values.valid), null) : undefined;

const output: WorkerOutput = {
  train_seconds: trainSeconds,
  test: testScored,
  ...(validScored ? { valid: validScored } : {}),
  latencies_ms: latencies,
  wall_ms: wallMs,
  settings: classifier.settings,
  ...(extra ? { extra } : {}),
};
process.stdout.write(`${JSON.stringify(output)}\n`);
