/**
 * Prices, amounts and percentages.
 *
 *   "€ 25", "25 €", "25,00 euro", "EUR 1.250,50", "$19.99", "CHF 30.-", "zwanzig Euro",
 *   "50 centesimi", "da 25 a 40 €" (two claims), "20%", "20 per cento", "zwanzig Prozent"
 *
 * Money is normalised to `25.00 EUR` (two decimals, ISO currency); cents have no currency
 * (`0.50`) and match the value in any currency. A money figure is a `price` when a price
 * word stands shortly before it ("costa", "Preis", "from", "a partire da"…), otherwise an
 * `amount`; the two match each other. Percentages are `20%` (a sign is dropped: "-20%").
 */
import type { ClaimCollector } from './claim-collector.ts';
import { NUMBER, formatMoney, formatValue, numberWordValue, parseNumber } from './claim-numbers.ts';
import { isDigitAt, isLetterAt, matchesWhere, wordMatches, wordsBefore } from './scan-text.ts';

/** Not "Fr." before a number: in "Mo–Fr. 9–18" it is Friday. */
const PREFIX_CURRENCY = String.raw`€|EUR|USD|US\$|\$|CHF|SFr\.?|£|GBP`;
const SUFFIX_CURRENCY = String.raw`€|EUR|euros?|USD|\$|dollar[oi]|dollars?|CHF|franchi|franken|francs?|Fr\.|£|GBP|sterline|pounds?|pfund|centesimi|cents?|ct\.?`;
const CURRENCY_WORD = String.raw`euros?|dollar[oi]|dollars?|franchi|franken|francs?|sterline|pounds?|pfund`;
const RANGE_JOIN = String.raw`\s*(?:[-–—]|\s(?:a|e|o|bis|und|oder|to|and|or)\s)\s*`;
const DASH_CENTS = String.raw`(?:[.,][-–])?`;

/** Prefix or suffix currency; the boundary before the match is checked in code (see scan-text.ts). */
const MONEY = new RegExp(
  String.raw`(?:(?<pc>${PREFIX_CURRENCY})\s?(?<pn>${NUMBER})${DASH_CENTS}(?:\s*[-–]\s*(?<pt>${NUMBER})(?![\d.,]))?` +
    String.raw`|(?:(?<rf>${NUMBER})${RANGE_JOIN})?(?<sn>${NUMBER})${DASH_CENTS}\s?(?<sc>${SUFFIX_CURRENCY})(?![\p{L}]))`,
  'giu',
);
const CURRENCY_WORDS = new RegExp(String.raw`(?:${CURRENCY_WORD})(?![\p{L}])`, 'giu');
const MONEY_GATE = /[€$£]|eur|usd|chf|gbp|dollar|fran|fr\.|sterlin|pound|pfund|cent|ct/i;

const PERCENT_WORD = String.raw`per\s?cento|percento|prozent|percent|per\s?cent|pct`;
const PERCENT = new RegExp(
  String.raw`(?:(?<rf>${NUMBER})\s?%?${RANGE_JOIN})?[-−+]?(?<n>${NUMBER})\s?(?:%|(?:${PERCENT_WORD})(?![\p{L}]))`,
  'giu',
);
const PERCENT_WORDS = new RegExp(String.raw`(?:${PERCENT_WORD})(?![\p{L}])`, 'giu');
const PERCENT_GATE = /%|cent|prozent|pct/i;
/** Price words: one of them in the five words before a figure makes it a price. */
const PRICE_WORDS: ReadonlySet<string> = new Set(['prezzo', 'prezzi', 'costa', 'costo', 'costano', 'listino', 'partire', 'solo', 'soli', 'preis',
  'preise', 'kostet', 'kosten', 'ab', 'nur', 'für', 'price', 'prices', 'priced', 'cost', 'costs', 'only', 'from', 'starting']);
const PRICE_WORDS_LOOKED_AT = 5;

const CURRENCIES: Readonly<Record<string, string>> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  $: 'USD', usd: 'USD', 'us$': 'USD', dollaro: 'USD', dollari: 'USD', dollar: 'USD', dollars: 'USD',
  chf: 'CHF', sfr: 'CHF', 'sfr.': 'CHF', 'fr.': 'CHF', franchi: 'CHF', franken: 'CHF', franc: 'CHF', francs: 'CHF',
  '£': 'GBP', gbp: 'GBP', sterline: 'GBP', pound: 'GBP', pounds: 'GBP', pfund: 'GBP',
};
const CENTS = /^(?:centesimi|cents?|ct\.?)$/i;

/** `25.00 EUR`, or `0.25` for cents (no currency). */
function money(value: number, currencyWritten: string): string | undefined {
  const written = currencyWritten.toLowerCase();
  if (CENTS.test(written)) return formatMoney(value / 100);
  const code = CURRENCIES[written];
  return code === undefined ? undefined : `${formatMoney(value)} ${code}`;
}

function moneyType(collector: ClaimCollector, start: number): 'price' | 'amount' {
  return wordsBefore(collector.text, start, PRICE_WORDS_LOOKED_AT).some((w) => PRICE_WORDS.has(w.word)) ? 'price' : 'amount';
}

function addMoney(collector: ClaimCollector, start: number, end: number, numbers: (string | undefined)[], currency: string): void {
  const normalized: string[] = [];
  for (const written of numbers) {
    const value = written === undefined ? undefined : parseNumber(written);
    const form = value === undefined ? undefined : money(value, currency);
    if (form !== undefined) normalized.push(form);
  }
  collector.add(start, end, moneyType(collector, start), normalized);
}

/** A figure starts a number: no letter, digit, "." or "," right before it. */
function startsFigure(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  return !isLetterAt(text, at - 1) && !isDigitAt(text, at - 1) && before !== '.' && before !== ',';
}

/** "venti euro", "twenty five percent": the number word(s) before a unit word at `at`. */
function numberWordBefore(text: string, at: number): { start: number; value: number } | undefined {
  const [last, previous] = wordsBefore(text, at, 2);
  if (last === undefined || last.start + last.word.length === at) return undefined;
  const two = previous === undefined ? undefined : numberWordValue(`${previous.word}-${last.word}`);
  if (two !== undefined && previous !== undefined) return { start: previous.start, value: two };
  const one = numberWordValue(last.word);
  return one === undefined ? undefined : { start: last.start, value: one };
}

export function extractMoney(collector: ClaimCollector): void {
  const text = collector.text;
  if (!MONEY_GATE.test(text)) return;
  for (const m of matchesWhere(MONEY, text, (match) => startsFigure(text, match.index))) {
    const g = m.groups ?? {};
    const end = m.index + m[0].length;
    if (g.pc !== undefined) addMoney(collector, m.index, end, [g.pn, g.pt], g.pc);
    else if (g.sc !== undefined) addMoney(collector, m.index, end, [g.rf, g.sn], g.sc);
  }
  for (const m of wordMatches(CURRENCY_WORDS, text)) {
    const word = numberWordBefore(text, m.index);
    const form = word === undefined ? undefined : money(word.value, m[0]);
    if (word !== undefined && form !== undefined) collector.add(word.start, m.index + m[0].length, moneyType(collector, word.start), [form]);
  }
}

export function extractPercentages(collector: ClaimCollector): void {
  const text = collector.text;
  if (!PERCENT_GATE.test(text)) return;
  for (const m of matchesWhere(PERCENT, text, (match) => startsFigure(text, match.index))) {
    const values = [m.groups?.rf, m.groups?.n].map((w) => (w === undefined ? undefined : parseNumber(w)));
    const normalized = values.filter((v) => v !== undefined).map((v) => `${formatValue(v)}%`);
    collector.add(m.index, m.index + m[0].length, 'percentage', normalized);
  }
  for (const m of wordMatches(PERCENT_WORDS, text)) {
    const word = numberWordBefore(text, m.index);
    if (word !== undefined) collector.add(word.start, m.index + m[0].length, 'percentage', [`${formatValue(word.value)}%`]);
  }
}
