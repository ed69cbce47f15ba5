/** Reads `{"text","label"}` JSONL files for `centralino nlu eval`, naming the file and line of any problem. */
import { z } from 'zod';
import type { LabelledExample } from '../../text/classifier/types.ts';
import { readJsonLines } from '../read-jsonl.ts';

const line = z.looseObject({ text: z.string().min(1), label: z.string().min(1) });

export function readExamples(file: string): LabelledExample[] {
  return readJsonLines(file, line, '{"text": "...", "label": "..."}').map(({ text, label }) => ({ text, label }));
}
