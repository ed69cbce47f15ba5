/**
 * The one text analysis of the knowledge base, used alike for entries (at import) and for
 * customer texts (at search), so that both meet on the same terms:
 *
 *   "Posso restituire i résumé?"  →  fold (src/text: lower case, accents folded, chat
 *   abbreviations expanded)  →  drop stop words  →  stem per language  →  "restitu resum"
 */
import { foldTokens, tokenize } from '../text/normalize-text.ts';
import { stemmerFor } from './stemming.ts';
import { stopWordsOf } from './stop-words.ts';

export interface AnalyzedWord {
  /** Folded word as written (no accents, lower case). */
  word: string;
  stem: string;
}

/** Folded content words with their stems, in text order (stop words left out). */
export function analyzeWords(text: string, language: string): AnalyzedWord[] {
  const stop = stopWordsOf(language);
  const stem = stemmerFor(language);
  const out: AnalyzedWord[] = [];
  for (const word of tokenize(text, language)) {
    if (stop.has(word)) continue;
    out.push({ word, stem: stem(word) });
  }
  return out;
}

/** The stems of a text, in order, repeats kept (term frequency counts for BM25). */
export function analyze(text: string, language: string): string[] {
  return analyzeWords(text, language).map((analyzed) => analyzed.stem);
}

/** The stem a single written word gets, or undefined for a stop word or a non-word. */
export function stemOf(word: string, language: string): string | undefined {
  const [folded] = foldTokens(word);
  if (folded === undefined || stopWordsOf(language).has(folded)) return undefined;
  return stemmerFor(language)(folded);
}
