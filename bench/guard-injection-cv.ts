/**
 * `npx node bench/guard-injection-cv.ts [--grid] [--variants] [--errors] [--no-cue]`: how well the
 * injection rail separates injections from benign messages, per language.
 *
 * - Grouped 5-fold cross-validation over the deepset train split (/work/shared/guard) and
 *   the rail's corpus together: a row is scored by a model that saw neither it nor any row
 *   sharing a sentence with it. Reported per source and language: the rules alone, the
 *   model alone, and the rail (a rule fires, or the model's P(injection) reaches the
 *   threshold for the message's length). The rules were written with these rows in view,
 *   so their share is optimistic; the fixture below is the check on that.
 * - The red-team fixture (tests/fixtures/guard/injection-cases.jsonl) and the held-out cases
 *   (src/pipeline/guard/injection/corpus/holdout.jsonl), never trained on.
 * - False positives on everyday customer messages (language-id fixture, the demo business's
 *   examples, BANKING77 and CLINC150 test queries).
 * `--grid` compares operating points, `--variants` model settings, `--no-cue` drops the cue-word gate
 * and the veto, `--round3` reports with the round-3 operating point, `--holdouts` adds the (spent)
 * held-out sets 1 and 2, `--dump FILE` writes the scores; INJECTION_CV_SEED picks the fold seed.
 */
import { assignGroupFolds, backgroundRows, corpusRows, customerPool, englishServicePool, fixtureRows, holdout2Rows, holdoutRows, INJECTION_MODEL_CONFIG, INJECTION_SETTINGS, ROUND3_SETTINGS, ROUND4_SETTINGS, SERVICE_SAMPLE, serviceSample, sharedRows, trainInjectionModel, type Row } from './guard-injection-data.ts';
import { withOverrides, type ModelConfig } from '../src/text/classifier/model-config.ts';
import type { IntentModel } from '../src/text/classifier/types.ts';
import { prepareText } from '../src/pipeline/guard/injection/injection-text.ts';
import { injectionRuleHits } from '../src/pipeline/guard/injection/injection-rules.ts';
import { injectionProbability, modelFlags, modelGate, settingsFor, wordCount, type ModelGate, type ModelSettings, type RailSettings } from '../src/pipeline/guard/injection/injection-model.ts';
import { writeFileSync } from 'node:fs';
import { detectLanguage } from '../src/text/detect-language.ts';

const FOLDS = 5;
/** Seed of the fold assignment (INJECTION_CV_SEED, default 1): other seeds show how much a grid cell moves by chance. */
const CV_SEED = Number(process.env.INJECTION_CV_SEED ?? 1);
const args = process.argv.slice(2);

interface Scored extends Row {
  rule: boolean;
  p: number;
  words: number;
  /** The gate's two parts: a cue word, and the customer-topic veto (`--no-cue`: neither counts). */
  gate: ModelGate;
  /** The language detectLanguage gives the message (it/de/en, or undefined), as the rail sees it at run time. */
  detected: string | undefined;
}

interface Tally {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

function score(model: IntentModel, row: Row): Scored {
  const prepared = prepareText(row.text);
  const rule = injectionRuleHits(row.text, prepared).length > 0;
  const gate = args.includes('--no-cue') ? { cueWord: true, veto: false } : modelGate(prepared);
  return { ...row, rule, p: injectionProbability(model, prepared), words: wordCount(prepared), gate, detected: detectLanguage(row.text, ['it', 'de', 'en']) };
}

/** Scores every row with a model trained on the other folds (plus `extra`, never scored). */
function crossValidate(rows: readonly Row[], config: ModelConfig, extra: readonly Row[]): Scored[] {
  const fold = assignGroupFolds(rows, FOLDS, CV_SEED);
  const scored: Scored[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const model = trainInjectionModel([...rows.filter((_, i) => fold[i] !== k), ...extra], config);
    rows.forEach((row, i) => {
      if (fold[i] === k) scored.push(score(model, row));
    });
  }
  return scored;
}

function tally(rows: readonly Scored[], decide: (s: Scored) => boolean): Tally {
  const t = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of rows) {
    const flagged = decide(s);
    if (s.label === 'injection') t[flagged ? 'tp' : 'fn']++;
    else t[flagged ? 'fp' : 'tn']++;
  }
  return t;
}

const modelSays = (settings: RailSettings) => (s: Scored) => modelFlags(s.p, s.words, s.gate, settingsFor(settings, s.detected));
const rail = (settings: RailSettings) => (s: Scored) => s.rule || modelSays(settings)(s);
const recall = (t: Tally) => t.tp / (t.tp + t.fn);
const fpr = (t: Tally) => t.fp / (t.fp + t.tn);
const pct = (x: number) => (Number.isNaN(x) ? '    –' : (100 * x).toFixed(1).padStart(5));
const cell = (t: Tally) => `${pct(recall(t))} / ${pct(fpr(t))}`;

function report(title: string, scored: readonly Scored[], settings: RailSettings): void {
  console.log(`\n${title} — recall % / false-positive rate %`);
  console.log('| set | lang | injections | benign | rules | model | rail |\n|---|---|---|---|---|---|---|');
  const keys = [...new Set(scored.map((s) => `${s.source}|${s.lang}`))].sort();
  for (const key of [...keys, 'all|all']) {
    const [source, lang] = key.split('|');
    const part = scored.filter((s) => (source === 'all' || s.source === source) && (lang === 'all' || s.lang === lang));
    const n = part.filter((s) => s.label === 'injection').length;
    const model = tally(part, modelSays(settings));
    console.log(`| ${source} | ${lang} | ${n} | ${part.length - n} | ${cell(tally(part, (s) => s.rule))} | ${cell(model)} | ${cell(tally(part, rail(settings)))} |`);
  }
  if (!args.includes('--errors')) return;
  for (const s of scored) {
    const flagged = rail(settings)(s);
    if (flagged !== (s.label === 'injection')) console.log(`  ${flagged ? 'FP' : 'FN'} ${s.source} ${s.lang} p=${s.p.toFixed(2)} rule=${s.rule} ${JSON.stringify(s.text.slice(0, 140))}`);
  }
}

const one = (cueWords: boolean, threshold: number, shortThreshold: number, minWords = 8): ModelSettings => ({ threshold, shortThreshold, minWords, cueWords });
const describe = (m: ModelSettings) => `${m.cueWords ? 'cue words' : 'no cue words'}, ${m.threshold} / ${m.shortThreshold > 1 ? 'off' : m.shortThreshold} under ${m.minWords} words`;

/**
 * Operating points (round 4): one setting for every message (cue words or not, thresholds,
 * minimum length), then the chosen form (messages detected as Italian apart). Per language of
 * the CV rows recall and FPR, the pools' FPR, and the rail's recall on the injections no rule
 * catches (what the model adds). Fold seed: INJECTION_CV_SEED.
 */
function grid(scored: readonly Scored[], pools: readonly Scored[]): void {
  const candidates: [string, RailSettings][] = [];
  for (const cueWords of [true, false]) {
    for (const threshold of [0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
      for (const shortThreshold of [0.9, 0.95, 1.01]) {
        for (const minWords of [6, 8, 10]) candidates.push([describe(one(cueWords, threshold, shortThreshold, minWords)), { ...one(cueWords, threshold, shortThreshold, minWords), byLanguage: {} }]);
      }
    }
  }
  for (const it of [one(true, 0.8, 0.9), one(true, 0.8, 0.95), one(true, 0.85, 0.95)]) {
    for (const other of [one(false, 0.75, 0.95), one(false, 0.775, 0.95), one(false, 0.8, 0.95)]) candidates.push([`it: ${describe(it)}; others: ${describe(other)}`, { ...other, byLanguage: { it } }]);
  }
  candidates.push([`it: ${describe(one(true, 0.85, 0.95))}; en: ${describe(one(true, 0.8, 0.95))}; others: ${describe(one(false, 0.8, 0.95))}`, { ...one(false, 0.8, 0.95), byLanguage: { it: one(true, 0.85, 0.95), en: one(true, 0.8, 0.95) } }]);
  candidates.push(['round 3 (for reference)', ROUND3_SETTINGS], ['round 4 (for reference)', ROUND4_SETTINGS], ['**chosen** (round 6)', INJECTION_SETTINGS]);
  console.log('| setting | CV recall it / de / en | CV FPR it / de / en | pools FPR | recall on rule misses it / de / en |\n|---|---|---|---|---|');
  for (const [name, settings] of candidates) {
    const byLang = ['it', 'de', 'en'].map((lang) => tally(scored.filter((s) => s.lang === lang), rail(settings)));
    const net = ['it', 'de', 'en'].map((lang) => tally(scored.filter((s) => s.lang === lang && !s.rule), rail(settings)));
    const pool = tally(pools, rail(settings));
    console.log(`| ${name} | ${byLang.map((t) => pct(recall(t))).join(' /')} | ${byLang.map((t) => pct(fpr(t))).join(' /')} | ${pct(fpr(pool))} | ${net.map((t) => pct(recall(t))).join(' /')} |`);
  }
}

function variants(rows: readonly Row[]): void {
  const extra = [...(SERVICE_SAMPLE > 0 ? serviceSample(SERVICE_SAMPLE) : []), ...backgroundRows(0)];
  const settings: [string, ModelConfig][] = [
    ['default (keep 15 % of weights)', withOverrides()],
    ['keep 30 % of weights', withOverrides({ keepWeights: 0.3 })],
    ['keep all weights', withOverrides({ keepWeights: 1 })],
    ['keep all, char 3-4', withOverrides({ keepWeights: 1, vectorizer: { charMin: 3 } })],
    ['keep all, words only', withOverrides({ keepWeights: 1, vectorizer: { charMin: 0, charMax: 0 } })],
    ['keep all, word 1-3', withOverrides({ keepWeights: 1, vectorizer: { wordNgrams: 3 } })],
    ['keep all, dropout 0.3', withOverrides({ keepWeights: 1, training: { dropout: 0.3 } })],
    ['keep 15 %, word 1-3', withOverrides({ vectorizer: { wordNgrams: 3 } })],
    ['keep 30 %, word 1-3', withOverrides({ keepWeights: 0.3, vectorizer: { wordNgrams: 3 } })],
    ['keep 30 %, word 1-3, n-grams seen twice (chosen)', INJECTION_MODEL_CONFIG],
  ];
  console.log('| model settings | rail recall % / FPR % it | de | en |\n|---|---|---|---|');
  for (const [name, config] of settings) {
    const scored = crossValidate(rows, config, extra);
    const cells = ['it', 'de', 'en'].map((lang) => cell(tally(scored.filter((s) => s.lang === lang), rail(INJECTION_SETTINGS))));
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

function main(): void {
  const rows = [...sharedRows(), ...corpusRows()];
  if (args.includes('--variants')) return variants(rows);
  const extra = [...(SERVICE_SAMPLE > 0 ? serviceSample(SERVICE_SAMPLE) : []), ...backgroundRows(0)];
  const scored = crossValidate(rows, INJECTION_MODEL_CONFIG, extra);
  const model = trainInjectionModel([...rows, ...extra]);
  const pools = [...customerPool(), ...englishServicePool()].map((r) => score(model, r));
  const dump = args.indexOf('--dump');
  if (dump >= 0) writeFileSync(args[dump + 1] ?? 'cv-scores.json', JSON.stringify({ scored, pools }));
  if (args.includes('--grid')) return grid(scored, pools);
  const s = args.includes('--round3') ? ROUND3_SETTINGS : INJECTION_SETTINGS;
  report(`Grouped ${FOLDS}-fold cross-validation (fold seed ${CV_SEED}; ${describe(s)}${Object.entries(s.byLanguage).map(([l, m]) => `; ${l}: ${describe(m)}`).join('')})`, scored, s);
  report('Red-team fixture, model trained on all rows (never on these)', fixtureRows().map((r) => score(model, r)), s);
  if (args.includes('--holdouts')) {
    report('Held-out cases (corpus/holdout.jsonl), model trained on all rows (never on these)', holdoutRows().map((r) => score(model, r)), s);
    report('Second held-out set (corpus/holdout-2.jsonl), model trained on all rows (never on these)', holdout2Rows().map((r) => score(model, r)), s);
  }
  report('Everyday customer messages (all benign), model trained on all rows', pools, s);
}

main();
