/**
 * All the personal data in a text, every kind at once: sorted by start, never overlapping.
 * When two findings overlap the stronger one stays: first the checksum-validated kinds (IBAN,
 * card, codice fiscale, partita IVA, Steuer-ID), then a named secret, then e-mail, date of
 * birth and phone; between equals the longer, then the earlier. So a card is never also
 * a phone, and the digits of an IBAN are not a Steuer-ID.
 */
import type { PiiSpan, PiiType } from '../guard-types.ts';
import { findCardNumbers } from './card-numbers.ts';
import { findDatesOfBirth } from './date-of-birth.ts';
import { findEmails, mayHoldSpelledEmail } from './email.ts';
import { findFiscalCodes } from './fiscal-code.ts';
import { findIbans } from './iban.ts';
import { findPhoneNumbers } from './phone-numbers.ts';
import { findSecrets } from './secrets.ts';
import { findGermanTaxIds } from './tax-id.ts';
import { findVatNumbers } from './vat-number.ts';

/** Lower wins an overlap. */
const STRENGTH: Record<PiiType, number> = {
  IBAN: 0,
  CREDIT_CARD: 0,
  IT_FISCAL_CODE: 0,
  IT_VAT: 0,
  DE_TAX_ID: 1,
  SECRET: 2,
  EMAIL: 3,
  DATE_OF_BIRTH: 4,
  PHONE: 5,
};

const DETECTORS: readonly ((text: string) => PiiSpan[])[] = [
  findIbans,
  findCardNumbers,
  findFiscalCodes,
  findVatNumbers,
  findGermanTaxIds,
  findSecrets,
  findEmails,
  findPhoneNumbers,
  findDatesOfBirth,
];

const DIGIT_OR_AT = /[\d@]/;

export function findPersonalData(raw: string): PiiSpan[] {
  const text = foldLookalikes(raw);
  // Every kind needs a digit or an `@`, except a fiscal code (letters may stand for its digits) and a password.
  const candidates: PiiSpan[] = [];
  const cheap = !DIGIT_OR_AT.test(text);
  for (const detect of DETECTORS) {
    if (cheap && detect !== findFiscalCodes && detect !== findSecrets && !(detect === findEmails && mayHoldSpelledEmail(text))) continue;
    for (const span of detect(text)) candidates.push(span);
  }
  return withoutOverlaps(candidates);
}

/** Characters that hide digits or separators from the detectors, each with its plain twin (one UTF-16 unit for one: spans keep their offsets). */
const LOOKALIKES: ReadonlyArray<[RegExp, (c: string) => string]> = [
  // Full-width digits, @, hyphen, dot and slash (０-９, ＠, －, ．, ／).
  [/[\uff10-\uff19\uff20\uff0d\uff0e\uff0f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)],
  // Zero-width, no-break, thin and other typographic spaces, the soft hyphen.
  [/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00a0|\u00ad|\u3000|[\u2000-\u200a]|\u202f|\u205f/g, () => ' '],
  // Non-breaking and other dashes, the minus sign.
  [/[\u2010-\u2014\u2212]/g, () => '-'],
];

/** The text with look-alike characters replaced by their plain twins, of the same length. */
export function foldLookalikes(text: string): string {
  let folded = text;
  for (const [pattern, plain] of LOOKALIKES) folded = folded.replace(pattern, plain);
  return folded;
}

/** Keeps the strongest of every group of overlapping spans; the result is sorted by start. */
export function withoutOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  if (spans.length < 2) return [...spans];
  const ranked = [...spans].sort((a, b) => STRENGTH[a.type] - STRENGTH[b.type] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PiiSpan[] = [];
  for (const span of ranked) {
    if (!kept.some((other) => other.start < span.end && span.start < other.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
