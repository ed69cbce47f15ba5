/**
 * Draft entries of one file made into knowledge entries: the language settled (given by
 * the row, section or file; else detected on the entry's text, else on the whole file's,
 * else the business's default), a product's text written, the stable id and the content
 * hash computed, and a second entry with the same id rejected.
 *
 * The id is a hash of the file, the kind, the key and a given language: re-importing the
 * same file gives the same ids, so nothing changes; an edited answer keeps its id and
 * counts as changed. A detected language is left out of the id, so an edit that tips the
 * detection does not make a new entry.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeEntry } from '../../core/knowledge.ts';
import { detectLanguage } from '../../text/detect-language.ts';
import type { DraftEntry, Problem } from './drafts.ts';
import { productData, productText } from './product-text.ts';

/** Text sampled to detect the language of a whole file. */
const FILE_SAMPLE_CHARS = 5000;

export interface LanguageContext {
  /** The business's languages: detection chooses among them. */
  languages: readonly string[];
  defaultLanguage: string;
}

function hash(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function sampleOf(draft: DraftEntry): string {
  return draft.product === undefined ? `${draft.title}\n${draft.body}` : [draft.title, draft.product.description, draft.product.category].filter(Boolean).join('\n');
}

function fileLanguage(drafts: readonly DraftEntry[], context: LanguageContext): () => string | undefined {
  let detected: string | undefined | null = null;
  return () => {
    if (detected === null) detected = detectLanguage(drafts.map(sampleOf).join('\n').slice(0, FILE_SAMPLE_CHARS), context.languages);
    return detected;
  };
}

function languageOf(draft: DraftEntry, ofFile: () => string | undefined, context: LanguageContext): string {
  if (draft.language !== undefined) return draft.language;
  const own = () => detectLanguage(sampleOf(draft), context.languages);
  // a catalog is usually in one language, and product names alone say little
  const detected = draft.product === undefined ? (own() ?? ofFile()) : (ofFile() ?? own());
  return detected ?? context.defaultLanguage;
}

function finish(draft: DraftEntry, file: string, language: string): KnowledgeEntry {
  const body = draft.product === undefined ? draft.body : productText(draft.product, language);
  const data = draft.product === undefined ? undefined : productData(draft.product);
  const approved = draft.approved ?? draft.kind === 'faq';
  const id = `${draft.kind}_${hash([file, draft.kind, draft.key, draft.language ?? '']).slice(0, 12)}`;
  const contentHash = hash([draft.kind, language, draft.title.replace(/\s+/g, ' ').trim(), body, draft.tags, approved, draft.validFrom, draft.validUntil, data, draft.heading]).slice(0, 32);
  return {
    id,
    kind: draft.kind,
    language,
    title: draft.title.replace(/\s+/g, ' ').trim(),
    body,
    tags: draft.tags,
    approved,
    ...(draft.validFrom === undefined ? {} : { validFrom: draft.validFrom }),
    ...(draft.validUntil === undefined ? {} : { validUntil: draft.validUntil }),
    source: { file, line: draft.line, ...(draft.heading === undefined ? {} : { heading: draft.heading }) },
    key: draft.key,
    contentHash,
    ...(data === undefined ? {} : { data }),
  };
}

const KEY_NAMES = { faq: 'question or id', policy: 'heading or id', product: 'SKU or name', document: 'heading or id' } as const;

export function finishEntries(drafts: readonly DraftEntry[], file: string, context: LanguageContext): { entries: KnowledgeEntry[]; problems: Problem[] } {
  const ofFile = fileLanguage(drafts, context);
  const seen = new Map<string, number>();
  const entries: KnowledgeEntry[] = [];
  const problems: Problem[] = [];
  for (const draft of drafts) {
    const entry = finish(draft, file, languageOf(draft, ofFile, context));
    const first = seen.get(entry.id);
    if (first !== undefined) {
      problems.push({ line: draft.line, reason: `duplicate of the entry on line ${first} (same ${KEY_NAMES[draft.kind]})` });
      continue;
    }
    seen.set(entry.id, draft.line);
    entries.push(entry);
  }
  return { entries, problems };
}
