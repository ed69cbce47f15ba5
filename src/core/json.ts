/**
 * Small helpers for parsed JSON and optional fields, shared by every folder (core imports
 * nothing of ours, so anyone may import this).
 */

/** A plain object (not null, not an array): what a JSON object parses to. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

/** JSON.parse that never throws: the value, or the parser's message. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A copy without the properties whose value is undefined, so absent optional fields stay absent. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
