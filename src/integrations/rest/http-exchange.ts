/**
 * One HTTP call of a REST integration, with a timeout per attempt and retries for what may
 * succeed later (timeout, network error, 408, 429, 5xx) when the caller allows them. A 2xx
 * answer must be JSON (or empty); a 4xx answer is handed back for the refusal rules.
 * Never throws: failures are IntegrationErrors.
 */
import type { IntegrationError } from '../../core/integrations.ts';
import { parseJson } from '../../core/json.ts';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface ExchangeOptions {
  timeoutMs: number;
  /** Including the first. */
  maxAttempts: number;
  /** False for a request that must not be sent twice (a POST without an idempotency key header). */
  retry: boolean;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** What the messages call the operation, e.g. `orders.get_order (GET https://shop.example/api/orders/{order_number})`. */
  label: string;
}

/** A 2xx answer's JSON, a 4xx answer (for the refusal rules), or a failure. */
export type Exchange =
  | { kind: 'success'; status: number; json: unknown; attempts: number }
  | { kind: 'client_error'; status: number; json: unknown; attempts: number }
  | { kind: 'failure'; error: IntegrationError };

type Attempt = { kind: 'answer'; status: number; text: string } | { kind: 'retryable'; error: IntegrationError };

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

export function backoffMs(attempt: number): number {
  const step = Math.min(200 * 2 ** attempt, 5000);
  return Math.round(step / 2 + Math.random() * (step / 2));
}

function unavailable(label: string, message: string, details: Record<string, unknown>): IntegrationError {
  return { code: 'INTEGRATION_UNAVAILABLE', retryable: true, message: `${label}: ${message}`, details };
}

async function attemptOnce(request: HttpRequest, options: ExchangeOptions): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    });
    const text = await response.text();
    if (RETRYABLE_STATUS.has(response.status) || response.status >= 500) {
      return { kind: 'retryable', error: unavailable(options.label, `HTTP ${response.status}`, { status: response.status }) };
    }
    return { kind: 'answer', status: response.status, text };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'retryable', error: unavailable(options.label, `no answer within ${options.timeoutMs} ms`, { timeoutMs: options.timeoutMs }) };
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { kind: 'retryable', error: unavailable(options.label, `request failed: ${reason}`, {}) };
  } finally {
    clearTimeout(timer);
  }
}

function classify(answer: { status: number; text: string }, attempts: number, label: string): Exchange {
  const parsed = answer.text.trim() === '' ? { ok: true as const, value: null } : parseJson(answer.text);
  if (answer.status >= 200 && answer.status < 300) {
    if (!parsed.ok) {
      return { kind: 'failure', error: { code: 'INTEGRATION_BAD_RESPONSE', retryable: false, message: `${label}: the answer (HTTP ${answer.status}) is not JSON: ${parsed.error}`, details: { status: answer.status } } };
    }
    return { kind: 'success', status: answer.status, json: parsed.value, attempts };
  }
  if (answer.status >= 400 && answer.status < 500) return { kind: 'client_error', status: answer.status, json: parsed.ok ? parsed.value : undefined, attempts };
  return { kind: 'failure', error: { code: 'INTEGRATION_REJECTED', retryable: false, message: `${label}: unexpected HTTP ${answer.status}`, details: { status: answer.status } } };
}

export async function exchange(request: HttpRequest, options: ExchangeOptions): Promise<Exchange> {
  const maxAttempts = options.retry ? Math.max(1, options.maxAttempts) : 1;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const result = await attemptOnce(request, options);
    if (result.kind === 'answer') return classify(result, attempt, options.label);
    if (attempt >= maxAttempts) {
      const note = options.retry ? `${attempt} attempt${attempt === 1 ? '' : 's'}` : 'not retried: a mutating request without an idempotency key header';
      return { kind: 'failure', error: { ...result.error, message: `${result.error.message} (${note})`, details: { ...result.error.details, attempts: attempt } } };
    }
    await options.sleep(backoffMs(attempt - 1));
  }
}
