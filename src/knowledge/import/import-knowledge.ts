/**
 * `kb import` as a function: read every file of a path (Markdown, YAML, JSON, CSV), turn
 * rows and sections into entries, reject what cannot be imported with `file:line` and
 * the reason, and apply the result to the store in one transaction: per file, entries are
 * added, changed, left unchanged or removed (no longer in the file). A file that yields no
 * entry at all because it is broken (a YAML syntax error, an unreadable header) is not
 * applied: the entries imported from it before are kept until it is fixed.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { KnowledgeStore, SourceBatch } from '../../core/knowledge.ts';
import { SUPPORTED_LANGUAGES } from '../../text/detect-language.ts';
import { indexEntry } from '../index-entry.ts';
import { readCsvEntries } from './csv-entries.ts';
import { emptyDefaults, type FileReading, type Rejection } from './drafts.ts';
import { finishEntries, type LanguageContext } from './finish-entries.ts';
import { readMarkdownEntries } from './markdown-entries.ts';
import { listSourceFiles, type SourceFile } from './source-files.ts';
import { readYamlEntries } from './yaml-entries.ts';

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

export interface ImportOptions extends LanguageContext {
  onProgress?: (progress: ImportProgress) => void;
  now?: number;
}

export interface FileReport {
  file: string;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  rejected: number;
  /** The file was broken as a whole and not applied: its earlier entries are kept. */
  kept: boolean;
}

export interface ImportReport {
  files: FileReport[];
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
  rejected: Rejection[];
  /** Files below the path of a type the import does not read. */
  skipped: string[];
}

interface ReadFile {
  batch?: SourceBatch;
  rejected: Rejection[];
}

function readingOf(source: SourceFile, text: string, options: LanguageContext): FileReading {
  const defaults = emptyDefaults();
  if (source.nameLanguage !== undefined && options.languages.includes(source.nameLanguage)) defaults.language = source.nameLanguage;
  if (source.format === 'csv') return readCsvEntries(text, defaults, options.languages);
  if (source.format === 'yaml') return readYamlEntries(text, defaults, options.languages, source.path.toLowerCase().endsWith('.json'));
  const title = basename(source.file).replace(/(\.[a-z]{2})?\.[a-z]+$/i, '').replace(/[-_]+/g, ' ');
  return readMarkdownEntries(text, defaults, options.languages, title);
}

function readSource(source: SourceFile, options: LanguageContext): ReadFile {
  const reject = (line: number, reason: string): Rejection => ({ file: source.file, line, reason });
  let text: string;
  try {
    text = readFileSync(source.path, 'utf8');
  } catch (error) {
    return { rejected: [reject(0, `cannot be read: ${(error as Error).message}`)] };
  }
  const named = source.nameLanguage;
  if (named !== undefined && SUPPORTED_LANGUAGES.includes(named) && !options.languages.includes(named)) {
    return { rejected: [reject(1, `the file name gives the language "${named}", not one of the business's languages (${options.languages.join(', ')})`)] };
  }
  const reading = readingOf(source, text, options);
  const finished = finishEntries(reading.drafts, source.file, options);
  const rejected = [...reading.problems, ...finished.problems].sort((a, b) => a.line - b.line).map((problem) => reject(problem.line, problem.reason));
  if (finished.entries.length === 0 && rejected.length > 0) return { rejected };
  return { batch: { file: source.file, entries: finished.entries.map(indexEntry) }, rejected };
}

export async function importKnowledge(store: KnowledgeStore, path: string, options: ImportOptions): Promise<ImportReport> {
  const listing = listSourceFiles(path);
  const read = listing.files.map((source, index) => {
    const result = readSource(source, options);
    options.onProgress?.({ done: index + 1, total: listing.files.length, file: source.file });
    return { source, ...result };
  });
  const batches = read.flatMap((file) => (file.batch === undefined ? [] : [file.batch]));
  const changes = new Map((await store.applyImport(batches, options.now ?? Date.now())).map((change) => [change.file, change]));
  const report: ImportReport = { files: [], added: [], changed: [], unchanged: [], removed: [], rejected: [], skipped: listing.skipped };
  for (const file of read) {
    const change = changes.get(file.source.file);
    report.files.push({
      file: file.source.file,
      added: change?.added.length ?? 0,
      changed: change?.changed.length ?? 0,
      unchanged: change?.unchanged.length ?? 0,
      removed: change?.removed.length ?? 0,
      rejected: file.rejected.length,
      kept: file.batch === undefined,
    });
    report.added.push(...(change?.added ?? []));
    report.changed.push(...(change?.changed ?? []));
    report.unchanged.push(...(change?.unchanged ?? []));
    report.removed.push(...(change?.removed ?? []));
    report.rejected.push(...file.rejected);
  }
  return report;
}
