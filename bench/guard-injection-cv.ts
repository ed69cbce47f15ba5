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
 * `--grid` compares thresholds, `--variants` model settings, `--no-cue` drops the cue-word gate.
 */
import { assignGroupFolds, corpusRows, customerPool, englishServicePool, fixtureRows, holdout2Rows, holdoutRows, INJECTION_MODEL_CONFIG, INJECTION_SETTINGS, SERVICE_SAMPLE, serviceSample, sharedRows, trainInjectionModel, type Row } from './guard-injection-data.ts';
import { withOverrides, type ModelConfig } from '../src/text/classifier/model-config.ts';
import type { IntentModel } from '../src/text/classifier/types.ts';
import { prepareText } from '../src/pipeline/guard/injection/injection-text.ts';
import { injectionRuleHits } from '../src/pipeline/guard/injection/injection-rules.ts';
import { hasCue, injectionProbability, modelFlags, wordCount, type ModelSettings } from '../src/pipeline/guard/injection/injection-model.ts';

const FOLDS = 5;
const args = process.argv.slice(2);

interface Scored extends Row {
  rule: boolean;
  p: number;
  words: number;
  cue: boolean;
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
  return { ...row, rule, p: injectionProbability(model, prepared), words: wordCount(prepared), cue: args.includes('--no-cue') || hasCue(prepared) };
}

/** Scores every row with a model trained on the other folds (plus `extra`, never scored). */
function crossValidate(rows: readonly Row[], config: ModelConfig, extra: readonly Row[]): Scored[] {
  const fold = assignGroupFolds(rows, FOLDS, 1);
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

const rail = (settings: ModelSettings) => (s: Scored) => s.rule || modelFlags(s.p, s.words, s.cue, settings);
const recall = (t: Tally) => t.tp / (t.tp + t.fn);
const fpr = (t: Tally) => t.fp / (t.fp + t.tn);
const pct = (x: number) => (Number.isNaN(x) ? '    –' : (100 * x).toFixed(1).padStart(5));
const cell = (t: Tally) => `${pct(recall(t))} / ${pct(fpr(t))}`;

function report(title: string, scored: readonly Scored[], settings: ModelSettings): void {
  console.log(`\n${title} — recall % / false-positive rate %`);
  console.log('| set | lang | injections | benign | rules | model | rail |\n|---|---|---|---|---|---|---|');
  const keys = [...new Set(scored.map((s) => `${s.source}|${s.lang}`))].sort();
  for (const key of [...keys, 'all|all']) {
    const [source, lang] = key.split('|');
    const part = scored.filter((s) => (source === 'all' || s.source === source) && (lang === 'all' || s.lang === lang));
    const n = part.filter((s) => s.label === 'injection').length;
    const model = tally(part, (s) => modelFlags(s.p, s.words, s.cue, settings));
    console.log(`| ${source} | ${lang} | ${n} | ${part.length - n} | ${cell(tally(part, (s) => s.rule))} | ${cell(model)} | ${cell(tally(part, rail(settings)))} |`);
  }
  if (!args.includes('--errors')) return;
  for (const s of scored) {
    const flagged = rail(settings)(s);
    if (flagged !== (s.label === 'injection')) console.log(`  ${flagged ? 'FP' : 'FN'} ${s.source} ${s.lang} p=${s.p.toFixed(2)} rule=${s.rule} ${JSON.stringify(s.text.slice(0, 140))}`);
  }
}

/** Per language of the CV rows: the worst recall and the worst FPR; and the pools' FPR. */
function grid(scored: readonly Scored[], pools: readonly Scored[]): void {
  console.log('| threshold (≥ minWords) | short threshold | minWords | CV recall it / de / en | CV FPR it / de / en | pools FPR |\n|---|---|---|---|---|---|');
  for (const threshold of [0.7, 0.75, 0.8, 0.85, 0.9]) {
    for (const shortThreshold of [0.75, 0.8, 0.85, 0.9, 0.95]) {
      for (const minWords of [4, 6, 8]) {
        if (shortThreshold < threshold) continue;
        const settings = { threshold, shortThreshold, minWords };
        const byLang = ['it', 'de', 'en'].map((lang) => tally(scored.filter((s) => s.lang === lang), rail(settings)));
        const pool = tally(pools, rail(settings));
        console.log(`| ${threshold} | ${shortThreshold} | ${minWords} | ${byLang.map((t) => pct(recall(t))).join(' /')} | ${byLang.map((t) => pct(fpr(t))).join(' /')} | ${pct(fpr(pool))} |`);
      }
    }
  }
}

function variants(rows: readonly Row[]): void {
  const extra = SERVICE_SAMPLE > 0 ? serviceSample(SERVICE_SAMPLE) : [];
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
  const extra = SERVICE_SAMPLE > 0 ? serviceSample(SERVICE_SAMPLE) : [];
  const scored = crossValidate(rows, INJECTION_MODEL_CONFIG, extra);
  const model = trainInjectionModel([...rows, ...extra]);
  const pools = [...customerPool(), ...englishServicePool()].map((r) => score(model, r));
  if (args.includes('--grid')) return grid(scored, pools);
  const s = INJECTION_SETTINGS;
  report(`Grouped ${FOLDS}-fold cross-validation (threshold ${s.threshold}, ${s.shortThreshold} under ${s.minWords} words)`, scored, s);
  report('Red-team fixture, model trained on all rows (never on these)', fixtureRows().map((r) => score(model, r)), s);
  report('Held-out cases (corpus/holdout.jsonl), model trained on all rows (never on these)', holdoutRows().map((r) => score(model, r)), s);
  report('Second held-out set (corpus/holdout-2.jsonl), model trained on all rows (never on these)', holdout2Rows().map((r) => score(model, r)), s);
  report('Everyday customer messages (all benign), model trained on all rows', pools, s);
}

main();
