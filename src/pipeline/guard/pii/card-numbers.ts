/**
 * Payment card numbers: 13-19 digits, optionally grouped by spaces or dashes, that pass
 * the Luhn check. Used on the way in (redact before storing) and out (never echo).
 */
import type { PiiSpan } from '../guard-types.ts';
import { continuesIban } from './iban-groups.ts';

/**
 * A run of digit groups separated by one to three spaces, dashes, dots, slashes, underscores
 * or line breaks ("4111.1111.1111.1111", "4111  1111 …", "4111 - 1111 …"), not glued to a letter: the digits of a
 * code are not a card, nor are those of an IBAN in groups (see iban-groups.ts). The Luhn check
 * keeps other long numbers out.
 */
const DIGIT_RUN = /(?<![\p{L}\d])\d+(?:[ ./_\n-]{1,3}\d+)*(?![\p{L}\d])/gu;
const GROUP = /\d+/g;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Card numbers inside a text. Within a run of digit groups ("4111 1111 1111 1111 12/27",
 * "card 5555-5555-5555-4444 cvv 123") every span of whole groups with 13-19 digits is tried,
 * longest first, so a number followed by an expiry date or a CVV is still found.
 */
export function findCardNumbers(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    if (run[0].length < MIN_DIGITS || continuesIban(text, run.index)) continue;
    const groups = [...run[0].matchAll(GROUP)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length, digits: g[0] }));
    let i = 0;
    let afterCard = 0;
    while (i < groups.length) {
      const end = i === afterCard || mayStartAt(groups, i) ? longestCardFrom(groups, i) : undefined;
      if (end === undefined) {
        i++;
        continue;
      }
      spans.push({ start: groups[i]?.start ?? 0, end: groups[end]?.end ?? 0, type: 'CREDIT_CARD' });
      i = end + 1;
      afterCard = i;
    }
  }
  return spans;
}

/**
 * A card starts a run, follows another card (checked by the caller), or follows a short
 * group ("cvv 123 4111 …").
 * Never right after a group of four or more digits: "4599-6282-4511-6856-074" is one long
 * number with a wrong check digit, not a card hiding behind its first group.
 */
function mayStartAt(groups: { digits: string }[], index: number): boolean {
  return (groups[index - 1]?.digits.length ?? 0) <= 3;
}

/** The index of the last group of the longest Luhn-valid card starting at group `first`. */
function longestCardFrom(groups: { digits: string }[], first: number): number | undefined {
  let digits = '';
  let found: number | undefined;
  for (let j = first; j < groups.length; j++) {
    digits += groups[j]?.digits ?? '';
    if (digits.length > MAX_DIGITS) break;
    if (digits.length >= MIN_DIGITS && luhnValid(digits)) found = j;
  }
  return found;
}
