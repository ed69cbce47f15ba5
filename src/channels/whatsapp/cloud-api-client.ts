/**
 * HTTP client for the Cloud API Messages endpoint (API-DIGEST §2.1, §2.7, §3.3):
 * POST {baseUrl}/{apiVersion}/{phoneNumberId}/messages with a Bearer token.
 * Retries only retryable failures (classified by `error.code`), with backoff, a timeout per
 * attempt, and the same Idempotency-Key header on every attempt of one message (our sandbox
 * honours it; Meta ignores it). Never throws: the outcome is in the result.
 *
 * A failure is *ambiguous* when the request may have been accepted although no answer says so
 * (a timeout, a reset connection, a 5xx from a proxy without a Graph error body). Meta has no
 * idempotency key, so before sending such a message again the client waits
 * `unconfirmedWaitMs` and asks `confirm()` whether a status webhook has meanwhile shown the
 * message as accepted (our `biz_opaque_callback_data` carries the key); if so, it is not sent again.
 */
import { parseJson } from '../../core/json.ts';
import type { Logger } from '../../core/ports.ts';
import { silentLogger } from '../../core/ports.ts';
import { GRAPH_CODE, isRetryable, parseGraphError } from './graph-errors.ts';
import { buildMarkReadBody } from './send-builders.ts';

export interface SendFailure {
  code?: number;
  subcode?: number;
  httpStatus?: number;
  message: string;
  details?: string;
  fbtraceId?: string;
  retryable: boolean;
  /** The request may have been accepted: no answer, or an answer that is not the Graph API's. */
  ambiguous?: boolean;
}

export type SendResult =
  | { ok: true; wamid: string; response: unknown; attempts: number; /** Known from a status webhook, not from the answer. */ confirmedByStatus?: boolean }
  | { ok: false; error: SendFailure; attempts: number };

export type MarkReadResult = { ok: true; attempts: number } | { ok: false; error: SendFailure; attempts: number };

export interface SendOptions {
  idempotencyKey: string;
  /** The wamid when a status webhook has shown this message as accepted; asked before re-sending after an ambiguous failure. */
  confirm?: () => Promise<string | undefined>;
}

export interface CloudApiClient {
  send(phoneNumberId: string, body: Record<string, unknown>, options: SendOptions): Promise<SendResult>;
  /** One attempt only: a late read receipt or typing indicator is worth nothing. */
  markRead(phoneNumberId: string, messageId: string, typing: boolean): Promise<MarkReadResult>;
}

export interface CloudApiClientOptions {
  /** e.g. https://graph.facebook.com */
  baseUrl: string;
  /** e.g. v25.0 */
  apiVersion: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
  /** Including the first. Default 4. */
  maxAttempts?: number;
  /** Delay in ms before retry number `attempt` (0 for the first retry), given the failed code. */
  backoff?: (attempt: number, code?: number) => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  /** Minimum wait before re-sending after an ambiguous failure, for a status webhook to confirm it. Default 10 s. */
  unconfirmedWaitMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_UNCONFIRMED_WAIT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 60_000;

/**
 * Meta's advice for the pair rate limit (131056): wait 4^X seconds (X = 0, 1, 2…).
 * Anything else: exponential from 0.5 s with jitter (50–100 % of the step). Both capped at 60 s.
 */
export function defaultBackoff(attempt: number, code?: number): number {
  if (code === GRAPH_CODE.PAIR_RATE_LIMIT) return Math.min(4 ** attempt * 1000, BACKOFF_CAP_MS);
  const step = Math.min(BACKOFF_BASE_MS * 2 ** attempt, BACKOFF_CAP_MS);
  return Math.round(step / 2 + Math.random() * (step / 2));
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The result of one HTTP exchange: the parsed JSON (when any) or a classified failure. */
type Attempt = { ok: true; json: unknown } | { ok: false; error: SendFailure };

/** The last attempt of a send, how many were made, and the wamid if a status webhook confirmed it instead. */
interface Exchange {
  last: Attempt;
  attempts: number;
  confirmed?: string;
}

export function createCloudApiClient(options: CloudApiClientOptions): CloudApiClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const backoff = options.backoff ?? defaultBackoff;
  const sleep = options.sleep ?? defaultSleep;
  const logger = options.logger ?? silentLogger;
  const unconfirmedWaitMs = options.unconfirmedWaitMs ?? DEFAULT_UNCONFIRMED_WAIT_MS;
  const root = options.baseUrl.replace(/\/+$/, '');

  const messagesUrl = (phoneNumberId: string): string =>
    `${root}/${options.apiVersion}/${encodeURIComponent(phoneNumberId)}/messages`;

  async function attemptOnce(url: string, body: Record<string, unknown>, idempotencyKey?: string): Promise<Attempt> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.accessToken}`,
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      return { ok: false, error: transportFailure(cause, timeoutMs) };
    }
    const parsed = parseJson(text);
    const json = parsed.ok ? parsed.value : undefined;
    if (response.ok) return { ok: true, json };
    return { ok: false, error: httpFailure(response.status, json, text) };
  }

  async function withRetries(url: string, body: Record<string, unknown>, send: SendOptions): Promise<Exchange> {
    let attempts = 0;
    for (;;) {
      const last = await attemptOnce(url, body, send.idempotencyKey);
      attempts++;
      if (last.ok || !last.error.retryable || attempts >= maxAttempts) return { last, attempts };
      const ambiguous = last.error.ambiguous === true && send.confirm !== undefined;
      const delay = Math.max(0, backoff(attempts - 1, last.error.code), ambiguous ? unconfirmedWaitMs : 0);
      logger.warn(
        { idempotencyKey: send.idempotencyKey, attempt: attempts, code: last.error.code, httpStatus: last.error.httpStatus, ambiguous, delayMs: delay },
        'cloud api send failed; retrying',
      );
      await sleep(delay);
      const confirmed = ambiguous ? await send.confirm?.() : undefined;
      if (confirmed !== undefined) return { last: { ok: true, json: undefined }, attempts, confirmed };
    }
  }

  return {
    async send(phoneNumberId, body, options) {
      const { last, attempts, confirmed } = await withRetries(messagesUrl(phoneNumberId), body, options);
      if (!last.ok) return { ok: false, error: last.error, attempts };
      if (confirmed !== undefined) return { ok: true, wamid: confirmed, response: undefined, attempts, confirmedByStatus: true };
      const wamid = wamidOf(last.json);
      if (wamid === undefined) {
        // Accepted by HTTP but not understood: retrying could send the message twice.
        const error: SendFailure = { message: 'the send response has no messages[0].id', retryable: false };
        return { ok: false, error, attempts };
      }
      return { ok: true, wamid, response: last.json, attempts };
    },

    async markRead(phoneNumberId, messageId, typing) {
      const last = await attemptOnce(messagesUrl(phoneNumberId), buildMarkReadBody(messageId, typing));
      return last.ok ? { ok: true, attempts: 1 } : { ok: false, error: last.error, attempts: 1 };
    },
  };
}

function wamidOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('messages' in json)) return undefined;
  const { messages } = json;
  if (!Array.isArray(messages)) return undefined;
  const first: unknown = messages[0];
  if (typeof first !== 'object' || first === null || !('id' in first)) return undefined;
  return typeof first.id === 'string' && first.id !== '' ? first.id : undefined;
}

function httpFailure(httpStatus: number, json: unknown, text: string): SendFailure {
  const graph = parseGraphError(json, httpStatus);
  if (graph === undefined) {
    const snippet = text.slice(0, 200).trim();
    const message = `HTTP ${httpStatus}${snippet ? `: ${snippet}` : ''}`;
    // Not the Graph API's own answer (a proxy or load balancer): the request may have gone through.
    return { httpStatus, message, retryable: isRetryable({ httpStatus }), ambiguous: httpStatus >= 500 };
  }
  const failure: SendFailure = { httpStatus, message: graph.message, retryable: isRetryable(graph) };
  if (graph.code !== undefined) failure.code = graph.code;
  if (graph.subcode !== undefined) failure.subcode = graph.subcode;
  if (graph.details !== undefined) failure.details = graph.details;
  if (graph.fbtraceId !== undefined) failure.fbtraceId = graph.fbtraceId;
  return failure;
}

function transportFailure(cause: unknown, timeoutMs: number): SendFailure {
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { message: `no answer within ${timeoutMs} ms`, retryable: isRetryable({ timeout: true }), ambiguous: true };
  }
  const reason = cause instanceof Error ? causeText(cause) : String(cause);
  return { message: `network error: ${reason}`, retryable: isRetryable({ network: true }), ambiguous: !NEVER_SENT.test(reason) };
}

/** Network errors that happen before a request can reach the server. */
const NEVER_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/;

/** undici reports "fetch failed" and puts the useful part (ECONNREFUSED…) in `cause`. */
function causeText(error: Error): string {
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${inner}`;
}
