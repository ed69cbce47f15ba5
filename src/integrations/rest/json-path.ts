/**
 * A small JSON path for REST field mappings: dot-separated keys with optional array
 * indexes, `data.order.status`, `items[0].name` or `items.0.name`; the empty path is the
 * whole document. Reading never throws: a missing step is reported with the path up to it.
 */
import { isRecord } from '../../core/json.ts';

export type PathStep = string | number;

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;

/** The steps of a path, or undefined when it is malformed. */
export function parsePath(path: string): PathStep[] | undefined {
  if (path === '') return [];
  const steps: PathStep[] = [];
  for (const segment of path.split('.')) {
    const match = SEGMENT.exec(segment);
    if (match === null) return undefined;
    const key = match[1] as string;
    steps.push(/^\d+$/.test(key) ? Number(key) : key);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

export function isJsonPath(path: string): boolean {
  return parsePath(path) !== undefined;
}

export type PathRead = { found: true; value: unknown } | { found: false };

function step(value: unknown, key: PathStep): PathRead {
  if (typeof key === 'number' && Array.isArray(value)) return key < value.length ? { found: true, value: value[key] } : { found: false };
  if (isRecord(value) && Object.hasOwn(value, String(key))) return { found: true, value: value[String(key)] };
  return { found: false };
}

/** The value at `path`; `null` counts as found (the caller decides what null means). */
export function readPath(document: unknown, path: string): PathRead {
  const steps = parsePath(path);
  if (steps === undefined) return { found: false };
  let current: PathRead = { found: true, value: document };
  for (const key of steps) {
    if (!current.found) break;
    current = step(current.value, key);
  }
  return current;
}

/** `base` then `path`, for messages: `data.order` + `status` → `data.order.status`. */
export function joinPath(base: string, path: string): string {
  if (base === '') return path;
  if (path === '') return base;
  return path.startsWith('[') ? `${base}${path}` : `${base}.${path}`;
}
