/**
 * E-mail addresses: a local part, `@`, a domain with at least one dot and a top-level
 * domain of two or more letters. Letters outside ASCII are accepted (internationalised
 * addresses); a dot that ends the sentence is not part of the address.
 */
import type { PiiSpan } from '../guard-types.ts';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}@-]|\.[\p{L}\p{N}])/gu;

export function findEmails(text: string): PiiSpan[] {
  if (!text.includes('@')) return [];
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(EMAIL)) spans.push({ start: match.index, end: match.index + match[0].length, type: 'EMAIL' });
  return spans;
}
