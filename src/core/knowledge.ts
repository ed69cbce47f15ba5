/**
 * The knowledge base: entries imported from the business's own files (FAQ, policies,
 * product catalogs), the storage port that keeps and searches them (SQLite FTS5 in
 * src/storage/sqlite), and the search port the respond tier uses to find the entries a
 * reply may be built from (they become `Draft.sources` for the claims check).
 *
 * Entries are language-tagged and analysed before they reach the store: the knowledge
 * folder folds accents, drops stop words and stems per language, so the store only ever
 * sees ready-made terms and structured queries (groups of alternative phrases), never
 * text to analyse or SQL to run.
 */

export const KNOWLEDGE_KINDS = ['faq', 'policy', 'product', 'document'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Where an entry came from: the file (relative to the imported path), the line and, for documents, the heading path. */
export interface KnowledgeSource {
  file: string;
  line: number;
  /** Markdown heading path, e.g. "Resi › Tempi", for entries split from a document. */
  heading?: string;
}

/** Product fields kept as data (prices as numbers), next to the generated text. */
export type ProductData = {
  sku?: string;
  category?: string;
  price?: number;
  currency?: string;
  sizes?: string[];
  stock?: number;
};

export interface KnowledgeEntry {
  /** Stable: the same source file, kind, language and key always give the same id. */
  id: string;
  kind: KnowledgeKind;
  /** ISO 639-1. */
  language: string;
  /** Question, heading or product name. */
  title: string;
  /** Answer, section text or the product's generated description. */
  body: string;
  tags: string[];
  /** True when the body is a text the business approved to send as it is. */
  approved: boolean;
  /** First day the entry holds, `YYYY-MM-DD` in the business's time zone (inclusive). */
  validFrom?: string;
  /** Last day the entry holds (inclusive); after it the entry is never returned. */
  validUntil?: string;
  source: KnowledgeSource;
  /** What identifies the entry inside its source: an explicit id, the question, the heading path or the SKU. */
  key: string;
  /** Hash of everything that makes the entry's content: a different hash on re-import means "changed". */
  contentHash: string;
  data?: ProductData;
}

/** The analysed text of an entry, as the index keeps it: space-separated terms. */
export interface EntryTerms {
  /** Stems of the title. */
  title: string;
  /** Stems of the body. */
  body: string;
  /** Stems of the tags (and a product's category). */
  tags: string;
  /** Folded, unstemmed words of the whole entry (a vocabulary for typo correction; never searched). */
  words: string;
}

export interface IndexedEntry {
  entry: KnowledgeEntry;
  terms: EntryTerms;
}

/** One source file's entries after an import; the store replaces that file's previous entries by these. */
export interface SourceBatch {
  file: string;
  entries: IndexedEntry[];
}

export interface SourceChanges {
  file: string;
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * A full-text query: entries matching any alternative of any group, ranked by BM25 over
 * title, body and tags. An alternative is a phrase of one or more terms (a multi-word synonym).
 */
export interface TextQuery {
  groups: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  language: string;
  /** `YYYY-MM-DD`: entries not valid on this day are left out. */
  today: string;
  limit: number;
}

export interface TextHit {
  id: string;
  /** BM25 as a positive number: higher is better. */
  score: number;
  /** The entry's indexed stems (title, body and tags), to see which query terms it holds. */
  terms: string;
}

/** Term → number of entries holding it, and how many entries there are. */
export interface Vocabulary {
  stems: ReadonlyMap<string, number>;
  words: ReadonlyMap<string, number>;
  entries: number;
}

export interface EmbeddingRecord {
  id: string;
  language: string;
  validFrom?: string;
  validUntil?: string;
  vector: Float32Array;
}

export interface EntryToEmbed {
  id: string;
  contentHash: string;
  text: string;
}

export interface KnowledgeStore {
  /** Replaces, in one transaction, the entries of each batch's file by the batch's entries. */
  applyImport(batches: readonly SourceBatch[], now: number): Promise<SourceChanges[]>;
  searchText(query: TextQuery): Promise<TextHit[]>;
  /** Entries by id, in the order asked; unknown ids are left out. */
  getEntries(ids: readonly string[]): Promise<KnowledgeEntry[]>;
  /** Every entry, or those of one source file, in source order. */
  listEntries(filter?: { file?: string }): Promise<KnowledgeEntry[]>;
  vocabulary(): Promise<Vocabulary>;
  /** Grows whenever an import changes something: caches built from the store compare it. */
  revision(): Promise<number>;
  /** Entries with no vector from `model` for their current content. */
  entriesToEmbed(model: string): Promise<EntryToEmbed[]>;
  saveEmbeddings(model: string, vectors: ReadonlyArray<{ id: string; contentHash: string; vector: Float32Array }>): Promise<void>;
  /** Vectors from `model` that match the entries' current content. */
  loadEmbeddings(model: string): Promise<EmbeddingRecord[]>;
  close(): Promise<void>;
}

/** One entry found for a customer text: what the respond tier may build a reply from. */
export interface KnowledgeMatch {
  id: string;
  kind: KnowledgeKind;
  language: string;
  title: string;
  /** The whole entry as a source for the claims check: title and body. */
  text: string;
  /** The answer, section text or product description alone: what an approved entry sends as it is. */
  body: string;
  /** The part of the body that matched best (≤ about 200 characters, "…" where cut). */
  snippet: string;
  /** [start, end) offsets in `snippet` of the words that matched. */
  highlights: Array<[number, number]>;
  /** Higher is better: BM25, or reciprocal-rank fusion when embeddings are on. */
  score: number;
  /** Share (0..1) of the query's terms the entry holds. */
  coverage: number;
  /** How many of the query's terms the entry holds (one word in common is weak evidence). */
  termsMatched: number;
  approved: boolean;
  source: KnowledgeSource;
  validUntil?: string;
}

export interface KnowledgeQueryOptions {
  /** At most this many entries (default 5). */
  limit?: number;
  /** `YYYY-MM-DD` to check validity on (default: today in the business's time zone). */
  today?: string;
}

/** The search the respond tier uses: the best entries for a customer's text in a language. */
export interface KnowledgeSearch {
  findSources(text: string, language: string, options?: KnowledgeQueryOptions): Promise<KnowledgeMatch[]>;
}
