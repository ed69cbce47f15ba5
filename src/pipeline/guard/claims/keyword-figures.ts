/**
 * Figures without a unit that a key word makes a price or a percentage, as tool results
 * and knowledge entries write them: `"price": 25`, `"saldo": "1250.50"`, "Preis: 25",
 * `"discount": 20`, "sconto del 20", "Zinssatz 3,5". Money found this way has no currency
 * (`25.00`) and matches the value in any currency, unless one currency field stands next
 * to it (`"amount": 1500, "currency": "EUR"` is `1500.00 EUR`). Run last, after every figure with a unit.
 *
 * JSON keys named after a unit of time give durations: `"eta_business_days": 3` = `3 wd`.
 *
 * The number must end the phrase (punctuation, a line break or the end follows), so "il
 * totale è di 3 articoli" is no claim.
 */
import type { ClaimCollector } from './claim-collector.ts';
import { NUMBER, formatMoney, formatValue, parseNumber } from './claim-numbers.ts';
import { unitOf } from './duration-claims.ts';
import { isDigitAt, isLetterAt, matchBefore, matchesWhere, wordMatches } from './scan-text.ts';

const MONEY_KEYS = String.raw`valore|value|wert|prezz[oi]|cost[oi]|importo|importi|saldo|totale|canone|commission[ei]|rata|spes[ae]|tariff[ae]|price|cost|amount|balance|total|fees?|charge|preis|kosten|betrag|kontostand|gesamt(?:betrag|preis)?|summe|gebühr(?:en)?`;
const PERCENT_KEYS = String.raw`scont[oi]|percentuale|tasso|tan|taeg|discount|percentage|interest(?:\s+rate)?|rabatt|prozentsatz|zins(?:satz|en)?`;
/** A number that ends its phrase; the key before it is looked up only when no claim took it. */
const FIGURE = new RegExp(String.raw`${NUMBER}(?![\d%])(?![.,]\d)(?=["']?[ \t]*(?:$|[^\p{L}\d \t]))`, 'gu');
/** The key before a figure: `"price": `, "Preis: ", "il saldo è di ", "sconto del ". */
const KEY_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?<money>${MONEY_KEYS})|(?<percent>${PERCENT_KEYS}))(?![\p{L}])["']?[ \t]*[:=]?[ \t]*(?:(?:è|e|di|del|pari\s+a|is|of|ist|beträgt|von)[ \t]+){0,2}["']?$`,
  'iu',
);
const KEY_WINDOW = 40;
/** JSON keys that name a unit of time: `"eta_business_days": 3`, `"duration_minutes": 45`. */
const DURATION_KEY = new RegExp(
  String.raw`(?<u>business_days|working_days|days|hours|minutes|weeks|months|years|giorni|ore|minuti|tage|stunden|minuten)["']?[ \t]*[:=][ \t]*["']?(?<n>${NUMBER})(?![\d.,])`,
  'giu',
);
const DURATION_KEY_GATE = /(?:days|hours|minutes|weeks|months|years|giorni|ore|minuti|tage|stunden|minuten)["']?[ \t]*[:=]/i;
const KEYWORD_GATE = /\d/;
/** A currency field next to the figure in a tool result: `"currency": "EUR"`. */
const CURRENCY_FIELD = /(?:currency|valuta|w(?:ä|ae)hrung)["']?[ \t]*[:=][ \t]*["']?(EUR|USD|CHF|GBP)(?![A-Z])/gi;
const CURRENCY_WINDOW = 120;

function startsNumber(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  return !isLetterAt(text, at - 1) && !isDigitAt(text, at - 1) && before !== '.' && before !== ',';
}

/** `25.00 EUR` when exactly one currency field stands near the figure, else `25.00`. */
function moneyWithCurrency(text: string, at: number, value: number): string {
  const window = text.slice(Math.max(0, at - CURRENCY_WINDOW), at + CURRENCY_WINDOW);
  const codes = new Set([...window.matchAll(CURRENCY_FIELD)].map((m) => (m[1] ?? '').toUpperCase()));
  const [code] = codes;
  return codes.size === 1 && code !== undefined ? `${formatMoney(value)} ${code}` : formatMoney(value);
}

export function extractKeywordFigures(c: ClaimCollector): void {
  if (!KEYWORD_GATE.test(c.text)) return;
  const text = c.text;
  for (const m of matchesWhere(FIGURE, text, (match) => startsNumber(text, match.index))) {
    const end = m.index + m[0].length;
    if (!c.isFree(m.index, end)) continue;
    const key = matchBefore(KEY_BEFORE, text, m.index, KEY_WINDOW);
    const value = key === null ? undefined : parseNumber(m[0]);
    if (key === null || value === undefined) continue;
    if (key.groups?.money !== undefined) c.add(m.index, end, 'amount', [moneyWithCurrency(text, m.index, value)]);
    else c.add(m.index, end, 'percentage', [`${formatValue(value)}%`]);
  }
  if (!DURATION_KEY_GATE.test(c.text)) return;
  for (const m of wordMatches(DURATION_KEY, c.text)) {
    const value = parseNumber(m.groups?.n ?? '');
    if (value === undefined) continue;
    const [unit, factor] = unitOf(m.groups?.u ?? '');
    c.add(m.index, m.index + m[0].length, 'duration', [`${formatValue(value * factor)} ${unit}`]);
  }
}
