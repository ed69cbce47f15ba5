/**
 * Numbers as they are written in Italian, German and English replies and in the sources
 * (approved texts, knowledge entries, JSON tool results): "25", "25,00", "25.00",
 * "1.250,50" (it/de), "1,250.50" (en), "1'250.50" (ch), "1250.5" (JSON). Also the number
 * words that stand before a unit ("venti euro", "zwei Wochen", "twenty percent").
 *
 * The one ambiguity: a single separator followed by exactly three digits ("1.250",
 * "1,250") groups thousands in every language (prices never have three decimals), unless
 * the integer part is 0 ("0,500" is a half).
 */

/** Source of a number pattern (no capture groups); callers add boundaries. */
export const NUMBER = String.raw`(?:\d{1,3}(?:[.,'’\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)`;

const GROUPING_ONLY = /['’\u00a0\u202f]/g;

/** The value of a number matched by NUMBER, or undefined. */
export function parseNumber(written: string): number | undefined {
  const text = written.replace(GROUPING_ONLY, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let plain: string;
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    plain = text.split(grouping).join('').replace(decimal, '.');
  } else if (lastDot !== -1 || lastComma !== -1) {
    const separator = lastDot !== -1 ? '.' : ',';
    const parts = text.split(separator);
    const integer = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    const grouped = parts.length > 2 || (last.length === 3 && integer !== '0' && integer !== '');
    plain = grouped ? parts.join('') : `${integer}.${last}`;
  } else {
    plain = text;
  }
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

/** "20" for 20, "2.5" for 2.5: the shortest exact form. */
export function formatValue(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** Money always with two decimals: "25.00". */
export function formatMoney(value: number): string {
  return value.toFixed(2);
}

const IT_UNITS = ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici',
  'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove'];
const IT_TENS = ['venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];
const DE_UNITS = ['null', 'eins', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwolf', 'dreizehn',
  'vierzehn', 'funfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const DE_TENS = ['zwanzig', 'dreissig', 'vierzig', 'funfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Folded number word → value, 0-100 plus a few round numbers, in the three languages. */
const NUMBER_WORDS: ReadonlyMap<string, number> = (() => {
  const words = new Map<string, number>();
  IT_UNITS.forEach((w, i) => words.set(w, i));
  DE_UNITS.forEach((w, i) => words.set(w, i));
  EN_UNITS.forEach((w, i) => words.set(w, i));
  IT_TENS.forEach((ten, t) => {
    const base = 20 + t * 10;
    words.set(ten, base);
    for (let u = 1; u <= 9; u++) {
      const unit = IT_UNITS[u] as string;
      const stem = u === 1 || u === 8 ? ten.slice(0, -1) : ten;
      words.set(stem + unit, base + u);
    }
  });
  DE_TENS.forEach((ten, t) => {
    words.set(ten, 20 + t * 10);
    for (let u = 1; u <= 9; u++) words.set(`${u === 1 ? 'ein' : DE_UNITS[u]}und${ten}`, 20 + t * 10 + u);
  });
  EN_TENS.forEach((ten, t) => {
    words.set(ten, 20 + t * 10);
    for (let u = 1; u <= 9; u++) words.set(`${ten}-${EN_UNITS[u]}`, 20 + t * 10 + u);
  });
  const extra: [string, number][] = [['un', 1], ['una', 1], ['ein', 1], ['eine', 1], ['cento', 100], ['hundert', 100], ['einhundert', 100],
    ['hundred', 100], ['mille', 1000], ['tausend', 1000], ['thousand', 1000], ['dozen', 12], ['dozzina', 12]];
  for (const [w, v] of extra) words.set(w, v);
  return words;
})();

const MARKS = /\p{M}+/gu;

const PLAIN_WORD = /^[A-Za-z-]*$/;

/** Lower case, accents dropped, ß → ss, spaces in "twenty five" → hyphen. */
export function foldWord(word: string): string {
  if (PLAIN_WORD.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, '-');
}

/** The value of a number word ("venti", "fünfundzwanzig", "twenty-five"), or undefined. */
export function numberWordValue(word: string): number | undefined {
  return NUMBER_WORDS.get(foldWord(word));
}
