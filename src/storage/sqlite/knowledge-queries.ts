/**
 * Reading the knowledge base: FTS5 search ranked by BM25 (weights set in the schema),
 * entries by id or by source, the index vocabulary and the revision.
 *
 * A TextQuery's groups become one FTS5 expression over the analysed columns, with the
 * language as a column filter: `lang : "it" AND {title body tags} : (("res" OR "restitu")
 * OR "buon regal")`. Every term is quoted, so nothing a customer writes is FTS5 syntax.
 */
import type { KnowledgeEntry, TextHit, TextQuery, Vocabulary } from '../../core/knowledge.ts';
import type { Connection } from './connection.ts';
import { ENTRY_COLUMNS, entryFromRow } from './knowledge-rows.ts';

function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

function phrase(terms: readonly string[]): string {
  return quote(terms.join(' '));
}

/** The FTS5 MATCH expression of a query, or undefined when it has no terms. */
export function matchExpression(query: TextQuery): string | undefined {
  const groups = query.groups
    .map((group) => group.filter((alternative) => alternative.length > 0).map(phrase))
    .filter((alternatives) => alternatives.length > 0)
    .map((alternatives) => (alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`));
  if (groups.length === 0) return undefined;
  return `lang : ${quote(query.language)} AND {title body tags} : (${groups.join(' OR ')})`;
}

const SEARCH = `
SELECT e.id AS id, -knowledge_fts.rank AS score, knowledge_fts.title || ' ' || knowledge_fts.body || ' ' || knowledge_fts.tags AS terms
FROM knowledge_fts JOIN knowledge_entries e ON e.seq = knowledge_fts.rowid
WHERE knowledge_fts MATCH ?
  AND (e.valid_from IS NULL OR e.valid_from <= ?)
  AND (e.valid_until IS NULL OR e.valid_until >= ?)
ORDER BY knowledge_fts.rank
LIMIT ?`;

export function searchText(db: Connection, query: TextQuery): TextHit[] {
  const expression = matchExpression(query);
  if (expression === undefined || query.limit <= 0) return [];
  return db.all(SEARCH, expression, query.today, query.today, query.limit).map((row) => ({
    id: String(row['id']),
    score: Number(row['score']),
    terms: String(row['terms']),
  }));
}

export function getEntries(db: Connection, ids: readonly string[]): KnowledgeEntry[] {
  if (ids.length === 0) return [];
  const rows = db.all(`SELECT ${ENTRY_COLUMNS} FROM knowledge_entries WHERE id IN (${ids.map(() => '?').join(', ')})`, ...ids);
  const byId = new Map(rows.map((row) => [String(row['id']), entryFromRow(row)]));
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    return entry === undefined ? [] : [entry];
  });
}

export function listEntries(db: Connection, filter: { file?: string } = {}): KnowledgeEntry[] {
  const rows =
    filter.file === undefined
      ? db.all(`SELECT ${ENTRY_COLUMNS} FROM knowledge_entries ORDER BY source_file, source_line, id`)
      : db.all(`SELECT ${ENTRY_COLUMNS} FROM knowledge_entries WHERE source_file = ? ORDER BY source_line, id`, filter.file);
  return rows.map(entryFromRow);
}

export function vocabulary(db: Connection): Vocabulary {
  const stems = new Map<string, number>();
  const words = new Map<string, number>();
  for (const row of db.all("SELECT term, col, doc FROM knowledge_vocab WHERE col IN ('title', 'body', 'tags', 'words')")) {
    const term = String(row['term']);
    const docs = Number(row['doc']);
    const target = row['col'] === 'words' ? words : stems;
    target.set(term, Math.max(target.get(term) ?? 0, docs));
  }
  const entries = Number(db.get('SELECT count(*) AS n FROM knowledge_entries')?.['n'] ?? 0);
  return { stems, words, entries };
}

export function revision(db: Connection): number {
  return Number(db.get("SELECT value FROM knowledge_meta WHERE key = 'revision'")?.['value'] ?? 0);
}
