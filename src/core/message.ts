/**
 * The channel-neutral shape of what arrives from WhatsApp. The channel adapter
 * normalises Cloud API webhooks into these types; nothing past the channel sees
 * raw payloads (the raw JSON is still kept in `raw` and in the webhook log).
 */

/** Who the customer is. `key` is wa_id/from when present, else the business-scoped user id. */
export interface CustomerRef {
  key: string;
  waId?: string;
  userId?: string;
  parentUserId?: string;
  username?: string;
  name?: string;
}

export type InboundContent =
  | { kind: 'text'; body: string }
  | { kind: 'button_reply'; id: string; title: string }
  | { kind: 'list_reply'; id: string; title: string; description?: string }
  | { kind: 'flow_reply'; name?: string; body?: string; response: unknown; responseJson?: string }
  | { kind: 'template_button'; payload: string; text: string }
  | {
      kind: 'media';
      mediaType: 'image' | 'audio' | 'video' | 'document' | 'sticker';
      mediaId?: string;
      mimeType?: string;
      sha256?: string;
      caption?: string;
      filename?: string;
      url?: string;
      voice?: boolean;
      animated?: boolean;
    }
  | { kind: 'location'; latitude: number; longitude: number; name?: string; address?: string; url?: string }
  | { kind: 'contacts'; contacts: SharedContact[] }
  | { kind: 'reaction'; messageId: string; emoji?: string }
  | { kind: 'order'; catalogId?: string; text?: string; items: OrderItem[] }
  | { kind: 'system'; systemType?: string; body?: string; newWaId?: string }
  | { kind: 'edit'; originalMessageId: string; edited?: InboundContent }
  | { kind: 'revoke'; originalMessageId: string }
  | {
      kind: 'unsupported';
      originalType: string;
      errors: ChannelError[];
      /** Set when a message of a known type could not be read: what was wrong (the payload is in `raw`). */
      malformed?: string;
    };

export interface SharedContact {
  formattedName?: string;
  phones: { phone?: string; waId?: string; type?: string }[];
  raw: unknown;
}

export interface OrderItem {
  productRetailerId: string;
  quantity: number;
  itemPrice?: number;
  currency?: string;
}

export interface ChannelError {
  code: number;
  title?: string;
  message?: string;
  details?: string;
  href?: string;
}

export interface InboundContext {
  replyToMessageId?: string;
  replyToFrom?: string;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
  referredProduct?: { catalogId: string; productRetailerId: string };
}

export interface InboundMessage {
  /** Cloud API message id (wamid); the deduplication key. */
  id: string;
  /**
   * True when the payload had no id (trimmed third-party payloads): `id` is then a hash of the
   * raw item, stable across Meta's retries, and must not be sent back to the Cloud API.
   */
  idSynthesized?: boolean;
  /** The business phone number the message was sent to (metadata.phone_number_id). */
  phoneNumberId: string;
  customer: CustomerRef;
  /** Unix seconds, as sent by WhatsApp. */
  timestamp: number;
  /** The Cloud API `type` field as received. */
  type: string;
  content: InboundContent;
  context?: InboundContext;
  referral?: Record<string, unknown>;
  /** Errors WhatsApp attached to the message (media download failure, unsupported type…). */
  errors: ChannelError[];
  raw: unknown;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface MessagePricing {
  billable?: boolean;
  pricingModel?: string;
  type?: string;
  category?: string;
}

export interface StatusUpdate {
  /** wamid of the outbound message. */
  messageId: string;
  phoneNumberId: string;
  status: DeliveryStatus | string;
  timestamp: number;
  recipient: { key?: string; waId?: string; userId?: string; parentUserId?: string };
  pricing?: MessagePricing;
  conversation?: { id?: string; originType?: string; expirationTimestamp?: number };
  errors: ChannelError[];
  /** Echo of biz_opaque_callback_data: centralino puts the outbound idempotency key here. */
  callbackData?: string;
  raw: unknown;
}

/** Anything in a notification that is neither a message nor a status (account, template, quality updates, echoes…). */
export interface OtherEvent {
  field: string;
  phoneNumberId?: string;
  /** entry[].id: the WhatsApp Business Account the event is about. */
  wabaId?: string;
  /** entry[].time (Unix seconds), sent on account and template events. */
  timestamp?: number;
  /** Set when a `messages` change (or one of its statuses) could not be read: what was wrong. */
  reason?: string;
  raw: unknown;
}

export interface NormalizedNotification {
  messages: InboundMessage[];
  statuses: StatusUpdate[];
  /** value.errors[]: system-, app- or account-level errors. */
  errors: (ChannelError & { phoneNumberId?: string })[];
  others: OtherEvent[];
}
