/**
 * Phone numbers, found and validated by libphonenumber-js (full metadata): international
 * forms (+49 …, 0039 …) of any country, national forms read as Italian and, when they start
 * with the trunk 0, as German. Only numbers valid for their country are reported.
 *
 * For speed the library only sees phone-shaped runs of the text (digits with spaces, dots,
 * dashes, slashes, brackets) holding 7 digits or more, and checks most of them whole. Not
 * phones: a run led by an identifier word (ordine, order, Bestellnummer, fattura, IBAN, CAP,
 * cliente, P.IVA, Steuer-ID …), a date (03.04.1990), the digits of an IBAN in groups
 * ("DE89 3704 …"), a run grouped like a card (13+ digits in fours), a block of 13 or more
 * digits without `+` or `00`.
 */
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { PiiSpan } from '../guard-types.ts';
import { continuesIban } from './iban-groups.ts';

/** A phone-shaped run: optional `+`, a digit or bracket, then digits and separators, ending in a digit. */
const PHONE_RUN = /(?<![\p{L}\p{N}+/,-])\+?\(?\d[\d \u00A0()./-]*\d/gu;
const MIN_DIGITS = 7;
/** A run in one block, or with fewer digits, is a phone as a whole or not at all. */
const MIN_DIGITS_FOR_SEARCH = 10;
const SEPARATOR = /[ \u00A0()./-]/;
/** "333 1125366 - 3", "02 1234567 / 333 1125366": a list, never one number. */
const LIST_SEPARATOR = /\s[-/.]\s|\s\s/;
/** A national number with the trunk prefix 0 (not the international 00), maybe in brackets. */
const NATIONAL = /^\(?0[1-9]/;
/** Words that lead an identifier or an amount, not a phone number. */
const NOT_A_PHONE_WORDS = [
  'ordine|ordini|order|ord|bestell\\p{L}*|auftrag\\p{L}*|rechnung\\p{L}*|fattura|invoice|tracking|sendung\\p{L}*|spedizione|shipment',
  'pratica|ticket|cliente|kunden\\p{L}*|customer|codice|code|matricola|seriale|serial|seriennummer|contratto|vertrag\\p{L}*|contract',
  'articolo|artikel\\p{L}*|article|art\\.|sku|item|lotto|batch|ean|modello|model',
  'iban|conto|konto|account|importo|betrag|amount|totale|total|summe|cap|plz|zip|postcode',
  'p\\.?\\s?iva|partita\\s+iva|vat|ust|ust-?id\\p{L}*|steuer\\p{L}*|idnr|identifikationsnummer|tax|c\\.\\s?f\\.|fiscale',
].join('|');
/** Such a word (or a currency sign) right before the run, with at most "n.", "nr", "numero", "ist" between. */
const NOT_A_PHONE_BEFORE = new RegExp(`(?:(?<!\\p{L})(?:${NOT_A_PHONE_WORDS})|[€$])[\\s:.#°º-]*(?:(?:n\\.|nr\\.?|no\\.|num\\.?|numero|nummer|number|id|idnr\\.?)[\\s:.#°º-]*)?(?:(?:è|e'|is|ist|lautet|era|was|war)\\s+)?$`, 'iu');
const CONTEXT_WINDOW = 30;
/** 03.04.1990, 12/03/85, 1985-03-12: dates, whatever libphonenumber thinks. */
const DATE_SHAPED = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;

/** A WhatsApp link carries the number in international form without `+`: wa.me/393331234567. */
const WA_ME = /wa\.me\/\+?(\d{8,15})(?!\d)/giu;

export function findPhoneNumbers(text: string): PiiSpan[] {
  if (digitCount(text) < MIN_DIGITS) return [];
  const spans: PiiSpan[] = [];
  for (const link of text.matchAll(WA_ME)) {
    const digits = link[1] ?? '';
    const start = link.index + link[0].length - digits.length;
    if (parsePhoneNumberFromString(`+${digits}`)?.isValid()) spans.push({ start, end: start + digits.length, type: 'PHONE' });
  }
  for (const run of text.matchAll(PHONE_RUN)) {
    const digits = digitCount(run[0]);
    if (digits < MIN_DIGITS || !phoneShaped(run[0], digits) || continuesIban(text, run.index)) continue;
    if (NOT_A_PHONE_BEFORE.test(text.slice(Math.max(0, run.index - CONTEXT_WINDOW), run.index))) continue;
    for (const span of phonesInRun(run[0], digits)) spans.push({ start: run.index + span.start, end: run.index + span.end, type: 'PHONE' });
  }
  return spans;
}

/**
 * Italian reading first, a German one only for national numbers (trunk 0). Most runs are one
 * number, checked whole (the fast path); a run long enough to hold more than one number is
 * searched with the library's matcher.
 */
function phonesInRun(run: string, digits: number): { start: number; end: number }[] {
  const national = NATIONAL.test(run);
  const oneItem = !LIST_SEPARATOR.test(run);
  if (oneItem && (validWhole(run, 'IT') || (national && validWhole(run, 'DE')))) return [{ start: 0, end: run.length }];
  if (digits < MIN_DIGITS_FOR_SEARCH || !SEPARATOR.test(run)) return [];
  // Digit groups on both sides and no list separator: a piece of a longer number, not a phone.
  const found = numbersIn(run, 'IT').filter((m) => !oneItem || m.start === 0 || m.end === run.length);
  if (found.length > 0 || !national) return found;
  return numbersIn(run, 'DE').filter((german) => NATIONAL.test(run.slice(german.start)));
}

function validWhole(run: string, country: CountryCode): boolean {
  return parsePhoneNumberFromString(run, { defaultCountry: country, extract: false })?.isValid() ?? false;
}

function numbersIn(run: string, country: CountryCode): { start: number; end: number }[] {
  return findPhoneNumbersInText(run, { defaultCountry: country }).map((m) => ({ start: m.startsAt, end: m.endsAt }));
}

/** Not a date, not grouped like a card or a long account number. */
function phoneShaped(run: string, digits: number): boolean {
  const international = run.startsWith('+') || run.startsWith('00');
  if (international) return true;
  if (DATE_SHAPED.test(run)) return false;
  if (digits >= 13 && /^\d{4}(?:[ -]\d{4})+(?:[ -]\d{1,4})?$/.test(run)) return false;
  if (/^\d{4}[ -]\d{6}[ -]\d{5}$/.test(run)) return false; // American Express grouping
  return !/\d{13}/.test(run);
}

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}
