/**
 * Calendar dates, normalised ISO-style so different notations compare equal:
 *
 *   "3 dicembre 2026", "3. Dezember 2026", "December 3rd, 2026", "3.12.2026",
 *   "03/12/2026", "2026-12-03"            → `2026-12-03`
 *   "3 dicembre", "3 Dec", "03/12", "3.12." → `--12-03`   (no year)
 *   "dicembre 2026", "December 2026"      → `2026-12`
 *   "a dicembre", "im Dezember", "in May" → `--12`       (a month after a preposition)
 *   "dal 1 al 15 dicembre", "tra il 12 e il 14 maggio", "Dec 1-15" → two dates
 *
 * Numeric dates are day first ("03/12" is 3 December), as in Italy, Germany and the UK;
 * with language `en-US` month first, and in any language when only that reading is valid.
 * Two-digit years are 20xx. Impossible dates ("31/02") are not claims.
 */
import type { ClaimCollector } from './claim-collector.ts';
import { MONTH_FULL, MONTH_LEADING, MONTH_SHORT, monthNumber } from './calendar-words.ts';
import { forEachMatch, isDigitAt, isLetterAt, matchAt, matchBefore, phraseBefore, wordMatches } from './scan-text.ts';

const ORDINAL = String.raw`(?:\.|°|º|st|nd|rd|th)?`;
const DAY_JOIN = String.raw`\s*(?:-|–|al|bis|to|and|e|und|o|or|oder)\s*(?:(?:il|the|zum)\s+)?`;

const ISO_DATE = /(?<![\d.,/-])(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)/g;
const NUMERIC_DATE = /(?<![\d.,/])(?<d>[0-3]?\d)(?<s>[./-])(?<m>[0-3]?\d)\k<s>(?<y>\d{4}|\d{2})(?!\d|[.,/]\d)/g;
/** Month names and abbreviations as words; what stands before or after them decides. */
const MONTH_WORD = new RegExp(String.raw`(?:${MONTH_LEADING}|${MONTH_SHORT})(?![\p{L}])`, 'giu');
/** "3 ", "3. ", "1° ", "3rd of ", "dal 1 al 15 " before a month (end-anchored). */
const DAY_BEFORE_MONTH = new RegExp(String.raw`(?:(?<d0>[0-3]?\d)${ORDINAL}${DAY_JOIN})?(?<d>[0-3]?\d)${ORDINAL}\s*(?:of\s+)?$`, 'iu');
const DAY_WINDOW = 24;
/** After "3 dic": its dot, then maybe the year. */
const AFTER_DAY_MONTH = /(?<dot>\.)?(?:,?\s+(?<y>\d{4})(?!\d))?/y;
const SHORT_MONTH = new RegExp(String.raw`^(?:${MONTH_SHORT})$`, 'iu');
const LEADING_MONTH = new RegExp(String.raw`^(?:${MONTH_LEADING})$`, 'iu');
const DAY_AFTER_MONTH = new RegExp(
  String.raw`\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?(?:${DAY_JOIN}(?<d2>[0-3]?\d)(?:st|nd|rd|th)?)?(?![\d\p{L}]|[:.]\d)(?:,?\s+(?<y>\d{4})(?!\d))?`,
  'iuy',
);
const YEAR_AFTER_MONTH = /\s+(?<y>\d{4})(?!\d)/y;
/** Words before a month alone that make it a date ("a dicembre", "im Juli", "by May"). */
const MONTH_PREPOSITIONS: ReadonlySet<string> = new Set(['a', 'ad', 'in', 'im', 'di', 'del', 'entro', 'fino a', 'da', 'dal', 'nel mese di', 'per tutto',
  'durante', 'bis', 'ab', 'seit', 'until', 'by', 'from', 'since', 'during', 'in the month of']);
const FULL_MONTH = new RegExp(String.raw`^(?:${MONTH_FULL})$`, 'iu');
const SLASH_DATE = /(?<![\d.,/])(?<d>[0-3]?\d)\/(?<m>[0-3]?\d)(?![\d/]|[.,]\d)/g;
const DOTTED_DATE = /(?<![\d.,])(?<d>[0-3]?\d)\.(?<m>[01]?\d)\.(?!\d)/g;
/** Numeric dates need a digit, a separator and a digit. */
const NUMERIC_GATE = /\d[./-]\d/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  const year = Number(written);
  return written.length === 2 ? 2000 + year : year;
}

/** `2026-12-03` or `--12-03`, or undefined when the date cannot exist. */
export function dateForm(day: number, month: number, year?: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return undefined;
  if (year !== undefined && month === 2 && day === 29 && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0))) return undefined;
  return year === undefined ? `--${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}`;
}

/** Day-first numeric date, or month-first when asked (en-US) or when only that is valid. */
function numericForm(a: number, b: number, year: number | undefined, monthFirst: boolean): string | undefined {
  const first = monthFirst ? dateForm(b, a, year) : dateForm(a, b, year);
  return first ?? (monthFirst ? dateForm(a, b, year) : dateForm(b, a, year));
}

function forms(...values: (string | undefined)[]): string[] {
  return values.filter((v): v is string => v !== undefined);
}

function extractNumericDates(c: ClaimCollector): void {
  const monthFirst = c.language?.toLowerCase() === 'en-us';
  forEachMatch(ISO_DATE, c.text, (m) => {
    const g = m.groups ?? {};
    c.add(m.index, m.index + m[0].length, 'date', forms(dateForm(Number(g.d), Number(g.m), Number(g.y))));
  });
  forEachMatch(NUMERIC_DATE, c.text, (m) => {
    const g = m.groups ?? {};
    c.add(m.index, m.index + m[0].length, 'date', forms(numericForm(Number(g.d), Number(g.m), fullYear(g.y), monthFirst)));
  });
}

/** "3 dicembre 2026", "3. Dez.", "dal 1 al 15 dicembre": day numbers before the month at `at`. */
function addDayMonth(c: ClaimCollector, m: RegExpExecArray, month: number): boolean {
  const before = matchBefore(DAY_BEFORE_MONTH, c.text, m.index, DAY_WINDOW);
  const startChar = before === null ? '' : c.text.charAt(before.index - 1);
  if (before === null || isLetterAt(c.text, before.index - 1) || isDigitAt(c.text, before.index - 1) || startChar === '.' || startChar === ',') return false;
  const end = m.index + m[0].length;
  const after = matchAt(AFTER_DAY_MONTH, c.text, end);
  const dot = after?.groups?.dot !== undefined && SHORT_MONTH.test(m[0]) ? 1 : 0;
  const year = after?.groups?.y;
  const g = before.groups ?? {};
  const days = g.d0 === undefined ? [g.d] : [g.d0, g.d];
  const stop = year === undefined ? end + dot : end + (after?.[0].length ?? 0);
  return c.add(before.index, stop, 'date', forms(...days.map((d) => dateForm(Number(d), month, fullYear(year)))));
}

/** "3 dicembre", "December 3rd, 2026", "Dec 1-15", "dicembre 2026", "a dicembre", "im Juli". */
function extractMonthWords(c: ClaimCollector): void {
  for (const m of wordMatches(MONTH_WORD, c.text)) {
    const month = monthNumber(m[0]) ?? 0;
    if (addDayMonth(c, m, month) || !LEADING_MONTH.test(m[0])) continue;
    const end = m.index + m[0].length;
    const dayAfter = matchAt(DAY_AFTER_MONTH, c.text, end);
    if (dayAfter !== null) {
      const g = dayAfter.groups ?? {};
      const days = g.d2 === undefined ? [g.d] : [g.d, g.d2];
      c.add(m.index, end + dayAfter[0].length, 'date', forms(...days.map((d) => dateForm(Number(d), month, fullYear(g.y)))));
      continue;
    }
    if (!FULL_MONTH.test(m[0])) continue;
    const yearAfter = matchAt(YEAR_AFTER_MONTH, c.text, end);
    if (yearAfter !== null) c.add(m.index, end + yearAfter[0].length, 'date', [`${yearAfter.groups?.y}-${pad(month)}`]);
    else if (phraseBefore(c.text, m.index, MONTH_PREPOSITIONS, 4) !== undefined) c.add(m.index, end, 'date', [`--${pad(month)}`]);
  }
}

function extractShortDates(c: ClaimCollector): void {
  const monthFirst = c.language?.toLowerCase() === 'en-us';
  forEachMatch(SLASH_DATE, c.text, (m) => {
    const g = m.groups ?? {};
    c.add(m.index, m.index + m[0].length, 'date', forms(numericForm(Number(g.d), Number(g.m), undefined, monthFirst)));
  });
  forEachMatch(DOTTED_DATE, c.text, (m) => {
    const g = m.groups ?? {};
    c.add(m.index, m.index + m[0].length, 'date', forms(dateForm(Number(g.d), Number(g.m))));
  });
}

export function extractDates(collector: ClaimCollector): void {
  const numeric = NUMERIC_GATE.test(collector.text);
  if (numeric) extractNumericDates(collector);
  extractMonthWords(collector);
  if (numeric) extractShortDates(collector);
}
