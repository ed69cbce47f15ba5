/**
 * Text normalisation shared by keyword rules, language detection, small talk and the
 * classifier. WhatsApp text as people write it, in Italian, German and English:
 *
 *   "Grazieeee!! 🙏 x l'app.to di dmn"  →  "grazie per l appuntamento di domani"
 *
 * 1. fold: lower case, accents folded (è → e, ü → u, ß → ss, æ → ae), compatibility forms
 *    (ﬁ, ², full-width letters) to plain ones;
 * 2. emoji and punctuation dropped (apostrophes split words: "l'app" → "l app"); digits kept;
 *    use `emojiOf` to see the emoji;
 * 3. elongations squeezed: a letter written 3+ times becomes one ("ciaooo" → "ciao"), or two
 *    when that makes a known double-letter word ("goooood" → "good", "tuttooo" → "tutto");
 * 4. chat abbreviations expanded ("cmq" → "comunque", "vllt" → "vielleicht", "thx" → "thanks",
 *    see chat-abbreviations.ts). Abbreviations that are words or signs elsewhere ("x", "n",
 *    "u", "msg", "tel") are expanded in the given language, or without one in the language
 *    the message's other words point to, else left as written.
 *
 * Everything is compiled once at load; a typical message takes a few microseconds.
 */
import { CHAT_ABBREVIATIONS, DOTTED_ABBREVIATIONS, RISKY_ABBREVIATIONS, UNIVERSAL_VARIANTS, type ChatLanguage } from './chat-abbreviations.ts';

const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}+/gu;
const HAS_SPECIAL_LETTER = /[ßæœøłđþ]/;
const SPECIAL_LETTERS = /[ßæœøłđþ]/g;
const SPECIAL_FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const LETTER_RUN = /(\p{L})\1{2,}/u;
const LETTER_RUNS = /(\p{L})\1{2,}/gu;
const CONSONANT = /[bcdfghjklmnpqrstvwxz]/;
const COMPOUND_MIN_LENGTH = 9;
const STARTS_WITH_DIGIT = /^\d/;
const MAX_RUNS_TRIED = 4;

/**
 * Words with a real double letter that people stretch ("goooood", "tuttooo", "hallooo"):
 * squeezing keeps the double when the result is one of these.
 */
const DOUBLE_LETTER_WORDS: ReadonlySet<string> = new Set([
  // en
  'good', 'goodbye', 'soon', 'cool', 'too', 'see', 'need', 'week', 'free', 'feel', 'book', 'look', 'hello', 'sorry', 'all', 'well',
  'will', 'still', 'really', 'happy', 'yummy', 'coffee', 'agree', 'sweet', 'call', 'tomorrow', 'appointment', 'dinner',
  'pretty', 'little', 'bless', 'miss', 'kiss', 'boo', 'www', 'xxx', 'hmm', 'mmm', 'zzz', 'shh',
  // it
  'tutto', 'tutti', 'tutte', 'mille', 'bello', 'bella', 'belle', 'belli', 'bellissimo', 'bellissima', 'bellissime', 'allora', 'ecco',
  'oggi', 'mamma', 'perfetto', 'perfetta', 'brutto', 'troppo', 'settimana', 'notte', 'buonanotte', 'fatto', 'accordo', 'davvero',
  'evviva', 'vabbe', 'vabbene', 'bisogno', 'appena', 'pazzesco', 'carissima', 'carissimo', 'gentilissima', 'gentilissimo',
  'gentilissimi', 'tantissimo', 'grazissime', 'prossimo', 'prossima', 'appuntamento', 'mattina', 'anno', 'brava', 'bravissima',
  'stesso', 'stessa', 'adesso', 'cappello', 'capelli', 'otto', 'sette', 'mezzo', 'pizza', 'bellezza',
  // de
  'hallo', 'alles', 'toll', 'klasse', 'tschuss', 'gruss', 'kommen', 'bitte', 'essen', 'wann', 'dann', 'denn', 'muss', 'soll', 'voll',
  'nee', 'tee', 'kaffee', 'herr', 'zusammen', 'treffen', 'gott', 'lass', 'passt', 'schnell', 'hoffe', 'hoffentlich', 'mittwoch',
  'sonne', 'sommer', 'stimmt', 'nett', 'wetter', 'jetzt', 'schatz', 'suss', 'dass', 'immer', 'geschlossen', 'offnen',
]);

/** Tokens never squeezed. */
const KEEP_AS_WRITTEN: ReadonlySet<string> = new Set(['www', 'xxx', 'zzz', 'mmm', 'hmm', 'shh', 'sss']);

/** A few very frequent words per language: they decide the language of risky abbreviations. */
const HINT_WORDS: Readonly<Record<ChatLanguage, readonly string[]>> = {
  it: ['il', 'lo', 'gli', 'della', 'del', 'che', 'non', 'per', 'sono', 'ho', 'mi', 'ci', 'una', 'quanto', 'grazie', 'ciao', 'buongiorno',
    'vorrei', 'posso', 'domani', 'oggi', 'anche', 'perche', 'dove', 'quando', 'tutto', 'ancora', 'questo', 'volevo', 'sei', 'ma', 'e'],
  de: ['der', 'das', 'ich', 'und', 'ist', 'nicht', 'ein', 'eine', 'mit', 'fur', 'wie', 'wann', 'wo', 'bitte', 'danke', 'hallo',
    'haben', 'habe', 'kann', 'morgen', 'heute', 'auch', 'noch', 'schon', 'gibt', 'termin', 'mein', 'meine', 'sie', 'du', 'bin'],
  en: ['the', 'and', 'is', 'are', 'you', 'your', 'i', 'my', 'what', 'how', 'when', 'where', 'can', 'could', 'would', 'please', 'thanks',
    'hello', 'want', 'need', 'have', 'tomorrow', 'today', 'with', 'for', 'of', 'this', 'that', 'do', 'does', 'thank'],
};

const CHAT_LANGUAGES = Object.keys(CHAT_ABBREVIATIONS) as ChatLanguage[];
const toWords = (expansion: string): readonly string[] => expansion.split(' ');

/** Per language: every abbreviation of that language. */
const BY_LANGUAGE = new Map<string, ReadonlyMap<string, readonly string[]>>(
  CHAT_LANGUAGES.map((language) => [language, new Map(Object.entries(CHAT_ABBREVIATIONS[language]).map(([k, v]) => [k, toWords(v)]))]),
);

/** Abbreviations safe to expand whatever the language, and those that need one. */
const { UNAMBIGUOUS, AMBIGUOUS } = (() => {
  const meanings = new Map<string, Set<string>>();
  for (const language of CHAT_LANGUAGES) {
    for (const [key, value] of Object.entries(CHAT_ABBREVIATIONS[language])) {
      const set = meanings.get(key) ?? new Set<string>();
      set.add(value);
      meanings.set(key, set);
    }
  }
  const unambiguous = new Map<string, readonly string[]>(Object.entries(UNIVERSAL_VARIANTS).map(([k, v]) => [k, toWords(v)]));
  const ambiguous = new Set<string>();
  for (const [key, values] of meanings) {
    const [only] = values;
    if (values.size === 1 && only !== undefined && !RISKY_ABBREVIATIONS.has(key)) unambiguous.set(key, toWords(only));
    else ambiguous.add(key);
  }
  return { UNAMBIGUOUS: unambiguous as ReadonlyMap<string, readonly string[]>, AMBIGUOUS: ambiguous as ReadonlySet<string> };
})();

/** word → languages it hints at: the hint words plus each language's own safe abbreviations. */
const HINTS = (() => {
  const hints = new Map<string, ChatLanguage[]>();
  const add = (word: string, language: ChatLanguage) => {
    const list = hints.get(word) ?? [];
    if (!list.includes(language)) list.push(language);
    hints.set(word, list);
  };
  for (const language of CHAT_LANGUAGES) {
    for (const word of HINT_WORDS[language]) add(word, language);
    for (const key of Object.keys(CHAT_ABBREVIATIONS[language])) if (UNAMBIGUOUS.has(key)) add(key, language);
  }
  return hints as ReadonlyMap<string, readonly ChatLanguage[]>;
})();

/** Lower case, accents and compatibility forms folded; punctuation and emoji become spaces. */
function foldCharacters(text: string): string {
  let s: string;
  if (NON_ASCII.test(text)) {
    s = text.normalize('NFKD').toLowerCase().replace(MARKS, '');
    if (HAS_SPECIAL_LETTER.test(s)) s = s.replace(SPECIAL_LETTERS, (c) => SPECIAL_FOLDS[c] ?? c);
  } else {
    s = text.toLowerCase();
  }
  if (s.includes('.')) for (const [pattern, key] of DOTTED_ABBREVIATIONS) s = s.replace(pattern, key);
  return s.replace(NON_WORD, ' ');
}

/** German compounds write three consonants inside a long word ("Schifffahrt", "Kontrollleuchte"). */
function isCompoundTriple(token: string): boolean {
  if (token.length < COMPOUND_MIN_LENGTH) return false;
  for (const run of token.matchAll(LETTER_RUNS)) {
    const end = run.index + run[0].length;
    if (run[0].length !== 3 || !CONSONANT.test(run[0]) || end === token.length) return false;
  }
  return true;
}

/** "ciaooo" → "ciao", "grazieeee" → "grazie", "goooood" → "good", "hellllooo" → "hello". */
export function squeezeElongation(token: string): string {
  if (!LETTER_RUN.test(token) || KEEP_AS_WRITTEN.has(token) || isCompoundTriple(token)) return token;
  // split with the capture group: literal, run letter, literal, run letter, …, literal
  const parts = token.split(LETTER_RUN);
  const runs = (parts.length - 1) / 2;
  const build = (mask: number) => parts.map((p, i) => (i % 2 === 1 && mask & (1 << ((i - 1) / 2)) ? p + p : p)).join('');
  if (runs <= MAX_RUNS_TRIED) {
    for (let mask = 1; mask < 1 << runs; mask++) {
      const candidate = build(mask);
      if (DOUBLE_LETTER_WORDS.has(candidate)) return candidate;
    }
  }
  return build(0);
}

/** Folded, squeezed tokens, abbreviations not expanded: what the text literally says. */
export function foldTokens(text: string): string[] {
  const folded = foldCharacters(text).trim();
  if (folded === '') return [];
  const tokens = folded.split(' ');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.length > 2) tokens[i] = squeezeElongation(token);
  }
  return tokens;
}

/** `foldTokens` joined: lower case, accents folded, no punctuation or emoji, no elongations. */
export function foldText(text: string): string {
  return foldTokens(text).join(' ');
}

/** The language the message's frequent words point to, if one clearly leads. */
function hintedLanguage(tokens: readonly string[]): ChatLanguage | undefined {
  const votes: Record<ChatLanguage, number> = { it: 0, de: 0, en: 0 };
  for (const token of tokens) for (const language of HINTS.get(token) ?? []) votes[language]++;
  const ranked = CHAT_LANGUAGES.map((l) => [l, votes[l]] as const).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return first && first[1] > 0 && first[1] > (second?.[1] ?? 0) ? first[0] : undefined;
}

/**
 * Expands chat abbreviations in folded tokens (from `foldTokens`): "cmq" → "comunque",
 * "kp" → "keine", "ahnung". With `language`, that language's table decides; without, risky
 * abbreviations follow the language the other words point to, or stay as written.
 */
export function expandAbbreviations(tokens: readonly string[], language?: string): string[] {
  const own = language === undefined ? undefined : BY_LANGUAGE.get(language);
  let hinted: ChatLanguage | undefined | null = null;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    // "ordine n. 123": n before a number is "numero", not "non"
    if (token === 'n' && STARTS_WITH_DIGIT.test(tokens[i + 1] ?? '')) {
      out.push(token);
      continue;
    }
    let expansion = own?.get(token) ?? UNAMBIGUOUS.get(token);
    if (expansion === undefined && language === undefined && AMBIGUOUS.has(token)) {
      if (hinted === null) hinted = hintedLanguage(tokens);
      if (hinted !== undefined) expansion = BY_LANGUAGE.get(hinted)?.get(token);
    }
    if (expansion === undefined) out.push(token);
    else for (const word of expansion) out.push(word);
  }
  return out;
}

/**
 * The normalised text: folded, emoji and punctuation dropped, elongations squeezed,
 * abbreviations expanded; words separated by single spaces ("" for no words).
 */
export function normalizeText(text: string, language?: string): string {
  return expandAbbreviations(foldTokens(text), language).join(' ');
}

/** The words of `normalizeText`. */
export function tokenize(text: string, language?: string): string[] {
  return expandAbbreviations(foldTokens(text), language);
}

const EMOJI = /\p{RGI_Emoji}|[\p{Extended_Pictographic}--[\u00a9\u00ae\u2122]]/gv;

/** The emoji of a text in order, whole sequences kept ("👍🏻", "❤️", "👨‍👩‍👧", "🇮🇹"). */
export function emojiOf(text: string): string[] {
  return text.match(EMOJI) ?? [];
}
