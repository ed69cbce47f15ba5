/**
 * Runs one child process under `/usr/bin/time -f %M`, so every system's peak memory is the
 * RSS high-water mark of the process that did the work, and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const TIME_BIN = '/usr/bin/time';

export interface ChildResult {
  stdout: string;
  /** Peak resident set size of the child, MiB. */
  peak_rss_mb: number;
  wall_seconds: number;
}

export interface ChildOptions {
  /** Where the child's stdout goes: captured (default) or a file. */
  stdoutFile?: number;
}

export function runMeasured(command: string, args: readonly string[], options: ChildOptions = {}): ChildResult {
  const dir = mkdtempSync(join(tmpdir(), 'nlu-bench-time-'));
  const timeFile = join(dir, 'rss');
  try {
    const started = performance.now();
    const child = spawnSync(TIME_BIN, ['-f', '%M', '-o', timeFile, command, ...args], {
      encoding: 'utf8',
      maxBuffer: 512 * 2 ** 20,
      stdio: ['ignore', options.stdoutFile ?? 'pipe', 'inherit'],
    });
    const wall = (performance.now() - started) / 1000;
    if (child.error) throw child.error;
    if (child.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} exited with ${child.status ?? child.signal}`);
    }
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    const kb = Number(lines[lines.length - 1]);
    if (!Number.isFinite(kb)) throw new Error(`could not read the peak memory of ${command}`);
    return { stdout: child.stdout ?? '', peak_rss_mb: kb / 1024, wall_seconds: wall };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
