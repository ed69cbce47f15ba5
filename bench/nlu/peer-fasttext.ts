/**
 * fastText peer: the Debian `fasttext` CLI (0.9.2). Training and prediction are separate
 * child processes; the peak memory is the higher of the two. The CLI is a batch tool,
 * so its classifications/s is the wall time of `predict` over the test file (repeated
 * BATCH_REPEAT times so prediction outweighs loading the model) minus that of `predict`
 * over a one-line file (model loading), divided by the number of messages.
 * Latency (p50/p99) is taken separately, one message at a time through a pipe to a running
 * `fasttext predict-prob model.bin - 1` (write a line, wait for its answer line), which is
 * what a fastText sidecar would cost per message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonl, type Run } from './datasets.ts';
import { runMeasured } from './child.ts';
import type { Scored } from './metrics.ts';
import { percentile } from '../stats.ts';
import type { BenchSystem, RawRun } from './system.ts';

export const FASTTEXT = '/usr/bin/fasttext';
export const FASTTEXT_TRAIN_ARGS = ['-epoch', '50', '-lr', '1.0', '-wordNgrams', '2', '-minn', '3', '-maxn', '6', '-thread', '2', '-verbose', '0'];
const LABEL = '__label__';
const BATCH_REPEAT = 10;

/** fastText's tutorial preprocessing: punctuation split off, lower case, one line. */
export function fasttextTokens(text: string): string {
  return text
    .replace(/([.!?,'/()])/g, ' $1 ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function parsePredictions(output: string, count: number): Scored {
  const lines = output.split('\n');
  const labels: string[] = [];
  const scores: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const [label = '', prob = '0'] = (lines[i] ?? '').trim().split(' ');
    labels.push(label.startsWith(LABEL) ? label.slice(LABEL.length) : '');
    scores.push(Number(prob));
  }
  return { labels, scores };
}

function predictWall(model: string, input: string, dir: string): number {
  const sink = openSync(join(dir, 'predict.out'), 'w');
  try {
    return runMeasured(FASTTEXT, ['predict', model, input], { stdoutFile: sink }).wall_seconds;
  } finally {
    closeSync(sink);
  }
}

/** One line at a time through a running `fasttext predict-prob - 1`, after 5 warm-up lines. */
async function pipeLatencies(model: string, lines: readonly string[]): Promise<{ latencies: number[]; wallMs: number }> {
  const child = spawn(FASTTEXT, ['predict-prob', model, '-', '1'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (line: string) => {
    child.stdin.write(`${line}\n`);
    const answer = await answers.next();
    if (answer.done) throw new Error('fasttext predict-prob stopped answering');
  };
  for (const line of lines.slice(0, 5)) await ask(line);
  const latencies: number[] = [];
  const started = performance.now();
  for (const line of lines) {
    const t0 = performance.now();
    await ask(line);
    latencies.push(performance.now() - t0);
  }
  const wallMs = performance.now() - started;
  child.stdin.end();
  if (child.exitCode === null) await once(child, 'exit');
  return { latencies, wallMs };
}

export const fasttext: BenchSystem = {
  name: 'fasttext',
  title: 'fastText',
  unavailable: () => (existsSync(FASTTEXT) ? null : `${FASTTEXT} is missing (apt-get install -y fasttext)`),
  async run(run: Run): Promise<RawRun> {
    const dir = mkdtempSync(join(tmpdir(), 'nlu-bench-fasttext-'));
    try {
      const train = readJsonl(run.train);
      const test = readJsonl(run.test);
      const trainFile = join(dir, 'train.txt');
      writeFileSync(trainFile, train.map((row) => `${LABEL}${row.label} ${fasttextTokens(row.text)}\n`).join(''));
      const testFile = join(dir, 'test.txt');
      writeFileSync(testFile, test.map((row) => `${fasttextTokens(row.text)}\n`).join(''));
      const batchFile = join(dir, 'batch.txt');
      writeFileSync(batchFile, test.map((row) => `${fasttextTokens(row.text)}\n`).join('').repeat(BATCH_REPEAT));
      const oneFile = join(dir, 'one.txt');
      writeFileSync(oneFile, `${fasttextTokens(test[0]?.text ?? 'hello')}\n`);
      const modelBase = join(dir, 'model');
      const model = `${modelBase}.bin`;

      const training = runMeasured(FASTTEXT, ['supervised', '-input', trainFile, '-output', modelBase, ...FASTTEXT_TRAIN_ARGS]);
      const predicting = runMeasured(FASTTEXT, ['predict-prob', model, testFile, '1']);
      const testScored = parsePredictions(predicting.stdout, test.length);
      let validScored: Scored | undefined;
      if (run.valid) {
        const valid = readJsonl(run.valid);
        const validFile = join(dir, 'valid.txt');
        writeFileSync(validFile, valid.map((row) => `${fasttextTokens(row.text)}\n`).join(''));
        validScored = parsePredictions(runMeasured(FASTTEXT, ['predict-prob', model, validFile, '1']).stdout, valid.length);
      }

      // Speed: best of three for the batch and for the one-line file (model load).
      const best = (input: string) => Math.min(predictWall(model, input, dir), predictWall(model, input, dir), predictWall(model, input, dir));
      const batchSeconds = best(batchFile);
      const loadSeconds = best(oneFile);
      const predictSeconds = Math.max(batchSeconds - loadSeconds, 1e-6);
      const piped = await pipeLatencies(model, test.map((row) => fasttextTokens(row.text)));
      const sorted = [...piped.latencies].sort((a, b) => a - b);
      return {
        train_seconds: training.wall_seconds,
        test: testScored,
        ...(validScored ? { valid: validScored } : {}),
        speed: {
          per_second: (BATCH_REPEAT * test.length) / predictSeconds,
          p50_ms: percentile(sorted, 50),
          p99_ms: percentile(sorted, 99),
          method: `classifications/s: batch CLI, (wall of \`fasttext predict\` on the test file ×${BATCH_REPEAT} − wall on a one-line file) / messages, best of 3; p50/p99: one message at a time through a stdin/stdout pipe to \`fasttext predict-prob model.bin - 1\``,
        },
        peak_rss_mb: Math.max(training.peak_rss_mb, predicting.peak_rss_mb),
        settings: { train: `fasttext supervised ${FASTTEXT_TRAIN_ARGS.join(' ')}`, predict: 'fasttext predict-prob model.bin test.txt 1', preprocessing: 'punctuation . ! ? , \' / ( ) split off, lower-cased' },
        extra: {
          model_mb: statSync(model).size / 2 ** 20,
          model_note: 'default -dim 100 and -bucket 2000000: the hashed n-gram table alone is 2M × 100 floats (763 MB)',
          predict_batch_seconds: batchSeconds,
          model_load_seconds: loadSeconds,
          per_second_including_load: (BATCH_REPEAT * test.length) / batchSeconds,
          per_second_through_pipe_one_at_a_time: piped.latencies.length / (piped.wallMs / 1000),
          train_peak_rss_mb: training.peak_rss_mb,
          predict_peak_rss_mb: predicting.peak_rss_mb,
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export function fasttextVersion(): string | null {
  const probe = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'fasttext'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

