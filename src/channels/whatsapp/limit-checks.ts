/**
 * Checks used by the send builders. Each failure throws AppError('SEND_LIMIT_EXCEEDED')
 * with a message naming the body field path and the limit, before any request is made.
 */
import { AppError } from '../../core/errors.ts';
import { charCount } from '../../core/reply-limits.ts';

function fail(path: string, message: string, details: Record<string, unknown>): never {
  throw new AppError('SEND_LIMIT_EXCEEDED', `${path} ${message}`, { details: { path, ...details } });
}

/** A text that must not be empty or blank. */
export function checkRequired(path: string, text: string): void {
  if (text.trim() === '') fail(path, 'is empty; it is required', { actual: 0 });
}

/** Text of at most `max` code points; `required` also rejects an empty or blank text. */
export function checkLength(path: string, text: string, max: number, required = true): void {
  if (required) checkRequired(path, text);
  const count = charCount(text);
  if (count > max) fail(path, `is ${count} characters; the limit is ${max}`, { limit: max, actual: count });
}

/** A list with between `min` and `max` items. */
export function checkCount(path: string, count: number, min: number, max: number): void {
  if (count < min) fail(path, `has ${count} items; at least ${min} required`, { limit: min, actual: count });
  if (count > max) fail(path, `has ${count} items; the limit is ${max}`, { limit: max, actual: count });
}

/** An id the API rejects with leading or trailing whitespace. */
export function checkNoOuterSpaces(path: string, text: string): void {
  if (text !== text.trim()) fail(path, 'has leading or trailing spaces; they are not allowed', { value: text });
}

/** Values that must be unique within a message (button titles, button ids, row ids). */
export function checkUnique(paths: string[], values: string[], what: string): void {
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    const first = seen.get(value);
    const path = paths[index] ?? `[${index}]`;
    if (first !== undefined) {
      fail(path, `"${value}" repeats ${paths[first] ?? `[${first}]`}; ${what} must be unique`, { value });
    }
    seen.set(value, index);
  });
}
