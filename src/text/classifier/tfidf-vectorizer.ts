/**
 * Text → sparse TF-IDF vector over hashed n-grams seen in training. Each block (words,
 * characters) is L2-normalised on its own and scaled by its weight, so the two kinds of
 * evidence are balanced whatever the text's length. Unknown n-grams are counted aside as
 * a novelty signal (the share of the text the model has never seen).
 */
import { createHashIndex, insert, lookup, type HashIndex } from './hash-index.ts';
import { createHashList, pushCharBlock, pushWordNgrams, wordsOf, type HashList, type NgramConfig } from './ngram-hashing.ts';

export interface VectorizerConfig extends NgramConfig {
  sublinearTf: boolean;
  /** N-grams in fewer training texts are dropped. */
  minDf: number;
  wordWeight: number;
  charWeight: number;
}

export interface Vectorizer {
  config: VectorizerConfig;
  index: HashIndex;
  idf: Float32Array;
  /** IDF given to an n-gram never seen in training. */
  unknownIdf: number;
  /** First feature index of each block (words, characters); features are numbered block by block. */
  blockStarts: number[];
}

/** Reusable output of `vectorize`. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
  nnz: number;
  /** Share (0..1) of the squared TF-IDF mass that falls on unknown n-grams. */
  unknownShare: number;
  hashes: HashList;
}

export function createSparseVector(capacity = 512): SparseVector {
  return { indices: new Int32Array(capacity), values: new Float32Array(capacity), nnz: 0, unknownShare: 0, hashes: createHashList(capacity) };
}

type BlockFiller = (text: string, words: readonly string[], config: NgramConfig, out: HashList) => void;
const BLOCKS: readonly BlockFiller[] = [pushWordNgrams, (_text, words, config, out) => pushCharBlock(words, config, out)];

function blockWeight(config: VectorizerConfig, block: number): number {
  return block === 0 ? config.wordWeight : config.charWeight;
}

/** Sorts the first `length` hashes and calls `visit(hash, count)` once per distinct hash. */
function forEachDistinct(list: HashList, visit: (hash: number, count: number) => void): void {
  const sorted = list.hashes.subarray(0, list.length).sort();
  let i = 0;
  while (i < sorted.length) {
    const hash = sorted[i] as number;
    let j = i + 1;
    while (j < sorted.length && sorted[j] === hash) j++;
    visit(hash, j - i);
    i = j;
  }
}

export function fitVectorizer(texts: readonly string[], config: VectorizerConfig): Vectorizer {
  const df = BLOCKS.map(() => new Map<number, number>());
  const list = createHashList();
  for (const text of texts) {
    const words = wordsOf(text);
    BLOCKS.forEach((fill, block) => {
      const counts = df[block] as Map<number, number>;
      list.length = 0;
      fill(text, words, config, list);
      forEachDistinct(list, (hash) => counts.set(hash, (counts.get(hash) ?? 0) + 1));
    });
  }
  let kept = 0;
  for (const counts of df) for (const count of counts.values()) if (count >= config.minDf) kept++;
  const index = createHashIndex(kept);
  const idf = new Float32Array(kept);
  const blockStarts: number[] = [];
  const n = texts.length;
  for (const counts of df) {
    blockStarts.push(index.size);
    for (const [hash, count] of counts) {
      if (count >= config.minDf) idf[insert(index, hash)] = Math.log((1 + n) / (1 + count)) + 1;
    }
  }
  return { config, index, idf, unknownIdf: Math.log(1 + n) + 1, blockStarts };
}

function ensureCapacity(out: SparseVector, needed: number): void {
  if (needed <= out.indices.length) return;
  const indices = new Int32Array(needed * 2);
  const values = new Float32Array(needed * 2);
  indices.set(out.indices);
  values.set(out.values);
  out.indices = indices;
  out.values = values;
}

/** Fills `out` with the vector of `text` and returns it. */
export function vectorize(vectorizer: Vectorizer, text: string, out: SparseVector): SparseVector {
  const { config, index, idf } = vectorizer;
  const words = wordsOf(text);
  out.nnz = 0;
  let known = 0;
  let unknown = 0;
  for (let block = 0; block < BLOCKS.length; block++) {
    const list = out.hashes;
    list.length = 0;
    (BLOCKS[block] as BlockFiller)(text, words, config, list);
    ensureCapacity(out, out.nnz + list.length);
    const start = out.nnz;
    let norm = 0;
    forEachDistinct(list, (hash, count) => {
      const tf = config.sublinearTf ? 1 + Math.log(count) : count;
      const feature = lookup(index, hash);
      if (feature < 0) {
        unknown += (tf * vectorizer.unknownIdf) ** 2;
        return;
      }
      const value = tf * (idf[feature] as number);
      out.indices[out.nnz] = feature;
      out.values[out.nnz++] = value;
      norm += value * value;
    });
    known += norm;
    const scale = norm > 0 ? blockWeight(config, block) / Math.sqrt(norm) : 0;
    for (let i = start; i < out.nnz; i++) out.values[i] = (out.values[i] as number) * scale;
  }
  out.unknownShare = known + unknown > 0 ? unknown / (known + unknown) : 1;
  return out;
}
