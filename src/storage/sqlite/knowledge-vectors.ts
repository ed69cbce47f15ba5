/**
 * Embedding vectors of knowledge entries, one per entry and model, stored as Float32 BLOBs
 * with the content hash they were computed from: a changed entry's old vector no longer
 * counts, and the next import computes a new one.
 */
import type { EmbeddingRecord, EntryToEmbed } from '../../core/knowledge.ts';
import type { Connection } from './connection.ts';
import { blobToVector, vectorToBlob } from './knowledge-rows.ts';

export function entriesToEmbed(db: Connection, model: string): EntryToEmbed[] {
  const rows = db.all(
    `SELECT e.id, e.content_hash, e.title, e.body FROM knowledge_entries e
     LEFT JOIN knowledge_embeddings v ON v.entry_seq = e.seq AND v.model = ? AND v.content_hash = e.content_hash
     WHERE v.entry_seq IS NULL ORDER BY e.seq`,
    model,
  );
  return rows.map((row) => ({ id: String(row['id']), contentHash: String(row['content_hash']), text: `${String(row['title'])}\n${String(row['body'])}` }));
}

export function saveEmbeddings(db: Connection, model: string, vectors: ReadonlyArray<{ id: string; contentHash: string; vector: Float32Array }>): void {
  db.transaction(() => {
    for (const { id, contentHash, vector } of vectors) {
      db.run(
        `INSERT INTO knowledge_embeddings (entry_seq, model, content_hash, dimensions, vector)
         SELECT seq, ?, ?, ?, ? FROM knowledge_entries WHERE id = ?
         ON CONFLICT (entry_seq, model) DO UPDATE SET content_hash = excluded.content_hash, dimensions = excluded.dimensions, vector = excluded.vector`,
        model,
        contentHash,
        vector.length,
        vectorToBlob(vector),
        id,
      );
    }
    db.run("UPDATE knowledge_meta SET value = value + 1 WHERE key = 'revision'");
  });
}

export function loadEmbeddings(db: Connection, model: string): EmbeddingRecord[] {
  const rows = db.all(
    `SELECT e.id, e.language, e.valid_from, e.valid_until, v.vector FROM knowledge_embeddings v
     JOIN knowledge_entries e ON e.seq = v.entry_seq AND v.content_hash = e.content_hash
     WHERE v.model = ? ORDER BY e.seq`,
    model,
  );
  return rows.map((row) => ({
    id: String(row['id']),
    language: String(row['language']),
    ...(row['valid_from'] === null ? {} : { validFrom: String(row['valid_from']) }),
    ...(row['valid_until'] === null ? {} : { validUntil: String(row['valid_until']) }),
    vector: blobToVector(row['vector'] as Uint8Array),
  }));
}
