/**
 * GloVe research (round 4, bench/oos-research/RESULTS-4.md). Trains the product's intent model exactly as
 * bench/oos-research/oos-experiment2.ts does (trainIntentModelWith(CLINC150 full train incl. its 100 oos,
 * default config, { seed })), and dumps for every train, valid and test row the class logits and the unseen
 * share. Idea C: valid/test texts whose words are not in the training vocabulary get those words mapped to
 * the nearest (GloVe cosine) training-vocabulary word; the mapped texts are scored too.
 *
 *   npx node bench/oos-research/glove/dump.ts [--seeds 1,2,3] [--prune P]
 *
 * Reads $GLOVE_DIR/{vocab.txt, glove.f32} (convert.py; GLOVE_DIR defaults to /tmp/centralino-glove).
 * Writes $GLOVE_DIR/dumps/{tokens.json, oov-map.json, base-sN.f32, base-sN.json, oovmap-sN.f32}; with --prune P
 * (idea C with only the P most frequent GloVe words) tokens.json, oov-map-pP.json and oovmap-sN-pP.f32.
 * analyse.py scores the dumps. See README.md in this folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSplit } from '../../nlu-ours-metrics.ts';
import { trainIntentModelWith, type ModelState } from '../../../src/text/classifier/intent-model.ts';
import { withOverrides } from '../../../src/text/classifier/model-config.ts';
import { sparseScores } from '../../../src/text/classifier/sparse-weights.ts';
import { createSparseVector, vectorize } from '../../../src/text/classifier/tfidf-vectorizer.ts';
import { wordsOf } from '../../../src/text/classifier/ngram-hashing.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample } from '../../../src/text/classifier/types.ts';

const GLOVE_DIR = process.env.GLOVE_DIR ?? '/tmp/centralino-glove';
const OUT = `${GLOVE_DIR}/dumps`;
const { values } = parseArgs({ options: { seeds: { type: 'string' }, prune: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
  console.error('usage: npx node bench/oos-research/glove/dump.ts [--seeds 1,2,3] [--prune P]   (reads and writes $GLOVE_DIR)');
  process.exit(0);
}
for (const file of ['vocab.txt', 'glove.f32']) {
  if (!existsSync(`${GLOVE_DIR}/${file}`)) {
    console.error(`dump.ts: ${GLOVE_DIR}/${file} is missing: run convert.py first (bench/oos-research/glove/README.md), or set GLOVE_DIR`);
    process.exit(1);
  }
}
mkdirSync(OUT, { recursive: true });
const prune = Number(values.prune ?? 0);
const tag = prune > 0 ? `-p${prune}` : '';
const seeds = (values.seeds ?? '1,2,3').split(',').map(Number);

const train = readSplit('clinc150', 'train');
const valid = readSplit('clinc150', 'valid');
const test = readSplit('clinc150', 'test');
const splits = [{ split: 'train', rows: train }, { split: 'valid', rows: valid }, { split: 'test', rows: test }];
const rows = splits.flatMap((s) => s.rows);

// Tokens as the classifier sees them (for the sentence vectors built in analyse.py).
writeFileSync(`${OUT}/tokens.json`, JSON.stringify({
  splits: splits.map((s) => ({ split: s.split, count: s.rows.length })),
  gold: rows.map((r) => r.label),
  tokens: rows.map((r) => wordsOf(r.text)),
}));

// ---- Idea C: nearest training-vocabulary word for out-of-vocabulary words (GloVe cosine).
const vocab = readFileSync(`${GLOVE_DIR}/vocab.txt`, 'utf8').split('\n');
const raw = readFileSync(`${GLOVE_DIR}/glove.f32`);
const glove = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
const DIM = 100;
const gIndex = new Map<string, number>();
vocab.forEach((w, i) => { if (w !== '' && !gIndex.has(w) && (prune === 0 || i < prune)) gIndex.set(w, i); });
const trainVocab = new Set<string>();
for (const r of train) for (const w of wordsOf(r.text)) trainVocab.add(w);
const candidates = [...trainVocab].filter((w) => gIndex.has(w));
const candVecs = new Float32Array(candidates.length * DIM);
candidates.forEach((w, c) => {
  const g = gIndex.get(w) as number;
  let n = 0;
  for (let d = 0; d < DIM; d++) n += (glove[g * DIM + d] as number) ** 2;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < DIM; d++) candVecs[c * DIM + d] = (glove[g * DIM + d] as number) / n;
});
const nearestCache = new Map<string, { word: string; cos: number } | null>();
function nearest(word: string): { word: string; cos: number } | null {
  const hit = nearestCache.get(word);
  if (hit !== undefined) return hit;
  const g = gIndex.get(word);
  let result: { word: string; cos: number } | null = null;
  if (g !== undefined) {
    const q = new Float32Array(DIM);
    let n = 0;
    for (let d = 0; d < DIM; d++) n += (glove[g * DIM + d] as number) ** 2;
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < DIM; d++) q[d] = (glove[g * DIM + d] as number) / n;
    let best = -1, bestCos = -2;
    for (let c = 0; c < candidates.length; c++) {
      let s = 0;
      for (let d = 0; d < DIM; d++) s += (q[d] as number) * (candVecs[c * DIM + d] as number);
      if (s > bestCos) { bestCos = s; best = c; }
    }
    if (best >= 0) result = { word: candidates[best] as string, cos: bestCos };
  }
  nearestCache.set(word, result);
  return result;
}
const evalRows = [...valid, ...test];
const t0 = performance.now();
let oovWords = 0, oovInGlove = 0, rowsWithOov = 0;
const mapped = evalRows.map((r) => {
  const ws = wordsOf(r.text);
  let any = false;
  const m = ws.map((w) => {
    if (trainVocab.has(w)) return { w, to: w, cos: 1 };
    any = true;
    oovWords++;
    const n = nearest(w);
    if (n) oovInGlove++;
    return { w, to: n?.word ?? w, cos: n?.cos ?? -1 };
  });
  if (any) rowsWithOov++;
  return m;
});
const mapMs = performance.now() - t0;
console.error(`idea C: ${candidates.length}/${trainVocab.size} training words in GloVe; valid+test: ${rowsWithOov}/${evalRows.length} rows with OOV, ${oovWords} OOV words (${oovInGlove} in GloVe, ${nearestCache.size} distinct); nearest search ${mapMs.toFixed(0)} ms total = ${(mapMs * 1000 / Math.max(1, nearestCache.size)).toFixed(0)} µs per distinct OOV word`);
const examples = [...nearestCache].filter(([, v]) => v).slice(0, 25).map(([k, v]) => `${k}→${v?.word}(${v?.cos.toFixed(2)})`);
console.error(`  e.g. ${examples.join(' ')}`);
const VARIANTS: { name: string; text: (m: { w: string; to: string; cos: number }[]) => string }[] = [];
for (const tau of [0.5, 0.6, 0.7]) {
  VARIANTS.push({ name: `replace${tau}`, text: (m) => m.map((x) => (x.cos >= tau ? x.to : x.w)).join(' ') });
  VARIANTS.push({ name: `append${tau}`, text: (m) => [...m.map((x) => x.w), ...m.filter((x) => x.to !== x.w && x.cos >= tau).map((x) => x.to)].join(' ') });
}
writeFileSync(`${OUT}/oov-map${tag}.json`, JSON.stringify(Object.fromEntries(nearestCache)));

for (const seed of seeds) {
  const started = performance.now();
  const model = trainIntentModelWith(train, withOverrides({}), { seed }) as IntentModel & { state: ModelState };
  const trainSeconds = (performance.now() - started) / 1000;
  const { vectorizer, linear, labels } = model.state;
  const K = labels.length;
  const W = K + 1;
  const vector = createSparseVector();
  const scores = new Float64Array(K);
  const score = (text: string, buf: Float32Array, at: number) => {
    vectorize(vectorizer, text, vector);
    sparseScores(linear, vector.indices, vector.values, vector.nnz, scores);
    for (let c = 0; c < K; c++) buf[at * W + c] = scores[c] as number;
    buf[at * W + K] = vector.unknownShare;
  };
  const buf = new Float32Array(rows.length * W);
  const t1 = performance.now();
  rows.forEach((r, i) => score(r.text, buf, i));
  const perMsgUs = ((performance.now() - t1) * 1000) / rows.length;
  if (prune === 0) writeFileSync(`${OUT}/base-s${seed}.f32`, Buffer.from(buf.buffer));
  const vbuf = new Float32Array(VARIANTS.length * evalRows.length * W);
  VARIANTS.forEach((v, k) => mapped.forEach((m, i) => score(v.text(m), vbuf, k * evalRows.length + i)));
  writeFileSync(`${OUT}/oovmap-s${seed}${tag}.f32`, Buffer.from(vbuf.buffer));
  if (prune === 0) writeFileSync(`${OUT}/base-s${seed}.json`, JSON.stringify({
    labels, oosIndex: labels.indexOf(OOS_LABEL), seed, trainSeconds, perMsgUs,
    splits: splits.map((s) => ({ split: s.split, count: s.rows.length })),
    variants: VARIANTS.map((v) => v.name), variantRows: evalRows.length,
  }));
  console.error(`seed ${seed}: trained in ${trainSeconds.toFixed(2)} s, logits ${perMsgUs.toFixed(1)} µs/msg`);
}
void OOS_LABEL;
void ({} as LabelledExample);
