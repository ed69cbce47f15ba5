/**
 * Calendar arithmetic for the built-in bookings: opening hours in the business's time
 * zone (DST-safe through Intl), the grid of bookable starts, and the 5-minute cells a
 * booking occupies. Pure functions, no SQL.
 */

export const CELL_MINUTES = 5;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const CELL_MS = CELL_MINUTES * MINUTE_MS;

export interface CalendarRules {
  /** IANA zone, e.g. Europe/Rome. */
  timezone: string;
  /** Distance between bookable starts from the opening time, minutes (multiple of 5). */
  slotStepMinutes: number;
  /** How soon a slot may start, minutes from now. */
  minNoticeMinutes: number;
  /** How far ahead a slot may start, days from now. */
  maxDaysAhead: number;
}

/** One opening interval, in minutes from local midnight. */
export interface DayInterval {
  weekday: number;
  opens: number;
  closes: number;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** `HH:MM` → minutes from midnight; undefined when malformed (24:00 is allowed as a closing time). */
export function parseClock(clock: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(clock);
  if (match === null) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether Intl knows the zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallClock(epoch: number, zone: string): LocalDate & { minutes: number } {
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(epoch).map((part) => [part.type, part.value]));
  const hour = Number(parts['hour']) % 24;
  return { year: Number(parts['year']), month: Number(parts['month']), day: Number(parts['day']), minutes: hour * 60 + Number(parts['minute']) };
}

/** The zone's offset from UTC at an instant, in ms (Rome in summer: +2 h). */
function offsetAt(epoch: number, zone: string): number {
  const local = wallClock(epoch, zone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes);
  return asUtc - Math.floor(epoch / MINUTE_MS) * MINUTE_MS;
}

/** The instant a local date and time happen in the zone (a time skipped by DST moves forward). */
export function zonedEpoch(date: LocalDate, minutes: number, zone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = asUtc - offsetAt(asUtc, zone);
  return asUtc - offsetAt(first, zone);
}

/** Midnight of the local day `epoch` falls in, in the zone (what a daily budget counts from). */
export function startOfLocalDay(epoch: number, zone: string): number {
  return zonedEpoch(localDate(epoch, zone), 0, zone);
}

function localDate(epoch: number, zone: string): LocalDate {
  const { year, month, day } = wallClock(epoch, zone);
  return { year, month, day };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function isoWeekday(date: LocalDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function dayStarts(date: LocalDate, hours: readonly DayInterval[], rules: CalendarRules, duration: number): number[] {
  const weekday = isoWeekday(date);
  const starts: number[] = [];
  for (const interval of hours.filter((candidate) => candidate.weekday === weekday)) {
    for (let minute = interval.opens; minute + duration <= interval.closes; minute += rules.slotStepMinutes) {
      starts.push(zonedEpoch(date, minute, rules.timezone));
    }
  }
  return starts;
}

/** Bookable starts for a service of `duration` minutes in [from, to), within notice and horizon, sorted. */
export function slotStarts(hours: readonly DayInterval[], rules: CalendarRules, duration: number, range: { from: number; to: number }, now: number): number[] {
  const earliest = Math.max(range.from, now + rules.minNoticeMinutes * MINUTE_MS);
  const latest = Math.min(range.to, now + rules.maxDaysAhead * DAY_MS);
  if (earliest >= latest) return [];
  const starts = new Set<number>();
  const last = localDate(latest - 1, rules.timezone);
  for (let date = localDate(earliest, rules.timezone); ; date = addDays(date, 1)) {
    for (const start of dayStarts(date, hours, rules, duration)) if (start >= earliest && start < latest) starts.add(start);
    if (date.year === last.year && date.month === last.month && date.day === last.day) break;
  }
  return [...starts].sort((a, b) => a - b);
}

/** Whether `start` is on the grid of the opening hours, within notice and horizon. */
export function isBookable(hours: readonly DayInterval[], rules: CalendarRules, duration: number, start: number, now: number): boolean {
  return slotStarts(hours, rules, duration, { from: start, to: start + 1 }, now).includes(start);
}

/** The 5-minute cells [start, end) covers, as cell numbers since the epoch. */
export function cellsOf(start: number, end: number): number[] {
  const cells: number[] = [];
  for (let cell = Math.floor(start / CELL_MS); cell * CELL_MS < end; cell += 1) cells.push(cell);
  return cells;
}
