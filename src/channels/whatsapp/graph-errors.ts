/**
 * Graph API error responses (API-DIGEST §2.8, §3.8): parsing and classification.
 * Decisions are keyed on `error.code`, never on the HTTP status (Meta wraps the same code
 * in different statuses) nor on the message text (titles will be deprecated).
 */
import { z } from 'zod';

export const GRAPH_CODE = {
  /** More than 24 hours since the customer last wrote: only a template may be sent. */
  WINDOW_CLOSED: 131047,
  /** Too many messages to the same user: retry after 4^X seconds. */
  PAIR_RATE_LIMIT: 131056,
  /** Throughput (messages per second) of the business number exceeded. */
  THROUGHPUT_LIMIT: 130429,
} as const;

export interface GraphError {
  code?: number;
  subcode?: number;
  type?: string;
  message: string;
  /** `error.error_data.details`: what Meta advises to key on together with the code. */
  details?: string;
  fbtraceId?: string;
  isTransient?: boolean;
  userTitle?: string;
  userMessage?: string;
  httpStatus?: number;
}

/** Codes are numbers; accept a numeric string too. Anything else counts as absent. */
const optionalInt = z
  .union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])
  .optional()
  .catch(undefined);
const optionalString = z.string().optional().catch(undefined);

const graphErrorBody = z.looseObject({
  error: z.looseObject({
    message: optionalString,
    type: optionalString,
    code: optionalInt,
    error_subcode: optionalInt,
    error_data: z.looseObject({ details: optionalString }).optional().catch(undefined),
    fbtrace_id: optionalString,
    is_transient: z.boolean().optional().catch(undefined),
    error_user_title: optionalString,
    error_user_msg: optionalString,
  }),
});

/** The error of a Graph API response body, or undefined when the body has no `error` object. */
export function parseGraphError(body: unknown, httpStatus?: number): GraphError | undefined {
  const parsed = graphErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const e = parsed.data.error;
  const error: GraphError = { message: e.message ?? (e.code === undefined ? 'unknown Graph API error' : describeGraphError(e.code)) };
  if (e.code !== undefined) error.code = e.code;
  if (e.error_subcode !== undefined) error.subcode = e.error_subcode;
  if (e.type !== undefined) error.type = e.type;
  if (e.error_data?.details !== undefined) error.details = e.error_data.details;
  if (e.fbtrace_id !== undefined) error.fbtraceId = e.fbtrace_id;
  if (e.is_transient !== undefined) error.isTransient = e.is_transient;
  if (e.error_user_title !== undefined) error.userTitle = e.error_user_title;
  if (e.error_user_msg !== undefined) error.userMessage = e.error_user_msg;
  if (httpStatus !== undefined) error.httpStatus = httpStatus;
  return error;
}

/**
 * Worth retrying with backoff: rate limits (4 app, 80007 WABA, 130429 throughput, 131056 pair),
 * temporary failures (1, 2 Graph downtime, 131000 unknown, 131016 unavailable, 131057 maintenance).
 */
const RETRYABLE_CODES: ReadonlySet<number> = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057]);

/**
 * Failures that will not go away by retrying the same request, even if `is_transient` says so:
 * window closed, undeliverable, marketing limits and opt-outs, bad requests, auth, spam limit.
 */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  0, 3, 10, 100, 190, 368, 131005, 131008, 131009, 131021, 131026, 131030, 131031, 131037, 131042, 131045, 131047,
  131048, 131049, 131050, 131051, 131053, 131062, 131063, 131064, 130472, 130497,
]);

export interface FailureFacts {
  code?: number;
  httpStatus?: number;
  isTransient?: boolean;
  /** No HTTP response at all: connection refused or reset, DNS failure. */
  network?: boolean;
  timeout?: boolean;
}

/** Whether the same request may succeed later. */
export function isRetryable(facts: FailureFacts): boolean {
  if (facts.network || facts.timeout) return true;
  const { code } = facts;
  if (code !== undefined) {
    if (RETRYABLE_CODES.has(code)) return true;
    if (PERMANENT_CODES.has(code) || isTemplateCode(code) || isPermissionCode(code)) return false;
    return facts.isTransient === true;
  }
  const status = facts.httpStatus ?? 0;
  return status >= 500 || status === 429;
}

function isTemplateCode(code: number): boolean {
  return code >= 132000 && code < 133000;
}

function isPermissionCode(code: number): boolean {
  return code >= 200 && code <= 299;
}

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  0: 'could not authenticate the app user',
  1: 'unknown Graph API error, possibly temporary',
  2: 'Graph API service temporarily unavailable',
  3: 'capability or permission missing',
  4: 'app API call rate limit hit',
  10: 'permission denied or removed',
  100: 'invalid parameter',
  190: 'access token expired or invalid',
  368: 'temporarily blocked for a policy violation',
  80007: 'WhatsApp Business Account rate limit hit',
  130429: 'throughput rate limit hit',
  130472: 'customer is in a marketing experiment group',
  130497: 'account restricted from messaging users in this country',
  131000: 'something went wrong (unknown error)',
  131005: 'access denied',
  131008: 'required parameter missing',
  131009: 'parameter value invalid',
  131016: 'service temporarily unavailable',
  131021: 'recipient cannot be the sender',
  131026: 'message undeliverable (not a WhatsApp user, terms not accepted or old app)',
  131030: 'recipient not in the allowed list of the test number',
  131031: 'account locked or restricted',
  131037: 'display name of the 555 number not approved',
  131042: 'business payment issue',
  131045: 'certificate or registration error',
  131047: 'more than 24 hours since the customer last wrote: only a template may be sent',
  131048: 'spam rate limit hit',
  131049: 'not delivered to keep ecosystem engagement healthy (per-user marketing limit)',
  131050: 'customer stopped marketing messages',
  131051: 'unsupported message type',
  131052: 'media download error',
  131053: 'media upload error',
  131056: 'pair rate limit hit: too many messages to the same customer',
  131057: 'account in maintenance mode',
  131062: 'business-scoped user id recipients not supported for this message',
  131063: 'marketing templates disabled for the Cloud API',
  131064: 'messaging limit reached because of template classification violations',
  132000: 'template parameter count mismatch',
  132001: 'template does not exist in this language or is not approved',
  132005: 'template text too long after substitution',
  132007: 'template policy violation',
  132008: 'template parameter value invalid',
  132012: 'template parameter format invalid',
  132015: 'template paused',
  132016: 'template disabled',
  132068: 'flow blocked',
  132069: 'flow throttled',
  133016: 'too many registration attempts',
  135000: 'generic user error',
  137000: 'recipient identity key hash mismatch',
};

/** A short human text for a Graph API / Cloud API error code. */
export function describeGraphError(code: number): string {
  const known = DESCRIPTIONS[code];
  if (known !== undefined) return known;
  if (isTemplateCode(code)) return 'template error';
  if (isPermissionCode(code)) return 'API permission error';
  return `Graph API error ${code}`;
}
