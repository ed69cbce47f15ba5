/**
 * The form of a message the injection rules read, with a way back to the original:
 *
 *   "IGNÒRA le istruzioni!! Poi…"  →  "ignora le istruzioni . poi"
 *
 * - words folded (lower case, accents dropped, ß → ss, full-width and other compatibility
 *   forms to plain letters, zero-width characters and soft hyphens removed, Cyrillic and
 *   Greek look-alikes inside a Latin word turned into Latin letters: "іgnоre" → "ignore");
 * - digits standing for letters inside words undone ("1gn0r3" → "ignore");
 * - letters spelled out one by one joined ("i g n o r a   l e" → "ignora le",
 *   "I.G.N.O.R.A." → "ignora");
 * - words separated by single spaces; a sentence break (. ! ? ; newline) is written " . ",
 *   so the rules' word gaps never run from one sentence into the next.
 *
 * Every character of the result knows the original span of its word (`starts`, `ends`),
 * so a rule's match becomes a span of the customer's text. Linear time, no backtracking.
 */

export interface PreparedText {
  text: string;
  /** For each character of `text`: start of its word in the original (UTF-16 offset). */
  starts: Int32Array;
  /** For each character of `text`: end of its word in the original. */
  ends: Int32Array;
}

interface Token {
  word: string;
  start: number;
  end: number;
  /** The separator after the token, as written. */
  gap: string;
}

const HIDDEN = '\u200b-\u200d\u2060\ufeff\u00ad';
/** Letters written as symbols: circled (Ⓐ), squared (🄰), negative circled (🅐), negative squared (🅰) and regional indicators (🇦). */
const SYMBOL_LETTERS = '\\u24b6-\\u24e9\\u{1f130}-\\u{1f189}\\u{1f1e6}-\\u{1f1ff}';
const TOKEN = new RegExp(`[\\p{L}\\p{N}\\p{M}${HIDDEN}${SYMBOL_LETTERS}]+`, 'gu');
const HIDDEN_CHARS = new RegExp(`[${HIDDEN}]`, 'g');
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^ -~\t\n\r]/;
const SENTENCE_BREAK = /[.!?;\n\r\u2026]/;
const SPECIAL: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th', ı: 'i' };
/** Cyrillic and Greek letters that look like Latin ones (only replaced inside Latin words). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const LATIN = /[a-z]/;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const LEET_DIGIT = /[013457]/g;
const LETTERS = /[a-z]/g;
/** Spelled-out letters: at least this many single letters in a row are joined. */
const MIN_SPELLED = 4;
const SPELL_GAP = /^[ ._\-*·]{1,3}$/;

/** One word folded to plain lower-case Latin where it can be. */
/** The letter a symbol letter without a compatibility decomposition stands for (🅐, 🅰, 🇦), or the symbol itself. */
function symbolLetter(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  for (const first of [0x1f150, 0x1f170, 0x1f1e6]) if (code >= first && code < first + 26) return String.fromCharCode(97 + code - first);
  return c;
}

export function foldWord(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw.toLowerCase();
  let s = raw.replace(HIDDEN_CHARS, '').replace(/[\u{1f150}-\u{1f189}\u{1f1e6}-\u{1f1ff}]/gu, symbolLetter).normalize('NFKD').toLowerCase().replace(MARKS, '');
  if (!NON_ASCII.test(s)) return s;
  let out = '';
  const latin = LATIN.test(s);
  for (const c of s) out += SPECIAL[c] ?? (latin ? (LOOK_ALIKES[c] ?? c) : c);
  s = out;
  return s;
}

/** "1gn0r3" → "ignore": only in words with at least two letters and not many more digits than letters. */
export function undoLeet(word: string): string {
  const digits = word.match(LEET_DIGIT)?.length ?? 0;
  if (digits === 0) return word;
  const letters = word.match(LETTERS)?.length ?? 0;
  if (letters < 2 || 2 * digits > 3 * letters) return word;
  return word.replace(LEET_DIGIT, (d) => LEET[d] ?? d);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previous: Token | undefined;
  for (const m of text.matchAll(TOKEN)) {
    if (previous) previous.gap = text.slice(previous.end, m.index);
    previous = { word: undoLeet(foldWord(m[0])), start: m.index, end: m.index + m[0].length, gap: '' };
    if (previous.word !== '') tokens.push(previous);
  }
  if (previous) previous.gap = text.slice(previous.end);
  return tokens;
}

function isSpelledLetter(token: Token): boolean {
  return token.word.length === 1 && token.word >= 'a' && token.word <= 'z' && SPELL_GAP.test(token.gap);
}

/**
 * Joins runs of single letters; inside a run, gaps wider than the narrowest one separate
 * words ("s a y  t h a t" → "say that").
 */
function joinSpelled(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && isSpelledLetter(tokens[j] as Token)) j++;
    // the last letter of a run may be followed by anything
    if (j < tokens.length && (tokens[j] as Token).word.length === 1 && j > i) j++;
    if (j - i < MIN_SPELLED) {
      out.push(tokens[i] as Token);
      i++;
      continue;
    }
    const run = tokens.slice(i, j);
    const narrowest = Math.min(...run.slice(0, -1).map((t) => t.gap.length));
    let current: Token | undefined;
    for (const t of run) {
      current = current ? { word: current.word + t.word, start: current.start, end: t.end, gap: t.gap } : { ...t };
      const last = t === run[run.length - 1];
      // "I.G.N.O.R.A. le": the dot after the last letter ends the spelling, not a sentence
      if (last && SPELL_GAP.test(t.gap)) current.gap = ' ';
      if (t.gap.length > narrowest || last) {
        out.push(current);
        current = undefined;
      }
    }
    i = j;
  }
  return out;
}

/** The prepared text of a message (see the file comment). */
export function prepareText(text: string): PreparedText {
  const tokens = joinSpelled(tokenize(text));
  let length = 0;
  for (const t of tokens) length += t.word.length + 3;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  let out = '';
  const mark = (piece: string, start: number, end: number) => {
    starts.fill(start, out.length, out.length + piece.length);
    ends.fill(end, out.length, out.length + piece.length);
    out += piece;
  };
  tokens.forEach((t, i) => {
    mark(t.word, t.start, t.end);
    if (i < tokens.length - 1) mark(SENTENCE_BREAK.test(t.gap) ? ' . ' : ' ', t.end, t.end);
  });
  return { text: out, starts: starts.subarray(0, out.length), ends: ends.subarray(0, out.length) };
}
