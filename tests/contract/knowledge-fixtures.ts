/** Shared by the knowledge-base tests: entries made by hand, files imported from a temporary folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KnowledgeEntry, KnowledgeStore, SourceBatch } from '../../src/core/knowledge.ts';
import { indexEntry } from '../../src/knowledge/index-entry.ts';
import { importKnowledge, type ImportReport } from '../../src/knowledge/import/import-knowledge.ts';
import { createSqliteKnowledgeStore } from '../../src/storage/sqlite/knowledge-store.ts';

export const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
export const LANGUAGES = ['it', 'de', 'en'] as const;

export function entry(id: string, fields: Partial<KnowledgeEntry> = {}): KnowledgeEntry {
  return {
    id,
    kind: 'faq',
    language: 'it',
    title: `Domanda ${id}`,
    body: `Risposta ${id}`,
    tags: [],
    approved: true,
    source: { file: 'faq.yaml', line: 1 },
    key: id,
    contentHash: `hash-${id}`,
    ...fields,
  };
}

export function batch(file: string, entries: KnowledgeEntry[]): SourceBatch {
  return { file, entries: entries.map((e) => indexEntry({ ...e, source: { ...e.source, file } })) };
}

/** A folder with these files (paths relative to it); removed by `cleanup`. */
export function tempFolder(files: Record<string, string>): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), 'centralino-kb-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(path, name)), { recursive: true });
    writeFileSync(join(path, name), text);
  }
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export function memoryStore(): KnowledgeStore {
  return createSqliteKnowledgeStore({ path: ':memory:' });
}

/** Imports these files (written to a temporary folder) into `store`. */
export async function importFiles(store: KnowledgeStore, files: Record<string, string>, languages: readonly string[] = LANGUAGES): Promise<ImportReport> {
  const folder = tempFolder(files);
  try {
    return await importKnowledge(store, folder.path, { languages, defaultLanguage: languages[0] ?? 'it', now: T0 });
  } finally {
    folder.cleanup();
  }
}

/** The rejections of an import as `file:line: reason` lines. */
export function rejectionLines(report: ImportReport): string[] {
  return report.rejected.map((r) => `${r.file}:${r.line}: ${r.reason}`);
}
