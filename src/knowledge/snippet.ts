/**
 * The part of an entry's text that matched: a window of at most ~200 characters holding
 * the most query words, cut at word boundaries (and at a sentence start when one is
 * near), "…" where text was left out, with the matched words' offsets for highlighting.
 * Words are compared by stem, so "resi" in the query highlights "reso" in the text.
 */
import { stemOf } from './analyze-text.ts';

const MAX_CHARS = 200;
/** Context kept before the first matched word of the window. */
const LEAD_CHARS = 40;
const WORD = /[\p{L}\p{N}]+/gu;
const SENTENCE_START = /[.!?\n]\s*$/;

interface Word {
  start: number;
  end: number;
  matched: boolean;
}

export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
}

function wordsOf(text: string, stems: ReadonlySet<string>, language: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const stem = stemOf(match[0], language);
    words.push({ start: match.index, end: match.index + match[0].length, matched: stem !== undefined && stems.has(stem) });
  }
  return words;
}

/** Index of the matched word that starts the window with the most matched words. */
function bestStart(words: readonly Word[]): number | undefined {
  const matched = words.map((word, index) => (word.matched ? index : -1)).filter((index) => index >= 0);
  let best: number | undefined;
  let bestCount = 0;
  let right = 0;
  for (let left = 0; left < matched.length; left++) {
    const first = words[matched[left] as number] as Word;
    while (right < matched.length && (words[matched[right] as number] as Word).end - first.start <= MAX_CHARS - LEAD_CHARS) right++;
    if (right - left > bestCount) {
      bestCount = right - left;
      best = matched[left];
    }
  }
  return best;
}

/** Where the window starts: a sentence start within the lead, else a word about LEAD_CHARS before. */
function windowStart(text: string, words: readonly Word[], anchor: number): number {
  const anchorStart = (words[anchor] as Word).start;
  let start = anchorStart;
  for (let index = anchor - 1; index >= 0; index--) {
    const word = words[index] as Word;
    if (anchorStart - word.start > LEAD_CHARS) break;
    start = word.start;
    if (SENTENCE_START.test(text.slice(0, word.start))) break;
  }
  return start;
}

export function makeSnippet(text: string, stems: ReadonlySet<string>, language: string): Snippet {
  const words = wordsOf(text, stems, language);
  const anchor = bestStart(words);
  const start = anchor === undefined ? 0 : windowStart(text, words, anchor);
  let end = text.length;
  if (end - start > MAX_CHARS) {
    const last = words.filter((word) => word.start >= start && word.end - start <= MAX_CHARS).at(-1);
    end = last?.end ?? start + MAX_CHARS;
  }
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s+/g, ' ').trimEnd();
  const highlights: Array<[number, number]> = [];
  for (const match of body.matchAll(WORD)) {
    const stem = stemOf(match[0], language);
    if (stem !== undefined && stems.has(stem)) highlights.push([lead.length + match.index, lead.length + match.index + match[0].length]);
  }
  return { text: `${lead}${body}${end < text.length ? '…' : ''}`, highlights };
}
