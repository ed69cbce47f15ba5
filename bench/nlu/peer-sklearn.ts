/**
 * scikit-learn peers: TF-IDF → LogisticRegression and TF-IDF → LinearSVC, each run in its
 * own Debian /usr/bin/python3 process (peer_sklearn.py) so their memory is separate.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Run } from './datasets.ts';
import { runMeasured } from './child.ts';
import { parseWorkerOutput, rawFromWorker, type BenchSystem, type RawRun } from './system.ts';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./peer_sklearn.py', import.meta.url));

let checked: string | null | undefined;

function unavailable(): string | null {
  if (checked !== undefined) return checked;
  if (!existsSync(PYTHON)) checked = `${PYTHON} is missing`;
  else {
    const probe = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' });
    checked = probe.status === 0 ? null : `scikit-learn is not importable by ${PYTHON} (apt-get install -y python3-sklearn)`;
  }
  return checked;
}

export function sklearnVersions(): Record<string, string> | null {
  const probe = spawnSync(PYTHON, ['-c', 'import sys, sklearn, numpy, scipy; print(sys.version.split()[0], sklearn.__version__, numpy.__version__, scipy.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const [python = '', sklearn = '', numpy = '', scipy = ''] = probe.stdout.trim().split(' ');
  return { python, sklearn, numpy, scipy };
}

function sklearnSystem(model: 'lr' | 'svm'): BenchSystem {
  return {
    name: model === 'lr' ? 'sklearn-lr' : 'sklearn-svm',
    title: model === 'lr' ? 'TF-IDF+LR' : 'TF-IDF+SVM',
    unavailable,
    async run(run: Run): Promise<RawRun> {
      const args = [SCRIPT, '--model', model, '--train', run.train, '--test', run.test];
      if (run.valid) args.push('--valid', run.valid);
      const child = runMeasured(PYTHON, args);
      const output = parseWorkerOutput(child.stdout, `sklearn-${model}`);
      return rawFromWorker(output, child.peak_rss_mb, 'one message per predict call, timed with perf_counter');
    },
  };
}

export const sklearnLr = sklearnSystem('lr');
export const sklearnSvm = sklearnSystem('svm');
