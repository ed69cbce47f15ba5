/**
 * `centralino guard eval --mode injection|pii|claims --data F.jsonl [--json]`: runs one rail
 * of tier 2 over a labelled file and prints precision, recall, F1 and false-positive rate,
 * overall, per language and per type, and throughput.
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { PII_TYPES } from '../../pipeline/guard/guard-types.ts';
import { readJsonLines } from '../read-jsonl.ts';
import { addCounts, addTo, binaryCounts, emptyCounts, entityCounts, scores, type Counts, type Scores, type TypedSpan } from './guard-metrics.ts';

export const GUARD_EVAL_MODES = ['injection', 'pii', 'claims'] as const;
export type GuardEvalMode = (typeof GUARD_EVAL_MODES)[number];

/** The rails under evaluation (the product's own in the CLI; tests may pass others). */
export interface GuardDetectors {
  isInjection(text: string): boolean;
  findPersonalData(text: string): TypedSpan[];
  /** True when the output rails would not let the draft through with only these sources. */
  blocksDraft(draft: string, sources: readonly string[], language: string | undefined): boolean;
}

const lang = z.string().min(1).optional();
const injectionLine = z.looseObject({ text: z.string(), label: z.enum(['injection', 'benign']), lang, type: z.string().optional() });
const piiLine = z.looseObject({
  text: z.string(),
  entities: z.array(z.looseObject({ type: z.string().min(1), start: z.int().nonnegative(), end: z.int().nonnegative() })),
  lang,
});
const claimsLine = z.looseObject({ draft: z.string(), sources: z.array(z.string()), label: z.enum(['allow', 'block']), lang, type: z.string().optional() });

const SHAPES: Record<GuardEvalMode, string> = {
  injection: '{"text": "...", "label": "injection"|"benign", "lang"?: "it"}',
  pii: '{"text": "...", "entities": [{"type": "IBAN", "start": 0, "end": 27}]}',
  claims: '{"draft": "...", "sources": ["..."], "label": "allow"|"block", "lang"?: "it"}',
};

/** One line scored: its counts overall and per type, and whether the rail got it wrong. */
interface Scored {
  lang: string;
  counts: Counts;
  byType: [string, Counts][];
  mistake?: string;
}

/** A runnable evaluation: score every line once; `run` again for timing. */
interface Prepared {
  lines: number;
  scoreAll(): Scored[];
  run(): void;
}

export interface GuardEvalReport extends Scores {
  mode: GuardEvalMode;
  lines: number;
  messages_per_second: number;
  by_lang: Record<string, Scores>;
  by_type: Record<string, Scores>;
  /** The first mistakes, for a person to read. */
  mistakes: string[];
}

export interface GuardEvalFlags {
  mode?: string;
  data: string;
  json?: boolean;
}

export function parseMode(value: string | undefined): GuardEvalMode {
  const mode = value ?? 'injection';
  if (!(GUARD_EVAL_MODES as readonly string[]).includes(mode)) {
    throw new AppError('DATA_INVALID', `--mode must be one of ${GUARD_EVAL_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  }
  return mode as GuardEvalMode;
}

export function evaluateGuard(mode: GuardEvalMode, file: string, detectors: GuardDetectors): GuardEvalReport {
  const prepared = prepare(mode, file, detectors);
  const scored = prepared.scoreAll();
  const total = emptyCounts();
  const byLang = new Map<string, Counts>();
  const byType = new Map<string, Counts>();
  for (const line of scored) {
    addCounts(total, line.counts);
    addTo(byLang, line.lang, line.counts);
    for (const [type, counts] of line.byType) addTo(byType, type, counts);
  }
  return {
    mode,
    lines: prepared.lines,
    ...scores(total),
    messages_per_second: throughput(prepared),
    by_lang: scoreGroups(byLang),
    by_type: scoreGroups(byType),
    mistakes: scored.flatMap((s) => (s.mistake ? [s.mistake] : [])).slice(0, 20),
  };
}

function scoreGroups(groups: Map<string, Counts>): Record<string, Scores> {
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, counts]) => [key, scores(counts)]));
}

/** Messages per second over repeated passes of at least 300 ms (one pass when the file is large). */
function throughput(prepared: Prepared): number {
  prepared.run();
  let passes = 0;
  const started = performance.now();
  do {
    prepared.run();
    passes++;
  } while (performance.now() - started < 300);
  const seconds = (performance.now() - started) / 1000;
  return Math.round((passes * prepared.lines) / seconds);
}

function prepare(mode: GuardEvalMode, file: string, d: GuardDetectors): Prepared {
  if (mode === 'injection') {
    const rows = readJsonLines(file, injectionLine, SHAPES.injection);
    return {
      lines: rows.length,
      run: () => rows.forEach((r) => d.isInjection(r.text)),
      scoreAll: () => rows.map((r, i) => binaryLine(r.label === 'injection', d.isInjection(r.text), r.lang, r.type, `${file}:${i + 1} ${r.label}: ${r.text}`)),
    };
  }
  if (mode === 'claims') {
    const rows = readJsonLines(file, claimsLine, SHAPES.claims);
    return {
      lines: rows.length,
      run: () => rows.forEach((r) => d.blocksDraft(r.draft, r.sources, r.lang)),
      scoreAll: () => rows.map((r, i) => binaryLine(r.label === 'block', d.blocksDraft(r.draft, r.sources, r.lang), r.lang, r.type, `${file}:${i + 1} ${r.label}: ${r.draft}`)),
    };
  }
  const rows = readJsonLines(file, piiLine, SHAPES.pii);
  return {
    lines: rows.length,
    run: () => rows.forEach((r) => d.findPersonalData(r.text)),
    scoreAll: () => rows.map((r, i) => piiScored(r.entities, d.findPersonalData(r.text), r.lang, `${file}:${i + 1}: ${r.text}`)),
  };
}

function binaryLine(actual: boolean, predicted: boolean, lang: string | undefined, type: string | undefined, what: string): Scored {
  const counts = binaryCounts(actual, predicted);
  return { lang: lang ?? 'unknown', counts, byType: type ? [[type, counts]] : [], ...(actual === predicted ? {} : { mistake: `${what} → ${predicted ? 'flagged' : 'passed'}` }) };
}

function piiScored(labelled: TypedSpan[], found: TypedSpan[], lang: string | undefined, what: string): Scored {
  const counts = entityCounts(labelled, found);
  // Every type is scored on every message, so a type's false-positive rate counts all messages without it.
  const types = new Set([...PII_TYPES, ...labelled.map((s) => s.type), ...found.map((s) => s.type)]);
  const byType: [string, Counts][] = [...types].map((type) => [type, entityCounts(labelled.filter((s) => s.type === type), found.filter((s) => s.type === type))]);
  const wrong = counts.fp > 0 || counts.fn > 0;
  const shown = (spans: TypedSpan[]) => spans.map((s) => `${s.type}@${s.start}-${s.end}`).join(' ') || 'nothing';
  return { lang: lang ?? 'unknown', counts, byType, ...(wrong ? { mistake: `${what} → expected ${shown(labelled)}, found ${shown(found)}` } : {}) };
}

export async function guardEvalCommand(flags: GuardEvalFlags): Promise<void> {
  const { productDetectors } = await import('./product-detectors.ts');
  const report = evaluateGuard(parseMode(flags.mode), flags.data, productDetectors);
  console.log(flags.json ? JSON.stringify(report) : formatGuardReport(report));
}

const pct = (x: number) => (Number.isNaN(x) ? '   —   ' : `${(x * 100).toFixed(1).padStart(5)} %`);

function scoreLine(name: string, s: Scores): string {
  return `${name.padEnd(16)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${pct(s.fpr)}   ${String(s.support.positives).padStart(5)} / ${s.support.negatives}`;
}

const POSITIVE: Record<GuardEvalMode, string> = { injection: 'injection', pii: 'personal data entity', claims: 'blocked draft' };

export function formatGuardReport(r: GuardEvalReport): string {
  const lines = [
    `guard eval --mode ${r.mode}: ${r.lines} lines, positive class: ${POSITIVE[r.mode]}`,
    '',
    `${''.padEnd(16)} precision   recall      F1         FPR      positives / negatives`,
    scoreLine('overall', r),
  ];
  for (const [lang, s] of Object.entries(r.by_lang)) lines.push(scoreLine(`lang ${lang}`, s));
  for (const [type, s] of Object.entries(r.by_type)) if (s.support.positives > 0 || s.fpr > 0) lines.push(scoreLine(type, s));
  lines.push('', `throughput       ${r.messages_per_second} messages/second (one core)`);
  if (r.mistakes.length > 0) lines.push('', 'mistakes (first 20):', ...r.mistakes.map((m) => `  ${m}`));
  return lines.join('\n');
}
