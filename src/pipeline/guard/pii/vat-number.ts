/**
 * Italian partita IVA: 11 digits, the last a Luhn check digit, digits 8-10 a provincial
 * office code (001-100, 120, 121, 888, 999). Eleven random digits would still pass one time
 * in a hundred, so a number is reported only when it carries the `IT` prefix
 * ("IT 01234567897") or a context word is just before it: partita IVA, P.IVA, PIVA, P.I.,
 * VAT, USt-IdNr, Umsatzsteuer, C.F. / codice fiscale (a company's fiscal code is the same number).
 */
import type { PiiSpan } from '../guard-types.ts';
import { luhnValid } from './card-numbers.ts';

/** `IT` must be upper case: "it" is an English word. */
const VAT_NUMBER = /(?<![\p{L}\p{N}])(?:(IT) ?)?(\d{11})(?![\p{L}\p{N}])/gu;
/** A context word followed only by punctuation and a few short words ("P.IVA: ", "VAT number is "). */
const CONTEXT = /(?:partita\s+iva|p\.?\s?iva|\bp\.\s?i\.|\bvat\b|\bust\b|ust-?id(?:nr)?|umsatzsteuer\S*|\bc\.\s?f\.|codice\s+fiscale)(?:[\s:.,'’/=-]+(?:[\p{L}]{1,7}|n\.|nr\.?|no\.?))*[\s:.'’=#-]*$/iu;
const CONTEXT_WINDOW = 45;

export function findVatNumbers(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(VAT_NUMBER)) {
    const digits = match[2] ?? '';
    if (!vatNumberValid(digits)) continue;
    if (match[1] === undefined && !CONTEXT.test(text.slice(Math.max(0, match.index - CONTEXT_WINDOW), match.index))) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, type: 'IT_VAT' });
  }
  return spans;
}

/** `digits`: exactly 11 digits. */
export function vatNumberValid(digits: string): boolean {
  const office = Number(digits.slice(7, 10));
  const officeKnown = (office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999;
  return officeKnown && luhnValid(digits);
}
