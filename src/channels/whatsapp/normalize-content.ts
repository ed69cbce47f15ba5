/**
 * One message's type payload (`text`, `image`, `interactive`, …) → InboundContent.
 * Unknown types and unknown interactive types become `unsupported`; a payload that fails
 * its type's schema becomes `unsupported` with `malformed` saying why. Nothing throws.
 */
import type { z } from 'zod';
import { compact, parseJson } from '../../core/json.ts';
import type { ChannelError, InboundContent, OrderItem, SharedContact } from '../../core/message.ts';
import {
  MEDIA_TYPES,
  buttonReplySchema,
  contactsPayloadSchema,
  describeIssue,
  editSchema,
  errorSchema,
  interactiveSchema,
  listReplySchema,
  locationSchema,
  mediaSchema,
  nfmReplySchema,
  orderSchema,
  reactionSchema,
  revokeSchema,
  systemSchema,
  templateButtonSchema,
  textSchema,
  unsupportedSchema,
  type MediaType,
} from './webhook-schema.ts';

/** A message (or the `message` of an edit): `type` plus the object named after it. */
export type TypedPayload = { type: string } & Record<string, unknown>;

// ---------------------------------------------------------------- errors

/** Error objects → ChannelError; an unreadable one is kept as code 0 with its JSON in `details`. */
export function toChannelError(item: unknown): ChannelError {
  const parsed = errorSchema.safeParse(item);
  if (!parsed.success) {
    return { code: 0, title: 'unreadable error object', details: String(JSON.stringify(item)) };
  }
  const error = parsed.data;
  return compact({
    code: error.code,
    title: error.title,
    message: error.message,
    details: error.error_data?.details ?? error.details,
    href: error.href,
  });
}

export function mapErrors(items: readonly unknown[] | undefined): ChannelError[] {
  return (items ?? []).map(toChannelError);
}

// ---------------------------------------------------------------- content

/** Parses `value` with `schema` and builds the content, or reports the message as malformed. */
function read<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
  errors: ChannelError[],
  build: (data: z.output<S>) => InboundContent,
): InboundContent {
  const parsed = schema.safeParse(value);
  if (parsed.success) return build(parsed.data);
  return { kind: 'unsupported', originalType: where, errors, malformed: describeIssue(parsed.error, where, true) };
}

function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}

/** The content of a message of `payload.type`; `errors` are the message's own errors. */
export function normalizeContent(payload: TypedPayload, errors: ChannelError[]): InboundContent {
  const { type } = payload;
  const value = payload[type];
  if (isMediaType(type)) return read(mediaSchema, value, type, errors, (media) => mediaContent(type, media));
  switch (type) {
    case 'text':
      return read(textSchema, value, type, errors, (text) => ({ kind: 'text', body: text.body }));
    case 'interactive':
      return interactiveContent(value, errors);
    case 'button':
      return read(templateButtonSchema, value, type, errors, (b) => ({
        kind: 'template_button',
        payload: b.payload,
        text: b.text,
      }));
    case 'location':
      return read(locationSchema, value, type, errors, (l) =>
        compact({
          kind: 'location',
          latitude: l.latitude,
          longitude: l.longitude,
          name: l.name,
          address: l.address,
          url: l.url,
        }),
      );
    case 'contacts':
      return read(contactsPayloadSchema, value, type, errors, (list) => ({
        kind: 'contacts',
        contacts: list.map(sharedContact),
      }));
    case 'reaction':
      return read(reactionSchema, value, type, errors, (r) =>
        compact({ kind: 'reaction', messageId: r.message_id, emoji: r.emoji === '' ? undefined : r.emoji }),
      );
    case 'order':
      return read(orderSchema, value, type, errors, (o) =>
        compact({ kind: 'order', catalogId: o.catalog_id, text: o.text, items: o.product_items.map(orderItem) }),
      );
    case 'system':
      return read(systemSchema, value, type, errors, (s) =>
        compact({ kind: 'system', systemType: s.type, body: s.body, newWaId: s.wa_id }),
      );
    case 'edit':
      return read(editSchema, value, type, errors, (e) =>
        compact({ kind: 'edit', originalMessageId: e.original_message_id, edited: e.message && normalizeContent(e.message, []) }),
      );
    case 'revoke':
      return read(revokeSchema, value, type, errors, (r) => ({ kind: 'revoke', originalMessageId: r.original_message_id }));
    case 'unsupported':
      return { kind: 'unsupported', originalType: unsupportedType(value) ?? type, errors };
    default:
      return { kind: 'unsupported', originalType: type, errors };
  }
}

function mediaContent(mediaType: MediaType, media: z.output<typeof mediaSchema>): InboundContent {
  return compact({
    kind: 'media',
    mediaType,
    mediaId: media.id,
    mimeType: media.mime_type,
    sha256: media.sha256,
    caption: media.caption,
    filename: media.filename,
    url: media.url,
    voice: media.voice,
    animated: media.animated,
  });
}

function sharedContact(contact: z.output<typeof contactsPayloadSchema>[number]): SharedContact {
  return compact({
    formattedName: contact.name?.formatted_name,
    phones: (contact.phones ?? []).map((p) => compact({ phone: p.phone, waId: p.wa_id, type: p.type })),
    raw: contact,
  });
}

function orderItem(item: z.output<typeof orderSchema>['product_items'][number]): OrderItem {
  return compact({
    productRetailerId: item.product_retailer_id,
    quantity: item.quantity,
    itemPrice: item.item_price,
    currency: item.currency,
  });
}

function unsupportedType(value: unknown): string | undefined {
  const parsed = unsupportedSchema.safeParse(value);
  return parsed.success ? parsed.data.type : undefined;
}

// ---------------------------------------------------------------- interactive

function interactiveContent(value: unknown, errors: ChannelError[]): InboundContent {
  const head = interactiveSchema.safeParse(value);
  if (!head.success) {
    const malformed = describeIssue(head.error, 'interactive', true);
    return { kind: 'unsupported', originalType: 'interactive', errors, malformed };
  }
  const interactive = head.data;
  const where = `interactive.${interactive.type}`;
  const reply = interactive[interactive.type];
  switch (interactive.type) {
    case 'button_reply':
      return read(buttonReplySchema, reply, where, errors, (b) => ({ kind: 'button_reply', id: b.id, title: b.title }));
    case 'list_reply':
      return read(listReplySchema, reply, where, errors, (l) =>
        compact({ kind: 'list_reply', id: l.id, title: l.title, description: l.description }),
      );
    case 'nfm_reply':
      return read(nfmReplySchema, reply, where, errors, (f) =>
        compact({
          kind: 'flow_reply',
          name: f.name,
          body: f.body,
          response: responseOf(f.response_json),
          responseJson: f.response_json,
        }),
      );
    default:
      return { kind: 'unsupported', originalType: where, errors };
  }
}

/** `response_json` is a JSON string; invalid or missing JSON gives undefined (the string is kept). */
function responseOf(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : undefined;
}
