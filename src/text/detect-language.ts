/**
 * Language identification for short WhatsApp messages: Italian, German and English, plus
 * French and Spanish so that those are not mistaken for the others. Two kinds of evidence,
 * both from hand-written profiles (language-profiles.ts), no model files:
 *
 *   words     frequent words and chat abbreviations of each language ("grazie", "kostet",
 *             "the", "cmq", "vllt", "thx"); a word several languages share counts for each
 *             of them in part;
 *   trigrams  character trigrams of every word, smoothed log-probabilities counted from the
 *             profiles: they carry unknown words ("Haarschnitt", "semipermanente").
 *
 * The two add up to a score per language, turned into probabilities. When the text gives
 * too little evidence ("ok", "👍", "14:30", "no") the answer is undefined, and the caller
 * keeps the conversation's language or the business default.
 */
import { CHAT_ABBREVIATIONS, RISKY_ABBREVIATIONS } from './chat-abbreviations.ts';
import { FREQUENT_WORDS, NEUTRAL_WORDS, PROFILE_LANGUAGES, SAMPLE_TEXT } from './language-profiles.ts';
import { foldTokens } from './normalize-text.ts';

export const SUPPORTED_LANGUAGES: readonly string[] = PROFILE_LANGUAGES;

/** Score of one known word, shared among the languages that have it. */
const WORD_WEIGHT = 4;
/** Add-k smoothing of the trigram counts over all languages. */
const SMOOTHING = 0.5;
/** Share of the all-language trigram frequency in each language's trigram probability. */
const BACKGROUND_SHARE = 0.2;
/** Below this probability of the best language, the answer is undefined. */
const MIN_PROBABILITY = 0.6;
/** Without a word only one language has, at least this many letter trigrams (one 7-letter word). */
const MIN_TRIGRAMS = 7;

const HAS_LETTER = /\p{L}/u;
const LAUGH = /^(?:ha|ah|he|eh|hi|ja){2,}h?$|^(?:lo)+l$|^x+d+$/;
const LANGUAGE_COUNT = PROFILE_LANGUAGES.length;
const NEUTRAL: ReadonlySet<string> = new Set(foldTokens(NEUTRAL_WORDS));

/** word → weight per language (index as in PROFILE_LANGUAGES). */
const WORDS: ReadonlyMap<string, Float64Array> = (() => {
  const byWord = new Map<string, Set<number>>();
  PROFILE_LANGUAGES.forEach((language, index) => {
    const abbreviations = language in CHAT_ABBREVIATIONS ? Object.keys(CHAT_ABBREVIATIONS[language as keyof typeof CHAT_ABBREVIATIONS]) : [];
    const words = [...foldTokens(FREQUENT_WORDS[language]), ...abbreviations.filter((a) => !RISKY_ABBREVIATIONS.has(a))];
    for (const word of words) {
      if (NEUTRAL.has(word)) continue;
      const set = byWord.get(word) ?? new Set<number>();
      set.add(index);
      byWord.set(word, set);
    }
  });
  const weights = new Map<string, Float64Array>();
  for (const [word, indexes] of byWord) {
    const vector = new Float64Array(LANGUAGE_COUNT);
    for (const index of indexes) vector[index] = 1 / indexes.size;
    weights.set(word, vector);
  }
  return weights;
})();

const SPACE = 32;
const CODE_UNITS = 65536;

/** Calls `visit` with each trigram of " token " as a number (three UTF-16 code units), faster to look up than a string. */
function forEachTrigram(token: string, visit: (trigram: number) => void): void {
  let a = SPACE;
  let b = token.charCodeAt(0);
  for (let i = 1; i <= token.length; i++) {
    const c = i < token.length ? token.charCodeAt(i) : SPACE;
    visit((a * CODE_UNITS + b) * CODE_UNITS + c);
    a = b;
    b = c;
  }
}

/**
 * trigram → log-probability per language: each language's relative frequency mixed with the
 * frequency over all languages (Jelinek-Mercer), so that a small profile does not win on
 * trigrams nobody has seen; and the log-probability of a trigram no profile has.
 */
const { TRIGRAMS, UNSEEN } = (() => {
  const counts = new Map<number, Float64Array>();
  const totals = new Float64Array(LANGUAGE_COUNT);
  PROFILE_LANGUAGES.forEach((language, index) => {
    for (const token of [...foldTokens(SAMPLE_TEXT[language]), ...foldTokens(FREQUENT_WORDS[language])]) {
      forEachTrigram(token, (trigram) => {
        const vector = counts.get(trigram) ?? new Float64Array(LANGUAGE_COUNT);
        vector[index] = (vector[index] ?? 0) + 1;
        counts.set(trigram, vector);
        totals[index] = (totals[index] ?? 0) + 1;
      });
    }
  });
  const total = totals.reduce((a, b) => a + b, 0);
  const vocabulary = counts.size + 1;
  const background = (count: number) => (count + SMOOTHING) / (total + SMOOTHING * vocabulary);
  const logs = new Map<number, Float64Array>();
  for (const [trigram, vector] of counts) {
    const shared = BACKGROUND_SHARE * background(vector.reduce((a, b) => a + b, 0));
    logs.set(trigram, vector.map((c, i) => Math.log((1 - BACKGROUND_SHARE) * (c / (totals[i] || 1)) + shared)));
  }
  const unseen = new Float64Array(LANGUAGE_COUNT).fill(Math.log(BACKGROUND_SHARE * background(0)));
  return { TRIGRAMS: logs as ReadonlyMap<number, Float64Array>, UNSEEN: unseen };
})();

export interface LanguageScore {
  language: string;
  /** Probability, 0..1; the scores of one text sum to 1. */
  score: number;
}

export interface LanguageScores {
  /** The best language, or undefined when the evidence is too thin or too even. */
  language: string | undefined;
  /** Every supported language, best first; empty when the text has no evidence at all. */
  scores: LanguageScore[];
  /** Known words and letter trigrams that counted (emoji, numbers, "ok", "haha" do not). */
  evidence: { words: number; trigrams: number };
}

export interface DetectOptions {
  /** Use one kind of evidence only (to measure each on the evaluation set). */
  only?: 'words' | 'trigrams';
}

/** Probabilities per language for a text, with the decision and how much evidence it had. */
export function detectLanguageScores(text: string, options: DetectOptions = {}): LanguageScores {
  const useWords = options.only !== 'trigrams';
  const useTrigrams = options.only !== 'words';
  const logits = new Float64Array(LANGUAGE_COUNT);
  let words = 0;
  let distinctive = 0;
  let trigrams = 0;
  for (const token of foldTokens(text)) {
    if (NEUTRAL.has(token) || !HAS_LETTER.test(token) || LAUGH.test(token)) continue;
    const known = WORDS.get(token);
    if (known && useWords) {
      words++;
      if (known.includes(1)) distinctive++;
      for (let i = 0; i < LANGUAGE_COUNT; i++) logits[i] = (logits[i] ?? 0) + WORD_WEIGHT * (known[i] ?? 0);
    }
    if (!useTrigrams) continue;
    forEachTrigram(token, (trigram) => {
      trigrams++;
      const vector = TRIGRAMS.get(trigram) ?? UNSEEN;
      for (let i = 0; i < LANGUAGE_COUNT; i++) logits[i] = (logits[i] ?? 0) + (vector[i] ?? 0);
    });
  }
  if (words === 0 && trigrams === 0) return { language: undefined, scores: [], evidence: { words, trigrams } };
  const scores = softmax(logits);
  const [best] = scores;
  const enough = distinctive > 0 || trigrams >= MIN_TRIGRAMS;
  const language = best && enough && best.score >= MIN_PROBABILITY ? best.language : undefined;
  return { language, scores, evidence: { words, trigrams } };
}

function softmax(logits: Float64Array): LanguageScore[] {
  const max = Math.max(...logits);
  const exps = [...logits].map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return PROFILE_LANGUAGES.map((language, i) => ({ language, score: (exps[i] ?? 0) / sum })).sort((a, b) => b.score - a.score);
}

/**
 * The language of a message among the business's `candidates`, or undefined when the text
 * shows none clearly, or shows a language the business does not speak.
 */
export function detectLanguage(text: string, candidates: readonly string[]): string | undefined {
  const { language } = detectLanguageScores(text);
  return language !== undefined && candidates.includes(language) ? language : undefined;
}
