/**
 * `npx node bench/guard-injection-explore.ts`: experiments on how the injection model's
 * score is read (calibration, the familiarity shrinkage, the cue gate, thresholds), on the
 * grouped 5-fold cross-validation of bench/guard-injection-cv.ts and on the everyday pools.
 * Not part of the product; docs/decisions/0008-injection-rail.md (round 2) quotes it.
 */
import { assignGroupFolds, corpusRows, customerPool, englishServicePool, INJECTION_MODEL_CONFIG, serviceSample, sharedRows, trainInjectionModel, type Row } from './guard-injection-data.ts';
import { withOverrides, type ModelConfig } from '../src/text/classifier/model-config.ts';
import type { IntentModel } from '../src/text/classifier/types.ts';
import type { ModelState } from '../src/text/classifier/intent-model.ts';
import { createSparseVector, vectorize } from '../src/text/classifier/tfidf-vectorizer.ts';
import { sparseScores } from '../src/text/classifier/sparse-weights.ts';
import { prepareText } from '../src/pipeline/guard/injection/injection-text.ts';
import { injectionRuleHits } from '../src/pipeline/guard/injection/injection-rules.ts';
import { hasCue, injectionProbability, modelInput, wordCount } from '../src/pipeline/guard/injection/injection-model.ts';

interface S extends Row {
  rule: boolean;
  p: number;
  margin: number;
  unseen: number;
  words: number;
  cue: boolean;
}

const vector = createSparseVector();
const scores = new Float64Array(2);
function score(model: IntentModel, row: Row): S {
  const prepared = prepareText(row.text);
  const state = (model as IntentModel & { state: ModelState }).state;
  vectorize(state.vectorizer, modelInput(prepared), vector);
  sparseScores(state.linear, vector.indices, vector.values, vector.nnz, scores);
  const inj = state.labels.indexOf('injection');
  const margin = (scores[inj] as number) - (scores[1 - inj] as number);
  return { ...row, rule: injectionRuleHits(row.text, prepared).length > 0, p: injectionProbability(model, prepared), margin, unseen: vector.unknownShare, words: wordCount(prepared), cue: hasCue(prepared) };
}

const rows = [...sharedRows(), ...corpusRows()];
const fold = assignGroupFolds(rows, 5, 1);
const poolRows = [...customerPool(), ...englishServicePool()];

function run(config: ModelConfig, extra: readonly Row[] = []): { cv: S[]; pools: S[] } {
  const cv: S[] = [];
  for (let k = 0; k < 5; k++) {
    const model = trainInjectionModel([...rows.filter((_, i) => fold[i] !== k), ...extra], config);
    rows.forEach((r, i) => {
      if (fold[i] === k) cv.push(score(model, r));
    });
  }
  const full = trainInjectionModel([...rows, ...extra], config);
  return { cv, pools: poolRows.map((r) => score(full, r)) };
}

type Decide = (s: S) => boolean;
const pct = (a: number, b: number) => (b === 0 ? '   –' : ((100 * a) / b).toFixed(1).padStart(5));
function line(name: string, cv: S[], pools: S[], d: Decide): void {
  const cells: string[] = [];
  for (const key of ['shared|de', 'shared|en', 'corpus|it', 'corpus|de', 'corpus|en']) {
    const [src, lang] = key.split('|');
    const part = cv.filter((s) => s.source === src && s.lang === lang);
    const inj = part.filter((s) => s.label === 'injection');
    const ben = part.filter((s) => s.label === 'benign');
    cells.push(`${pct(inj.filter(d).length, inj.length)}/${pct(ben.filter(d).length, ben.length)}`);
  }
  console.log(`| ${name} | ${cells.join(' | ')} | ${pct(pools.filter(d).length, pools.length)} |`);
}
/** The margin above which `share` of the CV benign rows (that pass `gate`) lie. */
function cut(cv: S[], gate: Decide, share: number): number {
  const m = cv.filter((s) => s.label === 'benign').map((s) => (gate(s) ? s.margin : -Infinity)).sort((a, b) => b - a);
  return m[Math.floor(share * m.length)] as number;
}
const cue: Decide = (s) => s.cue;
const any: Decide = () => true;
function evaluate(name: string, r: { cv: S[]; pools: S[] }): void {
  for (const [g, gate] of [['gate', cue], ['no gate', any]] as const) {
    const t = cut(r.cv, gate, 0.015);
    line(`${name}, ${g}, m>=${t.toFixed(2)}`, r.cv, r.pools, (s) => gate(s) && s.margin > t);
  }
}
console.log('model alone at CV benign FPR 1.5 % | shared de | shared en | corpus it | corpus de | corpus en | pools FPR |\n|---|---|---|---|---|---|---|');
const variants: [string, ModelConfig, Row[]][] = [
  ['chosen', INJECTION_MODEL_CONFIG, []],
  ['keep all', withOverrides({ keepWeights: 1, vectorizer: { wordNgrams: 3, minDf: 2 } }), []],
  ['minDf 1', withOverrides({ keepWeights: 0.3, vectorizer: { wordNgrams: 3, minDf: 1 } }), []],
  ['word 1-2', withOverrides({ keepWeights: 0.3, vectorizer: { wordNgrams: 2, minDf: 2 } }), []],
  ['char 3-5', withOverrides({ keepWeights: 0.3, vectorizer: { wordNgrams: 3, minDf: 2, charMin: 3, charMax: 5 } }), []],
  ['words x2', withOverrides({ keepWeights: 0.3, vectorizer: { wordNgrams: 3, minDf: 2, wordWeight: 2 } }), []],
  ['bags 5', withOverrides({ keepWeights: 0.3, bags: 5, bagBelow: 100000, vectorizer: { wordNgrams: 3, minDf: 2 } }), []],
  ['service 1000', INJECTION_MODEL_CONFIG, serviceSample(1000)],
  ['bags 5 + service 1000', withOverrides({ keepWeights: 0.3, bags: 5, bagBelow: 100000, vectorizer: { wordNgrams: 3, minDf: 2 } }), serviceSample(1000)],
  ['bags 5 + service 1000 + minDf 1', withOverrides({ keepWeights: 0.3, bags: 5, bagBelow: 100000, vectorizer: { wordNgrams: 3, minDf: 1 } }), serviceSample(1000)],
];
const only = process.env.VARIANTS?.split(',');
for (const [name, config, extra] of variants) if (!only || only.includes(name)) evaluate(name, run(config, extra));
