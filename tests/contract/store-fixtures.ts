/** Builders for the Store contract tests: small, valid, JSON-clean domain values. */
import { isAppError } from '../../src/core/errors.ts';
import type { ErrorCode } from '../../src/core/errors.ts';
import type { CustomerRef, InboundMessage, MessagePricing, StatusUpdate, ChannelError } from '../../src/core/message.ts';
import type { NewOutbound } from '../../src/core/store.ts';
import type { TurnRecord } from '../../src/core/turn.ts';

export const PHONE = '106540352242922';
export const OTHER_PHONE = '106540352242923';
/** A fixed "now" in epoch milliseconds. */
export const T0 = 1_750_000_000_000;
/** The same instant in Unix seconds, as WhatsApp timestamps are. */
export const S0 = T0 / 1000;

export function customer(waId: string, extra: Partial<CustomerRef> = {}): CustomerRef {
  return { key: waId, waId, ...extra };
}

/** A customer known only by the business-scoped user id (no phone number shared). */
export function bsuidCustomer(userId: string): CustomerRef {
  return { key: userId, userId };
}

export interface InboundOptions {
  phoneNumberId?: string;
  customer?: CustomerRef;
  /** Unix seconds. */
  timestamp?: number;
  text?: string;
}

export function textMessage(id: string, options: InboundOptions = {}): InboundMessage {
  const text = options.text ?? `text of ${id}`;
  return {
    id,
    phoneNumberId: options.phoneNumberId ?? PHONE,
    customer: options.customer ?? customer('393331234567', { name: 'Giulia' }),
    timestamp: options.timestamp ?? S0,
    type: 'text',
    content: { kind: 'text', body: text },
    errors: [],
    raw: { id, type: 'text', text: { body: text } },
  };
}

export function conversationOf(message: InboundMessage): string {
  return `${message.phoneNumberId}:${message.customer.key}`;
}

export interface StatusOptions {
  timestamp?: number;
  pricing?: MessagePricing;
  errors?: ChannelError[];
  callbackData?: string;
}

export function statusUpdate(wamid: string, status: string, options: StatusOptions = {}): StatusUpdate {
  const update: StatusUpdate = {
    messageId: wamid,
    phoneNumberId: PHONE,
    status,
    timestamp: options.timestamp ?? S0,
    recipient: { key: '393331234567', waId: '393331234567' },
    errors: options.errors ?? [],
    raw: { id: wamid, status },
  };
  if (options.pricing !== undefined) update.pricing = options.pricing;
  if (options.callbackData !== undefined) update.callbackData = options.callbackData;
  return update;
}

export function newOutbound(id: string, conversationId: string, turnId?: string): NewOutbound {
  const outbound: NewOutbound = {
    id,
    conversationId,
    phoneNumberId: PHONE,
    customerKey: conversationId.slice(conversationId.indexOf(':') + 1),
    kind: 'text',
    body: { messaging_product: 'whatsapp', to: '393331234567', type: 'text', text: { body: `reply ${id}` } },
  };
  if (turnId !== undefined) outbound.turnId = turnId;
  return outbound;
}

export function turnRecord(id: string, conversationId: string, createdAt: number): TurnRecord {
  return {
    id,
    conversationId,
    messageIds: [`wamid.in.${id}`],
    outboundIds: [`out.${id}`],
    createdAt,
    understanding: {
      intent: 'opening_hours',
      confidence: 0.93,
      source: 'classifier',
      language: 'it',
      candidates: [
        { intent: 'opening_hours', score: 0.93 },
        { intent: 'address', score: 0.04 },
      ],
    },
    inputVerdicts: [{ action: 'allow', rail: 'pii' }],
    outputVerdicts: [
      { action: 'rewrite', rail: 'pii_echo', rule: 'phone', reason: 'phone number echoed', spans: [{ start: 3, end: 13, type: 'phone' }], text: 'Ciao ***' },
    ],
    route: 'approved_text',
    answeredBy: 'respond',
    replies: [{ kind: 'buttons', body: 'Siamo aperti 9–18. Altro?', buttons: [{ id: 'intent:prices', title: 'Prezzi' }] }],
    storedText: 'a che ora aprite? è già domenica 🙂',
    latencyMs: { understand: 1.5, guard: 0.25, respond: 3, total: 4.75 },
    costUsd: 0,
  };
}

/** For `assert.rejects`: the error is an AppError with this code. */
export function rejectsWith(code: ErrorCode): (error: unknown) => boolean {
  return (error) => isAppError(error, code);
}
