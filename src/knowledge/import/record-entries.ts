/**
 * One record — a CSV row, a YAML or JSON item — to draft entries. Field names may be in
 * Italian, German or English (field-values.ts). The kind is the record's `kind`, else the
 * file's (its list key: `faq`, `products`, `policies`), else a product when it has a name,
 * a FAQ when it has a question. A question and answer given per language
 * (`question: { it: …, en: … }`) make one entry per language. Every problem of a record is
 * reported at once, on the line of the first bad field.
 */
import { KNOWLEDGE_KINDS, type KnowledgeKind } from '../../core/knowledge.ts';
import { foldText } from '../../text/normalize-text.ts';
import type { DraftEntry, FileDefaults, Problem, ProductFields } from './drafts.ts';
import { fieldOf, parseBoolean, parseCount, parseDate, parseLanguage, parseList, parsePrice, textOf, type Field, type Parsed } from './field-values.ts';

export interface RecordValue {
  name: string;
  value: unknown;
  line: number;
}

export interface RawRecord {
  line: number;
  values: RecordValue[];
}

interface Reader {
  fields: Map<Field, RecordValue>;
  extras: RecordValue[];
  problems: Problem[];
  languages: readonly string[];
}

function take<T>(reader: Reader, field: Field, parse: (name: string, value: unknown) => Parsed<T>): T | undefined {
  const found = reader.fields.get(field);
  if (found === undefined || textOf(found.value) === undefined) return undefined;
  const parsed = parse(found.name, found.value);
  if (parsed.ok) return parsed.value;
  reader.problems.push({ line: found.line, reason: parsed.reason });
  return undefined;
}

function readerOf(record: RawRecord, languages: readonly string[]): Reader {
  const reader: Reader = { fields: new Map(), extras: [], problems: [], languages };
  for (const value of record.values) {
    const field = fieldOf(value.name);
    if (field === undefined) reader.extras.push(value);
    else if (!reader.fields.has(field)) reader.fields.set(field, value);
  }
  return reader;
}

function kindOf(reader: Reader, hint: KnowledgeKind | undefined): KnowledgeKind | undefined {
  const given = take(reader, 'kind', (name, value) => {
    const kind = foldText(String(value));
    return (KNOWLEDGE_KINDS as readonly string[]).includes(kind) ? { ok: true, value: kind as KnowledgeKind } : { ok: false, reason: `${name} ${JSON.stringify(value)} is not one of ${KNOWLEDGE_KINDS.join(', ')}` };
  });
  if (given !== undefined || reader.fields.has('kind')) return given;
  if (hint !== undefined) return hint;
  if (['name', 'price', 'sizes', 'stock'].some((field) => reader.fields.has(field as Field))) return 'product';
  return 'faq';
}

/** The fields every kind shares; undefined values were absent or wrong (then a problem is recorded). */
function common(reader: Reader, defaults: FileDefaults): Omit<DraftEntry, 'kind' | 'title' | 'body' | 'key' | 'line'> {
  const language = take(reader, 'language', (_, value) => parseLanguage(value, reader.languages)) ?? defaults.language;
  const approved = take(reader, 'approved', parseBoolean) ?? defaults.approved;
  const validFrom = take(reader, 'valid_from', parseDate) ?? defaults.validFrom;
  const validUntil = take(reader, 'valid_until', parseDate) ?? defaults.validUntil;
  const tags = [...defaults.tags, ...parseList(reader.fields.get('tags')?.value)];
  if (validFrom !== undefined && validUntil !== undefined && validFrom > validUntil) {
    reader.problems.push({ line: reader.fields.get('valid_until')?.line ?? reader.fields.get('valid_from')?.line ?? 0, reason: `valid_from ${validFrom} is after valid_until ${validUntil}` });
  }
  return { tags, ...(language === undefined ? {} : { language }), ...(approved === undefined ? {} : { approved }), ...(validFrom === undefined ? {} : { validFrom }), ...(validUntil === undefined ? {} : { validUntil }) };
}

function product(reader: Reader, line: number): ProductFields | undefined {
  const name = textOf(reader.fields.get('name')?.value) ?? textOf(reader.fields.get('question')?.value);
  if (name === undefined) reader.problems.push({ line, reason: 'has no product name (column name, nome or Bezeichnung)' });
  const price = take(reader, 'price', parsePrice);
  const stock = take(reader, 'stock', parseCount);
  const optional = (field: Field) => textOf(reader.fields.get(field)?.value);
  const attributes = reader.extras.flatMap(({ name: label, value }): Array<[string, string]> => {
    const text = textOf(value);
    return text === undefined ? [] : [[label, text]];
  });
  if (name === undefined) return undefined;
  const [sku, description, category] = [optional('id'), optional('description'), optional('category')];
  return {
    name,
    currency: (optional('currency') ?? 'EUR').toUpperCase(),
    sizes: parseList(reader.fields.get('sizes')?.value),
    attributes,
    ...(sku === undefined ? {} : { sku }),
    ...(description === undefined ? {} : { description }),
    ...(category === undefined ? {} : { category }),
    ...(price === undefined ? {} : { price }),
    ...(stock === undefined ? {} : { stock }),
  };
}

type Localized = Map<string, string>;

/** A text, or a text per language (`{ it: …, en: … }`); problems for anything else. */
function localized(reader: Reader, field: Field, what: string, line: number): Localized | string | undefined {
  const found = reader.fields.get(field);
  const value = found?.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const map: Localized = new Map();
    for (const [language, text] of Object.entries(value)) {
      const parsed = parseLanguage(language, reader.languages);
      if (!parsed.ok) reader.problems.push({ line: found?.line ?? line, reason: `${found?.name}: ${parsed.reason}` });
      else if (textOf(text) === undefined) reader.problems.push({ line: found?.line ?? line, reason: `${found?.name}.${language} is empty` });
      else map.set(parsed.value, textOf(text) as string);
    }
    return map;
  }
  const text = textOf(value);
  if (text === undefined) reader.problems.push({ line: found?.line ?? line, reason: `has no ${what}` });
  return text;
}

function textEntries(reader: Reader, kind: KnowledgeKind, base: ReturnType<typeof common>, line: number): DraftEntry[] {
  const [what, answerWhat] = kind === 'faq' ? ['question', 'answer'] : ['title', 'text'];
  const title = localized(reader, 'question', `${what} (column question, domanda or Frage)`, line);
  const body = localized(reader, 'answer', `${answerWhat} (column answer, risposta or Antwort)`, line);
  const id = textOf(reader.fields.get('id')?.value);
  if (title === undefined || body === undefined) return [];
  if (typeof title === 'string' && typeof body === 'string') return [{ ...base, kind, title, body, line, key: id ?? foldText(title) }];
  const titles: Localized = typeof title === 'string' ? new Map() : title;
  const bodies: Localized = typeof body === 'string' ? new Map() : body;
  const languages = [...new Set([...titles.keys(), ...bodies.keys()])];
  const missing = languages.filter((language) => !titles.has(language) || !bodies.has(language));
  if (typeof title === 'string' || typeof body === 'string' || missing.length > 0) {
    reader.problems.push({ line, reason: `${what} and ${answerWhat} must be given in the same languages (${missing.join(', ') || 'one is a single text'})` });
    return [];
  }
  return languages.map((language) => {
    const localTitle = titles.get(language) as string;
    return { ...base, kind, language, title: localTitle, body: bodies.get(language) as string, line, key: id ?? foldText(localTitle) };
  });
}

/** The record's entries, or its problems (then no entry). */
export function recordEntries(record: RawRecord, defaults: FileDefaults, languages: readonly string[]): { drafts: DraftEntry[]; problems: Problem[] } {
  const reader = readerOf(record, languages);
  const kind = kindOf(reader, defaults.kind);
  const base = common(reader, defaults);
  let drafts: DraftEntry[] = [];
  if (kind === 'product') {
    const fields = product(reader, record.line);
    if (fields !== undefined) drafts = [{ ...base, kind, title: fields.name, body: '', line: record.line, key: fields.sku ?? foldText(fields.name), product: fields }];
  } else if (kind !== undefined) {
    drafts = textEntries(reader, kind, base, record.line);
  }
  if (reader.problems.length === 0) return { drafts, problems: [] };
  const first = Math.min(...reader.problems.map((problem) => problem.line || record.line));
  return { drafts: [], problems: [{ line: first, reason: reader.problems.map((problem) => problem.reason).join('; ') }] };
}

/** File-wide defaults from key/value pairs (front matter, top-level YAML keys). */
export function parseDefaults(values: RecordValue[], languages: readonly string[], base: FileDefaults): { defaults: FileDefaults; problems: Problem[] } {
  const reader = readerOf({ line: 0, values }, languages);
  const kind = reader.fields.has('kind') ? kindOf(reader, undefined) : base.kind;
  const shared = common(reader, base);
  const defaults: FileDefaults = { ...base, ...shared, ...(kind === undefined ? {} : { kind }) };
  for (const extra of reader.extras) reader.problems.push({ line: extra.line, reason: `unknown key "${extra.name}"` });
  return { defaults, problems: reader.problems };
}
