/**
 * Values of imported fields as businesses write them, in Italian, German and English
 * spreadsheets and files: column names in any of the three languages, decimal commas,
 * day-first dates, "sì"/"ja"/"x" for yes. Each parser returns the value or the reason it
 * cannot, worded for the import summary (`price "dodici" is not a number`).
 */
import { foldText } from '../../text/normalize-text.ts';

export const FIELDS = [
  'id', 'kind', 'language', 'question', 'answer', 'name', 'description', 'category', 'price', 'currency', 'sizes', 'stock', 'tags',
  'approved', 'valid_from', 'valid_until',
] as const;
export type Field = (typeof FIELDS)[number];

const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  id: ['id', 'key', 'sku', 'code', 'codice', 'codice articolo', 'articolo', 'artikelnummer', 'art nr', 'artikel nr', 'ref'],
  kind: ['kind', 'type', 'tipo', 'typ'],
  language: ['language', 'lang', 'lingua', 'sprache'],
  question: ['question', 'domanda', 'frage', 'q', 'title', 'titolo', 'titel', 'heading'],
  answer: ['answer', 'risposta', 'antwort', 'a', 'body', 'text', 'testo'],
  name: ['name', 'nome', 'product', 'prodotto', 'produkt', 'bezeichnung', 'artikel', 'item', 'service', 'servizio', 'trattamento', 'behandlung'],
  description: ['description', 'descrizione', 'beschreibung', 'details', 'dettagli'],
  category: ['category', 'categoria', 'kategorie', 'reparto', 'collection', 'collezione'],
  price: ['price', 'prezzo', 'preis', 'costo', 'kosten', 'cost'],
  currency: ['currency', 'valuta', 'wahrung'],
  sizes: ['sizes', 'size', 'taglie', 'taglia', 'misure', 'grossen', 'grosse'],
  stock: ['stock', 'quantity', 'qty', 'quantita', 'giacenza', 'disponibilita', 'magazzino', 'bestand', 'lager', 'menge'],
  tags: ['tags', 'tag', 'keywords', 'parole chiave', 'etichette', 'schlagworter', 'stichworter'],
  approved: ['approved', 'approvato', 'approvata', 'freigegeben', 'genehmigt'],
  valid_from: ['valid from', 'from', 'valido dal', 'dal', 'valid since', 'gultig ab', 'ab', 'start', 'inizio'],
  valid_until: ['valid until', 'until', 'to', 'valido fino al', 'fino al', 'al', 'scadenza', 'gultig bis', 'bis', 'end', 'fine', 'expires'],
};

const BY_NAME: ReadonlyMap<string, Field> = new Map(FIELDS.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const)));

/** The field a column or key names ("Gültig bis" → valid_until), or undefined. */
export function fieldOf(name: string): Field | undefined {
  return BY_NAME.get(foldText(name.replace(/_/g, ' ')));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Text of a scalar: strings trimmed, numbers and booleans written out; undefined when empty. */
export function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const YES = new Set(['true', 'yes', 'y', 'si', 'ja', 'j', '1', 'x', 'ok']);
const NO = new Set(['false', 'no', 'n', 'nein', '0', '-']);

export function parseBoolean(field: string, value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const text = foldText(textOf(value) ?? '');
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail(`${field} ${JSON.stringify(value)} is not yes or no`);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2026-12-31`, `31/12/2026` or `31.12.2026` → `2026-12-31`. */
export function parseDate(field: string, value: unknown): Parsed<string> {
  const text = textOf(value) ?? '';
  const iso = ISO_DATE.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const date = iso ? isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) : dayFirst ? isoOf(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])) : undefined;
  return date === undefined ? fail(`${field} ${JSON.stringify(text)} is not a date (YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)`) : ok(date);
}

const CURRENCY_SIGNS = /€|eur(o)?|chf|\$|usd|£|gbp/gi;

/** "29,90", "1.299,00", "1,299.00", "1.299" (thousands), "1'299" → the number, or undefined. */
function amountOf(text: string): number | undefined {
  if (!/^\d[\d.,']*$/.test(text)) return undefined;
  const last = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  const tail = text.slice(last + 1);
  const mixed = text.includes(',') && text.includes('.');
  const decimal = last >= 0 && (mixed || (tail.length <= 2 && text.indexOf(text[last] as string) === last));
  if (!decimal) return /^\d+$/.test(text.replace(/[.,']/g, '')) ? Number(text.replace(/[.,']/g, '')) : undefined;
  const whole = text.slice(0, last).replace(/[.,']/g, '');
  return /^\d+$/.test(whole) && /^\d{1,2}$/.test(tail) ? Number(`${whole}.${tail}`) : undefined;
}

/** `29,90`, `€ 29.90`, `1.299,00`, `1,299.00`, 29.9 → a number with at most two decimals. */
export function parsePrice(field: string, value: unknown): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? ok(Math.round(value * 100) / 100) : fail(`${field} ${value} is not a price`);
  const raw = textOf(value) ?? '';
  const amount = amountOf(raw.replace(CURRENCY_SIGNS, '').replace(/\s+/g, ''));
  return amount === undefined ? fail(`${field} ${JSON.stringify(raw)} is not a number`) : ok(amount);
}

export function parseCount(field: string, value: unknown): Parsed<number> {
  const text = textOf(value) ?? '';
  return /^\d+$/.test(text) ? ok(Number(text)) : fail(`${field} ${JSON.stringify(value)} is not a whole number of pieces`);
}

/** A list: a YAML/JSON array, or text split on `|`, `,` or `;`. */
export function parseList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(textOf) : (textOf(value) ?? '').split(/[|,;]/);
  return items.map((item) => item?.trim() ?? '').filter((item) => item !== '');
}

const LANGUAGE = /^[a-z]{2}$/;

export function parseLanguage(value: unknown, languages: readonly string[]): Parsed<string> {
  const text = (textOf(value) ?? '').toLowerCase();
  if (!LANGUAGE.test(text)) return fail(`language ${JSON.stringify(value)} is not a two-letter code such as it, de or en`);
  if (!languages.includes(text)) return fail(`language "${text}" is not one of the business's languages (${languages.join(', ')})`);
  return ok(text);
}
