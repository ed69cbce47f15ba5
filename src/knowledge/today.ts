/** Today's date, `YYYY-MM-DD`, in a time zone: the day validity dates are checked on. */

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now: number): string {
  let format = FORMATTERS.get(timeZone);
  if (format === undefined) {
    // en-CA writes dates as YYYY-MM-DD
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    FORMATTERS.set(timeZone, format);
  }
  return format.format(now);
}

/** True when `day` falls within [validFrom, validUntil] (either end open when absent). */
export function isValidOn(day: string, validFrom: string | undefined, validUntil: string | undefined): boolean {
  return (validFrom === undefined || validFrom <= day) && (validUntil === undefined || validUntil >= day);
}
