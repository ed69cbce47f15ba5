/**
 * GloVe research (round 4, bench/oos-research/RESULTS-4.md): per-message cost (µs) of the GloVe pieces next to
 * the product's classification, and the memory the vectors take in a JS process. Timing only: centroids /
 * precision matrix / dense weights have the right shapes (centroids and SIF weights are real, the rest random).
 * The product model is trained once (seed 1) for the classification baseline and idea C's re-scoring.
 *
 *   npx node --expose-gc bench/oos-research/glove/bench.ts [--prune N] [--int8]
 *
 * Reads $GLOVE_DIR/{vocab.txt, glove.f32} (convert.py; GLOVE_DIR defaults to /tmp/centralino-glove) and
 * prints to stdout. See README.md in this folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSplit } from '../../nlu-ours-metrics.ts';
import { trainIntentModelWith } from '../../../src/text/classifier/intent-model.ts';
import { withOverrides } from '../../../src/text/classifier/model-config.ts';
import { wordsOf } from '../../../src/text/classifier/ngram-hashing.ts';
import { OOS_LABEL } from '../../../src/text/classifier/types.ts';

const { values } = parseArgs({ options: { prune: { type: 'string' }, int8: { type: 'boolean' } } });
const DIM = 100;
const GLOVE_DIR = process.env.GLOVE_DIR ?? '/tmp/centralino-glove';
for (const file of ['vocab.txt', 'glove.f32']) {
  if (!existsSync(`${GLOVE_DIR}/${file}`)) {
    console.error(`bench.ts: ${GLOVE_DIR}/${file} is missing: run convert.py first (bench/oos-research/glove/README.md), or set GLOVE_DIR`);
    process.exit(1);
  }
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

// ---- memory of the vectors as a JS lookup (Map word -> row) + Float32Array / Int8Array (+ per-row scale)
gc();
const heap0 = process.memoryUsage();
let vocab = readFileSync(`${GLOVE_DIR}/vocab.txt`, 'utf8').split('\n').slice(0, -1);
const raw = readFileSync(`${GLOVE_DIR}/glove.f32`);
const N = Number(values.prune ?? vocab.length);
vocab = vocab.slice(0, N);
// A float32 copy of the whole file of which only the first N rows are kept (the full copy is garbage at once).
const f32 = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)).slice(0, N * DIM);
const index = new Map<string, number>();
vocab.forEach((w, i) => { if (!index.has(w)) index.set(w, i); });
let i8: Int8Array | undefined;
let scale: Float32Array | undefined;
if (values.int8) {
  i8 = new Int8Array(N * DIM);
  scale = new Float32Array(N);
  for (let r = 0; r < N; r++) {
    let m = 0;
    for (let d = 0; d < DIM; d++) m = Math.max(m, Math.abs(f32[r * DIM + d] as number));
    const s = m / 127 || 1;
    scale[r] = s;
    for (let d = 0; d < DIM; d++) i8[r * DIM + d] = Math.round((f32[r * DIM + d] as number) / s);
  }
}
vocab.length = 0; // drop the word list before measuring (the Map keeps its keys)
gc();
const heap1 = process.memoryUsage();
const vecBytes = values.int8 ? N * DIM + N * 4 : N * DIM * 4;
console.log(`vectors: ${N} words, ${values.int8 ? 'int8 + f32 scale' : 'float32'}: arrays ${(vecBytes / 1e6).toFixed(1)} MB; Map word->row ~${((heap1.heapUsed - heap0.heapUsed) / 1e6).toFixed(1)} MB heap (rss +${((heap1.rss - heap0.rss) / 1e6).toFixed(0)} MB incl. the f32 copy${values.int8 ? ' kept for the int8 build' : ''})`);

// ---- data, model
const train = readSplit('clinc150', 'train');
const evalRows = [...readSplit('clinc150', 'valid'), ...readSplit('clinc150', 'test')];
const model = trainIntentModelWith(train, withOverrides({}), { seed: 1 });
const labels = [...new Set(train.map((r) => r.label))].sort();
const K = labels.length;
const tf = new Map<string, number>();
let totalTf = 0;
for (const r of train) for (const w of wordsOf(r.text)) { tf.set(w, (tf.get(w) ?? 0) + 1); totalTf++; }
const sifWeight = new Map<string, number>();
for (const [w, c] of tf) sifWeight.set(w, 1e-3 / (1e-3 + c / totalTf));

const sent = new Float32Array(DIM);
function sentenceVector(words: readonly string[], sif: boolean, pc: Float32Array | undefined): void {
  sent.fill(0);
  for (const w of words) {
    const r = index.get(w);
    if (r === undefined) continue;
    const a = sif ? (sifWeight.get(w) ?? 1) : 1;
    if (i8 && scale) {
      const s = a * (scale[r] as number);
      for (let d = 0; d < DIM; d++) sent[d] = (sent[d] as number) + s * (i8[r * DIM + d] as number);
    } else for (let d = 0; d < DIM; d++) sent[d] = (sent[d] as number) + a * (f32[r * DIM + d] as number);
  }
  if (pc) {
    let p = 0;
    for (let d = 0; d < DIM; d++) p += (sent[d] as number) * (pc[d] as number);
    for (let d = 0; d < DIM; d++) sent[d] = (sent[d] as number) - p * (pc[d] as number);
  }
  let n = 0;
  for (let d = 0; d < DIM; d++) n += (sent[d] as number) ** 2;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < DIM; d++) sent[d] = (sent[d] as number) / n;
}
// real SIF centroids (first PC from a random direction is fine for timing)
const pc = new Float32Array(DIM).map(() => Math.random() - 0.5);
{ let n = 0; for (const x of pc) n += x * x; for (let d = 0; d < DIM; d++) pc[d] = (pc[d] as number) / Math.sqrt(n); }
const trainIn = train.filter((r) => r.label !== OOS_LABEL);
const trainVecs = new Float32Array(trainIn.length * DIM);
const centroids = new Float32Array(K * DIM);
trainIn.forEach((r, i) => {
  sentenceVector(wordsOf(r.text), true, pc);
  trainVecs.set(sent, i * DIM);
  const c = labels.indexOf(r.label);
  for (let d = 0; d < DIM; d++) centroids[c * DIM + d] = (centroids[c * DIM + d] as number) + (sent[d] as number);
});
const precision = new Float32Array(DIM * DIM).map(() => Math.random());
const denseW = new Float32Array(K * DIM).map(() => Math.random() - 0.5);
const denseB = new Float32Array(K);
const H = 256;
const mlpW1 = new Float32Array(H * DIM).map(() => Math.random() - 0.5);
const mlpW2 = new Float32Array(K * H).map(() => Math.random() - 0.5);
const hidden = new Float32Array(H);
const logits = new Float32Array(K);
const diff = new Float32Array(DIM);

// ---- timing helpers
const words = evalRows.map((r) => wordsOf(r.text));
const predicted = evalRows.map((r) => labels.indexOf(model.predict(r.text)[0]?.label ?? OOS_LABEL));
let sink = 0;
function time(name: string, fn: (i: number) => void, reps = 3): number {
  let best = Infinity;
  for (let rep = 0; rep < reps; rep++) {
    const t0 = performance.now();
    for (let i = 0; i < evalRows.length; i++) fn(i);
    best = Math.min(best, ((performance.now() - t0) * 1000) / evalRows.length);
  }
  console.log(`${name.padEnd(72)} ${best.toFixed(2).padStart(8)} µs/msg`);
  return best;
}
time('product: model.predict (normalise, vectorise, score, confidence)', (i) => { sink += model.predict((evalRows[i] as { text: string }).text).length; });
time('wordsOf (normalisation + split; predict does it once already)', (i) => { sink += wordsOf((evalRows[i] as { text: string }).text).length; });
time('sentence vector, plain mean', (i) => { sentenceVector(words[i] as string[], false, undefined); sink += sent[0] as number; });
time('sentence vector, SIF weights + first-PC removal', (i) => { sentenceVector(words[i] as string[], true, pc); sink += sent[0] as number; });
time('  + cos to the predicted intent\'s centroid (100 MACs)', (i) => {
  sentenceVector(words[i] as string[], true, pc);
  const c = Math.max(0, predicted[i] as number);
  let s = 0;
  for (let d = 0; d < DIM; d++) s += (sent[d] as number) * (centroids[c * DIM + d] as number);
  sink += s;
});
time('  + Mahalanobis to the predicted intent (100x100)', (i) => {
  sentenceVector(words[i] as string[], true, pc);
  const c = Math.max(0, predicted[i] as number);
  for (let d = 0; d < DIM; d++) diff[d] = (sent[d] as number) - (centroids[c * DIM + d] as number);
  let s = 0;
  for (let a = 0; a < DIM; a++) {
    let t = 0;
    for (let b = 0; b < DIM; b++) t += (precision[a * DIM + b] as number) * (diff[b] as number);
    s += t * (diff[a] as number);
  }
  sink += s;
});
time(`  + max cos over all ${trainIn.length} in-scope training vectors`, (i) => {
  sentenceVector(words[i] as string[], true, pc);
  let best = -2;
  for (let r = 0; r < trainIn.length; r++) {
    let s = 0;
    for (let d = 0; d < DIM; d++) s += (sent[d] as number) * (trainVecs[r * DIM + d] as number);
    if (s > best) best = s;
  }
  sink += best;
}, 1);
time(`plain sentence vector + dense linear ${DIM}x${K}`, (i) => {
  sentenceVector(words[i] as string[], false, undefined);
  for (let k = 0; k < K; k++) {
    let s = denseB[k] as number;
    for (let d = 0; d < DIM; d++) s += (denseW[k * DIM + d] as number) * (sent[d] as number);
    logits[k] = s;
  }
  sink += logits[0] as number;
});
time(`plain sentence vector + MLP ${DIM}-${H}-${K}`, (i) => {
  sentenceVector(words[i] as string[], false, undefined);
  for (let h = 0; h < H; h++) {
    let s = 0;
    for (let d = 0; d < DIM; d++) s += (mlpW1[h * DIM + d] as number) * (sent[d] as number);
    hidden[h] = s > 0 ? s : 0;
  }
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let h = 0; h < H; h++) s += (mlpW2[k * H + h] as number) * (hidden[h] as number);
    logits[k] = s;
  }
  sink += logits[0] as number;
});

// ---- idea C: OOV word -> nearest training word (brute force over the training words that have a vector), then re-score
const trainVocab = new Set(tf.keys());
const cand = [...trainVocab].filter((w) => index.has(w));
const candVecs = new Float32Array(cand.length * DIM);
const rowVec = (r: number, out: Float32Array, at: number) => {
  let n = 0;
  for (let d = 0; d < DIM; d++) { const x = i8 && scale ? (scale[r] as number) * (i8[r * DIM + d] as number) : (f32[r * DIM + d] as number); out[at + d] = x; n += x * x; }
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < DIM; d++) out[at + d] = (out[at + d] as number) / n;
};
cand.forEach((w, c) => rowVec(index.get(w) as number, candVecs, c * DIM));
const q = new Float32Array(DIM);
let oovTotal = 0;
time(`idea C: nearest of ${cand.length} training words per OOV word (no cache), append, re-predict`, (i) => {
  const ws = words[i] as string[];
  const extra: string[] = [];
  for (const w of ws) {
    if (trainVocab.has(w)) continue;
    const r = index.get(w);
    if (r === undefined) continue;
    oovTotal++;
    rowVec(r, q, 0);
    let best = -1, bestCos = -2;
    for (let c = 0; c < cand.length; c++) {
      let s = 0;
      for (let d = 0; d < DIM; d++) s += (q[d] as number) * (candVecs[c * DIM + d] as number);
      if (s > bestCos) { bestCos = s; best = c; }
    }
    if (bestCos >= 0.6) extra.push(cand[best] as string);
  }
  if (extra.length > 0) sink += model.predict(`${ws.join(' ')} ${extra.join(' ')}`).length;
}, 1);
console.log(`  (${(oovTotal / evalRows.length).toFixed(2)} OOV words with a vector per message; the cost is all in the ${((evalRows.filter((_, i) => (words[i] as string[]).some((w) => !trainVocab.has(w) && index.has(w))).length / evalRows.length) * 100).toFixed(0)} % of messages that have one)`);
console.log(`sink ${sink > 0 ? '+' : '-'}`);
