/**
 * The files an import reads: one file, or every supported file below a folder (hidden
 * files and folders left out), each named relative to the imported path's folder — the
 * name that goes into ids, so import the same path the same way each time. A file name
 * may carry its language before the extension: `faq.it.md`, `returns.de.yaml`.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { AppError } from '../../core/errors.ts';

export type SourceFormat = 'markdown' | 'yaml' | 'csv';

const FORMATS: Readonly<Record<string, SourceFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'yaml',
  '.csv': 'csv',
  '.tsv': 'csv',
};

const NAME_LANGUAGE = /\.([a-z]{2})\.[a-z]+$/i;

export interface SourceFile {
  /** Absolute or as given: where to read it. */
  path: string;
  /** Relative to the imported folder (or the file's own name), with `/` separators. */
  file: string;
  format: SourceFormat;
  /** The language the name carries (`faq.it.md` → it). */
  nameLanguage?: string;
}

export interface SourceListing {
  files: SourceFile[];
  /** Files of a type the import does not read. */
  skipped: string[];
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : entry.isFile() ? [join(folder, entry.name)] : []));
}

function sourceOf(path: string, root: string): SourceFile | undefined {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === undefined) return undefined;
  const language = NAME_LANGUAGE.exec(basename(path))?.[1]?.toLowerCase();
  return { path, file: relative(root, path).split(sep).join('/'), format, ...(language === undefined ? {} : { nameLanguage: language }) };
}

/** The files of a path; KB_IMPORT_INVALID when it does not exist or holds nothing to import. */
export function listSourceFiles(path: string): SourceListing {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (cause) {
    throw new AppError('KB_IMPORT_INVALID', `${path} does not exist or cannot be read`, { cause });
  }
  const root = isFolder ? path : dirname(path);
  const listing: SourceListing = { files: [], skipped: [] };
  for (const file of isFolder ? walk(path) : [path]) {
    const source = sourceOf(file, root);
    if (source === undefined) listing.skipped.push(relative(root, file).split(sep).join('/'));
    else listing.files.push(source);
  }
  if (listing.files.length === 0) {
    throw new AppError('KB_IMPORT_INVALID', `${path}: nothing to import (Markdown .md, YAML .yaml/.yml, JSON .json or CSV .csv/.tsv files)`, { details: { skipped: listing.skipped } });
  }
  return listing;
}
