/**
 * The claims rail: every figure, code, date and promise in a draft reply must be found in
 * the sources the reply was built from (approved texts, knowledge entries, tool results of
 * this turn). The draft may go out only when `unsupported` is empty.
 *
 * Support is decided on normalised values (see extract-claims.ts), so notations do not
 * matter: "25 €" = "€25,00" = "25.00 EUR" = `"price": 25`; "20%" = "20 per cento";
 * "3 dicembre" = "03/12" = "3. Dezember"; "14 Tagen" = "14 giorni" = "2 weeks". Rules:
 * - price and amount match each other; a currency must agree when both sides have one;
 * - a date without a year is supported by the same day in any year; a date with a year by
 *   the same date, or by the same day written without a year in a source; a day alone
 *   ("lunedì 5") by any source date on that day; a month by any date in that month; a
 *   weekday by the weekday, by a range of weekdays or by a full date on that weekday;
 * - deadlines and durations match each other; "24/7" also grants "7 giorni su 7";
 * - a commitment needs a source commitment of the same kind, in any language.
 */
import type { Claim, ClaimCheck } from '../guard-types.ts';
import { weekdayKey, weekdayOf } from './calendar-words.ts';
import { DISCOUNT_WITH_FIGURE } from './commitment-claims.ts';
import { extractClaims } from './extract-claims.ts';

/** `2026-12-03` (a full date): the normalised date forms are fixed, so positions suffice. */
function isFullDate(n: string): boolean {
  return n.length === 10 && n.charCodeAt(4) === 45 && n.charCodeAt(0) !== 45;
}

/** `25.00 EUR` → ['25.00', 'EUR'], `25.00` → ['25.00', undefined]. */
function splitMoney(n: string): [string, string | undefined] {
  const space = n.indexOf(' ');
  return space === -1 ? [n, undefined] : [n.slice(0, space), n.slice(space + 1)];
}

/** The keys a source claim grants. */
function grantedKeys(claim: Claim, keys: Set<string>): void {
  const n = claim.normalized;
  switch (claim.type) {
    case 'price':
    case 'amount': {
      const [value, currency] = splitMoney(n);
      keys.add(`m|${value}|${currency ?? '?'}`).add(`m|${value}|*`);
      return;
    }
    case 'date':
      grantedDateKeys(n, keys);
      return;
    case 'deadline':
    case 'duration':
      keys.add(`t|${n}`);
      if (n === '24/7') keys.add('t|7/7');
      return;
    default:
      keys.add(`${claim.type}|${n}`);
      if (n === DISCOUNT_WITH_FIGURE) keys.add(`${claim.type}|discount`);
  }
}

function grantedDateKeys(n: string, keys: Set<string>): void {
  keys.add(`d|${n}`);
  if (isFullDate(n)) {
    const [y, m, d] = [n.slice(0, 4), n.slice(5, 7), n.slice(8, 10)];
    keys.add(`d|--${m}-${d}`).add(`d|---${d}`).add(`d|${y}-${m}`).add(`d|--${m}`);
    keys.add(`d|${weekdayKey(weekdayOf(Number(y), Number(m), Number(d)))}`);
  } else if (n.length === 7 && n.startsWith('--')) {
    keys.add(`d|${n}*`).add(`d|---${n.slice(5, 7)}`).add(`d|--${n.slice(2, 4)}`);
  } else if (n.length === 7 && n.charCodeAt(4) === 45) {
    keys.add(`d|--${n.slice(5, 7)}`);
  }
}

/** Whether the granted keys support a draft claim. */
function isSupported(claim: Claim, keys: ReadonlySet<string>): boolean {
  const n = claim.normalized;
  switch (claim.type) {
    case 'price':
    case 'amount': {
      const [value, currency] = splitMoney(n);
      return currency === undefined ? keys.has(`m|${value}|*`) : keys.has(`m|${value}|${currency}`) || keys.has(`m|${value}|?`);
    }
    case 'date':
      return keys.has(`d|${n}`) || (isFullDate(n) && keys.has(`d|--${n.slice(5)}*`));
    case 'deadline':
    case 'duration':
      return keys.has(`t|${n}`);
    default:
      // a discount stated with its figure: the figure is checked as a claim of its own
      return n === DISCOUNT_WITH_FIGURE || keys.has(`${claim.type}|${n}`);
  }
}

/**
 * Granted keys per source text, in two generations: approved texts and knowledge entries
 * repeat from turn to turn, tool results do not. When the young generation is full it
 * becomes the old one and the previous old one is dropped (no per-entry eviction, which is
 * slow on a Map that is deleted from at the front).
 */
const GENERATION_SIZE = 256;
let youngCache = new Map<string, ReadonlySet<string>>();
let oldCache = new Map<string, ReadonlySet<string>>();

/** The granted keys of one source. */
function sourceKeys(source: string): ReadonlySet<string> {
  const cached = youngCache.get(source) ?? oldCache.get(source);
  if (cached !== undefined) return cached;
  const keys = new Set<string>();
  for (const claim of extractClaims(source)) grantedKeys(claim, keys);
  if (youngCache.size >= GENERATION_SIZE) {
    oldCache = youngCache;
    youngCache = new Map();
  }
  youngCache.set(source, keys);
  return keys;
}

/** Whether any source grants what a claim needs. */
function anySupports(claim: Claim, granted: readonly ReadonlySet<string>[]): boolean {
  for (const keys of granted) if (isSupported(claim, keys)) return true;
  return false;
}

/**
 * The claims of a draft and those no source supports. `language` is the draft's language
 * (only `en-US` changes anything: numeric dates month first).
 */
export function checkClaims(draft: string, sources: readonly string[], language?: string): ClaimCheck {
  const claims = extractClaims(draft, language);
  if (claims.length === 0) return { claims, unsupported: [] };
  const granted = sources.map(sourceKeys);
  const unsupported = claims.filter((claim) => !anySupports(claim, granted));
  return { claims, unsupported };
}
