/**
 * The words of a reply with their positions, for the form-of-address rules: each word
 * knows whether it starts a sentence (first word, or after . ! ? : ; a line break or an
 * emoji) or a clause (also after a comma, a dash or a bracket), and its neighbours. Words
 * inside links and e-mail addresses are left out ("www.tuo-negozio.it" is no "tuo").
 * Matching is exact on the lower-cased word, so accents count: "tè" is not "te", and
 * "può" and "puo'" are listed as separate forms.
 */
import type { ToneIssue } from '../guard-types.ts';

export interface Word {
  /** As written. */
  text: string;
  /** Lower case, accents kept. */
  lower: string;
  start: number;
  end: number;
  sentenceStart: boolean;
  clauseStart: boolean;
  index: number;
}

const WORD = /[\p{L}\p{M}]+(?:['’](?=[\s.,!?;:)]|$))?/gu;
const URL = /(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const HAS_URL = /https?:\/\/|www\./i;
const SENTENCE_BREAK = /[.!?:;…\n]|\p{Extended_Pictographic}/u;
const CLAUSE_BREAK = /[,(\-–—"“”«»]/;

/** Ranges of links and e-mail addresses, as [start, end] pairs. */
function linkRanges(text: string): number[] {
  const ranges: number[] = [];
  if (HAS_URL.test(text)) for (const m of text.matchAll(URL)) ranges.push(m.index, m.index + m[0].length);
  // the e-mail pattern is costly (it backtracks over every word), so only when there is an @
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) ranges.push(m.index, m.index + m[0].length);
  return ranges;
}

function insideAny(ranges: readonly number[], at: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (at >= (ranges[i] as number) && at < (ranges[i + 1] as number)) return true;
  return false;
}

export function wordsOf(text: string): Word[] {
  const links = linkRanges(text);
  const words: Word[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    if (links.length > 0 && insideAny(links, m.index)) continue;
    const gap = text.slice(previousEnd, m.index);
    const sentenceStart = words.length === 0 || SENTENCE_BREAK.test(gap);
    words.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      sentenceStart,
      clauseStart: sentenceStart || CLAUSE_BREAK.test(gap),
      index: words.length,
    });
    previousEnd = m.index + m[0].length;
  }
  return words;
}

/** An issue for one word. */
export function wordIssue(word: Word, rule: string, type: string): ToneIssue {
  return { start: word.start, end: word.end, type, rule, found: word.text };
}

/** Whether a word is written with a capital first letter and the rest in lower case. */
export function isCapitalised(word: Word): boolean {
  const first = word.text.charAt(0);
  return first !== first.toLowerCase() && word.text.slice(1) === word.text.slice(1).toLowerCase();
}
