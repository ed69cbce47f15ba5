/**
 * Reading a remote JSON answer into our fields: each field of an operation's shape has a
 * kind (text, integer, time, money, enum…) and a mapping (a JSON path, by default the
 * field's own name, with an optional value table and unit). A required field that is
 * missing, a value of the wrong kind or a value the table does not cover is an error that
 * names the JSON path, never a silent gap.
 */
import { isRecord } from '../../core/json.ts';
import type { FieldMapping, FieldMappingConfig } from '../integrations-config.ts';
import { joinPath, readPath } from './json-path.ts';

export type Kind =
  | { type: 'string' | 'integer' | 'number' | 'boolean' | 'time' | 'money' | 'date' | 'clock' | 'strings' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; shape: Shape };

export interface FieldSpec {
  kind: Kind;
  required: boolean;
}
export type Shape = Record<string, FieldSpec>;
export type Mapped = Record<string, unknown>;

export const req = (kind: Kind | Kind['type']): FieldSpec => ({ kind: typeof kind === 'string' ? ({ type: kind } as Kind) : kind, required: true });
export const opt = (kind: Kind | Kind['type']): FieldSpec => ({ kind: typeof kind === 'string' ? ({ type: kind } as Kind) : kind, required: false });

export type MapResult<T> = { ok: true; value: T } | { ok: false; problem: string };

function normalize(mapping: FieldMapping | undefined, field: string): FieldMappingConfig {
  if (mapping === undefined) return { path: field };
  return typeof mapping === 'string' ? { path: mapping } : mapping;
}

const bad = (path: string, what: string, value: unknown): MapResult<never> => ({
  ok: false,
  problem: `\`${path}\` is ${JSON.stringify(value)}, not ${what}`,
});

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+([.,]\d+)?$/.test(value.trim())) return Number(value.trim().replace(',', '.'));
  return undefined;
}

function convertScalar(type: string, value: unknown, mapping: FieldMappingConfig, path: string): MapResult<unknown> {
  const number = toNumber(value);
  switch (type) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? { ok: true, value: String(value) } : bad(path, 'text', value);
    case 'integer':
      return number !== undefined && Number.isInteger(number) ? { ok: true, value: number } : bad(path, 'a whole number', value);
    case 'number':
      return number !== undefined ? { ok: true, value: number } : bad(path, 'a number', value);
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      return value === 'true' || value === 'false' ? { ok: true, value: value === 'true' } : bad(path, 'true or false', value);
    case 'money': {
      if (number === undefined) return bad(path, 'an amount', value);
      if (mapping.unit === 'major') return { ok: true, value: Math.round(number * 100) };
      return Number.isInteger(number) ? { ok: true, value: number } : bad(path, 'an amount in cents (set unit: major for 49.90)', value);
    }
    case 'time': {
      if (typeof value === 'number') return { ok: true, value: mapping.unit === 's' ? value * 1000 : value };
      const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(parsed) ? bad(path, 'a time (ISO 8601 or epoch milliseconds)', value) : { ok: true, value: parsed };
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? { ok: true, value: value.slice(0, 10) } : bad(path, 'a date YYYY-MM-DD', value);
    case 'clock':
      return typeof value === 'string' && /^\d{2}:\d{2}/.test(value) ? { ok: true, value: value.slice(0, 5) } : bad(path, 'a time of day HH:MM', value);
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')
        ? { ok: true, value: value.map(String) }
        : bad(path, 'a list of texts', value);
    default:
      return bad(path, type, value);
  }
}

function convertEnum(values: readonly string[], value: unknown, mapping: FieldMappingConfig, path: string): MapResult<string> {
  const raw = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  if (raw === undefined) return bad(path, `one of ${values.join(', ')}`, value);
  const ours = mapping.map === undefined ? raw : mapping.map[raw];
  if (ours === undefined) return { ok: false, problem: `\`${path}\` is ${JSON.stringify(value)}, which the map of this field does not cover` };
  return values.includes(ours) ? { ok: true, value: ours } : { ok: false, problem: `\`${path}\` is ${JSON.stringify(value)}, which maps to none of ${values.join(', ')}` };
}

function convertList(shape: Shape, value: unknown, mapping: FieldMappingConfig, path: string): MapResult<Mapped[]> {
  if (!Array.isArray(value)) return bad(path, 'a list', value);
  const items: Mapped[] = [];
  for (const [index, item] of value.entries()) {
    const mapped = mapShape(item, shape, mapping.fields ?? {}, `${path}[${index}]`);
    if (!mapped.ok) return mapped;
    items.push(mapped.value);
  }
  return { ok: true, value: items };
}

function convert(kind: Kind, value: unknown, mapping: FieldMappingConfig, path: string): MapResult<unknown> {
  if (kind.type === 'enum') return convertEnum(kind.values, value, mapping, path);
  if (kind.type === 'list') return convertList(kind.shape, value, mapping, path);
  return convertScalar(kind.type, value, mapping, path);
}

/** Maps one JSON object to the shape's fields; absent optional fields are left out. `where` is the object's own path, for messages. */
export function mapShape(document: unknown, shape: Shape, mappings: Record<string, FieldMapping>, where: string): MapResult<Mapped> {
  if (!isRecord(document)) return bad(where === '' ? '(the answer)' : where, 'an object', document);
  const mapped: Mapped = {};
  for (const [field, spec] of Object.entries(shape)) {
    const mapping = normalize(mappings[field], field);
    const path = joinPath(where, mapping.path);
    const read = readPath(document, mapping.path);
    if (!read.found || read.value === null || read.value === undefined) {
      if (spec.required) return { ok: false, problem: `the answer has no \`${path}\` (mapped to ${field})` };
      continue;
    }
    const converted = convert(spec.kind, read.value, mapping, path);
    if (!converted.ok) return converted;
    mapped[field] = converted.value;
  }
  return { ok: true, value: mapped };
}

/** The mapping keys that name no field of the shape (config typos), with their nesting. */
export function unknownFields(shape: Shape, mappings: Record<string, FieldMapping>, prefix = ''): string[] {
  return Object.entries(mappings).flatMap(([field, mapping]) => {
    const spec = shape[field];
    if (spec === undefined) return [`${prefix}${field}`];
    if (typeof mapping === 'string' || mapping.fields === undefined) return [];
    return spec.kind.type === 'list' ? unknownFields(spec.kind.shape, mapping.fields, `${prefix}${field}.`) : [`${prefix}${field}.fields`];
  });
}
