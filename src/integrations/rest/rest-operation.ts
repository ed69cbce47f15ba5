/**
 * One configured REST operation (e.g. orders.get_order): checked once when the adapter is
 * built (placeholders, mapping keys, refusal codes, secrets from the environment), then run
 * per call: fill the templates, exchange, turn a 4xx into a refusal or a rejection, and map
 * a 2xx answer into the operation's fields.
 */
import { AppError } from '../../core/errors.ts';
import type { IntegrationError, Refusal, RefusalCode } from '../../core/integrations.ts';
import { fail, refuse } from '../../core/integrations.ts';
import { compact } from '../../core/json.ts';
import type { HeadersConfig, OperationConfig, RestPortConfig } from '../integrations-config.ts';
import { exchange } from './http-exchange.ts';
import { readPath } from './json-path.ts';
import { fillBody, fillUrl, placeholdersOf } from './request-template.ts';
import type { TemplateVars } from './request-template.ts';
import { mapShape, unknownFields } from './response-mapping.ts';
import type { MapResult, Mapped, Shape } from './response-mapping.ts';

export interface OperationSpec {
  name: string;
  /** Placeholders the templates may use (`idempotency_key` is added for mutating operations). */
  variables: readonly string[];
  mutating: boolean;
  /** What a 404 means when no refusal rule says otherwise. */
  notFound?: RefusalCode;
  /** Refusal codes the rules may give. */
  refusals: readonly RefusalCode[];
  shape: Shape;
  list: boolean;
}

export interface RestDeps {
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
}

export type OperationResult<T> = { ok: true; value: T } | { ok: false; refusal: Refusal<RefusalCode> } | { ok: false; error: IntegrationError };

export interface RestOperation {
  run(vars: TemplateVars, idempotencyKey?: string): Promise<OperationResult<Mapped>>;
  runList(vars: TemplateVars, idempotencyKey?: string): Promise<OperationResult<Mapped[]>>;
}

function configError(where: string, message: string): AppError {
  return new AppError('CONFIG_INVALID', `integrations.${where}: ${message}`);
}

function absoluteUrl(where: string, url: string, base: string | undefined): string {
  if (/^https?:\/\//.test(url)) return url;
  if (base === undefined) throw configError(`${where}.url`, `"${url}" is relative and the port has no base_url`);
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** The configured headers with every `{ env }` value read now: a missing variable stops start-up, naming it. */
export function resolveHeaders(where: string, headers: HeadersConfig, env: RestDeps['env']): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') {
      resolved[name] = value;
      continue;
    }
    const secret = env[value.env];
    if (secret === undefined || secret === '') {
      throw new AppError('SETTINGS_INVALID', `${value.env} is not set (needed by integrations.${where}.headers.${name})`);
    }
    resolved[name] = `${value.prefix}${secret}`;
  }
  return resolved;
}

function check(where: string, spec: OperationSpec, op: OperationConfig): void {
  const known = spec.mutating ? [...spec.variables, 'idempotency_key'] : spec.variables;
  const unknown = [...new Set([...placeholdersOf(op.url), ...placeholdersOf(op.body)])].filter((name) => !known.includes(name));
  if (unknown.length > 0) throw configError(where, `unknown placeholder ${unknown.map((name) => `{${name}}`).join(', ')}; this operation knows ${known.map((name) => `{${name}}`).join(', ') || 'none'}`);
  const typos = unknownFields(spec.shape, op.result.fields);
  if (typos.length > 0) throw configError(`${where}.result.fields`, `${typos.join(', ')} ${typos.length === 1 ? 'is' : 'are'} not a field of this operation; its fields are ${Object.keys(spec.shape).join(', ')}`);
  const allowed = [...spec.refusals, ...(spec.notFound === undefined ? [] : [spec.notFound])];
  const wrong = op.refusals.filter((rule) => !allowed.includes(rule.code)).map((rule) => rule.code);
  if (wrong.length > 0) throw configError(`${where}.refusals`, `${wrong.join(', ')} cannot come from this operation; it may refuse with ${allowed.join(', ') || 'nothing'}`);
}

function refusalFor(spec: OperationSpec, op: OperationConfig, status: number, json: unknown, label: string): { ok: false; refusal: Refusal<RefusalCode> } | undefined {
  for (const rule of op.refusals) {
    if (rule.status !== status) continue;
    if (rule.path !== undefined) {
      const read = readPath(json, rule.path);
      if (!read.found || read.value !== rule.equals) continue;
    }
    return refuse(rule.code, `${label}: HTTP ${status}, refused as ${rule.code}`);
  }
  return status === 404 && spec.notFound !== undefined ? refuse(spec.notFound, `${label}: HTTP 404`) : undefined;
}

function mapAnswer(spec: OperationSpec, op: OperationConfig, json: unknown, list: boolean): MapResult<Mapped | Mapped[]> {
  const root = readPath(json, op.result.path);
  if (!root.found || root.value === null) return { ok: false, problem: op.result.path === '' ? 'the answer is empty' : `the answer has no \`${op.result.path}\` (result.path)` };
  if (!list) return mapShape(root.value, spec.shape, op.result.fields, op.result.path);
  if (!Array.isArray(root.value)) return { ok: false, problem: `\`${op.result.path || '(the answer)'}\` is not a list` };
  const items: Mapped[] = [];
  for (const [index, item] of root.value.entries()) {
    const mapped = mapShape(item, spec.shape, op.result.fields, `${op.result.path}[${index}]`);
    if (!mapped.ok) return mapped;
    items.push(mapped.value);
  }
  return { ok: true, value: items };
}

/**
 * The status mapping tables, used backwards for request variables of the same name: with
 * `status: { map: { WAITING: pending } }`, a `{status}` of `pending` is sent as `WAITING`.
 */
function inverseMaps(op: OperationConfig): Map<string, Map<string, string>> {
  const maps = new Map<string, Map<string, string>>();
  for (const [field, mapping] of Object.entries(op.result.fields)) {
    if (typeof mapping === 'string' || mapping.map === undefined) continue;
    maps.set(field, new Map(Object.entries(mapping.map).map(([theirs, ours]) => [ours, theirs])));
  }
  return maps;
}

function outgoing(vars: TemplateVars, inverse: Map<string, Map<string, string>>): TemplateVars {
  const mapped: TemplateVars = { ...vars };
  for (const [name, table] of inverse) {
    const value = vars[name];
    if (typeof value === 'string' && table.has(value)) mapped[name] = table.get(value);
  }
  return mapped;
}

function operationOf(port: string, spec: OperationSpec, config: RestPortConfig): OperationConfig {
  const op = config.operations[spec.name];
  if (op === undefined) throw configError(`${port}.operations`, `${spec.name} is missing`);
  return op;
}

/** Checks the operation's configuration (throws CONFIG_INVALID or SETTINGS_INVALID) and returns it ready to run. */
export function createRestOperation(port: string, spec: OperationSpec, config: RestPortConfig, deps: RestDeps): RestOperation {
  const op = operationOf(port, spec, config);
  const where = `${port}.operations.${spec.name}`;
  check(where, spec, op);
  const url = absoluteUrl(where, op.url, config.base_url);
  const headers = { accept: 'application/json', ...resolveHeaders(port, config.headers, deps.env) };
  const label = `${port}.${spec.name} (${op.method} ${url})`;
  const idempotencyHeader = spec.mutating ? config.idempotency_header : undefined;
  const inverse = inverseMaps(op);

  async function call(given: TemplateVars, list: boolean, key: string | undefined): Promise<OperationResult<Mapped | Mapped[]>> {
    if (spec.mutating && (key === undefined || key.trim() === '')) return fail('INTEGRATION_REJECTED', `${label}: an idempotency key is required`, false);
    const vars = { ...outgoing(given, inverse), idempotency_key: key };
    const body = op.body === undefined ? undefined : fillBody(op.body, vars);
    const requestHeaders: Record<string, string> = { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    if (idempotencyHeader !== undefined && key !== undefined) requestHeaders[idempotencyHeader] = key;
    const answer = await exchange(
      { method: op.method, url: fillUrl(url, vars), headers: requestHeaders, body },
      { timeoutMs: config.timeout_ms, maxAttempts: config.retries + 1, retry: op.method === 'GET' || idempotencyHeader !== undefined, fetch: deps.fetch, sleep: deps.sleep, label },
    );
    if (answer.kind === 'client_error') {
      const remote = answer.json === undefined ? undefined : JSON.stringify(answer.json).slice(0, 200);
      return refusalFor(spec, op, answer.status, answer.json, label) ?? fail('INTEGRATION_REJECTED', `${label}: HTTP ${answer.status}`, false, compact({ status: answer.status, remote }));
    }
    if (answer.kind === 'failure') return { ok: false, error: answer.error };
    const mapped = mapAnswer(spec, op, answer.json, list);
    return mapped.ok ? mapped : fail('INTEGRATION_BAD_RESPONSE', `${label}: ${mapped.problem}`, false);
  }

  return {
    run: (vars, key) => call(vars, false, key) as Promise<OperationResult<Mapped>>,
    runList: (vars, key) => call(vars, true, key) as Promise<OperationResult<Mapped[]>>,
  };
}
