/**
 * Webhook bodies built like Meta's (API digest §1.3, §1.5, §1.6): the
 * `whatsapp_business_account` envelope around one `messages` change, holding either one
 * inbound message (with its contact) or one status.
 */
import type { OutboundRecord } from './state.ts';

export interface BusinessIdentity {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

/**
 * JSON as Meta serialises it: non-ASCII characters escaped as lowercase `\uXXXX`
 * (the "escaped unicode" the Messenger docs warn about). A receiver that re-serialises the
 * parsed JSON before checking the signature fails here, as it would against Meta.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function notification(identity: BusinessIdentity, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: identity.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: identity.displayPhoneNumber, phone_number_id: identity.phoneNumberId },
              ...fields,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** What the user's phone sends, already in Cloud API form (`type` plus its object). */
export interface InboundContent {
  type: 'text' | 'interactive' | 'button';
  payload: Record<string, unknown>;
}

export interface InboundParams {
  wamid: string;
  from: string;
  name: string;
  timestampSeconds: number;
  content: InboundContent;
  /** wamid of the business message replied to. */
  contextId?: string;
}

export function inboundNotification(identity: BusinessIdentity, params: InboundParams): Record<string, unknown> {
  const message: Record<string, unknown> = {};
  if (params.contextId !== undefined) message['context'] = { from: identity.displayPhoneNumber, id: params.contextId };
  Object.assign(message, {
    from: params.from,
    id: params.wamid,
    timestamp: String(params.timestampSeconds),
    type: params.content.type,
    [params.content.type]: params.content.payload,
  });
  return notification(identity, {
    contacts: [{ profile: { name: params.name }, wa_id: params.from }],
    messages: [message],
  });
}

export type StatusName = 'sent' | 'delivered' | 'read';

export function statusNotification(
  identity: BusinessIdentity,
  message: OutboundRecord,
  status: StatusName,
  timestampSeconds: number,
): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: message.wamid,
    status,
    timestamp: String(timestampSeconds),
    ...(message.isBsuid ? { recipient_user_id: message.recipient } : { recipient_id: message.recipient }),
  };
  // Pricing rides on `sent` and on one of delivered/read (§1.6): here always `delivered`.
  if (status !== 'read') item['pricing'] = { ...message.pricing };
  if (message.callbackData !== undefined) item['biz_opaque_callback_data'] = message.callbackData;
  return notification(identity, { statuses: [item] });
}
