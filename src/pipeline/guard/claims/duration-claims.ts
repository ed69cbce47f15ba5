/**
 * Deadlines and durations: a quantity with a unit of time.
 *
 *   "entro 3 giorni lavorativi", "innerhalb von 14 Tagen", "within 30 days", "in 48 ore",
 *   "binnen 2 Wochen", "entro un'ora" → `deadline`   (a limit word before the quantity)
 *   "valido per 30 giorni", "dura 45 minuti", "2 anni di garanzia", "1 minuto" → `duration`
 *   "24/7", "h24", "24 ore su 24", "rund um die Uhr" → `24/7`;  "7 giorni su 7" → `7/7`
 *
 * Normalised to amount and unit: `3 wd` (working days), `14 d`, `48 h`, `45 min`, `6 mo`,
 * `2 y`. Weeks become days ("2 Wochen" = `14 d`); other units are kept apart ("48 ore" is
 * not "2 giorni", "3 giorni" is not "3 giorni lavorativi"). Ranges give both ends ("3-5
 * giorni" → `3 d`, `5 d`). Articles count as one only after a limit or duration word
 * ("entro una settimana", "for a day"), so "twice a day" is no claim.
 */
import type { ClaimCollector } from './claim-collector.ts';
import { NUMBER, formatValue, numberWordValue, parseNumber } from './claim-numbers.ts';
import { forEachMatch, isDigitAt, isLetterAt, matchBefore, phraseBefore, wordMatches } from './scan-text.ts';

const DEADLINE_WORDS: ReadonlySet<string> = new Set([
  'entro', 'entro e non oltre', 'entro i prossimi', 'entro le prossime', 'entro massimo', 'non oltre', 'nel giro di', "nell'arco di", 'nell’arco di',
  'nei prossimi', 'nelle prossime', 'tra', 'fra', 'in', 'within', 'in the next', 'no later than', 'up to', 'at most', 'innerhalb', 'innerhalb von',
  'innerhalb der nächsten', 'binnen', 'spätestens', 'spätestens in', 'spätestens nach', 'in den nächsten', 'bis zu', 'höchstens', 'max',
  'massimo', 'al massimo', 'fino a',
]);
const DURATION_WORDS: ReadonlySet<string> = new Set([
  'per', 'for', 'für', 'dura', 'durano', 'dauert', 'dauern', 'takes', 'lasts', 'valido per', 'valida per', 'gültig für', 'valid for', 'circa',
  'etwa', 'about', 'approximately', 'around', 'di', 'von', 'of', 'after', 'dopo', 'nach', 'seit', 'since',
]);
const PREFIXES: ReadonlySet<string> = new Set([...DEADLINE_WORDS, ...DURATION_WORDS]);
const UNIT = String.raw`giorni\s+(?:lavorativi|feriali|utili)|gg\.?\s*lav(?:orativi)?\.?|werktag(?:e|en)?|arbeitstag(?:e|en)?|geschäftstag(?:e|en)?|(?:business|working)\s+days?|minut[oi]|minuten?|minutes?|mins?\.?|or[ae]|stunden?|std\.?|hours?|hrs?|h|giorn[oi]|gg\.?|tag(?:e|en)?|days?|settiman[ae]|wochen?|weeks?|mes[ei]|monat(?:e|en)?|months?|ann[oi]|jahr(?:e|en)?|years?`;
const RANGE_JOIN = String.raw`\s*(?:[-–—/]|\s(?:a|e|o|bis|oder|to|or|and|und)\s)\s*`;

/** A unit of time as a word; "48h" is fine (a digit before), "oh" is not (a letter). */
const UNIT_WORD = new RegExp(String.raw`(?:${UNIT})(?![\p{L}])`, 'giu');
/** The quantity right before a unit (end-anchored, on a short window). */
const QUANTITY_BEFORE = new RegExp(String.raw`(?:(?<n>${NUMBER})\s?|(?<w>\p{L}+(?:-\p{L}+)?)\s+|(?<el>un['’]))$`, 'iu');
/** The start of a range right before the quantity: "3-", "tre o ". */
const RANGE_BEFORE = new RegExp(String.raw`(?<rf>${NUMBER}|\p{L}+)${RANGE_JOIN}$`, 'iu');
const WINDOW = 24;
const HALF_HOUR = /(?<![\p{L}])(?:(?<pre>entro|in|within|innerhalb|binnen|tra|fra)\s+)?(?:mezz['’]\s?ora|(?:eine\s+)?halbe(?:n)?\s+stunde|half\s+an\s+hour)(?![\p{L}])/giu;
const ALWAYS = /(?<![\p{L}\d])(?:24\s*\/\s*7|h\s?24|24\s*h?\s*(?:su|\/)\s*24|24\s+ore\s+su\s+24|rund\s+um\s+die\s+uhr|(?:a)?round\s+the\s+clock|24\s+hours\s+a\s+day|24\s+stunden\s+(?:am|pro)\s+tag)(?![\p{L}\d])/giu;
const EVERY_DAY = /(?<![\p{L}\d])(?:7\s*\/\s*7|(?:7|sette)\s+giorni\s+su\s+(?:7|sette)|7\s+days\s+a\s+week|7\s+tage\s+die\s+woche)(?![\p{L}\d])/giu;
const HALF_GATE = /mezz|halbe|half/i;
const ALWAYS_GATE = /24|7|uhr|clock/i;
const ARTICLES: ReadonlySet<string> = new Set(['un', 'uno', 'una', 'ein', 'eine', 'einen', 'einer', 'einem', 'a', 'an']);
const DURATION_GATE = /\d|or[ae]|giorn|settiman|mes[ei]|ann[oi]|minut|tag|woche|monat|jahr|stunde|day|week|month|year|hour|uhr|clock/i;

/** [unit, factor] of a written unit of time ("Werktagen" → wd, "weeks" → d × 7). */
export function unitOf(written: string): [string, number] {
  const u = written.toLowerCase();
  if (/^(?:giorni\s+(?:lav|fer|ut)|gg\.?\s*lav|werk|arbeits|geschäfts|business|working)/.test(u)) return ['wd', 1];
  if (u.startsWith('min')) return ['min', 1];
  if (/^(?:or[ae]$|h|std|stunde)/.test(u)) return ['h', 1];
  if (/^(?:giorn|gg|tag|day)/.test(u)) return ['d', 1];
  if (/^(?:settiman|woche|week)/.test(u)) return ['d', 7];
  if (/^(?:mes|monat|month)/.test(u)) return ['mo', 1];
  return ['y', 1];
}

/** The value of a written quantity; articles only when a limit or duration word precedes. */
function quantity(written: string | undefined, hasPrefix: boolean): number | undefined {
  if (written === undefined) return undefined;
  if (/^\d/.test(written)) return parseNumber(written);
  const lower = written.toLowerCase();
  if (ARTICLES.has(lower) || lower === "un'" || lower === 'un’') return hasPrefix ? 1 : undefined;
  return numberWordValue(written);
}

/** The quantity, range start and limit word before a unit at `at`. */
function quantityBefore(text: string, at: number): { start: number; values: number[]; deadline: boolean } | undefined {
  const q = matchBefore(QUANTITY_BEFORE, text, at, WINDOW);
  if (q === null || isLetterAt(text, q.index - 1) || isDigitAt(text, q.index - 1)) return undefined;
  const range = matchBefore(RANGE_BEFORE, text, q.index, WINDOW);
  const rangeStart = range === null || isLetterAt(text, range.index - 1) || isDigitAt(text, range.index - 1) ? undefined : range.index;
  const prefix = phraseBefore(text, rangeStart ?? q.index, PREFIXES, 4);
  const hasPrefix = prefix !== undefined;
  const value = quantity(q.groups?.n ?? q.groups?.w ?? q.groups?.el, hasPrefix);
  if (value === undefined) return undefined;
  const from = rangeStart === undefined ? undefined : quantity(range?.groups?.rf, hasPrefix);
  const start = prefix?.start ?? (from === undefined ? q.index : (rangeStart ?? q.index));
  return { start, values: from === undefined ? [value] : [from, value], deadline: hasPrefix && DEADLINE_WORDS.has(prefix.word) };
}

function extractQuantities(c: ClaimCollector): void {
  for (const unitMatch of wordMatches(UNIT_WORD, c.text)) {
    const found = quantityBefore(c.text, unitMatch.index);
    if (found === undefined) continue;
    const [unit, factor] = unitOf(unitMatch[0]);
    const end = unitMatch.index + unitMatch[0].length;
    const forms = found.values.map((v) => `${formatValue(v * factor)} ${unit}`);
    // "£32 — 45 mins": the range start belongs to an earlier claim; keep the quantity alone
    if (!c.add(found.start, end, found.deadline ? 'deadline' : 'duration', forms) && forms.length > 1) {
      const last = forms[forms.length - 1] as string;
      const quantityStart = matchBefore(QUANTITY_BEFORE, c.text, unitMatch.index, WINDOW)?.index ?? found.start;
      c.add(quantityStart, end, found.deadline ? 'deadline' : 'duration', [last]);
    }
  }
}

/** "24/7" and "7 giorni su 7": run before dates, or "24/7" would be the 24th of July. */
export function extractAlwaysOpen(c: ClaimCollector): void {
  const text = c.text;
  if (!ALWAYS_GATE.test(text)) return;
  forEachMatch(ALWAYS, text, (m) => c.add(m.index, m.index + m[0].length, 'duration', ['24/7']));
  forEachMatch(EVERY_DAY, text, (m) => c.add(m.index, m.index + m[0].length, 'duration', ['7/7']));
}

export function extractDurations(c: ClaimCollector): void {
  const text = c.text;
  if (!DURATION_GATE.test(text)) return;
  if (HALF_GATE.test(text)) {
    forEachMatch(HALF_HOUR, text, (m) => c.add(m.index, m.index + m[0].length, m.groups?.pre === undefined ? 'duration' : 'deadline', ['30 min']));
  }
  extractQuantities(c);
}
