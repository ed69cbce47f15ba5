/**
 * The benchmark's data: BANKING77 and CLINC150 as JSONL in ../shared/datasets (never
 * copied into the repository), and the runs a full or quick benchmark is made of.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Row {
  text: string;
  label: string;
}

export const OOS = 'oos';

/** /work/shared/datasets/ when the repository is /work/main. */
export const DATASETS_DIR = new URL('../../../shared/datasets/', import.meta.url);

export type SetId = 'banking77-full' | 'banking77-10shot' | 'clinc150-full' | 'clinc150-10shot';

export interface BenchSet {
  id: SetId;
  title: string;
  dataset: 'banking77' | 'clinc150';
  /** 10-shot sets are run once per seed and averaged. */
  seeds: number[] | null;
  /** Out-of-scope evaluation (CLINC150 full only): threshold chosen on valid.jsonl. */
  oos: boolean;
}

export const SETS: BenchSet[] = [
  { id: 'banking77-full', title: 'BANKING77 full', dataset: 'banking77', seeds: null, oos: false },
  { id: 'banking77-10shot', title: 'BANKING77 10-shot', dataset: 'banking77', seeds: [1, 2, 3], oos: false },
  { id: 'clinc150-full', title: 'CLINC150 full', dataset: 'clinc150', seeds: null, oos: true },
  { id: 'clinc150-10shot', title: 'CLINC150 10-shot', dataset: 'clinc150', seeds: [1, 2, 3], oos: false },
];

/** One train/test job: a set, and the seed of its 10-shot sample (null for full). */
export interface Run {
  set: BenchSet;
  seed: number | null;
  train: string;
  test: string;
  /** Only for out-of-scope runs. */
  valid: string | null;
}

function file(dataset: string, name: string): string {
  return fileURLToPath(new URL(`${dataset}/${name}`, DATASETS_DIR));
}

/** The runs of a benchmark; `quick` keeps only the seed-1 10-shot runs. */
export function plannedRuns(quick: boolean): Run[] {
  const runs: Run[] = [];
  for (const set of SETS) {
    if (quick && set.seeds === null) continue;
    const seeds = set.seeds === null ? [null] : quick ? set.seeds.slice(0, 1) : set.seeds;
    for (const seed of seeds) {
      runs.push({
        set,
        seed,
        train: file(set.dataset, seed === null ? 'train.jsonl' : `train_10shot_seed${seed}.jsonl`),
        test: file(set.dataset, 'test.jsonl'),
        valid: set.oos ? file(set.dataset, 'valid.jsonl') : null,
      });
    }
  }
  return runs;
}

export function readJsonl(path: string): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as { text?: unknown; label?: unknown };
    if (typeof value.text !== 'string' || typeof value.label !== 'string') {
      throw new Error(`${path}: a line without string "text" and "label"`);
    }
    rows.push({ text: value.text, label: value.label });
  }
  return rows;
}

export function runName(run: Run): string {
  return run.seed === null ? run.set.title : `${run.set.title} seed ${run.seed}`;
}
