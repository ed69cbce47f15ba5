/** Replaces the part of the README between two markers with a benchmark's fresh table. */
import { readFileSync, writeFileSync } from 'node:fs';

export function replaceReadmeSection(path: string, startMarker: string, endMarker: string, block: string): boolean {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start < 0 || end < start) return false;
  writeFileSync(path, text.slice(0, start) + block + text.slice(end + endMarker.length));
  return true;
}
