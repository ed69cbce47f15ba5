/**
 * German steuerliche Identifikationsnummer (Steuer-ID): 11 digits, the first not 0, written
 * in one block or as on the tax letters ("12 345 678 901"). In the first ten digits exactly
 * one digit appears twice or three times (three times never in a row) and the last digit is
 * the ISO 7064 MOD 11,10 check digit. Together the two rules let through about one random
 * 11-digit number in 260, so no context word is needed.
 */
import type { PiiSpan } from '../guard-types.ts';

const TAX_ID = /(?<![\p{L}\p{N}])[1-9]\d(?: ?\d{3}){3}(?![\p{L}\p{N}])/gu;

export function findGermanTaxIds(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(TAX_ID)) {
    const spaced = match[0].includes(' ');
    // Either all three separators or none: "12 345 678 901" or "12345678901".
    if (spaced && match[0].length !== 14) continue;
    if (taxIdValid(match[0].replaceAll(' ', ''))) spans.push({ start: match.index, end: match.index + match[0].length, type: 'DE_TAX_ID' });
  }
  return spans;
}

/** `digits`: exactly 11 digits. */
export function taxIdValid(digits: string): boolean {
  if (digits.startsWith('0') || !repetitionValid(digits.slice(0, 10))) return false;
  return taxIdCheckDigit(digits.slice(0, 10)) === digits.charCodeAt(10) - 48;
}

/** ISO 7064 MOD 11,10 over the first ten digits. */
export function taxIdCheckDigit(first10: string): number {
  let product = 10;
  for (let i = 0; i < first10.length; i++) {
    let sum = (first10.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/** Exactly one digit twice or three times (not three in a row), every other digit at most once. */
function repetitionValid(first10: string): boolean {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < first10.length; i++) {
    const digit = first10.charCodeAt(i) - 48;
    counts[digit] = (counts[digit] ?? 0) + 1;
  }
  const repeated = counts.filter((count) => count > 1);
  if (repeated.length !== 1 || (repeated[0] ?? 0) > 3) return false;
  return !/(\d)\1\1/.test(first10);
}
