/** Reads `{"text","label"}` JSONL files for `centralino nlu eval`, naming the file and line of any problem. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { LabelledExample } from '../../text/classifier/types.ts';

const line = z.looseObject({ text: z.string().min(1), label: z.string().min(1) });

export function readExamples(file: string): LabelledExample[] {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('DATA_INVALID', `${file}: cannot read (${(cause as Error).message})`, { cause });
  }
  const examples: LabelledExample[] = [];
  const problems: string[] = [];
  source.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    const parsed = line.safeParse(json);
    if (parsed.success) examples.push({ text: parsed.data.text, label: parsed.data.label });
    else problems.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'} ${i.message}`).join('; ')}`);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new AppError('DATA_INVALID', `${file}: ${problems.length} bad line(s), each must be {"text": "...", "label": "..."}:\n  ${shown.join('\n  ')}${more}`);
  }
  if (examples.length === 0) throw new AppError('DATA_INVALID', `${file}: no examples`);
  return examples;
}
