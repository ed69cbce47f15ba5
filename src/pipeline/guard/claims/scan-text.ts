/**
 * Scanning helpers that keep the extractors fast. A regex that begins with a lookbehind
 * such as `(?<!\p{L})` makes V8 test it at every position of the text (tens of
 * microseconds on a short reply); a regex that begins with literal words or a digit can
 * skip ahead. So patterns start with what they look for and the boundary before the match
 * is checked here; when it fails the scan resumes one character later.
 */

const NON_ASCII_LETTER = /\p{L}/u;

/** Whether the character at `i` is a letter (false outside the text). */
export function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (Number.isNaN(code)) return false;
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return NON_ASCII_LETTER.test(text.charAt(i));
}

/** Whether the character at `i` is an ASCII digit. */
export function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/** Calls `fn` for every match of a global regex (an exec loop: `matchAll` clones the regex on every call). */
export function forEachMatch(pattern: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') pattern.lastIndex++;
    fn(m);
  }
}

/** Matches of a global regex for which `accept(match)` holds, retrying past rejected starts. */
export function matchesWhere(pattern: RegExp, text: string, accept: (m: RegExpExecArray) => boolean): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (accept(m)) {
      if (m[0] === '') pattern.lastIndex++;
      matches.push(m);
    } else {
      pattern.lastIndex = m.index + 1;
    }
  }
  return matches;
}

/** Matches that do not start right after a letter (a word, not the end of one). */
export function wordMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  return matchesWhere(pattern, text, (m) => !isLetterAt(text, m.index - 1));
}

/** A sticky regex matched exactly at `at`, or null. */
export function matchAt(sticky: RegExp, text: string, at: number): RegExpExecArray | null {
  sticky.lastIndex = at;
  return sticky.exec(text);
}

/** An end-anchored regex matched against the `window` characters before `at`; index made absolute. */
export function matchBefore(endAnchored: RegExp, text: string, at: number, window: number): RegExpExecArray | null {
  const from = Math.max(0, at - window);
  const m = endAnchored.exec(text.slice(from, at));
  if (m !== null) m.index += from;
  return m;
}

/** A word found by `wordsBefore`: lower case, with where it starts. */
export interface WordAt {
  word: string;
  start: number;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

function isWordChar(text: string, i: number): boolean {
  const ch = text.charAt(i);
  return ch === "'" || ch === '’' || ch === '-' ? i > 0 && isLetterAt(text, i - 1) : isLetterAt(text, i);
}

/**
 * Up to `count` words right before `at`, nearest first, in lower case. Stops at anything
 * that is not a letter or a blank (digits, punctuation, line breaks): the words of the same
 * phrase. Apostrophes and hyphens inside or after a word belong to it ("nell'arco",
 * "twenty-five").
 */
export function wordsBefore(text: string, at: number, count: number): WordAt[] {
  const words: WordAt[] = [];
  let i = at - 1;
  while (words.length < count) {
    while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
    const end = i + 1;
    while (i >= 0 && isWordChar(text, i)) i--;
    if (i + 1 === end) break;
    words.push({ word: text.slice(i + 1, end).toLowerCase(), start: i + 1 });
  }
  return words;
}

/** The longest phrase of 1…n words right before `at` that is in `phrases` (joined by single spaces). */
export function phraseBefore(text: string, at: number, phrases: ReadonlySet<string>, maxWords: number): WordAt | undefined {
  const words = wordsBefore(text, at, maxWords);
  let found: WordAt | undefined;
  let phrase = '';
  for (const w of words) {
    phrase = phrase === '' ? w.word : `${w.word} ${phrase}`;
    if (phrases.has(phrase)) found = { word: phrase, start: w.start };
  }
  return found;
}
