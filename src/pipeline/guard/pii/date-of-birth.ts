/**
 * Dates of birth: a date is personal data only when a birth word leads to it ("nato il
 * 12/03/1985", "nata a Roma il 3 marzo 1990", "Geburtsdatum: 3.4.1990", "DOB 1985-03-12",
 * "my birthday is March 3rd"), with at most 30 characters and no digit in between, or one
 * follows it closely ("am 3. April 1990 geboren"). The span is the date alone; a plain date
 * ("appuntamento il 12/03") is not reported.
 */
import type { PiiSpan } from '../guard-types.ts';

const BIRTH_WORDS = [
  'nat[oaie]',
  'nascita',
  'compleanno',
  'geboren',
  'geb\\.',
  'geburts\\p{L}*',
  'date\\s+of\\s+birth',
  'birth\\s*date',
  'd\\.?o\\.?b\\b\\.?',
  'born',
  'birthday',
].join('|');
const BIRTH_WORD = new RegExp(`(?<!\\p{L})(?:${BIRTH_WORDS})(?!\\p{L})`, 'iu');
/** The birth word, then up to 30 characters without digits or sentence ends, up to the date. */
const BIRTH_CONTEXT = new RegExp(`(?<!\\p{L})(?:${BIRTH_WORDS})(?!\\p{L})[^\\d\\n!?]{0,30}$`, 'iu');
/** Or a birth word right after the date: "am 3. April 1990 geboren", "12/03/1985 è la mia data di nascita". */
const BIRTH_AFTER = /^[^\d\n!?]{0,15}?(?<!\p{L})(?:geboren|geb\.|data\s+di\s+nascita|geburtsdatum|geburtstag|date\s+of\s+birth|birthday|compleanno)(?!\p{L})/iu;
const CONTEXT_WINDOW = 60;

const MONTHS = [
  'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre',
  'januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember',
  'january|february|march|april|may|june|july|august|september|october|november|december',
  '(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|jan|mär|jun|jul|aug|sept?|okt|oct|dez|dec)\\.?',
].join('|');
const MONTH = `(?:${MONTHS})(?!\\p{L})`;
const YEAR = '(?:1[89]|20)\\d\\d';
const DAY_SUFFIX = '(?:°|º|\\.|st|nd|rd|th)?';
const DATE_FORMS = [
  `\\d{4}-\\d{1,2}-\\d{1,2}`,
  `(?<d>\\d{1,2})[./-](?<m>\\d{1,2})(?:[./-](?:${YEAR}|\\d\\d))?`,
  `\\d{1,2}${DAY_SUFFIX}\\s*(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`,
  `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?`,
].join('|');
const DATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${DATE_FORMS})(?![\\p{N}]|[./-]\\p{N})`, 'giu');

export function findDatesOfBirth(text: string): PiiSpan[] {
  if (!BIRTH_WORD.test(text)) return [];
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(DATE)) {
    if (!numericDateValid(match.groups?.d, match.groups?.m)) continue;
    const end = match.index + match[0].length;
    const before = BIRTH_CONTEXT.test(text.slice(Math.max(0, match.index - CONTEXT_WINDOW), match.index));
    if (!before && !BIRTH_AFTER.test(text.slice(end, end + CONTEXT_WINDOW))) continue;
    spans.push({ start: match.index, end, type: 'DATE_OF_BIRTH' });
  }
  return spans;
}

/** A day and month written in digits must exist (checked only for the d/m/y form). */
function numericDateValid(day: string | undefined, month: string | undefined): boolean {
  if (day === undefined || month === undefined) return true;
  const d = Number(day);
  const m = Number(month);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}
