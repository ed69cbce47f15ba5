/** Markdown tables of the NLU benchmark, the "where ours is not ahead" sentence, and the README section. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SETS, type SetId } from './datasets.ts';
import { replaceReadmeSection } from '../readme-section.ts';
import type { SetResult } from './results.ts';
import type { SystemName } from './system.ts';

export const README_START = '<!-- nlu-bench:start -->';
export const README_END = '<!-- nlu-bench:end -->';
export const README_HEADING = '## Intent classifier benchmark';

export interface SystemInfo {
  name: SystemName;
  title: string;
}

const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : (100 * x).toFixed(1));
const secs = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const rate = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number | null) => (x === null ? 'n/a' : x < 1 ? x.toFixed(3) : x.toFixed(2));
const mb = (x: number) => Math.round(x).toString();
const size = (x: number | null) => (x === null ? 'n/a' : x < 10 ? x.toFixed(1) : Math.round(x).toString());

function find(results: readonly SetResult[], system: SystemName, set: SetId): SetResult | undefined {
  return results.find((r) => r.system === system && r.set === set);
}

function presentSets(results: readonly SetResult[]) {
  return SETS.filter((set) => results.some((r) => r.set === set.id));
}

export function markdownTables(results: readonly SetResult[], systems: readonly SystemInfo[]): string {
  const sets = presentSets(results);
  const shown = systems.filter((s) => results.some((r) => r.system === s.name));
  const lines: string[] = [];
  lines.push('In-scope accuracy / macro-F1, % (10-shot: mean of seeds 1-3):', '');
  lines.push(`| system | ${sets.map((s) => s.title).join(' | ')} |`);
  lines.push(`|---|${sets.map(() => '---:').join('|')}|`);
  for (const system of shown) {
    const cells = sets.map((set) => {
      const r = find(results, system.name, set.id);
      return r ? `${pct(r.in_scope_accuracy)} / ${pct(r.macro_f1)}` : '–';
    });
    lines.push(`| ${system.title} | ${cells.join(' | ')} |`);
  }

  lines.push('', 'Costs (train seconds; classifications per second and latency one message at a time — except fastText, whose classifications/s come from the batch CLI and whose latency is one line at a time through a pipe to a running `fasttext predict-prob - 1`; peak RSS of the process doing the work; model MB: the saved model — fastText .bin, pickled scikit-learn pipeline, NLP.js export(), our toJSON() as JSON):', '');
  lines.push('| system | set | train s | classif./s | p50 ms | p99 ms | peak RSS MB | model MB |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const system of shown) {
    for (const set of sets) {
      const r = find(results, system.name, set.id);
      if (!r) continue;
      lines.push(`| ${system.title} | ${set.title} | ${secs(r.train_seconds)} | ${rate(r.per_second)} | ${ms(r.p50_ms)} | ${ms(r.p99_ms)} | ${mb(r.peak_rss_mb)} | ${size(r.model_mb)} |`);
    }
  }

  const oosRows = shown.map((system) => ({ system, r: find(results, system.name, 'clinc150-full') })).filter((x) => x.r?.oos);
  if (oosRows.length > 0) {
    lines.push('', 'CLINC150 full, out of scope (trained with the 100 `oos` examples; threshold on the top score chosen on valid.jsonl to maximise the mean of in-scope accuracy and oos recall):', '');
    lines.push('| system | in-scope acc., top label | oos recall, top label | threshold | in-scope acc., threshold | oos recall, threshold |');
    lines.push('|---|---:|---:|---:|---:|---:|');
    for (const { system, r } of oosRows) {
      const oos = r?.oos;
      if (!oos) continue;
      const t = Number.isFinite(oos.threshold.threshold) ? oos.threshold.threshold.toPrecision(3) : 'none';
      lines.push(`| ${system.title} | ${pct(oos.no_threshold.in_scope_accuracy)} | ${pct(oos.no_threshold.oos_recall)} | ${t} | ${pct(oos.balanced.in_scope_accuracy)} | ${pct(oos.balanced.oos_recall)} |`);
    }
  }
  return lines.join('\n');
}

/**
 * Plainly, from the numbers: every place a peer beats ours or is level with it: equal at
 * the printed precision, or (accuracy, F1, out-of-scope score) less than half a point
 * behind ours, which is within the spread between 10-shot seeds.
 */
export function notAheadSentence(results: readonly SetResult[], systems: readonly SystemInfo[]): string {
  const title = (name: SystemName) => systems.find((s) => s.name === name)?.title ?? name;
  if (!results.some((r) => r.system === 'ours')) return 'Ours was not available in this run, so it is not compared.';
  if (!results.some((r) => r.system !== 'ours')) return 'No peer ran in this run, so ours is not compared.';
  const behind: string[] = [];
  const tied: string[] = [];
  /** `level`: a margin this small is a tie (half a point for accuracy-like shares). */
  const compare = (what: string, key: (r: SetResult) => number | undefined, higher: boolean, format: (x: number) => string, note = '', level = 0) => {
    const lost: string[] = [];
    const even: string[] = [];
    for (const set of presentSets(results)) {
      const mine = find(results, 'ours', set.id);
      const mineValue = mine ? key(mine) : undefined;
      if (mineValue === undefined) continue;
      let top: { system: SystemName; value: number } | undefined;
      for (const r of results) {
        const value = key(r);
        if (r.set !== set.id || r.system === 'ours' || value === undefined) continue;
        if (top === undefined || (higher ? value > top.value : value < top.value)) top = { system: r.system, value };
      }
      if (!top) continue;
      const shownTop = format(top.value);
      const shownMine = format(mineValue);
      const place = `${set.title} (${title(top.system)} ${shownTop} vs ours ${shownMine})`;
      const margin = higher ? mineValue - top.value : top.value - mineValue;
      if (shownTop === shownMine || (margin >= 0 && margin < level)) even.push(place);
      else if (margin < 0) lost.push(place);
    }
    if (lost.length > 0) behind.push(`${what}${lost.some((place) => place.includes(title('fasttext'))) ? note : ''} on ${lost.join(', ')}`);
    if (even.length > 0) tied.push(`${what} on ${even.join(', ')}`);
  };
  const HALF_POINT = 0.005;
  compare('in-scope accuracy', (r) => r.in_scope_accuracy, true, (x) => `${pct(x)} %`, '', HALF_POINT);
  compare('macro-F1', (r) => r.macro_f1, true, (x) => `${pct(x)} %`, '', HALF_POINT);
  compare('out-of-scope detection with the balanced threshold (mean of in-scope accuracy and oos recall)', (r) => (r.oos ? (r.oos.balanced.in_scope_accuracy + r.oos.balanced.oos_recall) / 2 : undefined), true, (x) => `${pct(x)} %`, '', HALF_POINT);
  compare('classifications per second', (r) => r.per_second, true, (x) => `${rate(x)}/s`, " (fastText's figure is from its batch CLI)");
  compare('p50 latency', (r) => r.p50_ms ?? undefined, false, (x) => `${ms(x)} ms`);
  compare('p99 latency', (r) => r.p99_ms ?? undefined, false, (x) => `${ms(x)} ms`);
  compare('training time', (r) => r.train_seconds, false, (x) => `${secs(x)} s`);
  compare('peak memory', (r) => r.peak_rss_mb, false, (x) => `${mb(x)} MB`);
  compare('model size', (r) => r.model_mb ?? undefined, false, (x) => `${size(x)} MB`);
  if (behind.length === 0 && tied.length === 0) return 'Ours is ahead of every peer on every number measured here.';
  const parts: string[] = [];
  if (behind.length > 0) parts.push(`a peer does better on ${behind.join('; ')}`);
  if (tied.length > 0) parts.push(`it is only level (less than half a point ahead, or equal as printed) on ${tied.join('; ')}`);
  return `Where ours is not ahead: ${parts.join('. And ')}.`;
}

export interface ReadmeSection {
  command: string;
  date: string;
  machine: string;
  tables: string;
  sentence: string;
  rules: string;
  notes: string[];
}

export function readmeBlock(section: ReadmeSection): string {
  return [
    README_START,
    `Measured with \`${section.command}\` on ${section.date} (${section.machine}); every number is in [\`bench/results/nlu.json\`](bench/results/nlu.json).`,
    '',
    section.sentence,
    '',
    section.tables,
    '',
    section.rules,
    ...(section.notes.length > 0 ? ['', `Also measured: ${section.notes.join(' ')}`] : []),
    README_END,
  ].join('\n');
}

/** Replaces the text between the markers (adding heading and markers at the end if missing). */
export function updateReadme(path: string, block: string): void {
  if (replaceReadmeSection(path, README_START, README_END, block)) return;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  writeFileSync(path, `${text.replace(/\s*$/, '')}\n\n${README_HEADING}\n\n${block}\n`);
}

/** Facts from the systems' extras that the tables leave out. */
export function notes(results: readonly SetResult[]): string[] {
  const out: string[] = [];
  const perSet = (system: SystemName, key: string) =>
    presentSets(results)
      .map((set) => {
        const r = find(results, system, set.id);
        const values = r?.runs.map((run) => run.extra?.[key]).filter((v): v is number => typeof v === 'number') ?? [];
        return values.length === 0 ? null : { set: set.title, value: values.reduce((a, b) => a + b, 0) / values.length };
      })
      .filter((x): x is { set: string; value: number } => x !== null);
  const own = perSet('nlpjs', 'in_scope_accuracy_with_own_0_5_threshold');
  if (own.length > 0) out.push(`NLP.js with its own 0.5 threshold (intent None below it), as a bot would use it: in-scope accuracy ${own.map((x) => `${pct(x.value)} % on ${x.set}`).join(', ')}.`);
  const piped = perSet('fasttext', 'per_second_through_pipe_one_at_a_time');
  if (piped.length > 0) out.push(`fastText one message at a time through its stdin pipe: ${piped.map((x) => `${rate(x.value)}/s on ${x.set}`).join(', ')}.`);
  const typed = perSet('ours', 'model_typed_arrays_mb');
  if (typed.length > 0) out.push(`Ours in memory (typed arrays): ${typed.map((x) => `${size(x.value)} MB on ${x.set}`).join(', ')}.`);
  return out;
}
