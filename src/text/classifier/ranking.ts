/**
 * Probabilities → predictions sorted best first, without a comparator: each score's
 * float64 bits carry its class index in the lowest 16 mantissa bits (a change of at most
 * 2^-36 relative, used only for ordering), so a native typed-array sort orders them.
 */
import type { Prediction } from './types.ts';

export interface Ranker {
  keys: Float64Array;
  words: Uint32Array;
}

export function createRanker(classes: number): Ranker {
  if (classes > 0xffff) throw new Error(`too many classes to rank: ${classes}`);
  const keys = new Float64Array(classes);
  return { keys, words: new Uint32Array(keys.buffer) };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function rank(ranker: Ranker, labels: readonly string[], probabilities: Float64Array): Prediction[] {
  const { keys, words } = ranker;
  const low = LITTLE_ENDIAN ? 0 : 1;
  for (let c = 0; c < keys.length; c++) {
    keys[c] = probabilities[c] as number;
    words[2 * c + low] = (((words[2 * c + low] as number) & 0xffff0000) | c) >>> 0;
  }
  keys.sort();
  const result: Prediction[] = new Array<Prediction>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const c = (words[2 * (keys.length - 1 - i) + low] as number) & 0xffff;
    result[i] = { label: labels[c] as string, score: probabilities[c] as number };
  }
  return result;
}
