/**
 * Italian codice fiscale of a person: 16 characters (surname, name, birth year, month letter,
 * day, place, check character), any case, with omocodia (letters of LMNPQRSTUV in place of
 * digits). One space is tolerated between the blocks ("RSS MRA 85T10 A562S"). Found only when
 * the day is possible and the check character is right.
 */
import type { PiiSpan } from '../guard-types.ts';

const D = '[0-9LMNPQRSTUV]';
const FISCAL_CODE = new RegExp(`(?<![\\p{L}\\p{N}])[A-Z]{3} ?[A-Z]{3} ?${D}{2}[ABCDEHLMPRST]${D}{2} ?[A-Z]${D}{3} ?[A-Z](?![\\p{L}\\p{N}])`, 'giu');
/** Omocodia: the letter that stands for each digit (L = 0, M = 1, ... V = 9). */
const OMOCODIA = 'LMNPQRSTUV';
/** Values of the characters in odd positions (1st, 3rd, ...), for 0-9 and then A-Z. */
const ODD_DIGITS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const ODD_LETTERS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

export function findFiscalCodes(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(FISCAL_CODE)) {
    if (fiscalCodeValid(match[0].replaceAll(' ', '').toUpperCase())) {
      spans.push({ start: match.index, end: match.index + match[0].length, type: 'IT_FISCAL_CODE' });
    }
  }
  return spans;
}

/** `code`: 16 upper-case characters in the codice fiscale's shape. */
export function fiscalCodeValid(code: string): boolean {
  const day = Number(decodeOmocodia(code.slice(9, 11)));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return checkCharacter(code.slice(0, 15)) === code[15];
}

/** The check character of the first 15 characters. */
export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < first15.length; i++) {
    const code = first15.charCodeAt(i);
    const isDigit = code >= 48 && code <= 57;
    const value = isDigit ? code - 48 : code - 65;
    sum += i % 2 === 1 ? value : ((isDigit ? ODD_DIGITS[value] : ODD_LETTERS[value]) ?? 0);
  }
  return String.fromCharCode(65 + (sum % 26));
}

function decodeOmocodia(chars: string): string {
  return chars.replace(/[A-Z]/g, (letter) => String(OMOCODIA.indexOf(letter)));
}
