/**
 * Graph API error answers in Meta's shape (API digest §2.8):
 * {error:{message:"(#<code>) …", type:"OAuthException", code, error_data:{messaging_product, details}, fbtrace_id}}.
 */
import { randomBytes } from 'node:crypto';
import type { GraphAnswer, MetaErrorBody } from './types.ts';

export function fbtraceId(): string {
  return randomBytes(17).toString('base64').replace(/[+/=]/g, '').slice(0, 23);
}

interface ErrorParts {
  httpStatus: number;
  code: number;
  message: string;
  details?: string;
  subcode?: number;
  type?: string;
  transient?: boolean;
}

export function metaError(parts: ErrorParts): GraphAnswer {
  const body: MetaErrorBody = {
    error: {
      message: parts.message,
      type: parts.type ?? 'OAuthException',
      code: parts.code,
      ...(parts.subcode === undefined ? {} : { error_subcode: parts.subcode }),
      ...(parts.details === undefined ? {} : { error_data: { messaging_product: 'whatsapp' as const, details: parts.details } }),
      ...(parts.transient === true ? { is_transient: true } : {}),
      fbtrace_id: fbtraceId(),
    },
  };
  return { httpStatus: parts.httpStatus, body };
}

/** 190, the answer to a missing or wrong access token (netflie's recorded body). */
export function invalidTokenError(): GraphAnswer {
  return metaError({ httpStatus: 401, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
}

/** 100 / subcode 33: the phone number id is not one this token may use (java-api phoneNumberNotFoundError). */
export function unknownObjectError(id: string): GraphAnswer {
  return metaError({
    httpStatus: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message:
      `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, ` +
      'or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api',
  });
}

export function unknownPathError(path: string): GraphAnswer {
  return metaError({ httpStatus: 400, code: 2500, message: `Unknown path components: ${path}` });
}

export type ValidationCode = 100 | 131008 | 131009;

const VALIDATION_TITLES: Record<ValidationCode, string> = {
  100: 'Invalid parameter',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
};

export function validationError(code: ValidationCode, details: string): GraphAnswer {
  return metaError({ httpStatus: 400, code, message: `(#${code}) ${VALIDATION_TITLES[code]}`, details });
}

export function reengagementError(): GraphAnswer {
  return metaError({
    httpStatus: 400,
    code: 131047,
    message: '(#131047) Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  });
}

/** Titles of the codes tests usually inject, so `fail-next` needs only a code. */
const KNOWN_TITLES: Record<number, string> = {
  4: 'Application request limit reached',
  80007: 'Rate limit issues',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131016: 'Service unavailable',
  131026: 'Message undeliverable',
  131048: 'Spam rate limit hit',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  131057: 'Account in maintenance mode',
};

/** The answer /control/fail-next injects. A bare `{httpStatus: 500}` becomes a transient 131000. */
export function injectedError(spec: { httpStatus?: number; code?: number; message?: string; details?: string; subcode?: number }): GraphAnswer {
  const httpStatus = spec.httpStatus ?? (spec.code === undefined ? 500 : 400);
  const code = spec.code ?? 131000;
  const title = spec.message ?? KNOWN_TITLES[code] ?? 'Injected failure';
  return metaError({
    httpStatus,
    code,
    message: title.startsWith('(#') ? title : `(#${code}) ${title}`,
    details: spec.details ?? `${title} (injected by the sandbox)`,
    ...(spec.subcode === undefined ? {} : { subcode: spec.subcode }),
    transient: httpStatus >= 500 || code === 130429 || code === 131056 || code === 131000 || code === 131016,
  });
}

export function hangTimeoutError(): GraphAnswer {
  return metaError({
    httpStatus: 504,
    code: 131000,
    message: '(#131000) Something went wrong',
    details: 'The request was held by /control/hang-next and timed out.',
    transient: true,
  });
}
