/** Reads a JSONL data file for the eval commands, naming the file and line of every problem. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../core/errors.ts';

/**
 * Parses each non-empty line with the schema. Bad lines are collected (the first ten shown)
 * and reported together with `shape`, the line format the command expects.
 */
export function readJsonLines<T>(file: string, schema: z.ZodType<T>, shape: string): T[] {
  const rows: T[] = [];
  const problems: string[] = [];
  readText(file)
    .split('\n')
    .forEach((raw, index) => {
      if (raw.trim() === '') return;
      const where = `${file}:${index + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        problems.push(`${where}: not JSON`);
        return;
      }
      const parsed = schema.safeParse(json);
      if (parsed.success) rows.push(parsed.data);
      else problems.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'} ${i.message}`).join('; ')}`);
    });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new AppError('DATA_INVALID', `${file}: ${problems.length} bad line(s), each must be ${shape}:\n  ${shown.join('\n  ')}${more}`);
  }
  if (rows.length === 0) throw new AppError('DATA_INVALID', `${file}: no lines`);
  return rows;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('DATA_INVALID', `${file}: cannot read (${(cause as Error).message})`, { cause });
  }
}
