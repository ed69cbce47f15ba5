/**
 * Random checksum-valid identifiers for the guard benchmark, and the same identifiers with a
 * wrong check digit (which the PII rail must never report as that kind of data). Computed
 * here from the published rules, independently of the product's validators.
 */
import { createRng, type Rng } from './rng.ts';

export interface Identifier {
  type: 'CREDIT_CARD' | 'IBAN' | 'IT_FISCAL_CODE' | 'DE_TAX_ID';
  valid: string;
  /** The same identifier with its check digit or character changed: fails the checksum. */
  invalid: string;
  /** How a person would write it in a message (spaces as usual for the kind). */
  written: string;
  writtenInvalid: string;
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => String(rng.int(10))).join('');

function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const CARD_PREFIXES = [
  { prefix: '4', length: 16 },
  { prefix: '51', length: 16 },
  { prefix: '55', length: 16 },
  { prefix: '2221', length: 16 },
  { prefix: '34', length: 15 },
  { prefix: '37', length: 15 },
  { prefix: '6011', length: 16 },
  { prefix: '4', length: 19 },
];

export function card(rng: Rng): Identifier {
  const { prefix, length } = rng.pick(CARD_PREFIXES);
  const body = prefix + digits(rng, length - prefix.length - 1);
  const check = luhnCheckDigit(body);
  const valid = body + check;
  const invalid = body + ((check + 1 + rng.int(9)) % 10);
  const group = (s: string) => (length === 15 ? `${s.slice(0, 4)} ${s.slice(4, 10)} ${s.slice(10)}` : s.replace(/(\d{4})(?=\d)/g, '$1 '));
  const sep = rng.pick([' ', '-', '']);
  const write = (s: string) => (sep === '' ? s : group(s).replaceAll(' ', sep));
  return { type: 'CREDIT_CARD', valid, invalid, written: write(valid), writtenInvalid: write(invalid) };
}

/**
 * BBAN lengths per country (ISO 13616 registry), with a simple pattern: letters where the
 * country has them. Countries whose BBAN carries a national check digit that validators
 * verify are left out, except Belgium (computed below).
 */
const IBAN_COUNTRIES: { code: string; bban: string }[] = [
  { code: 'IT', bban: 'ANNNNNNNNNNCCCCCCCCCCCC' },
  { code: 'DE', bban: 'NNNNNNNNNNNNNNNNNN' },
  { code: 'AT', bban: 'NNNNNNNNNNNNNNNN' },
  { code: 'CH', bban: 'NNNNNCCCCCCCCCCCC' },
  { code: 'LU', bban: 'NNNCCCCCCCCCCCCC' },
  { code: 'IE', bban: 'AAAANNNNNNNNNNNNNN' },
  { code: 'NL', bban: 'AAAANNNNNNNNNN' },
  { code: 'GB', bban: 'AAAANNNNNNNNNNNNNN' },
  { code: 'BE', bban: 'NNNNNNNNNNNN' },
  { code: 'SM', bban: 'ANNNNNNNNNNCCCCCCCCCCCC' },
];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function mod97(s: string): number {
  let rest = 0;
  for (const ch of s) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

/** Belgian BBAN: ten digits and their remainder mod 97 (97 when it is 0). */
function belgianBban(first10: string): string {
  const rest = Number(first10) % 97;
  return first10 + String(rest === 0 ? 97 : rest).padStart(2, '0');
}

export function iban(rng: Rng): Identifier {
  const { code, bban: pattern } = rng.pick(IBAN_COUNTRIES);
  let bban = [...pattern].map((p) => (p === 'A' ? (LETTERS[rng.int(26)] ?? 'X') : String(rng.int(10)))).join('');
  if (code === 'BE') bban = belgianBban(bban.slice(0, 10));
  const check = 98 - mod97(`${bban}${code}00`);
  const pad = (n: number) => String(n).padStart(2, '0');
  const valid = `${code}${pad(check)}${bban}`;
  const wrong = ((check - 2 + 1 + rng.int(95)) % 97) + 2; // any other value in 2..98
  const invalid = `${code}${pad(wrong)}${bban}`;
  const spaced = rng.int(2) === 0;
  const write = (s: string) => (spaced ? s.replace(/(.{4})(?=.)/g, '$1 ') : s);
  return { type: 'IBAN', valid, invalid, written: write(valid), writtenInvalid: write(invalid) };
}

const CF_ODD: Record<string, number> = Object.fromEntries(
  [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((ch) => {
    const table = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    const index = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
    return [ch, table[index] ?? 0];
  }),
);
const cfEven = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65);
const OMOCODIA = 'LMNPQRSTUV';

export function cfCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15[i] ?? '0';
    sum += i % 2 === 0 ? (CF_ODD[ch] ?? 0) : cfEven(ch);
  }
  return LETTERS[sum % 26] ?? 'A';
}

export function fiscalCode(rng: Rng): Identifier {
  const letters = (n: number) => Array.from({ length: n }, () => LETTERS[rng.int(26)]).join('');
  const months = 'ABCDEHLMPRST';
  const day = 1 + rng.int(28) + (rng.int(2) === 0 ? 0 : 40);
  let body = `${letters(6)}${digits(rng, 2)}${months[rng.int(12)]}${String(day).padStart(2, '0')}${letters(1)}${digits(rng, 3)}`;
  if (rng.int(4) === 0) {
    // Omocodia: the last digit position (14) replaced by its letter.
    const d = Number(body[14]);
    body = body.slice(0, 14) + (OMOCODIA[d] ?? 'L');
  }
  const check = cfCheckChar(body);
  const wrong = LETTERS[(LETTERS.indexOf(check) + 1 + rng.int(25)) % 26] ?? 'A';
  const lower = rng.int(5) === 0;
  const write = (s: string) => (lower ? s.toLowerCase() : s);
  return { type: 'IT_FISCAL_CODE', valid: body + check, invalid: body + wrong, written: write(body + check), writtenInvalid: write(body + wrong) };
}

function steuerCheckDigit(first10: string): number {
  let product = 10;
  for (const ch of first10) {
    let sum = (Number(ch) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/** First ten digits: no leading 0; exactly one digit twice (or three times, not adjacent), the rest once. */
function steuerBody(rng: Rng): string {
  for (;;) {
    const pool = rng.shuffle([...'0123456789']);
    const doubled = pool[0] ?? '1';
    const triple = rng.int(3) === 0;
    const chosen = triple ? [doubled, doubled, doubled, ...pool.slice(1, 8)] : [doubled, doubled, ...pool.slice(1, 9)];
    const body = rng.shuffle(chosen).join('');
    if (body[0] === '0') continue;
    if (triple && /(\d)\1\1/.test(body)) continue;
    return body;
  }
}

export function steuerId(rng: Rng): Identifier {
  const body = steuerBody(rng);
  const check = steuerCheckDigit(body);
  const valid = body + check;
  const invalid = body + ((check + 1 + rng.int(9)) % 10);
  const spaced = rng.int(2) === 0;
  const write = (s: string) => (spaced ? `${s.slice(0, 2)} ${s.slice(2, 5)} ${s.slice(5, 8)} ${s.slice(8)}` : s);
  return { type: 'DE_TAX_ID', valid, invalid, written: write(valid), writtenInvalid: write(invalid) };
}

export function identifiers(seed: number, perType: number): Identifier[] {
  const rng = createRng(seed);
  const makers = [card, iban, fiscalCode, steuerId];
  return makers.flatMap((make) => Array.from({ length: perType }, () => make(rng)));
}
