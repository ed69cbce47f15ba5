/**
 * A small RFC 4180 CSV reader that keeps the line every row starts on and rejects a broken
 * row without losing the rows after it (ADR 0010 says why not a CSV package):
 *
 *   - fields separated by the delimiter the header line uses most: `,` `;` (Italian and
 *     German spreadsheets) or a tab; rows by LF, CRLF or CR; a byte-order mark is dropped;
 *   - a field in double quotes may hold delimiters, line breaks and `""` for a quote;
 *   - a quote closed and followed by anything but a delimiter or the end of the line makes
 *     the row an error (the reader goes on at the next line); a quote never closed makes
 *     the last row an error;
 *   - blank lines are skipped; a quote inside an unquoted field is kept as written.
 */

export interface CsvRow {
  /** Line (1-based) the row starts on. */
  line: number;
  fields: string[];
  /** Why the row cannot be read; its fields are then incomplete. */
  error?: string;
}

const CANDIDATES = [',', ';', '\t'] as const;

/** The delimiter the first line uses most (outside quotes); a comma when it has none. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (CANDIDATES as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const candidate of CANDIDATES) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}

class Cursor {
  position = 0;
  line = 1;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  get char(): string | undefined {
    return this.text[this.position];
  }
  atLineEnd(): boolean {
    return this.char === '\n' || this.char === '\r' || this.char === undefined;
  }
  /** Steps over one line break (CRLF counts once). */
  newline(): void {
    if (this.char === '\r' && this.text[this.position + 1] === '\n') this.position++;
    this.position++;
    this.line++;
  }
  skipRestOfLine(): void {
    while (!this.atLineEnd()) this.position++;
  }
}

/** A quoted field from its opening quote; returns the value or an error. */
function quotedField(cursor: Cursor, delimiter: string): { value: string; error?: string } {
  const opened = cursor.line;
  cursor.position++;
  let value = '';
  for (;;) {
    const char = cursor.char;
    if (char === undefined) return { value, error: `a quote opened on line ${opened} is never closed` };
    if (char === '"') {
      if (cursor.text[cursor.position + 1] === '"') {
        value += '"';
        cursor.position += 2;
        continue;
      }
      cursor.position++;
      if (cursor.char === delimiter || cursor.atLineEnd()) return { value };
      return { value, error: `unexpected ${JSON.stringify(cursor.char)} after the closing quote of a field (write "" for a quote inside quotes)` };
    }
    if (char === '\n' || char === '\r') {
      value += char === '\r' && cursor.text[cursor.position + 1] === '\n' ? '\r\n' : char;
      cursor.newline();
      continue;
    }
    value += char;
    cursor.position++;
  }
}

function plainField(cursor: Cursor, delimiter: string): string {
  const start = cursor.position;
  while (cursor.char !== delimiter && !cursor.atLineEnd()) cursor.position++;
  return cursor.text.slice(start, cursor.position);
}

function readRow(cursor: Cursor, delimiter: string): CsvRow {
  const row: CsvRow = { line: cursor.line, fields: [] };
  for (;;) {
    if (cursor.char === '"') {
      const { value, error } = quotedField(cursor, delimiter);
      row.fields.push(value);
      if (error !== undefined) {
        cursor.skipRestOfLine();
        return { ...row, error };
      }
    } else {
      row.fields.push(plainField(cursor, delimiter));
    }
    if (cursor.char !== delimiter) return row;
    cursor.position++;
  }
}

/** Every non-blank row of a CSV text. */
export function readCsv(text: string, delimiter = detectDelimiter(text)): CsvRow[] {
  const cursor = new Cursor(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const rows: CsvRow[] = [];
  while (cursor.char !== undefined) {
    if (cursor.atLineEnd()) {
      cursor.newline();
      continue;
    }
    const row = readRow(cursor, delimiter);
    const blank = row.error === undefined && row.fields.every((field) => field.trim() === '');
    if (!blank) rows.push(row);
    if (cursor.char !== undefined) cursor.newline();
  }
  return rows;
}
