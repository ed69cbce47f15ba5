/**
 * Month and weekday names in Italian, German and English, full and abbreviated, as regex
 * sources and lookup tables (keys folded: lower case, no accents).
 */
import { foldWord } from './claim-numbers.ts';

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['gennaio', 'januar', 'janner', 'january'],
  ['febbraio', 'februar', 'feber', 'february'],
  ['marzo', 'marz', 'maerz', 'march'],
  ['aprile', 'april'],
  ['maggio', 'mai', 'may'],
  ['giugno', 'juni', 'june'],
  ['luglio', 'juli', 'july'],
  ['agosto', 'august'],
  ['settembre', 'september'],
  ['ottobre', 'oktober', 'october'],
  ['novembre', 'november'],
  ['dicembre', 'dezember', 'december'],
];

/** Abbreviations that are safe after a day number ("3 dic", "3. Okt.", "3 Dec"); not "set" ("3 set di pennelli"). */
const MONTH_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['gen', 'jan'], ['feb'], ['mar', 'mrz'], ['apr'], ['mag'], ['giu', 'jun'], ['lug', 'jul'], ['ago', 'aug'],
  ['sep', 'sept', 'sett'], ['ott', 'okt', 'oct'], ['nov'], ['dic', 'dez', 'dec'],
];

/** English abbreviations safe before a day number ("Dec 3"); not "Mar" (martedì) or "May". */
const LEADING_ABBREVIATIONS = ['jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));
MONTH_ABBREVIATIONS.forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));

/** Month number (1-12) of a written month name or abbreviation, or undefined. */
export function monthNumber(written: string): number | undefined {
  return MONTHS.get(foldWord(written).replace(/\.$/, ''));
}

/** Regex source: full month names (with the accented forms as written). */
export const MONTH_FULL = [...MONTH_NAMES.flat(), 'jänner', 'märz'].sort((a, b) => b.length - a.length).join('|');
/** Regex source: abbreviations, for "3 dic" / "3. Okt." (a dot after them is theirs). */
export const MONTH_SHORT = MONTH_ABBREVIATIONS.flat().sort((a, b) => b.length - a.length).join('|');
/** Regex source: names that may lead a day ("December 3", "Dec 3"). */
export const MONTH_LEADING = [...MONTH_NAMES.flat(), 'jänner', 'märz', ...LEADING_ABBREVIATIONS].sort((a, b) => b.length - a.length).join('|');

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['lunedi', 'montag', 'montags', 'monday', 'mondays'],
  ['martedi', 'dienstag', 'dienstags', 'tuesday', 'tuesdays'],
  ['mercoledi', 'mittwoch', 'mittwochs', 'wednesday', 'wednesdays'],
  ['giovedi', 'donnerstag', 'donnerstags', 'thursday', 'thursdays'],
  ['venerdi', 'freitag', 'freitags', 'friday', 'fridays'],
  ['sabato', 'samstag', 'samstags', 'sonnabend', 'saturday', 'saturdays'],
  ['domenica', 'sonntag', 'sonntags', 'sunday', 'sundays'],
];
const WEEKDAY_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['lun', 'mo', 'mon'], ['mar', 'di', 'tue', 'tues'], ['mer', 'mi', 'wed'], ['gio', 'do', 'thu', 'thur', 'thurs'],
  ['ven', 'fr', 'fri'], ['sab', 'sa', 'sat'], ['dom', 'so', 'sun'],
];

const WEEKDAYS = new Map<string, number>();
WEEKDAY_NAMES.forEach((names, i) => names.forEach((n) => WEEKDAYS.set(n, i)));
WEEKDAY_ABBREVIATIONS.forEach((names, i) => names.forEach((n) => WEEKDAYS.set(n, i)));

/** 0 = Monday … 6 = Sunday, or undefined. */
export function weekdayIndex(written: string): number | undefined {
  return WEEKDAYS.get(foldWord(written).replace(/\.$/, ''));
}

/** Regex source: full weekday names, accents optional ("lunedì", "lunedi", "Montag"). */
export const WEEKDAY_FULL = WEEKDAY_NAMES.flat()
  .map((n) => (n.endsWith('di') ? `${n.slice(0, -1)}[iìí]` : n))
  .sort((a, b) => b.length - a.length)
  .join('|');
/** Regex source: abbreviations (used only in ranges or before a time). */
export const WEEKDAY_SHORT = WEEKDAY_ABBREVIATIONS.flat().sort((a, b) => b.length - a.length).join('|');

/** `weekday:mon` … for 0 … 6. */
export function weekdayKey(index: number): string {
  return `weekday:${WEEKDAY_KEYS[index % 7] ?? 'mon'}`;
}

/** The weekday (0 = Monday) of a calendar date. */
export function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}
