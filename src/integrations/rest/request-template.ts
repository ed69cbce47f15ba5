/**
 * Filling the request templates of a REST operation: `{name}` placeholders in the URL
 * (each value percent-encoded) and in a JSON body template (a string that is exactly one
 * placeholder takes the variable's JSON value — number, boolean, list — otherwise it is
 * interpolated as text; object keys whose value is absent are dropped).
 */
import { isRecord } from '../../core/json.ts';

export type TemplateValue = string | number | boolean | null | undefined | readonly unknown[] | Record<string, unknown>;
export type TemplateVars = Record<string, TemplateValue>;

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;
const WHOLE = /^\{([a-z][a-z0-9_]*)\}$/;

/** Every placeholder name used in a URL or body template. */
export function placeholdersOf(template: unknown): string[] {
  if (typeof template === 'string') return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  if (Array.isArray(template)) return template.flatMap(placeholdersOf);
  if (isRecord(template)) return Object.values(template).flatMap(placeholdersOf);
  return [];
}

function asText(value: TemplateValue): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function fillUrl(template: string, vars: TemplateVars): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => encodeURIComponent(asText(vars[name])));
}

function fillString(template: string, vars: TemplateVars): unknown {
  const whole = WHOLE.exec(template);
  if (whole !== null) return vars[whole[1] as string];
  return template.replace(PLACEHOLDER, (_match, name: string) => asText(vars[name]));
}

/** The body to send: the template with every placeholder replaced; absent values are dropped from objects and null in lists. */
export function fillBody(template: unknown, vars: TemplateVars): unknown {
  if (typeof template === 'string') return fillString(template, vars);
  if (Array.isArray(template)) return template.map((item) => fillBody(item, vars) ?? null);
  if (isRecord(template)) {
    const entries = Object.entries(template).map(([key, value]) => [key, fillBody(value, vars)] as const);
    return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  }
  return template;
}
