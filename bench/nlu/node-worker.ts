/** Parent side of worker.ts: one child Node process per system and run. */
import { fileURLToPath } from 'node:url';
import type { Run } from './datasets.ts';
import { runMeasured } from './child.ts';
import { oursUnavailable } from './ours.ts';
import { parseWorkerOutput, rawFromWorker, type BenchSystem, type RawRun } from './system.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

function nodeSystem(name: 'ours' | 'nlpjs', title: string, unavailable: () => string | null): BenchSystem {
  return {
    name,
    title,
    unavailable,
    async run(run: Run): Promise<RawRun> {
      const args = [WORKER, '--system', name, '--train', run.train, '--test', run.test, '--seed', String(run.seed ?? 1)];
      if (run.valid) args.push('--valid', run.valid);
      const child = runMeasured(process.execPath, args);
      return rawFromWorker(parseWorkerOutput(child.stdout, name), child.peak_rss_mb, 'one message per call in a loop, timed with performance.now()');
    },
  };
}

export const ours = nodeSystem('ours', 'ours', oursUnavailable);
export const nlpjs = nodeSystem('nlpjs', 'NLP.js', () => null);
