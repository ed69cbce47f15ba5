/**
 * IBANs of any country, written in one block or in groups (usually of four) separated by
 * spaces, in upper or lower case. A candidate is read for exactly the length its country
 * prescribes, then validated by ibantools (BBAN format, mod-97 and national check digits).
 */
import { getCountrySpecifications, isValidIBAN } from 'ibantools';
import type { PiiSpan } from '../guard-types.ts';

/** Where an IBAN may start: a country code and two check digits, not inside a word. */
const IBAN_START = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}/giu;
const SEPARATOR = /[ \u00A0-]/;
const ALNUM = /[A-Za-z0-9]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Total IBAN length by country code (e.g. IT → 27). */
const LENGTHS: ReadonlyMap<string, number> = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([country, spec]) => (spec.chars ? [[country, spec.chars] as const] : [])),
);

export function findIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  IBAN_START.lastIndex = 0;
  for (let match = IBAN_START.exec(text); match; match = IBAN_START.exec(text)) {
    const length = LENGTHS.get(match[0].slice(0, 2).toUpperCase());
    const candidate = length === undefined ? undefined : readIban(text, match.index, length);
    if (candidate && isValidIBAN(candidate.iban)) {
      spans.push({ start: match.index, end: candidate.end, type: 'IBAN' });
      IBAN_START.lastIndex = candidate.end;
    }
  }
  return spans;
}

/**
 * Reads `length` letters and digits from `start`, allowing one separator between them; the
 * IBAN must then end (no letter or digit right after it).
 */
function readIban(text: string, start: number, length: number): { iban: string; end: number } | undefined {
  let iban = '';
  let at = start;
  while (iban.length < length && at < text.length) {
    const char = text[at] ?? '';
    if (ALNUM.test(char)) iban += char;
    else if (!(SEPARATOR.test(char) && iban.length > 0 && ALNUM.test(text[at + 1] ?? ''))) return undefined;
    at++;
  }
  if (iban.length < length || WORD_CHAR.test(text[at] ?? '')) return undefined;
  return { iban: iban.toUpperCase(), end: at };
}
