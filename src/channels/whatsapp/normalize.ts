/**
 * A Cloud API webhook notification → NormalizedNotification (digest §1.2–§1.6).
 *
 * Walks every `entry[].changes[]` and every message, status and error in them. Only a
 * body whose structure cannot be walked is refused; everything inside it is kept:
 * unknown message types as `unsupported`, unknown fields and unreadable changes or
 * statuses as OtherEvents.
 */
import { compact } from '../../core/json.ts';
import type { MessagePricing, NormalizedNotification, OtherEvent, StatusUpdate } from '../../core/message.ts';
import { mapErrors, toChannelError } from './normalize-content.ts';
import { findContact, normalizeMessage, readContacts, type ChangeScope } from './normalize-message.ts';
import {
  describeIssue,
  envelopeSchema,
  messagesValueSchema,
  metadataSchema,
  statusSchema,
  type Change,
  type Envelope,
  type MessagesValue,
  type WebhookStatus,
} from './webhook-schema.ts';

export type NormalizeResult =
  | { ok: true; notification: NormalizedNotification }
  | { ok: false; code: 'WEBHOOK_NOT_WHATSAPP'; reason: string };

/** What an OtherEvent takes from its entry. */
interface EntryInfo {
  wabaId?: string;
  timestamp?: number;
}

export function normalizeNotification(body: unknown): NormalizeResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    return { ok: false, code: 'WEBHOOK_NOT_WHATSAPP', reason: describeIssue(envelope.error, 'body') };
  }
  const out: NormalizedNotification = { messages: [], statuses: [], errors: [], others: [] };
  for (const entry of envelope.data.entry) {
    const info = entryInfo(entry);
    for (const change of entry.changes) walkChange(change, info, out);
  }
  return { ok: true, notification: out };
}

function entryInfo(entry: Envelope['entry'][number]): EntryInfo {
  return compact({ wabaId: entry.id === undefined ? undefined : String(entry.id), timestamp: entry.time });
}

/** `messages` changes (and changes without a field: trimmed payloads) hold messages and statuses. */
function walkChange(change: Change, info: EntryInfo, out: NormalizedNotification): void {
  const field = typeof change.field === 'string' ? change.field : undefined;
  if (field === undefined || field === 'messages') {
    walkMessagesValue(change.value, field ?? '', info, out);
    return;
  }
  out.others.push(otherEvent(field, change.value, info));
}

function otherEvent(field: string, value: unknown, info: EntryInfo, reason?: string): OtherEvent {
  return compact({ field, phoneNumberId: phoneNumberIdOf(value), ...info, reason, raw: value });
}

/** metadata.phone_number_id of any change value, when it has one. */
function phoneNumberIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const metadata = metadataSchema.safeParse((value as { metadata?: unknown }).metadata);
  return metadata.success ? metadata.data.phone_number_id : undefined;
}

function walkMessagesValue(value: unknown, field: string, info: EntryInfo, out: NormalizedNotification): void {
  const parsed = messagesValueSchema.safeParse(value);
  if (!parsed.success) {
    out.others.push(otherEvent(field, value, info, describeIssue(parsed.error, 'value', true)));
    return;
  }
  const data = parsed.data;
  const scope: ChangeScope = {
    phoneNumberId: data.metadata?.phone_number_id ?? '',
    contacts: readContacts(data.contacts),
  };
  const counts = [data.messages, data.statuses, data.errors].map((items) => items?.length ?? 0);
  if (counts.every((count) => count === 0)) {
    out.others.push(otherEvent(field, value, info, 'no messages, statuses or errors in this change'));
    return;
  }
  for (const item of data.messages ?? []) out.messages.push(normalizeMessage(item, scope));
  walkStatuses(data, scope, field, info, out);
  for (const item of data.errors ?? []) out.errors.push(valueError(item, scope.phoneNumberId));
}

function valueError(item: unknown, phoneNumberId: string): NormalizedNotification['errors'][number] {
  const error = toChannelError(item);
  return phoneNumberId === '' ? error : { ...error, phoneNumberId };
}

function walkStatuses(
  data: MessagesValue,
  scope: ChangeScope,
  field: string,
  info: EntryInfo,
  out: NormalizedNotification,
): void {
  (data.statuses ?? []).forEach((item, index) => {
    const status = normalizeStatus(item, scope, `statuses[${index}]`);
    if (typeof status === 'string') {
      const phoneNumberId = scope.phoneNumberId === '' ? undefined : scope.phoneNumberId;
      out.others.push(compact({ field, phoneNumberId, ...info, reason: status, raw: item }));
    } else {
      out.statuses.push(status);
    }
  });
}

/** A status update, or the reason it cannot be read. */
function normalizeStatus(raw: unknown, scope: ChangeScope, where: string): StatusUpdate | string {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) return describeIssue(parsed.error, where, true);
  const s = parsed.data;
  const contact = findContact(scope.contacts, s.recipient_id, s.recipient_user_id, false);
  const userId = s.recipient_user_id ?? contact?.user_id;
  return compact({
    messageId: s.id,
    phoneNumberId: scope.phoneNumberId,
    status: s.status,
    timestamp: s.timestamp,
    recipient: compact({
      key: s.recipient_id ?? userId,
      waId: s.recipient_id,
      userId,
      parentUserId: s.parent_recipient_user_id ?? s.recipient_parent_user_id ?? contact?.parent_user_id,
    }),
    pricing: s.pricing && mapPricing(s.pricing),
    conversation: s.conversation && mapConversation(s.conversation),
    errors: mapErrors(s.errors),
    callbackData: s.biz_opaque_callback_data,
    raw,
  });
}

function mapPricing(pricing: NonNullable<WebhookStatus['pricing']>): MessagePricing {
  return compact({
    billable: pricing.billable,
    pricingModel: pricing.pricing_model,
    type: pricing.type,
    category: pricing.category,
  });
}

function mapConversation(conversation: NonNullable<WebhookStatus['conversation']>): StatusUpdate['conversation'] {
  return compact({
    id: conversation.id,
    originType: conversation.origin?.type,
    expirationTimestamp: conversation.expiration_timestamp,
  });
}
