/**
 * Validates a POST /messages body the way the Cloud API does and turns the first
 * problem into Meta's error answer:
 * - envelope problems (messaging_product, type, recipient_type) → 100 "Invalid parameter";
 * - a required field that is absent → 131008 "Required parameter is missing";
 * - any other bad value or broken limit → 131009 "Parameter value is not valid".
 * `error_data.details` names the field as a JSON path, e.g. `interactive.action.buttons[0].reply.title`.
 */
import type { z } from 'zod';
import { isRecord } from '../core/json.ts';
import { validationError, type ValidationCode } from './meta-errors.ts';
import { PAYLOAD_SCHEMAS, buttonInteractive, envelope, listInteractive, markReadBody } from './send-schemas.ts';
import type { GraphAnswer } from './types.ts';

export type ParsedSend =
  | { kind: 'read'; messageId: string; typing: boolean }
  | {
      kind: 'message';
      type: string;
      /** The `to` field exactly as sent (echoed as contacts[].input). */
      input: string;
      /** Digits of `to`, or the BSUID given in `recipient`. */
      recipient: string;
      isBsuid: boolean;
      contextId?: string;
      callbackData?: string;
    };

export type SendValidation = { ok: true; send: ParsedSend } | { ok: false; answer: GraphAnswer };

type PathItem = PropertyKey;

const ENVELOPE_FIELDS = new Set(['messaging_product', 'type', 'recipient_type']);

/** `interactive.action.buttons[0].reply.title` */
export function formatPath(path: readonly PathItem[]): string {
  return path
    .map((item, index) => (typeof item === 'number' ? `[${item}]` : index === 0 ? String(item) : `.${String(item)}`))
    .join('');
}

function valueAt(data: unknown, path: readonly PathItem[]): unknown {
  let current: unknown = data;
  for (const item of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[item];
  }
  return current;
}

function refusal(data: unknown, issue: z.core.$ZodIssue, prefix: readonly PathItem[]): GraphAnswer {
  const path = [...prefix, ...issue.path];
  const field = formatPath(path);
  const missing = valueAt(data, path) === undefined && issue.code !== 'too_small' && issue.code !== 'too_big';
  const code: ValidationCode = ENVELOPE_FIELDS.has(String(path[0])) && path.length === 1 ? 100 : missing ? 131008 : 131009;
  const details = missing ? `The parameter ${field} is required.` : `${field}: ${issue.message}`;
  return validationError(code, details);
}

function check(schema: z.ZodType, value: unknown, root: unknown, prefix: readonly PathItem[]): GraphAnswer | undefined {
  const result = schema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  return issue === undefined ? undefined : refusal(root, issue, prefix);
}

/** Meta accepts `+`, `-`, `()`, spaces (and dots) in `to` (§2.1). */
export function phoneDigits(to: string): string | undefined {
  const digits = to.replace(/[\s()+\-.]/g, '');
  return /^\d{6,15}$/.test(digits) ? digits : undefined;
}

const BSUID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/;

function resolveRecipient(body: Record<string, unknown>): { input: string; recipient: string; isBsuid: boolean } | GraphAnswer {
  const to = body['to'];
  const recipient = body['recipient'];
  if (typeof recipient === 'string' && to === undefined) {
    if (!BSUID.test(recipient)) return validationError(131009, `recipient: "${recipient}" is not a business-scoped user id (e.g. US.13491208655302741918)`);
    return { input: recipient, recipient, isBsuid: true };
  }
  if (typeof to !== 'string') return validationError(131008, 'The parameter to is required.');
  const digits = phoneDigits(to);
  if (digits === undefined) return validationError(131009, `to: "${to}" is not a valid phone number`);
  return { input: to, recipient: digits, isBsuid: false };
}

/**
 * java-api serialises `interactive.type` as "BUTTON"/"LIST". Meta's docs only show lower
 * case; the sandbox accepts any case (so such clients work here) and the engine must still
 * send lower case, which its own builders do.
 */
function interactiveSchema(interactive: unknown): z.ZodType | GraphAnswer {
  const type = isRecord(interactive) ? interactive['type'] : undefined;
  if (type === undefined) return validationError(131008, 'The parameter interactive.type is required.');
  const normalised = typeof type === 'string' ? type.toLowerCase() : '';
  if (normalised === 'button') return buttonInteractive;
  if (normalised === 'list') return listInteractive;
  return validationError(131009, `interactive.type: must be one of button, list (got ${JSON.stringify(type)}); other interactive types are not simulated`);
}

function payloadSchema(type: string, payload: unknown): z.ZodType | GraphAnswer {
  if (type === 'interactive') return interactiveSchema(payload);
  const schema = PAYLOAD_SCHEMAS[type];
  return schema ?? validationError(100, `type: unsupported message type ${type}`);
}

function validateMarkRead(body: Record<string, unknown>): SendValidation {
  const problem = check(markReadBody, body, body, []);
  if (problem !== undefined) return { ok: false, answer: problem };
  return { ok: true, send: { kind: 'read', messageId: String(body['message_id']), typing: body['typing_indicator'] !== undefined } };
}

function isAnswer(value: z.ZodType | GraphAnswer): value is GraphAnswer {
  return 'httpStatus' in value;
}

export function validateSend(body: unknown): SendValidation {
  if (!isRecord(body)) return { ok: false, answer: validationError(100, 'The request body must be a JSON object.') };
  if (body['status'] !== undefined) return validateMarkRead(body);
  const envelopeProblem = check(envelope, body, body, []);
  if (envelopeProblem !== undefined) return { ok: false, answer: envelopeProblem };
  if (body['recipient_type'] === 'group') {
    return { ok: false, answer: validationError(131009, 'recipient_type: group messages are not simulated by the sandbox') };
  }
  const who = resolveRecipient(body);
  if ('httpStatus' in who) return { ok: false, answer: who };
  // The Cloud API treats a body without `type` as a text message.
  const type = typeof body['type'] === 'string' ? body['type'] : 'text';
  if (body[type] === undefined) return { ok: false, answer: validationError(131008, `The parameter ${type} is required.`) };
  const schema = payloadSchema(type, body[type]);
  if (isAnswer(schema)) return { ok: false, answer: schema };
  const problem = check(schema, body[type], body, [type]);
  if (problem !== undefined) return { ok: false, answer: problem };
  const context = body['context'];
  const contextId = isRecord(context) && typeof context['message_id'] === 'string' ? context['message_id'] : undefined;
  const callback = body['biz_opaque_callback_data'];
  return {
    ok: true,
    send: {
      kind: 'message',
      type,
      ...who,
      ...(contextId === undefined ? {} : { contextId }),
      ...(typeof callback === 'string' ? { callbackData: callback } : {}),
    },
  };
}
