/**
 * Stemmers per language: the Snowball algorithms for Italian, German and English as
 * packaged by `@orama/stemmers` (ADR 0010). Words arrive folded (lower case, no accents:
 * "rücksendungen" → "rucksendungen"); German also gets Snowball's "german2" spelling rule
 * (ae, oe, ue → a, o, u, as people type without umlauts: "Ruecksendung" = "Rücksendung").
 * A language without a stemmer keeps its words as they are.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import { stemmer as stemItalian } from '@orama/stemmers/italian';

export type Stemmer = (word: string) => string;

/** "ue" after "q" ("Quelle") or with its u between vowels ("dauert", "neue") is not an umlaut. */
const GERMAN_UMLAUT_SPELLING = /([ao])e|(?<![aeiouyq])ue/g;
const DIGITS = /^\d+$/;
/** Stems are cached: the same words come back in every query and entry. */
const CACHE_LIMIT = 50_000;

function german(word: string): string {
  const spelled = word.includes('e') ? word.replace(GERMAN_UMLAUT_SPELLING, (match, vowel: string | undefined) => vowel ?? 'u') : word;
  return stemGerman(spelled);
}

const STEMMERS: Readonly<Record<string, Stemmer>> = { it: stemItalian, de: german, en: stemEnglish };
const identity: Stemmer = (word) => word;

function cached(stem: Stemmer): Stemmer {
  const memo = new Map<string, string>();
  return (word) => {
    let result = memo.get(word);
    if (result === undefined) {
      result = DIGITS.test(word) || word.length < 3 ? word : stem(word);
      if (memo.size >= CACHE_LIMIT) memo.clear();
      memo.set(word, result);
    }
    return result;
  };
}

const CACHED = new Map<string, Stemmer>();

/** The stemmer of a language (folded words in, stems out); identity for a language without one. */
export function stemmerFor(language: string): Stemmer {
  let stemmer = CACHED.get(language);
  if (stemmer === undefined) {
    const base = STEMMERS[language];
    stemmer = base === undefined ? identity : cached(base);
    CACHED.set(language, stemmer);
  }
  return stemmer;
}

/** Languages with a real stemmer. */
export const STEMMED_LANGUAGES: readonly string[] = Object.keys(STEMMERS);
