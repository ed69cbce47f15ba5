/**
 * Migration 2: the knowledge base.
 *
 * `knowledge_entries` keeps each entry with its source, language, validity days and an
 * INTEGER `seq` that is also the rowid of its row in `knowledge_fts`. The FTS5 table holds
 * the entry's analysed terms (folded, stop words out, stemmed per language by
 * src/knowledge: SQLite's tokenizer only splits on spaces here), `words` (the folded
 * unstemmed words: a vocabulary for typo correction, never searched) and `lang` (matched
 * as a filter). BM25 weighs title 4, body 1, tags 2, and ignores the last two columns.
 * `knowledge_vocab` reads the index's vocabulary; `knowledge_embeddings` keeps optional
 * vectors (Float32, little-endian BLOB) per entry and model, with the content hash they
 * were computed from; `knowledge_meta.revision` grows with every import that changes
 * something, so in-memory caches know when to reload.
 */
export const knowledgeSchema = `
CREATE TABLE knowledge_entries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('faq', 'policy', 'product', 'document')),
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  data TEXT,
  approved INTEGER NOT NULL CHECK (approved IN (0, 1)),
  valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  valid_until TEXT CHECK (valid_until IS NULL OR valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  source_heading TEXT,
  source_key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX knowledge_by_source ON knowledge_entries (source_file, source_line);

CREATE VIRTUAL TABLE knowledge_fts USING fts5(title, body, tags, words, lang, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO knowledge_fts (knowledge_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0, 0.0, 0.0)');
CREATE VIRTUAL TABLE knowledge_vocab USING fts5vocab(knowledge_fts, 'col');

CREATE TABLE knowledge_embeddings (
  entry_seq INTEGER NOT NULL REFERENCES knowledge_entries (seq) ON DELETE CASCADE,
  model TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  dimensions INTEGER NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY (entry_seq, model)
);

CREATE TABLE knowledge_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO knowledge_meta (key, value) VALUES ('revision', 0);
`;
