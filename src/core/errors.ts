/**
 * One error base class with stable codes. Every code is listed in docs/errors.md
 * (a test checks that the catalogue and this list agree).
 */
export const ERROR_CODES = {
  CONFIG_INVALID: 'the business configuration file is missing or invalid',
  SETTINGS_INVALID: 'an environment setting is missing or malformed',
  WEBHOOK_SIGNATURE_MISSING: 'the X-Hub-Signature-256 header is missing',
  WEBHOOK_SIGNATURE_INVALID: 'the X-Hub-Signature-256 header does not match the body',
  WEBHOOK_BODY_TOO_LARGE: 'the webhook body is larger than 3 MB',
  WEBHOOK_BODY_NOT_JSON: 'the webhook body is not JSON',
  WEBHOOK_NOT_WHATSAPP: 'the webhook body is not a WhatsApp Business Account notification',
  SEND_LIMIT_EXCEEDED: 'an outgoing message breaks a Cloud API limit',
  SEND_NO_RECIPIENT: 'an outgoing message has neither a phone number (wa_id) nor a business-scoped user id to send to',
  DATA_INVALID: 'a data file given to the CLI is missing or malformed',
  STORE_FAILURE: 'the store could not complete an operation',
  NOT_FOUND: 'the requested item does not exist',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  /** Extra structured detail, e.g. the JSON path of a bad field. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly isRetryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.isRetryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }
}

export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
