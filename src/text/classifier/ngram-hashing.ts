/**
 * Text → hashed n-gram ids, without building n-gram strings: words (unigrams and
 * bigrams) and character n-grams inside word boundaries ("<word>"), each kind in its own
 * block. Hashes are 32-bit FNV-1a, finished with a murmur mixer.
 */
import { normalizeText } from '../normalize-text.ts';

export interface NgramConfig {
  /** 1 = unigrams only, 2 = unigrams and bigrams. */
  wordNgrams: number;
  /** Character n-gram lengths, inclusive; 0 disables character n-grams. */
  charMin: number;
  charMax: number;
  /** Character n-grams run across word boundaries (over the whole text) instead of inside words. */
  crossWord?: boolean;
  /** Shorter words are left out of the word block (they stay in the character block). */
  minWordLength?: number;
  /** Words longer than this also give their prefix of this length as a feature (a crude stem); 0 = off. */
  stemLength?: number;
}

/** A growable list of hashes, reused between texts to avoid allocations. */
export interface HashList {
  hashes: Int32Array;
  length: number;
}

export function createHashList(capacity = 256): HashList {
  return { hashes: new Int32Array(capacity), length: 0 };
}

function push(list: HashList, hash: number): void {
  if (list.length === list.hashes.length) {
    const grown = new Int32Array(list.hashes.length * 2);
    grown.set(list.hashes);
    list.hashes = grown;
  }
  list.hashes[list.length++] = hash;
}

const FNV_PRIME = 0x01000193;
const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x5bd1e995;
const SEED_STEM = 0x1b873593;
const SEED_TRIGRAM = 0x7f4a7c15;
const SEED_CHAR = 0x2545f491;
const SEED_EMOJI = 0x3c6ef372;
const START = 0x02;
const END = 0x03;

export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function hashWord(word: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The code unit at virtual position `i` of "<word>". */
function boundedCode(word: string, i: number): number {
  if (i === 0) return START;
  if (i === word.length + 1) return END;
  return word.charCodeAt(i - 1);
}

function pushCharNgrams(word: string, config: NgramConfig, out: HashList): void {
  const span = word.length + 2;
  for (let start = 0; start < span; start++) {
    let h = SEED_CHAR;
    const last = Math.min(span, start + config.charMax);
    for (let end = start; end < last; end++) {
      h = Math.imul(h ^ boundedCode(word, end), FNV_PRIME);
      if (end - start + 1 >= config.charMin) push(out, mix32(h));
    }
  }
}

const EMOJI = /\p{Extended_Pictographic}/gu;

/** Words of the normalised text; emoji (which normalisation drops) are kept aside. */
export function wordsOf(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

export function pushWordNgrams(text: string, words: readonly string[], config: NgramConfig, out: HashList): void {
  let previous = 0;
  let bigram = 0;
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    if ((words[i] as string).length < (config.minWordLength ?? 1)) continue;
    n++;
    const word = words[i] as string;
    const h = hashWord(word, SEED_WORD);
    push(out, mix32(h));
    const stem = config.stemLength ?? 0;
    if (stem > 0 && word.length > stem) push(out, mix32(hashWord(word.slice(0, stem), SEED_STEM)));
    if (config.wordNgrams >= 3 && n > 2) push(out, mix32(Math.imul(bigram ^ SEED_TRIGRAM, FNV_PRIME) ^ h));
    bigram = Math.imul(previous ^ SEED_BIGRAM, FNV_PRIME) ^ h;
    if (config.wordNgrams >= 2 && n > 1) push(out, mix32(bigram));
    previous = h;
  }
  for (const match of text.matchAll(EMOJI)) push(out, mix32(hashWord(match[0], SEED_EMOJI)));
}

export function pushCharBlock(words: readonly string[], config: NgramConfig, out: HashList): void {
  if (config.charMax <= 0) return;
  if (config.crossWord) pushCharNgrams(words.join(' '), config, out);
  else for (const word of words) pushCharNgrams(word, config, out);
}
