/**
 * Digits that continue an IBAN written in groups ("DE89 3704 …", "IT60 X054 2811 …") belong to
 * it, valid or mistyped: the card and phone detectors must not read them as a number of their own.
 */

const ALPHANUMERIC = /[\p{L}\p{N}]/u;
/** How an IBAN starts: country code and check digits. */
const IBAN_HEAD = /^[A-Za-z]{2}\d{2}$/;
/** The longest group looked at, and how many groups back. */
const MAX_GROUP = 6;
const MAX_GROUPS = 8;

/**
 * True when the digits at `start` follow a chain of short groups, each after one space or
 * dash, that goes back to an IBAN head. A loop, not a regex on the text before: this runs
 * for every digit run.
 */
export function continuesIban(text: string, start: number): boolean {
  let end = start - 1;
  for (let groups = 0; groups < MAX_GROUPS; groups++) {
    const separator = text[end];
    if (separator !== ' ' && separator !== '-') return false;
    let from = end;
    while (from > 0 && end - from <= MAX_GROUP && ALPHANUMERIC.test(text[from - 1] ?? '')) from--;
    const group = text.slice(from, end);
    if (group.length === 0 || group.length > MAX_GROUP) return false;
    if (IBAN_HEAD.test(group)) return true;
    end = from - 1;
  }
  return false;
}
