/**
 * Research only (oos-research-2): trains the intent model on CLINC150 full train, optionally
 * with synthetic out-of-scope examples made from the training set itself, and optionally a
 * separate binary in-scope-vs-oos model; dumps for every train (in-scope, distinct), valid and
 * test example the class logits, the unseen share, the analytic dropout variances of a few
 * logit differences and the binary model's log-odds. bench/oos-research/oos-analyse2.py scores the rules.
 *
 *   npx node bench/oos-research/oos-experiment2.ts NAME [--seed N] [--overrides JSON]
 *        [--synth halves|shuffle|function|mix] [--synth-per-intent K] [--synth-to main|binary|both]
 *        [--binary] [--holdout F]
 *
 * Writes /tmp/oos2/NAME.{json,f32}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSplit } from '../nlu-ours-metrics.ts';
import { trainIntentModelWith, type ModelState } from '../../src/text/classifier/intent-model.ts';
import { withOverrides } from '../../src/text/classifier/model-config.ts';
import { vectorizeAll } from '../../src/text/classifier/sparse-matrix.ts';
import { sparseScores, toSparse } from '../../src/text/classifier/sparse-weights.ts';
import { trainSoftmax } from '../../src/text/classifier/softmax-regression.ts';
import { createSparseVector, fitVectorizer, vectorize } from '../../src/text/classifier/tfidf-vectorizer.ts';
import { wordsOf } from '../../src/text/classifier/ngram-hashing.ts';
import { createRandom } from '../../src/text/classifier/prng.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample } from '../../src/text/classifier/types.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    overrides: { type: 'string' },
    seed: { type: 'string' },
    synth: { type: 'string' },
    'synth-per-intent': { type: 'string' },
    'synth-to': { type: 'string' },
    binary: { type: 'boolean' },
    holdout: { type: 'string' },
    dataset: { type: 'string' },
    'oos-split': { type: 'string' },
    'oos-split-random': { type: 'boolean' },
    'dump-tfidf': { type: 'boolean' },
    'aug-drop-word': { type: 'string' },
  },
});
const name = positionals[0] ?? 'default';
const dataset = values.dataset ?? 'clinc150';
const seed = Number(values.seed ?? 1);
const overrides = values.overrides ? (JSON.parse(values.overrides) as Parameters<typeof withOverrides>[0]) : {};
const config = withOverrides(overrides);
const synthKind = values.synth ?? '';
const synthPerIntent = Number(values['synth-per-intent'] ?? 10);
const synthTo = values['synth-to'] ?? 'main';
const holdout = Number(values.holdout ?? 0);

const allTrain = readSplit(dataset, 'train');
const random = createRandom(seed * 7919 + 13);
// Optional held-out part of train (for fitting combinations without touching valid/test).
const isHeld = allTrain.map(() => holdout > 0 && random() < holdout);
const trainRows = allTrain.filter((_, i) => !isHeld[i]);
const inScope = trainRows.filter((r) => r.label !== OOS_LABEL);
const intents = [...new Set(inScope.map((r) => r.label))];

// Word document frequency over in-scope train (for "function words").
const docFreq = new Map<string, number>();
for (const r of inScope) for (const w of new Set(wordsOf(r.text))) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
const intentFreq = new Map<string, Set<string>>();
for (const r of inScope) for (const w of new Set(wordsOf(r.text))) {
  let s = intentFreq.get(w);
  if (!s) intentFreq.set(w, (s = new Set()));
  s.add(r.label);
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
function otherThan(label: string): LabelledExample {
  for (;;) {
    const r = pick(inScope);
    if (r.label !== label) return r;
  }
}
function synthOne(kind: string): string | undefined {
  const a = pick(inScope);
  const wa = wordsOf(a.text);
  if (kind === 'halves') {
    const b = otherThan(a.label);
    const wb = wordsOf(b.text);
    return [...wa.slice(0, Math.ceil(wa.length / 2)), ...wb.slice(Math.ceil(wb.length / 2))].join(' ');
  }
  if (kind === 'shuffle') {
    // words drawn from three examples of different intents, in random order
    const pool = [...wa, ...wordsOf(otherThan(a.label).text), ...wordsOf(otherThan(a.label).text)];
    const n = Math.max(3, wa.length);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pick(pool));
    return out.join(' ');
  }
  if (kind === 'function') {
    // keep only words spread over many intents (function words, generic verbs)
    const kept = wa.filter((w) => (intentFreq.get(w)?.size ?? 0) >= intents.length / 10);
    return kept.length >= 2 && kept.length < wa.length ? kept.join(' ') : undefined;
  }
  if (kind === 'swapcontent') {
    // replace the intent-specific words (few intents) with specific words of another intent's example
    const b = wordsOf(otherThan(a.label).text).filter((w) => (intentFreq.get(w)?.size ?? 0) < intents.length / 10);
    if (b.length === 0) return undefined;
    return wa.map((w) => ((intentFreq.get(w)?.size ?? 0) < intents.length / 10 ? pick(b) : w)).join(' ');
  }
  throw new Error(`unknown synth kind ${kind}`);
}
const synthTexts: string[] = [];
if (synthKind !== '') {
  const kinds = synthKind.split(',');
  const wanted = synthPerIntent * intents.length;
  let guard = 0;
  while (synthTexts.length < wanted && guard++ < wanted * 20) {
    const t = synthOne(kinds[synthTexts.length % kinds.length] as string);
    if (t !== undefined && t !== '') synthTexts.push(t);
  }
  console.error(`${name}: ${synthTexts.length} synthetic oos, e.g. ${JSON.stringify(synthTexts.slice(0, 4))}`);
}
const mainExamples: LabelledExample[] = [...trainRows];
// Optional augmentation: copies of each example with one random word removed (word dropout as data).
const augCopies = Number(values['aug-drop-word'] ?? 0);
for (let c = 0; c < augCopies; c++) {
  for (const r of trainRows) {
    const w = wordsOf(r.text);
    if (w.length < 3) continue;
    const drop = Math.floor(random() * w.length);
    mainExamples.push({ text: w.filter((_, i) => i !== drop).join(' '), label: r.label });
  }
}
// Optional: the oos examples split into M groups (spherical k-means on TF-IDF, or at random), each its own class.
const oosSplit = Number(values['oos-split'] ?? 1);
if (oosSplit > 1) {
  const fitted = fitVectorizer(trainRows.map((r) => r.text), config.vectorizer);
  const at = mainExamples.flatMap((r, i) => (r.label === OOS_LABEL ? [i] : []));
  const vecs = at.map((i) => {
    const v = vectorize(fitted, (mainExamples[i] as LabelledExample).text, createSparseVector());
    const m = new Map<number, number>();
    let n = 0;
    for (let p = 0; p < v.nnz; p++) n += (v.values[p] as number) ** 2;
    for (let p = 0; p < v.nnz; p++) m.set(v.indices[p] as number, (v.values[p] as number) / Math.sqrt(n || 1));
    return m;
  });
  let assign = at.map((_, i) => i % oosSplit);
  if (!values['oos-split-random']) {
    const r2 = createRandom(seed + 555);
    let centres = Array.from({ length: oosSplit }, () => new Map(vecs[Math.floor(r2() * vecs.length)]));
    for (let iter = 0; iter < 20; iter++) {
      assign = vecs.map((v) => {
        let best = 0, bestDot = -Infinity;
        centres.forEach((c, k) => {
          let d = 0;
          for (const [j, x] of v) d += x * (c.get(j) ?? 0);
          if (d > bestDot) { bestDot = d; best = k; }
        });
        return best;
      });
      centres = centres.map((old, k) => {
        const c = new Map<number, number>();
        vecs.forEach((v, i) => { if (assign[i] === k) for (const [j, x] of v) c.set(j, (c.get(j) ?? 0) + x); });
        let n = 0;
        for (const x of c.values()) n += x * x;
        if (n === 0) return old;
        for (const [j, x] of c) c.set(j, x / Math.sqrt(n));
        return c;
      });
    }
  }
  at.forEach((i, k) => { const g = assign[k] as number; if (g > 0) mainExamples[i] = { text: (mainExamples[i] as LabelledExample).text, label: `${OOS_LABEL}#${g}` }; });
  console.error(`${name}: oos groups ${JSON.stringify(Array.from({ length: oosSplit }, (_, g) => assign.filter((a) => a === g).length))}`);
}
if (synthTo === 'main' || synthTo === 'both') for (const t of synthTexts) mainExamples.push({ text: t, label: OOS_LABEL });

const started = performance.now();
const model = trainIntentModelWith(mainExamples, config, { seed }) as IntentModel & { state: ModelState };
const trainSeconds = (performance.now() - started) / 1000;
console.error(`${name}: trained in ${trainSeconds.toFixed(2)} s`);
const { vectorizer, linear, labels } = model.state;
const oosIndex = labels.indexOf(OOS_LABEL);

// Optional binary model (in scope = 1, oos/synthetic = 0) on the same features.
let binary: ReturnType<typeof toSparse> | undefined;
if (values.binary) {
  const bTexts = trainRows.map((r) => r.text);
  const bLabels = trainRows.map((r) => (r.label === OOS_LABEL ? 0 : 1));
  if (synthTo === 'binary' || synthTo === 'both') for (const t of synthTexts) { bTexts.push(t); bLabels.push(0); }
  const matrix = vectorizeAll(vectorizer, bTexts);
  const t0 = performance.now();
  const lin = trainSoftmax(matrix, Int32Array.from(bLabels), vectorizer.idf.length, 2, { ...config.training, epochs: 40, seed: seed + 100 });
  binary = toSparse(lin, 1);
  console.error(`${name}: binary model trained in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

const EXTRA = ['unseen', 'varBO', 'varBS', 'varB', 'binary', 'nnz', 'norm2', 'covBO'];
// Then K more columns: the word block's part of each logit (no bias); the char part is the rest.
const wordEnd = vectorizer.blockStarts[1] ?? vectorizer.idf.length;
const wordScores = new Float64Array(labels.length);
const K = labels.length;
const splits: { split: string; rows: LabelledExample[] }[] = [
  { split: 'train', rows: inScope },
  { split: 'held', rows: allTrain.filter((_, i) => isHeld[i]) },
  { split: 'valid', rows: readSplit(dataset, 'valid') },
  { split: 'test', rows: readSplit(dataset, 'test') },
];
const rows = splits.flatMap((s) => s.rows);
const W = K + EXTRA.length + K;
const buffer = new Float32Array(rows.length * W);
const vector = createSparseVector();
const scores = new Float64Array(K);
const bScores = new Float64Array(2);
/** Weights of feature j for classes a, b, c (0 where pruned). */
const wrow = new Float64Array(3);
function weightsOf(j: number, a: number, b: number, c: number): void {
  wrow.fill(0);
  for (let q = linear.rowStart[j] as number; q < (linear.rowStart[j + 1] as number); q++) {
    const k = linear.classIndex[q] as number;
    if (k === a) wrow[0] = linear.weights[q] as number;
    else if (k === b) wrow[1] = linear.weights[q] as number;
    else if (k === c) wrow[2] = linear.weights[q] as number;
  }
}
rows.forEach((row, i) => {
  vectorize(vectorizer, row.text, vector);
  sparseScores(linear, vector.indices, vector.values, vector.nnz, scores);
  const base = i * W;
  for (let c = 0; c < K; c++) buffer[base + c] = scores[c] as number;
  let best = -1, second = -1;
  for (let c = 0; c < K; c++) {
    if (c === oosIndex) continue;
    if (best < 0 || (scores[c] as number) > (scores[best] as number)) { second = best; best = c; }
    else if (second < 0 || (scores[c] as number) > (scores[second] as number)) second = c;
  }
  // Dropout (rate p, inverted scaling) variance of a logit difference d = Σ x_j Δw_j: p/(1−p) Σ x_j² Δw_j².
  let vBO = 0, vBS = 0, vB = 0, n2 = 0, cBO = 0;
  for (let p = 0; p < vector.nnz; p++) {
    const x = vector.values[p] as number;
    weightsOf(vector.indices[p] as number, best, second, oosIndex);
    const x2 = x * x;
    n2 += x2;
    vBO += x2 * ((wrow[0] as number) - (wrow[2] as number)) ** 2;
    vBS += x2 * ((wrow[0] as number) - (wrow[1] as number)) ** 2;
    vB += x2 * (wrow[0] as number) ** 2;
    cBO = Math.max(cBO, x * ((wrow[0] as number) - (wrow[2] as number)));
  }
  let b = 0;
  if (binary) {
    sparseScores(binary, vector.indices, vector.values, vector.nnz, bScores);
    b = (bScores[1] as number) - (bScores[0] as number);
  }
  const extras = [vector.unknownShare, vBO, vBS, vB, b, vector.nnz, n2, cBO];
  extras.forEach((v, e) => (buffer[base + K + e] = v));
  let nw = 0;
  while (nw < vector.nnz && (vector.indices[nw] as number) < wordEnd) nw++;
  sparseScores(linear, vector.indices, vector.values, nw, wordScores);
  for (let c = 0; c < K; c++) buffer[base + K + EXTRA.length + c] = (wordScores[c] as number) - (linear.bias[c] as number);
});
mkdirSync('/tmp/oos2', { recursive: true });
if (values['dump-tfidf']) {
  // TF-IDF rows of every dumped example, plus the oos train rows (at the end), as CSR.
  const extraRows = trainRows.filter((r) => r.label === OOS_LABEL);
  const m = vectorizeAll(vectorizer, [...rows, ...extraRows].map((r) => r.text));
  writeFileSync(`/tmp/oos2/${name}.indptr`, Buffer.from(m.rowStart.buffer));
  writeFileSync(`/tmp/oos2/${name}.indices`, Buffer.from(m.columns.buffer));
  writeFileSync(`/tmp/oos2/${name}.data`, Buffer.from(m.values.buffer));
  writeFileSync(`/tmp/oos2/${name}.tfidf.json`, JSON.stringify({ features: vectorizer.idf.length, wordEnd, extraRows: extraRows.length }));
}
writeFileSync(`/tmp/oos2/${name}.f32`, Buffer.from(buffer.buffer));
writeFileSync(`/tmp/oos2/${name}.json`, JSON.stringify({
  extra: EXTRA, blocks: true, labels, oosIndex, trainSeconds, config, seed, synthKind, synthPerIntent, synthTo,
  splits: splits.map((s) => ({ split: s.split, count: s.rows.length })),
  gold: rows.map((r) => r.label),
}));
console.error(`${name}: dumped ${rows.length} rows`);
