/**
 * Applying an import: each source file's entries replace that file's previous ones, in
 * one transaction for the whole import. An entry whose id is new is added, one whose
 * content hash differs is changed (its vector is then stale and recomputed), one that is
 * equal is left alone (only its line is updated when lines moved), and the file's entries
 * that are no longer in it are removed. Any change moves the knowledge revision on.
 */
import type { IndexedEntry, SourceBatch, SourceChanges } from '../../core/knowledge.ts';
import type { Connection } from './connection.ts';
import { ENTRY_COLUMNS, entryValues } from './knowledge-rows.ts';

interface Existing {
  seq: number;
  contentHash: string;
  line: number;
  heading: string | null;
}

const PLACEHOLDERS = ENTRY_COLUMNS.split(',').map(() => '?').join(', ');
const ASSIGNMENTS = ENTRY_COLUMNS.split(',').map((column) => `${column.trim()} = ?`).join(', ');

function existingOf(db: Connection, file: string): Map<string, Existing> {
  const rows = db.all('SELECT seq, id, content_hash, source_line, source_heading FROM knowledge_entries WHERE source_file = ?', file);
  return new Map(
    rows.map((row) => [
      String(row['id']),
      { seq: Number(row['seq']), contentHash: String(row['content_hash']), line: Number(row['source_line']), heading: row['source_heading'] === null ? null : String(row['source_heading']) },
    ]),
  );
}

function writeTerms(db: Connection, seq: number, indexed: IndexedEntry): void {
  const { terms, entry } = indexed;
  db.run('INSERT INTO knowledge_fts (rowid, title, body, tags, words, lang) VALUES (?, ?, ?, ?, ?, ?)', seq, terms.title, terms.body, terms.tags, terms.words, entry.language);
}

function insertEntry(db: Connection, indexed: IndexedEntry, now: number): void {
  const { lastRowid } = db.run(`INSERT INTO knowledge_entries (${ENTRY_COLUMNS}, created_at, updated_at) VALUES (${PLACEHOLDERS}, ?, ?)`, ...entryValues(indexed.entry), now, now);
  writeTerms(db, lastRowid, indexed);
}

function updateEntry(db: Connection, seq: number, indexed: IndexedEntry, now: number): void {
  db.run(`UPDATE knowledge_entries SET ${ASSIGNMENTS}, updated_at = ? WHERE seq = ?`, ...entryValues(indexed.entry), now, seq);
  db.run('DELETE FROM knowledge_fts WHERE rowid = ?', seq);
  writeTerms(db, seq, indexed);
}

function removeEntry(db: Connection, seq: number): void {
  db.run('DELETE FROM knowledge_fts WHERE rowid = ?', seq);
  db.run('DELETE FROM knowledge_entries WHERE seq = ?', seq);
}

function applyBatch(db: Connection, batch: SourceBatch, now: number): SourceChanges {
  const changes: SourceChanges = { file: batch.file, added: [], changed: [], unchanged: [], removed: [] };
  const existing = existingOf(db, batch.file);
  for (const indexed of batch.entries) {
    const { entry } = indexed;
    const before = existing.get(entry.id);
    existing.delete(entry.id);
    if (before === undefined) {
      insertEntry(db, indexed, now);
      changes.added.push(entry.id);
    } else if (before.contentHash !== entry.contentHash) {
      updateEntry(db, before.seq, indexed, now);
      changes.changed.push(entry.id);
    } else {
      if (before.line !== entry.source.line || before.heading !== (entry.source.heading ?? null)) {
        db.run('UPDATE knowledge_entries SET source_line = ?, source_heading = ? WHERE seq = ?', entry.source.line, entry.source.heading ?? null, before.seq);
      }
      changes.unchanged.push(entry.id);
    }
  }
  for (const [id, gone] of existing) {
    removeEntry(db, gone.seq);
    changes.removed.push(id);
  }
  return changes;
}

export function applyImport(db: Connection, batches: readonly SourceBatch[], now: number): SourceChanges[] {
  return db.transaction(() => {
    const results = batches.map((batch) => applyBatch(db, batch, now));
    if (results.some((r) => r.added.length + r.changed.length + r.removed.length > 0)) {
      db.run("UPDATE knowledge_meta SET value = value + 1 WHERE key = 'revision'");
    }
    return results;
  });
}
