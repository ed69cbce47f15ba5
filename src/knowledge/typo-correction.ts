/**
 * Query words the knowledge base has never seen, mended against its own vocabulary:
 *
 *   typos         "spedizone" → "spedizione", "rucksedung" → "rucksendung": one letter
 *                 missing, extra, wrong or two swapped (optimal string alignment distance
 *                 1), found through an index of one-letter deletions (symmetric delete);
 *                 among several candidates the one in most entries wins;
 *   compounds     German words glued from two known ones: "versandkosten" → "versand" +
 *                 "kosten", when the whole word is unknown and both halves' stems are known;
 *                 else the longest known head: "rückerstattung" → "erstattung".
 *
 * Only words of five letters or more are corrected: shorter ones have too many neighbours.
 */
import type { Vocabulary } from '../core/knowledge.ts';
import type { Stemmer } from './stemming.ts';

const MIN_CORRECTED_LENGTH = 5;
const MIN_COMPOUND_PART = 4;
/** A compound's head found alone must have at least this many letters. */
const MIN_HEAD = 6;

export interface Speller {
  /** The known word one edit away from `word` in most entries, or undefined. */
  correct(word: string): string | undefined;
  /** The known stems a German compound splits into (both halves, or the head alone), or undefined. */
  split(word: string, stem: Stemmer): string[] | undefined;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance, stopping early: is it at most 1? */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function buildDeletionIndex(words: ReadonlyMap<string, number>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const word of words.keys()) {
    if (word.length < MIN_CORRECTED_LENGTH - 1) continue;
    for (const deleted of deletions(word)) {
      const list = index.get(deleted);
      if (list === undefined) index.set(deleted, [word]);
      else if (list[list.length - 1] !== word) list.push(word);
    }
  }
  return index;
}

function candidatesOf(word: string, words: ReadonlyMap<string, number>, index: ReadonlyMap<string, readonly string[]>): Set<string> {
  const found = new Set<string>(index.get(word) ?? []);
  for (const deleted of deletions(word)) {
    if (words.has(deleted)) found.add(deleted);
    for (const candidate of index.get(deleted) ?? []) found.add(candidate);
  }
  return found;
}

export function createSpeller(vocabulary: Vocabulary): Speller {
  const { words, stems } = vocabulary;
  let index: Map<string, string[]> | undefined;
  return {
    correct(word) {
      if (word.length < MIN_CORRECTED_LENGTH || words.has(word)) return undefined;
      index ??= buildDeletionIndex(words);
      let best: string | undefined;
      let bestDocs = 0;
      for (const candidate of candidatesOf(word, words, index)) {
        const docs = words.get(candidate) ?? 0;
        if (!withinOneEdit(word, candidate)) continue;
        if (docs > bestDocs || (docs === bestDocs && best !== undefined && candidate < best)) {
          best = candidate;
          bestDocs = docs;
        }
      }
      return best;
    },
    split(word, stem) {
      for (let cut = word.length - MIN_COMPOUND_PART; cut >= MIN_COMPOUND_PART; cut--) {
        const left = stem(word.slice(0, cut));
        const rest = word.slice(cut);
        for (const right of rest.startsWith('s') && rest.length > MIN_COMPOUND_PART ? [rest, rest.slice(1)] : [rest]) {
          const rightStem = stem(right);
          if (stems.has(left) && stems.has(rightStem)) return [left, rightStem];
        }
      }
      // the head (last part) carries a German compound's meaning: "Rückerstattung" → "Erstattung"
      for (let cut = MIN_COMPOUND_PART - 1; cut <= word.length - MIN_HEAD; cut++) {
        const head = stem(word.slice(cut));
        if (stems.has(head)) return [head];
      }
      return undefined;
    },
  };
}
