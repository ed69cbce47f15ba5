/** Knowledge entries to and from rows of `knowledge_entries`. */
import { KNOWLEDGE_KINDS, type KnowledgeEntry, type KnowledgeKind, type ProductData } from '../../core/knowledge.ts';
import type { Params, Row } from './connection.ts';

export const ENTRY_COLUMNS =
  'id, kind, language, title, body, tags, data, approved, valid_from, valid_until, source_file, source_line, source_heading, source_key, content_hash';

function text(row: Row, column: string): string {
  return String(row[column] ?? '');
}

function optionalText(row: Row, column: string): string | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : String(value);
}

function kindOf(value: string): KnowledgeKind {
  return (KNOWLEDGE_KINDS as readonly string[]).includes(value) ? (value as KnowledgeKind) : 'document';
}

export function entryFromRow(row: Row): KnowledgeEntry {
  const heading = optionalText(row, 'source_heading');
  const validFrom = optionalText(row, 'valid_from');
  const validUntil = optionalText(row, 'valid_until');
  const data = optionalText(row, 'data');
  return {
    id: text(row, 'id'),
    kind: kindOf(text(row, 'kind')),
    language: text(row, 'language'),
    title: text(row, 'title'),
    body: text(row, 'body'),
    tags: JSON.parse(text(row, 'tags') || '[]') as string[],
    approved: Number(row['approved']) === 1,
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validUntil === undefined ? {} : { validUntil }),
    source: { file: text(row, 'source_file'), line: Number(row['source_line']), ...(heading === undefined ? {} : { heading }) },
    key: text(row, 'source_key'),
    contentHash: text(row, 'content_hash'),
    ...(data === undefined ? {} : { data: JSON.parse(data) as ProductData }),
  };
}

/** The values of ENTRY_COLUMNS for an entry, in that order. */
export function entryValues(entry: KnowledgeEntry): Params {
  return [
    entry.id,
    entry.kind,
    entry.language,
    entry.title,
    entry.body,
    JSON.stringify(entry.tags),
    entry.data === undefined ? null : JSON.stringify(entry.data),
    entry.approved ? 1 : 0,
    entry.validFrom ?? null,
    entry.validUntil ?? null,
    entry.source.file,
    entry.source.line,
    entry.source.heading ?? null,
    entry.key,
    entry.contentHash,
  ];
}

/** A Float32Array as the bytes of a BLOB (little-endian, as every platform Node runs on). */
export function vectorToBlob(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

export function blobToVector(blob: Uint8Array): Float32Array {
  const copy = blob.slice();
  return new Float32Array(copy.buffer, copy.byteOffset, copy.byteLength / Float32Array.BYTES_PER_ELEMENT);
}
