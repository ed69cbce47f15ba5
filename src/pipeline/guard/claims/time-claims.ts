/**
 * Times of day and weekdays: opening hours and appointment times in a reply must come from
 * a source too, so they are `date` claims.
 *
 *   "alle 15:30", "ore 15", "um 15 Uhr", "15.30 Uhr", "3:30 pm", "dalle 9 alle 19",
 *   "Lun-Ven 9-19", "9:00–18:00"                → `T15:30`, `T09:00`, `T19:00` …
 *   "lunedì", "am Montag", "on Mondays"        → `weekday:mon`
 *   "lun-ven", "Mo–Fr", "dal lunedì al venerdì" → every day of the range
 *   "lunedì 5", "Montag, den 5."               → `weekday:mon` and the day `---05`
 *
 * A bare number is a time only with a cue: a colon, am/pm, "Uhr"/"h", a word such as
 * "alle"/"ore"/"um", or a weekday or "orari" right before a range ("Sa 9-13").
 */
import type { ClaimCollector } from './claim-collector.ts';
import { WEEKDAY_FULL, WEEKDAY_SHORT, weekdayIndex, weekdayKey } from './calendar-words.ts';
import { isDigitAt, isLetterAt, matchAt, phraseBefore, wordMatches } from './scan-text.ts';

const CLOCK = String.raw`(?:[01]?\d|2[0-4])(?:[:.][0-5]\d(?::[0-5]\d)?)?(?:\s?(?:am|pm|a\.m\.|p\.m\.))?`;
/** A clock time, a range and a suffix; the cue before it is looked up separately. */
const CLOCK_RANGE = new RegExp(
  String.raw`(?<a>${CLOCK})(?:\s*(?<join>-|–|—|to|bis|till|until|alle|a)\s*(?<b>${CLOCK}))?(?<suf>\s?(?:uhr|h|o['’]clock)(?![\p{L}]))?(?!\d|[.,:]\d)`,
  'giu',
);
const CUES: ReadonlySet<string> = new Set(['dalle', 'da', 'alle', 'ore', 'alle ore', 'dalle ore', 'fino alle', 'entro le', 'verso le', 'dopo le', 'prima delle', 'um', 'gegen',
  'ab', 'bis', 'von', 'at', 'from', 'until', 'till', 'by', 'after', 'before']);
const STRONG_CUES: ReadonlySet<string> = new Set(['alle', 'dalle', 'ore', 'alle ore', 'dalle ore', 'fino alle', 'entro le', 'verso le', 'dopo le', 'prima delle', 'um', 'gegen']);
const HOURS_CONTEXT = new RegExp(String.raw`(?:(?<![\p{L}])(?:${WEEKDAY_FULL}|${WEEKDAY_SHORT})\.?|orari[o]?|öffnungszeiten|hours|aperti|aperto|geöffnet|open)\s*:?\s*$`, 'iu');
const CLOCK_PARTS = /^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s?(?<ampm>[ap])?/i;
const MERIDIEM = /[ap]\.?m/i;
const TIME_GATE = /\d/;

const WEEKDAY_WORD = new RegExp(String.raw`(?:${WEEKDAY_FULL}|${WEEKDAY_SHORT})(?![\p{L}])`, 'giu');
const IS_FULL_WEEKDAY = new RegExp(String.raw`^(?:${WEEKDAY_FULL})$`, 'iu');
const RANGE_TAIL = new RegExp(
  String.raw`\.?\s*(?:-|–|—|al|a|bis|to|till|until|through)\s*(?<b>${WEEKDAY_FULL}|${WEEKDAY_SHORT})\.?(?![\p{L}])`,
  'iuy',
);
const RANGE_FROM: ReadonlySet<string> = new Set(['dal', 'da', 'von', 'from']);
const DAY_TAIL = /,?\s+(?:den\s+|the\s+)?(?<d>[0-3]?\d)(?:\.|st|nd|rd|th)?(?![\d\p{L}]|[:.,]\d|\s*(?:[-–]|uhr|h(?![\p{L}])|am|pm))/iuy;
/** Capitalised abbreviations right before a time ("Sa 9-13", "Lun: 9:00"). */
const SHORT_BEFORE_TIME: ReadonlySet<string> = new Set(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So', 'Lun', 'Mar', 'Mer', 'Gio', 'Ven', 'Sab', 'Dom',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun']);
const TIME_TAIL = /\.?(?=\s*:?\s*\d)/y;

/** `T15:30`, or undefined when not a valid clock time. */
function clockForm(written: string, meridiemOf?: string): string | undefined {
  const g = CLOCK_PARTS.exec(written)?.groups;
  if (g === undefined) return undefined;
  let hour = Number(g.h);
  const minute = g.m === undefined ? 0 : Number(g.m);
  const ampm = (g.ampm ?? (meridiemOf === undefined ? undefined : CLOCK_PARTS.exec(meridiemOf)?.groups?.ampm))?.toLowerCase();
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  }
  if (hour > 24 || minute > 59) return undefined;
  return `T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Where a clock time may start: not inside a number, not after a word ("T" of ISO times is fine). */
function clockMayStart(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  if (isDigitAt(text, at - 1) || before === ':' || before === '.' || before === ',') return false;
  return !isLetterAt(text, at - 1) || isDigitAt(text, at - 2);
}

interface Clock {
  a: string;
  b: string | undefined;
  suffix: string | undefined;
  cue: string | undefined;
}

/** Whether the cues around a number make it a time of day. */
function isTime(text: string, at: number, t: Clock): boolean {
  if (t.a.includes(':') || MERIDIEM.test(t.a) || MERIDIEM.test(t.b ?? '') || t.suffix !== undefined) return true;
  if (t.cue !== undefined && (STRONG_CUES.has(t.cue) || t.b !== undefined || t.a.includes('.'))) return true;
  if (t.b === undefined || t.a.includes('.')) return false;
  return HOURS_CONTEXT.test(text.slice(Math.max(0, at - 30), at));
}

export function extractTimes(c: ClaimCollector): void {
  const text = c.text;
  if (!TIME_GATE.test(text)) return;
  CLOCK_RANGE.lastIndex = 0;
  for (let m = CLOCK_RANGE.exec(text); m !== null; m = CLOCK_RANGE.exec(text)) {
    if (!clockMayStart(text, m.index)) {
      CLOCK_RANGE.lastIndex = m.index + 1;
      continue;
    }
    const g = m.groups ?? {};
    const cueMatch = phraseBefore(text, m.index, CUES, 2);
    const t: Clock = { a: g.a ?? '', b: g.b, suffix: g.suf, cue: cueMatch?.word };
    let end = m.index + m[0].length;
    const join = g.join?.toLowerCase();
    // "alle"/"a" join a range only after "dalle"/"da": in "lunedì 5 alle 15:30" the time is 15:30
    if ((join === 'alle' || join === 'a') && t.cue !== 'dalle' && t.cue !== 'da') {
      t.b = undefined;
      t.suffix = undefined;
      end = m.index + t.a.length;
      CLOCK_RANGE.lastIndex = end;
    }
    if (!isTime(text, m.index, t)) continue;
    const forms = [clockForm(t.a, t.b)];
    if (t.b !== undefined) forms.push(clockForm(t.b));
    if (!forms.includes(undefined)) c.add(cueMatch?.start ?? m.index, end, 'date', forms as string[]);
  }
}

function rangeKeys(a: number, b: number): string[] {
  const keys: string[] = [];
  for (let i = a, n = 0; n < 7; i = (i + 1) % 7, n++) {
    keys.push(weekdayKey(i));
    if (i === b) break;
  }
  return keys;
}

/** One weekday word: a range, a weekday with a day number, a full name, or an abbreviation before a time. */
function addWeekday(c: ClaimCollector, m: RegExpExecArray, day: number): void {
  const text = c.text;
  const end = m.index + m[0].length;
  const range = matchAt(RANGE_TAIL, text, end);
  const last = range === null ? undefined : weekdayIndex(range.groups?.b ?? '');
  if (range !== null && last !== undefined && last !== day) {
    const start = phraseBefore(text, m.index, RANGE_FROM, 1)?.start ?? m.index;
    c.add(start, end + range[0].length, 'date', rangeKeys(day, last));
    return;
  }
  if (IS_FULL_WEEKDAY.test(m[0])) {
    const dayNumber = matchAt(DAY_TAIL, text, end);
    const date = Number(dayNumber?.groups?.d);
    const withDay = dayNumber !== null && date >= 1 && date <= 31;
    // "venerdì 12 marzo": the date is already a claim, the weekday stays one
    if (!withDay || !c.add(m.index, end + dayNumber[0].length, 'date', [weekdayKey(day), `---${String(date).padStart(2, '0')}`])) {
      c.add(m.index, end, 'date', [weekdayKey(day)]);
    }
    return;
  }
  const beforeTime = SHORT_BEFORE_TIME.has(m[0]) ? matchAt(TIME_TAIL, text, end) : null;
  if (beforeTime !== null) c.add(m.index, end + beforeTime[0].length, 'date', [weekdayKey(day)]);
}

export function extractWeekdays(c: ClaimCollector): void {
  for (const m of wordMatches(WEEKDAY_WORD, c.text)) {
    const day = weekdayIndex(m[0]);
    if (day !== undefined) addWeekday(c, m, day);
  }
}
