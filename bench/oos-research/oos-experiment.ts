/**
 * Research only (oos-research branch): trains our intent model once on CLINC150 full train
 * (with its `oos` class) and dumps, for every valid and test example, the raw signals an
 * out-of-scope score could be built from: the class logits, the unseen share, and nearest-
 * neighbour cosines in TF-IDF space. bench/oos-research/oos-analyse.py turns them into scores, chooses
 * the threshold on valid and reports test.
 *
 *   npx node bench/oos-research/oos-experiment.ts NAME [--overrides JSON] [--oos-repeat K] [--seed N]
 *
 * Writes /tmp/oos/NAME.{json,f32}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSplit } from '../nlu-ours-metrics.ts';
import { trainIntentModelWith, type ModelState } from '../../src/text/classifier/intent-model.ts';
import { withOverrides } from '../../src/text/classifier/model-config.ts';
import { vectorizeAll, type CsrMatrix } from '../../src/text/classifier/sparse-matrix.ts';
import { sparseScores } from '../../src/text/classifier/sparse-weights.ts';
import { createSparseVector, vectorize } from '../../src/text/classifier/tfidf-vectorizer.ts';
import { lookup } from '../../src/text/classifier/hash-index.ts';
import { createHashList, pushCharBlock, pushWordNgrams, wordsOf } from '../../src/text/classifier/ngram-hashing.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample } from '../../src/text/classifier/types.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { overrides: { type: 'string' }, 'oos-repeat': { type: 'string' }, seed: { type: 'string' }, dataset: { type: 'string' }, train: { type: 'string' } },
});
const name = positionals[0] ?? 'default';
const dataset = values.dataset ?? 'clinc150';
const repeat = Number(values['oos-repeat'] ?? 1);
const overrides = values.overrides ? (JSON.parse(values.overrides) as Parameters<typeof withOverrides>[0]) : {};
const config = withOverrides(overrides);

const trainRows = readSplit(dataset, values.train ?? 'train');
const examples: LabelledExample[] = [];
for (const row of trainRows) {
  const times = row.label === OOS_LABEL ? repeat : 1;
  for (let i = 0; i < times; i++) examples.push(row);
}
const started = performance.now();
const model = trainIntentModelWith(examples, config, { seed: Number(values.seed ?? 1) }) as IntentModel & { state: ModelState };
const trainSeconds = (performance.now() - started) / 1000;
console.error(`${name}: trained in ${trainSeconds.toFixed(2)} s`);
const { vectorizer, linear, labels } = model.state;

// Train matrix (distinct rows only) with an inverted index for cosine neighbours.
const trainMatrix = vectorizeAll(vectorizer, trainRows.map((r) => r.text));
const labelIndex = new Map(labels.map((l, i) => [l, i]));
const trainLabel = Int32Array.from(trainRows, (r) => labelIndex.get(r.label) ?? -1);
const norms = new Float64Array(trainMatrix.rows);
for (let r = 0; r < trainMatrix.rows; r++) {
  let s = 0;
  for (let p = trainMatrix.rowStart[r] as number; p < (trainMatrix.rowStart[r + 1] as number); p++) s += (trainMatrix.values[p] as number) ** 2;
  norms[r] = Math.sqrt(s);
}
function transpose(m: CsrMatrix, features: number): { start: Int32Array; rows: Int32Array; values: Float32Array } {
  const counts = new Int32Array(features + 1);
  for (let p = 0; p < m.columns.length; p++) {
    const at = (m.columns[p] as number) + 1;
    counts[at] = (counts[at] as number) + 1;
  }
  for (let j = 0; j < features; j++) counts[j + 1] = (counts[j + 1] as number) + (counts[j] as number);
  const start = Int32Array.from(counts);
  const fill = Int32Array.from(counts);
  const rows = new Int32Array(m.columns.length);
  const vals = new Float32Array(m.columns.length);
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.rowStart[r] as number; p < (m.rowStart[r + 1] as number); p++) {
      const j = m.columns[p] as number;
      const at = fill[j] as number;
      fill[j] = at + 1;
      rows[at] = r;
      vals[at] = m.values[p] as number;
    }
  }
  return { start, rows, values: vals };
}
const features = vectorizer.idf.length;
const inverted = transpose(trainMatrix, features);
const wordEnd = vectorizer.blockStarts[1] ?? features;

// Class centroids (normalised).
const classes = labels.length;
const oosIndex = labels.indexOf(OOS_LABEL);

const K = classes;
// Per example features: K logits, then extras.
const EXTRA = ['unseen', 'knnAll', 'knnPred', 'knnOos', 'knn5Pred', 'knnWordAll', 'knnCharAll', 'norm', 'nnz', 'knnPredLabel', 'unseenWord', 'unseenChar', 'unseenWordCount', 'covWord', 'covChar', 'posWord', 'posChar', 'negWord', 'contribMax', 'covWord2'];
const out: { split: string; gold: string[]; extra: string[] } = { split: 'valid,test', gold: [], extra: EXTRA };
const splits = ['valid', 'test'];
const rows: LabelledExample[] = splits.flatMap((s) => readSplit(dataset, s));
const counts = splits.map((s) => readSplit(dataset, s).length);
const buffer = new Float32Array(rows.length * (K + EXTRA.length));
const vector = createSparseVector();
const scores = new Float64Array(K);
const dots = new Float64Array(trainMatrix.rows);
const wordDots = new Float64Array(trainMatrix.rows);

// Document frequency over the (distinct) train rows, and per-class statistics.
const df = new Int32Array(features);
for (let p = 0; p < trainMatrix.columns.length; p++) {
  const j = trainMatrix.columns[p] as number;
  df[j] = (df[j] as number) + 1;
}
const classSingleton = new Float64Array(classes);
const classGapSum = new Float64Array(classes);
const classGapSq = new Float64Array(classes);
const classCount = new Float64Array(classes);
const classSingletonWord = new Float64Array(classes);
for (let r = 0; r < trainMatrix.rows; r++) {
  const c = trainLabel[r] as number;
  let all = 0, single = 0, wordAll = 0, wordSingle = 0;
  for (let p = trainMatrix.rowStart[r] as number; p < (trainMatrix.rowStart[r + 1] as number); p++) {
    const j = trainMatrix.columns[p] as number;
    const v = (trainMatrix.values[p] as number) ** 2;
    all += v;
    if (j < wordEnd) wordAll += v;
    if (df[j] === 1) { single += v; if (j < wordEnd) wordSingle += v; }
  }
  classSingleton[c] = (classSingleton[c] as number) + (all > 0 ? single / all : 0);
  classSingletonWord[c] = (classSingletonWord[c] as number) + (wordAll > 0 ? wordSingle / wordAll : 0);
  const from = trainMatrix.rowStart[r] as number;
  const to = trainMatrix.rowStart[r + 1] as number;
  sparseScores(linear, trainMatrix.columns.subarray(from, to), trainMatrix.values.subarray(from, to), to - from, scores);
  let best = -1;
  for (let k = 0; k < classes; k++) if (k !== oosIndex && (best < 0 || (scores[k] as number) > (scores[best] as number))) best = k;
  const gap = (scores[best] as number) - (oosIndex >= 0 ? (scores[oosIndex] as number) : 0);
  classGapSum[c] = (classGapSum[c] as number) + gap;
  classGapSq[c] = (classGapSq[c] as number) + gap * gap;
  classCount[c] = (classCount[c] as number) + 1;
}
const classStats = Array.from({ length: classes }, (_, c) => ({
  singleton: classSingleton[c]! / classCount[c]!,
  singletonWord: classSingletonWord[c]! / classCount[c]!,
  gapMean: classGapSum[c]! / classCount[c]!,
  gapStd: Math.sqrt(Math.max(0, classGapSq[c]! / classCount[c]! - (classGapSum[c]! / classCount[c]!) ** 2)),
}));
const list = createHashList();
function blockUnseen(text: string): number[] {
  const words = wordsOf(text);
  const res: number[] = [];
  for (let block = 0; block < 2; block++) {
    list.length = 0;
    if (block === 0) pushWordNgrams(text, words, config.vectorizer, list);
    else pushCharBlock(words, config.vectorizer, list);
    const sorted = list.hashes.subarray(0, list.length).slice().sort();
    let known = 0, unknown = 0;
    for (let i = 0; i < sorted.length; ) {
      let j = i + 1;
      while (j < sorted.length && sorted[j] === sorted[i]) j++;
      const tf = 1 + Math.log(j - i);
      const f = lookup(vectorizer.index, sorted[i] as number);
      if (f < 0) unknown += (tf * vectorizer.unknownIdf) ** 2; else known += (tf * (vectorizer.idf[f] as number)) ** 2;
      i = j;
    }
    res.push(known + unknown > 0 ? unknown / (known + unknown) : 1);
  }
  let seen = 0;
  for (const w of words) { list.length = 0; pushWordNgrams(w, [w], { ...config.vectorizer, wordNgrams: 1 }, list); if (list.length > 0 && lookup(vectorizer.index, list.hashes[0] as number) >= 0) seen++; }
  res.push(words.length > 0 ? 1 - seen / words.length : 1);
  return res;
}

// Which features occur in each class's train examples (bitset per class).
const words32 = Math.ceil(features / 32);
const classVocab = new Uint32Array(classes * words32);
for (let r = 0; r < trainMatrix.rows; r++) {
  const c = trainLabel[r] as number;
  for (let p = trainMatrix.rowStart[r] as number; p < (trainMatrix.rowStart[r + 1] as number); p++) {
    const j = trainMatrix.columns[p] as number;
    const at = c * words32 + (j >>> 5);
    classVocab[at] = (classVocab[at] as number) | (1 << (j & 31));
  }
}
function weightOf(j: number, c: number): number {
  for (let q = linear.rowStart[j] as number; q < (linear.rowStart[j + 1] as number); q++) if (linear.classIndex[q] === c) return linear.weights[q] as number;
  return 0;
}
/** Shares of the query's squared mass (word block, char block) on features seen with class c / with positive weight for c. */
function coverage(c: number): number[] {
  let wAll = 0, wCov = 0, cAll = 0, cCov = 0, wPos = 0, cPos = 0, wNeg = 0, contribMax = 0, contribSum = 0, wCov2 = 0, wAll2 = 0;
  for (let p = 0; p < vector.nnz; p++) {
    const j = vector.indices[p] as number;
    const v = (vector.values[p] as number) ** 2;
    const seen = (classVocab[c * words32 + (j >>> 5)]! >>> (j & 31)) & 1;
    const w = weightOf(j, c);
    const contrib = (vector.values[p] as number) * w;
    if (contrib > 0) { contribSum += contrib; contribMax = Math.max(contribMax, contrib); }
    if (j < wordEnd) {
      wAll += v; if (seen) wCov += v; if (w > 0) wPos += v; if (w < 0) wNeg += v;
      wAll2 += vector.values[p] as number; if (seen) wCov2 += vector.values[p] as number;
    } else { cAll += v; if (seen) cCov += v; if (w > 0) cPos += v; }
  }
  // unseen mass counts as not covered
  return [wAll > 0 ? wCov / wAll : 0, cAll > 0 ? cCov / cAll : 0, wAll > 0 ? wPos / wAll : 0, cAll > 0 ? cPos / cAll : 0, wAll > 0 ? wNeg / wAll : 0, contribSum > 0 ? contribMax / contribSum : 1, wAll2 > 0 ? wCov2 / wAll2 : 0];
}
rows.forEach((row, i) => {
  vectorize(vectorizer, row.text, vector);
  sparseScores(linear, vector.indices, vector.values, vector.nnz, scores);
  const base = i * (K + EXTRA.length);
  for (let c = 0; c < K; c++) buffer[base + c] = scores[c] as number;
  let pred = -1;
  for (let c = 0; c < K; c++) if (c !== oosIndex && (pred < 0 || (scores[c] as number) > (scores[pred] as number))) pred = c;
  dots.fill(0);
  wordDots.fill(0);
  let qn = 0;
  let qw = 0;
  for (let p = 0; p < vector.nnz; p++) {
    const j = vector.indices[p] as number;
    const x = vector.values[p] as number;
    qn += x * x;
    const target = j < wordEnd ? wordDots : dots;
    if (j < wordEnd) qw += x * x;
    for (let q = inverted.start[j] as number; q < (inverted.start[j + 1] as number); q++) {
      const r = inverted.rows[q] as number;
      target[r] = (target[r] as number) + x * (inverted.values[q] as number);
    }
  }
  const qc = qn - qw;
  qn = Math.sqrt(qn);
  let knnAll = 0, knnPred = 0, knnOos = 0, knnWord = 0, knnChar = 0, knnPredLabel = -1;
  const predSims: number[] = [];
  for (let r = 0; r < trainMatrix.rows; r++) {
    const d = (dots[r] as number) + (wordDots[r] as number);
    const cos = qn > 0 ? d / (qn * (norms[r] as number)) : 0;
    const lab = trainLabel[r] as number;
    if (lab === oosIndex) {
      knnOos = Math.max(knnOos, cos);
      continue;
    }
    if (cos > knnAll) {
      knnAll = cos;
      knnPredLabel = lab;
    }
    // word and char blocks are each normalised to 1 in train rows (when not empty)
    knnWord = Math.max(knnWord, qw > 0 ? (wordDots[r] as number) / Math.sqrt(qw) : 0);
    knnChar = Math.max(knnChar, qc > 0 ? (dots[r] as number) / Math.sqrt(qc) : 0);
    if (lab === pred) {
      knnPred = Math.max(knnPred, cos);
      predSims.push(cos);
    }
  }
  predSims.sort((a, b) => b - a);
  const top5 = predSims.slice(0, 5);
  const knn5 = top5.reduce((a, b) => a + b, 0) / Math.max(1, top5.length);
  const blocks = blockUnseen(row.text);
  const cov = coverage(pred);
  const extras = [vector.unknownShare, knnAll, knnPred, knnOos, knn5, knnWord, knnChar, qn, vector.nnz, knnPredLabel, ...blocks, ...cov];
  extras.forEach((v, e) => (buffer[base + K + e] = v));
  out.gold.push(row.label);
});
mkdirSync('/tmp/oos', { recursive: true });
writeFileSync(`/tmp/oos/${name}.f32`, Buffer.from(buffer.buffer));
writeFileSync(`/tmp/oos/${name}.json`, JSON.stringify({ ...out, labels, counts, oosIndex, trainSeconds, config, classStats }));
console.error(`${name}: dumped ${rows.length} rows`);
