/**
 * `npm run bench:guard`: tier 2 measured, not hoped for.
 *  1. Latency of the input plus output rails together, per message, on one core (target p99 < 1 ms).
 *  2. Checksum-validated identifiers (cards, IBAN, codice fiscale, Steuer-ID) written in
 *     it/de/en messages: recall (target ≥ 99.5 %) and reports of the same identifiers with a
 *     wrong check digit (target 0).
 *  3. The `guard eval` figures of the red-team corpus under tests/fixtures/guard/, of
 *     ../shared/guard/injection-train.jsonl (seen by the injection rail's tuning: not held out) and
 *     of the injection rail's current held-out sets (HELD_OUT_FILES in guard-injection-data.ts).
 * Writes bench/results/guard.json. No network call anywhere.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluateGuard, type GuardEvalMode, type GuardEvalReport } from '../src/cli/guard/eval-command.ts';
import { productDetectors } from '../src/cli/guard/product-detectors.ts';
import { guardInput } from '../src/pipeline/guard/input-rails.ts';
import { guardOutput, type Draft } from '../src/pipeline/guard/output-rails.ts';
import { findPersonalData } from '../src/pipeline/guard/pii/find-personal-data.ts';
import { identifiers, type Identifier } from './guard/identifiers.ts';
import { HELD_OUT_FILES, heldOutRows } from './guard-injection-data.ts';
import { replaceReadmeSection } from './readme-section.ts';
import { summarize, type Summary } from './stats.ts';

const FIXTURES = 'tests/fixtures/guard';
const SHARED_INJECTION = '../shared/guard/injection-train.jsonl';

const TEMPLATES = [
  'il mio IBAN è {x}, potete fare il rimborso lì?',
  'ecco i dati: {x}',
  'Codice fiscale {x} per la fattura grazie',
  'carta {x} scadenza 12/27',
  'Meine Nummer: {x}. Danke!',
  'bitte auf {x} überweisen',
  'Steuer-ID {x}',
  'my card is {x} exp 11/28 cvv 123',
  'here you go {x}',
  '{x}',
];

function jsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

function messages(ids: Identifier[]): string[] {
  const texts: string[] = [];
  for (const file of ['pii-cases.jsonl', 'injection-cases.jsonl', 'abuse-cases.jsonl']) {
    if (existsSync(`${FIXTURES}/${file}`)) texts.push(...jsonLines(`${FIXTURES}/${file}`).map((l) => String(l.text)));
  }
  if (existsSync(SHARED_INJECTION)) texts.push(...jsonLines(SHARED_INJECTION).map((l) => String(l.text)));
  texts.push(...ids.slice(0, 400).map((id, i) => (TEMPLATES[i % TEMPLATES.length] ?? '{x}').replace('{x}', id.written)));
  return texts;
}

function drafts(): Draft[] {
  const file = `${FIXTURES}/claims-cases.jsonl`;
  const lines = existsSync(file) ? jsonLines(file) : [{ draft: 'Il taglio costa 35 €.', sources: ['Taglio donna: 35 €'] }];
  return lines.map((l) => ({ replies: [{ kind: 'text', body: String(l.draft) }], origin: 'model', sources: (l.sources as string[]) ?? [] }));
}

/** Long messages (a pasted e-mail, a detailed complaint): the short ones joined until each has at least `min` characters. */
function longMessages(texts: string[], min = 600): string[] {
  const out: string[] = [];
  let current = '';
  for (const text of texts) {
    current = current === '' ? text : `${current} ${text}`;
    if (current.length >= min) {
      out.push(current);
      current = '';
    }
  }
  return out;
}

/** Input rails on the message plus output rails on a draft, timed together, several rounds. */
function latency(texts: string[], ds: Draft[]): Summary & { messages: number; mean_chars: number } {
  const context = { language: 'it', formality: 'informal' as const, locked: false, restore: new Set<never>(), vault: [] };
  const once = (i: number) => {
    guardInput(texts[i] ?? '', { injection: 'block' });
    guardOutput(ds[i % ds.length] as Draft, context);
  };
  for (let i = 0; i < texts.length; i++) once(i); // warm-up
  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < texts.length; i++) {
      const t0 = performance.now();
      once(i);
      samples.push(performance.now() - t0);
    }
  }
  const wall = performance.now() - started;
  const meanChars = Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length);
  return { ...summarize(samples, wall), messages: texts.length, mean_chars: meanChars };
}

interface ChecksumRow {
  type: string;
  n: number;
  recall: number;
  /** The whole number with a wrong check digit reported as this kind: must be 0. */
  wrong_check_reported: number;
  /** A shorter run inside it that is itself a valid identifier (16 Luhn-valid digits, then a 3-digit group read as a CVV). */
  valid_part_reported: number;
  wrong_check_reported_as_other_type: number;
}

function checksums(ids: Identifier[]): ChecksumRow[] {
  const types = [...new Set(ids.map((id) => id.type))];
  return types.map((type) => {
    const mine = ids.filter((id) => id.type === type);
    let found = 0;
    let wrongSame = 0;
    let validPart = 0;
    let wrongOther = 0;
    mine.forEach((id, i) => {
      const template = TEMPLATES[i % TEMPLATES.length] ?? '{x}';
      const at = template.indexOf('{x}');
      const hit = (text: string, written: string) => findPersonalData(text).filter((s) => s.start < at + written.length && s.end > at);
      if (hit(template.replace('{x}', id.written), id.written).some((s) => s.type === type)) found++;
      const wrong = hit(template.replace('{x}', id.writtenInvalid), id.writtenInvalid);
      const same = wrong.filter((s) => s.type === type);
      if (same.some((s) => s.end - s.start >= id.writtenInvalid.length)) wrongSame++;
      else if (same.length > 0) validPart++;
      else if (wrong.length > 0) wrongOther++;
    });
    return { type, n: mine.length, recall: found / mine.length, wrong_check_reported: wrongSame, valid_part_reported: validPart, wrong_check_reported_as_other_type: wrongOther };
  });
}

/** The current held-out injection sets in one file (guard eval reads a file), named by their sets. */
function heldOutFile(): { dir: string; path: string; name: string } {
  const dir = mkdtempSync(join(tmpdir(), 'centralino-held-out-'));
  const path = join(dir, 'held-out.jsonl');
  writeFileSync(path, heldOutRows().map((r) => JSON.stringify({ text: r.text, label: r.label, lang: r.lang })).join('\n') + '\n');
  return { dir, path, name: `held out: ${HELD_OUT_FILES.map((f) => `corpus/${f}`).join(', ')}` };
}

function evaluations(): { data: string; report: GuardEvalReport }[] {
  const heldOut = heldOutFile();
  const runs: [GuardEvalMode, string, string][] = [
    ['injection', `${FIXTURES}/injection-cases.jsonl`, `${FIXTURES}/injection-cases.jsonl`],
    ['pii', `${FIXTURES}/pii-cases.jsonl`, `${FIXTURES}/pii-cases.jsonl`],
    ['claims', `${FIXTURES}/claims-cases.jsonl`, `${FIXTURES}/claims-cases.jsonl`],
    ['injection', SHARED_INJECTION, SHARED_INJECTION],
    ['injection', heldOut.path, heldOut.name],
  ];
  try {
    return runs.filter(([, file]) => existsSync(file)).map(([mode, file, data]) => ({ data, report: evaluateGuard(mode, file, productDetectors) }));
  } finally {
    rmSync(heldOut.dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)} %`);

function readmeBlock(lat: ReturnType<typeof latency>, long: ReturnType<typeof latency>, sums: ChecksumRow[], evals: { data: string; report: GuardEvalReport }[]): string {
  const rows = [
    '<!-- guard-bench:start -->',
    `Measured by \`npm run bench:guard\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, one core; bench/results/guard.json):`,
    '',
    `- input + output rails per message: p50 ${lat.p50_ms} ms, **p99 ${lat.p99_ms} ms**, ${lat.per_second} messages/s (${lat.messages} messages, mean ${lat.mean_chars} characters)`,
    `- the same on long messages (those joined to at least 600 characters, as a pasted e-mail or a detailed complaint): p50 ${long.p50_ms} ms, p99 ${long.p99_ms} ms (${long.messages} messages, mean ${long.mean_chars} characters); the cost grows with the length`,
    ...sums.map((r) => `- ${r.type}: recall ${pct(r.recall)} of ${r.n} generated in messages; the same with a wrong check digit reported as ${r.type}: ${r.wrong_check_reported}${r.valid_part_reported > 0 ? ` (a valid part of it: ${r.valid_part_reported}, e.g. 16 Luhn-valid digits followed by a 3-digit group, read as card + CVV)` : ''}${r.wrong_check_reported_as_other_type > 0 ? ` (as another kind, e.g. a phone number: ${r.wrong_check_reported_as_other_type})` : ''}`),
    '',
    '| data | mode | precision | recall | F1 | FPR | it recall / FPR | de recall / FPR | en recall / FPR |',
    '|---|---|---|---|---|---|---|---|---|',
    ...evals.map(({ data, report: r }) => {
      const lang = (l: string) => (r.by_lang[l] ? `${pct(r.by_lang[l].recall)} / ${pct(r.by_lang[l].fpr)}` : '–');
      return `| \`${data}\` | ${r.mode} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${pct(r.fpr)} | ${lang('it')} | ${lang('de')} | ${lang('en')} |`;
    }),
    '',
    'The red-team files under `tests/fixtures/guard/` were written by us and are asserted line by line in the tests; `injection-train.jsonl` was used to train the injection model (not held out). The held-out sets were written by outside authors who saw nothing of the project; the rail was never trained or tuned on them and no rule was written from them (the target, 95 % recall at ≤ 2 % FPR per language, is measured there). How they are made and retired: docs/decisions/0008-injection-rail.md.',
    '<!-- guard-bench:end -->',
  ];
  return rows.join('\n');
}

function main(): void {
  const ids = identifiers(20261125, 2500);
  const texts = messages(ids);
  const lat = latency(texts, drafts());
  const long = latency(longMessages(texts), drafts());
  console.log(`\ninput + output rails per message (${lat.messages} messages × 5 rounds, mean ${lat.mean_chars} chars, one core):`);
  console.log(`  p50 ${lat.p50_ms} ms   p99 ${lat.p99_ms} ms   max ${lat.max_ms} ms   ${lat.per_second} messages/s   (target p99 < 1 ms)`);
  console.log(`  long messages (${long.messages}, mean ${long.mean_chars} chars): p50 ${long.p50_ms} ms   p99 ${long.p99_ms} ms   max ${long.max_ms} ms`);
  const sums = checksums(ids);
  console.log('\nchecksum-validated identifiers in messages (target recall ≥ 99.5 %, 0 wrong-check reports):');
  for (const r of sums) console.log(`  ${r.type.padEnd(15)} n=${r.n}  recall ${pct(r.recall)}  wrong check reported ${r.wrong_check_reported}; a valid part of it reported ${r.valid_part_reported}; as another type ${r.wrong_check_reported_as_other_type}`);
  const evals = evaluations();
  console.log('\nguard eval (precision / recall / F1 / FPR, messages/s):');
  for (const { data, report: r } of evals) {
    console.log(`  ${r.mode.padEnd(9)} ${data}: ${pct(r.precision)} / ${pct(r.recall)} / ${pct(r.f1)} / ${pct(r.fpr)}  ${r.messages_per_second}/s`);
    for (const [lang, s] of Object.entries(r.by_lang)) console.log(`      ${lang}: recall ${pct(s.recall)}  FPR ${pct(s.fpr)}  (${s.support.positives}+/${s.support.negatives}-)`);
  }
  mkdirSync('bench/results', { recursive: true });
  const result = { measured_at: new Date().toISOString(), node: process.version, latency: lat, latency_long_messages: long, checksums: sums, evaluations: evals.map(({ data, report }) => ({ data, ...report, mistakes: report.mistakes.length })) };
  writeFileSync('bench/results/guard.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('\nwrote bench/results/guard.json');
  if (replaceReadmeSection('README.md', '<!-- guard-bench:start -->', '<!-- guard-bench:end -->', readmeBlock(lat, long, sums, evals))) console.log('updated the README section between <!-- guard-bench:start --> and <!-- guard-bench:end -->');
}

main();
