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
  KB_IMPORT_INVALID: 'a knowledge import path does not exist or holds no file the import reads',
  INTEGRATION_UNAVAILABLE: 'an integration (orders, bookings, CRM, tickets, payments) did not answer or failed; it may work later',
  INTEGRATION_REJECTED: 'an integration refused the request itself (bad credentials, invalid request, idempotency key reused)',
  INTEGRATION_BAD_RESPONSE: 'an integration answered with something the configured mapping cannot read',
  ORDER_NOT_FOUND: 'no order with this number for this customer',
  UNKNOWN_SERVICE: 'the business offers no service with this id',
  SLOT_TAKEN: 'the requested slot has just been booked by someone else',
  SLOT_UNAVAILABLE: 'the requested time is not a bookable slot (closed, in the past, too soon, no qualified staff)',
  TOO_LATE_TO_CHANGE: 'the booking starts too soon to be moved or cancelled under the business rules',
  BOOKING_NOT_FOUND: 'no active booking with this id for this customer',
  CONTACT_NOT_FOUND: 'no CRM contact with this phone number',
  TICKET_NOT_FOUND: 'no ticket with this id',
  PAYMENT_NOT_FOUND: 'no payment link with this id',
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
