/**
 * Personal data replaced by placeholders. The stored form of a message has typed ones
 * (`[IBAN]`, `[PHONE]` …). Text leaving for a language model has numbered ones (`[EMAIL_1]`,
 * `[PHONE_2]`) with the values kept in a vault that stays here; on the way back only the
 * types the business allows are restored, and never secrets, cards or IBANs.
 */
import { NEVER_RESTORED, type PiiSpan, type PiiType } from '../guard-types.ts';
import { findPersonalData, withoutOverlaps } from './find-personal-data.ts';

export const PLACEHOLDERS: Record<PiiType, string> = {
  IBAN: '[IBAN]',
  CREDIT_CARD: '[CARD]',
  IT_FISCAL_CODE: '[FISCAL_CODE]',
  IT_VAT: '[VAT_NUMBER]',
  DE_TAX_ID: '[TAX_ID]',
  PHONE: '[PHONE]',
  EMAIL: '[EMAIL]',
  DATE_OF_BIRTH: '[DATE_OF_BIRTH]',
  SECRET: '[SECRET]',
};

/** The type named by a placeholder's word (`FISCAL_CODE` → IT_FISCAL_CODE). */
const TYPE_OF_PLACEHOLDER: ReadonlyMap<string, PiiType> = new Map(
  (Object.entries(PLACEHOLDERS) as [PiiType, string][]).map(([type, placeholder]) => [placeholder.slice(1, -1), type]),
);

/**
 * A placeholder, typed (`[EMAIL]`) or numbered (`[EMAIL_2]`); group 1 is the word, group 2 the
 * number. Case and a space instead of the underscore are tolerated, as models rewrite them.
 */
const PLACEHOLDER_PATTERN = new RegExp(`\\[(${[...TYPE_OF_PLACEHOLDER.keys()].join('|')})(?:[_ ](\\d{1,4}))?\\]`, 'gi');

/**
 * The text with every finding replaced by its typed placeholder; `spans` are where the
 * placeholders now stand in the returned text (the original positions no longer exist).
 */
export function redactPersonalData(text: string): { text: string; spans: PiiSpan[] } {
  const found = findPersonalData(text);
  if (found.length === 0) return { text, spans: [] };
  let out = '';
  let from = 0;
  const spans: PiiSpan[] = [];
  for (const span of found) {
    out += text.slice(from, span.start);
    spans.push({ start: out.length, end: out.length + PLACEHOLDERS[span.type].length, type: span.type });
    out += PLACEHOLDERS[span.type];
    from = span.end;
  }
  return { text: out + text.slice(from), spans };
}

/** The placeholders, typed or numbered, in a text already redacted (e.g. as it was stored). */
export function findPlaceholders(text: string): PiiSpan[] {
  if (!text.includes('[')) return [];
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const type = TYPE_OF_PLACEHOLDER.get((match[1] ?? '').toUpperCase());
    if (type) spans.push({ start: match.index, end: match.index + match[0].length, type });
  }
  return spans;
}

export interface VaultEntry {
  /** As written in the masked text, e.g. `[EMAIL_1]`. */
  placeholder: string;
  type: PiiType;
  /** The original; absent when the text was already redacted (`[EMAIL]` in the stored form). */
  value?: string;
}

/**
 * Numbers every finding and every typed placeholder already in the text. The same value of
 * the same type gets the same number; numbers are unique across types.
 */
export function maskForModel(text: string): { text: string; vault: VaultEntry[] } {
  const found = findPersonalData(text);
  const foundAndRedacted = withoutOverlaps([...found, ...findPlaceholders(text).map((span) => ({ ...span, redacted: true }))]);
  if (foundAndRedacted.length === 0) return { text, vault: [] };
  const vault: VaultEntry[] = [];
  const byValue = new Map<string, VaultEntry>();
  let out = '';
  let from = 0;
  for (const span of foundAndRedacted) {
    out += text.slice(from, span.start);
    out += entryFor(span, text, vault, byValue).placeholder;
    from = span.end;
  }
  return { text: out + text.slice(from), vault };
}

function entryFor(span: PiiSpan & { redacted?: boolean }, text: string, vault: VaultEntry[], byValue: Map<string, VaultEntry>): VaultEntry {
  const value = span.redacted ? undefined : text.slice(span.start, span.end);
  const key = `${span.type}\u0000${value}`;
  const known = value === undefined ? undefined : byValue.get(key);
  if (known) return known;
  const entry: VaultEntry = { placeholder: `${PLACEHOLDERS[span.type].slice(0, -1)}_${vault.length + 1}]`, type: span.type, ...(value === undefined ? {} : { value }) };
  vault.push(entry);
  if (value !== undefined) byValue.set(key, entry);
  return entry;
}

/**
 * Puts the vault's values back where a model's text has their numbered placeholders, for the
 * `allowed` types only and never for SECRET, CREDIT_CARD or IBAN. Every numbered placeholder
 * not restored (type not allowed, no value, unknown number, wrong type) becomes the typed
 * placeholder without its number; typed placeholders stay as they are.
 */
export function restorePlaceholders(text: string, vault: readonly VaultEntry[], allowed: ReadonlySet<PiiType>): string {
  if (!text.includes('[')) return text;
  const entries = new Map(vault.map((entry) => [entry.placeholder, entry]));
  return text.replace(PLACEHOLDER_PATTERN, (written: string, word: string, number: string | undefined) => {
    const type = TYPE_OF_PLACEHOLDER.get(word.toUpperCase());
    if (type === undefined || number === undefined) return written;
    const entry = entries.get(`${PLACEHOLDERS[type].slice(0, -1)}_${Number(number)}]`);
    const restorable = entry?.value !== undefined && entry.type === type && allowed.has(type) && !NEVER_RESTORED.includes(type);
    return restorable ? (entry.value ?? PLACEHOLDERS[type]) : PLACEHOLDERS[type];
  });
}
