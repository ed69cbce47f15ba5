/**
 * The form of a message the abuse rules read, with spans back to the original, like the
 * injection rail's prepared text (../injection/injection-text.ts) but keeping what people do
 * to swear on WhatsApp without swearing:
 *
 *   "sei un c*glione!!!"  →  "sei un coglione"      "Sch**ße"  →  "scheisse"
 *   "f@ck y0u"            →  "fuck you"             "stronzoooo" →  "stronzo"
 *
 * A word with `*` (or `#`, `_` between letters) is matched against the words people
 * censor (`MASKABLE`), each masked run standing for that many letters or one more; "@" and
 * "$" inside a word stand for any letter of a censorable word, else for "a" and "s"; digits for letters are undone; letters repeated three
 * times or more are squeezed. Sentence breaks are written " . " as in the injection rail.
 */
import { squeezeElongation } from '../../../text/normalize-text.ts';
import { foldWord, undoLeet, type PreparedText } from '../injection/injection-text.ts';

/** Words people write with asterisks; a masked word becomes the first one it fits. */
const MASKABLE = [
  'cazzo', 'cazzi', 'coglione', 'coglioni', 'stronzo', 'stronza', 'stronzi', 'stronze', 'merda', 'vaffanculo', 'fanculo', 'puttana', 'troia', 'bastardo',
  'bastardi', 'minchia', 'fottiti', 'fottuto', 'fottuti', 'scheisse', 'scheiss', 'arschloch', 'arschlocher', 'wichser', 'hurensohn', 'fotze', 'schlampe',
  'fuck', 'fucking', 'fucker', 'fuckers', 'fick', 'ficken', 'shit', 'asshole', 'assholes', 'bitch', 'bitches', 'bastard', 'bastards', 'cunt', 'dick',
  'dickhead', 'motherfucker', 'idiot', 'idiota', 'idioti', 'idioten', 'moron', 'morons', 'deficiente', 'deficienti', 'cretino', 'cretini', 'wanker', 'twat',
];
const TOKEN = /[\p{L}\p{N}\p{M}*#@$_\u200b-\u200d\u2060\u00ad]+/gu;
const MASK = /[*#_]+/g;
const HAS_MASK = /[a-z0-9][*#_]+|[*#_]+[a-z0-9]/;
const SENTENCE_BREAK = /[.!?;\n\r\u2026]/;
const EDGE_SYMBOLS = /^[#@$]+|[#@$]+$/g;

interface Token {
  word: string;
  start: number;
  end: number;
  gap: string;
}

/** "c*zzo" → "cazzo" when a censorable word fits; undefined when none does. */
export function unmask(word: string): string | undefined {
  const source = word.replace(MASK, (run) => `[a-z]{${run.length},${run.length + 1}}`);
  const pattern = new RegExp(`^${source}$`);
  return MASKABLE.find((candidate) => pattern.test(candidate));
}

function cleanWord(raw: string): string {
  const folded = undoLeet(foldWord(raw.replace(EDGE_SYMBOLS, '')));
  // "f@ck": "@" and "$" may hide any letter, not only "a" and "s"
  const hidden = /[@$]/.test(folded) ? unmask(folded.replace(/[@$]/g, '*')) : undefined;
  if (hidden) return hidden;
  const plain = folded.replace(/@/g, 'a').replace(/\$/g, 's');
  if (HAS_MASK.test(plain)) return unmask(plain) ?? plain.replace(MASK, '');
  return squeezeElongation(plain.replace(MASK, ''));
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let previous: Token | undefined;
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    if (previous) previous.gap = text.slice(previous.end, m.index);
    const word = cleanWord(raw);
    const token = { word, start: m.index, end: m.index + raw.length, gap: '' };
    if (word !== '') {
      out.push(token);
      previous = token;
    }
  }
  if (previous) previous.gap = text.slice(previous.end);
  return out;
}

/** The prepared text of a message (see the file comment). */
export function prepareAbuseText(text: string): PreparedText {
  const list = tokens(text);
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const mark = (piece: string, start: number, end: number) => {
    for (let i = 0; i < piece.length; i++) {
      starts.push(start);
      ends.push(end);
    }
    out += piece;
  };
  list.forEach((t, i) => {
    mark(t.word, t.start, t.end);
    if (i < list.length - 1) mark(SENTENCE_BREAK.test(t.gap) ? ' . ' : ' ', t.end, t.end);
  });
  return { text: out, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
