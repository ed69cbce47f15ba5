/**
 * The terms an entry is indexed under, analysed in the entry's language: its title, body
 * and tags — with the headings above it (so "Tempi" under "Resi" is found by "reso", yet
 * weighs less than a title) and a product's category and SKU — and its folded words for
 * typo correction.
 */
import type { EntryTerms, IndexedEntry, KnowledgeEntry } from '../core/knowledge.ts';
import { analyzeWords } from './analyze-text.ts';

function stems(text: string, language: string): string {
  return analyzeWords(text, language)
    .map((word) => word.stem)
    .join(' ');
}

/** The headings above the entry's own ("Condizioni › Resi" → "Condizioni"). */
function parentHeadings(entry: KnowledgeEntry): string {
  const path = entry.source.heading?.split(' › ') ?? [];
  return path.slice(0, -1).join(' ');
}

export function entryTerms(entry: KnowledgeEntry): EntryTerms {
  const title = entry.title;
  const tags = [...entry.tags, parentHeadings(entry), entry.data?.category ?? '', entry.data?.sku ?? ''].join(' ');
  const words = new Set(analyzeWords(`${title} ${entry.body} ${tags}`, entry.language).map((word) => word.word));
  return { title: stems(title, entry.language), body: stems(entry.body, entry.language), tags: stems(tags, entry.language), words: [...words].join(' ') };
}

export function indexEntry(entry: KnowledgeEntry): IndexedEntry {
  return { entry, terms: entryTerms(entry) };
}
