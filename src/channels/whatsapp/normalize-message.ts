/**
 * One `value.messages[]` item → InboundMessage, and the customer it comes from.
 * Never drops a message: one that cannot be read is kept as `unsupported` with `raw`.
 */
import { createHash } from 'node:crypto';
import { compact, isRecord } from '../../core/json.ts';
import type { CustomerRef, InboundContext, InboundMessage } from '../../core/message.ts';
import { mapErrors, normalizeContent } from './normalize-content.ts';
import {
  contactSchema,
  describeIssue,
  messageBaseSchema,
  unixSecondsSchema,
  type MessageBase,
  type WebhookContact,
} from './webhook-schema.ts';

/** What a message needs from its change: the business number and the `contacts[]` block. */
export interface ChangeScope {
  phoneNumberId: string;
  contacts: WebhookContact[];
}

/** `contacts[]` items that can be read; the others carry no usable profile and are skipped. */
export function readContacts(items: readonly unknown[] | undefined): WebhookContact[] {
  const contacts: WebhookContact[] = [];
  for (const item of items ?? []) {
    const parsed = contactSchema.safeParse(item);
    if (parsed.success) contacts.push(parsed.data);
  }
  return contacts;
}

/** The contact whose wa_id or user_id matches; with `loneFallback`, the only contact otherwise. */
export function findContact(
  contacts: readonly WebhookContact[],
  waId: string | undefined,
  userId: string | undefined,
  loneFallback: boolean,
): WebhookContact | undefined {
  const match = contacts.find(
    (c) => (waId !== undefined && c.wa_id === waId) || (userId !== undefined && c.user_id === userId),
  );
  if (match !== undefined || !loneFallback) return match;
  return contacts.length === 1 ? contacts[0] : undefined;
}

interface SenderIds {
  from?: string;
  from_user_id?: string;
  from_parent_user_id?: string;
}

/**
 * The customer of a message (digest §1.4): keyed on `from` / `wa_id` when present, else on the
 * business-scoped `from_user_id` / `user_id`. Profile name and username come from `contacts[]`.
 * An empty key means the payload identified nobody.
 */
export function resolveCustomer(sender: SenderIds, contacts: readonly WebhookContact[]): CustomerRef {
  const contact = findContact(contacts, sender.from, sender.from_user_id, true);
  const waId = sender.from ?? contact?.wa_id;
  const userId = sender.from_user_id ?? contact?.user_id;
  return compact({
    key: waId ?? userId ?? '',
    waId,
    userId,
    parentUserId: sender.from_parent_user_id ?? contact?.parent_user_id,
    username: contact?.profile?.username,
    name: contact?.profile?.name,
  });
}

function mapContext(context: MessageBase['context']): InboundContext | undefined {
  if (context === undefined) return undefined;
  const product = context.referred_product;
  const mapped = compact({
    replyToMessageId: context.id,
    replyToFrom: context.from,
    forwarded: context.forwarded,
    frequentlyForwarded: context.frequently_forwarded,
    referredProduct: product && { catalogId: product.catalog_id, productRetailerId: product.product_retailer_id },
  });
  return Object.keys(mapped).length === 0 ? undefined : mapped;
}

/** A stable stand-in for a missing wamid, so retries of the same payload still deduplicate. */
function synthesizeId(raw: unknown, phoneNumberId: string): string {
  const digest = createHash('sha256').update(`${phoneNumberId}\n${String(JSON.stringify(raw))}`).digest('hex');
  return `synthetic.${digest.slice(0, 40)}`;
}

function withId(id: string | undefined, raw: unknown, phoneNumberId: string): { id: string; idSynthesized?: boolean } {
  return id === undefined || id === '' ? { id: synthesizeId(raw, phoneNumberId), idSynthesized: true } : { id };
}

export function normalizeMessage(raw: unknown, scope: ChangeScope): InboundMessage {
  const base = messageBaseSchema.safeParse(raw);
  if (!base.success) return malformedMessage(raw, scope, describeIssue(base.error, 'message'));
  const message = base.data;
  const errors = mapErrors(message.errors);
  return compact({
    ...withId(message.id, raw, scope.phoneNumberId),
    phoneNumberId: scope.phoneNumberId,
    customer: resolveCustomer(message, scope.contacts),
    timestamp: message.timestamp,
    type: message.type,
    content: normalizeContent(message, errors),
    context: mapContext(message.context),
    referral: message.referral,
    errors,
    raw,
  });
}

// ---------------------------------------------------------------- unreadable messages

function stringAt(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** A message whose common fields cannot be read: kept as unsupported with what could be salvaged. */
function malformedMessage(raw: unknown, scope: ChangeScope, problem: string): InboundMessage {
  const record = isRecord(raw) ? raw : {};
  const type = stringAt(record, 'type') ?? '';
  const timestamp = unixSecondsSchema.safeParse(record['timestamp']);
  const rawErrors = record['errors'];
  const errors = mapErrors(Array.isArray(rawErrors) ? rawErrors : undefined);
  const sender = compact({
    from: stringAt(record, 'from'),
    from_user_id: stringAt(record, 'from_user_id'),
    from_parent_user_id: stringAt(record, 'from_parent_user_id'),
  });
  return {
    ...withId(stringAt(record, 'id'), raw, scope.phoneNumberId),
    phoneNumberId: scope.phoneNumberId,
    customer: resolveCustomer(sender, scope.contacts),
    timestamp: timestamp.success ? timestamp.data : 0,
    type,
    content: { kind: 'unsupported', originalType: type, errors, malformed: problem },
    errors,
    raw,
  };
}
