/**
 * A CSV file — questions and answers, or a product catalog — to draft entries. The header
 * names the fields (any of the aliases in field-values.ts, in it/de/en); each row is a
 * record. A row that cannot be read, or has more fields than the header, is rejected with
 * its line; the other rows still count.
 */
import type { FileDefaults, FileReading, Problem } from './drafts.ts';
import { readCsv, type CsvRow } from './csv-table.ts';
import { fieldOf } from './field-values.ts';
import { recordEntries, type RawRecord } from './record-entries.ts';

const PRODUCT_FIELDS = new Set(['name', 'price', 'sizes', 'stock', 'category']);

function recordOf(row: CsvRow, header: readonly string[]): RawRecord {
  return { line: row.line, values: header.map((name, index) => ({ name, value: row.fields[index] ?? '', line: row.line })) };
}

function rowProblem(row: CsvRow, header: readonly string[]): Problem | undefined {
  if (row.error !== undefined) return { line: row.line, reason: row.error };
  const extra = row.fields.slice(header.length).filter((field) => field.trim() !== '');
  if (extra.length > 0) return { line: row.line, reason: `has ${row.fields.length} fields, the header has ${header.length} (a field with a comma or semicolon needs double quotes)` };
  return undefined;
}

export function readCsvEntries(text: string, defaults: FileDefaults, languages: readonly string[]): FileReading {
  const [head, ...rows] = readCsv(text);
  if (head === undefined) return { drafts: [], problems: [{ line: 1, reason: 'the file is empty' }], defaults };
  if (head.error !== undefined) return { drafts: [], problems: [{ line: head.line, reason: `header: ${head.error}` }], defaults };
  const header = head.fields.map((name) => name.trim());
  const fields = header.map(fieldOf);
  const isCatalog = fields.some((field) => field !== undefined && PRODUCT_FIELDS.has(field));
  if (!isCatalog && !(fields.includes('question') && fields.includes('answer'))) {
    const reason = `the header (${header.join(', ')}) names neither question and answer columns nor product columns (name, price, sizes, stock)`;
    return { drafts: [], problems: [{ line: head.line, reason }], defaults };
  }
  const fileDefaults: FileDefaults = isCatalog && defaults.kind === undefined ? { ...defaults, kind: 'product' } : defaults;
  const reading: FileReading = { drafts: [], problems: [], defaults: fileDefaults };
  for (const row of rows) {
    const problem = rowProblem(row, header);
    if (problem !== undefined) {
      reading.problems.push(problem);
      continue;
    }
    const { drafts, problems } = recordEntries(recordOf(row, header), fileDefaults, languages);
    reading.drafts.push(...drafts);
    reading.problems.push(...problems);
  }
  return reading;
}
