/**
 * Public shapes of the sandbox: its options and what the test accessors and the
 * phone API return. Everything the sandbox keeps lives in memory.
 */

export interface SandboxOptions {
  /** Signs every webhook (X-Hub-Signature-256), like the Meta app secret. */
  appSecret: string;
  /** The only access token the Graph API endpoint accepts. */
  accessToken: string;
  /** Where inbound-message and status webhooks are POSTed. */
  webhookUrl: string;
  /** The business phone number id that may send (metadata.phone_number_id). */
  phoneNumberId: string;
  /** metadata.display_phone_number, also `context.from` in replies. */
  displayPhoneNumber: string;
  /** entry[].id of every webhook. */
  wabaId?: string;
  /** Epoch milliseconds; the control clock offset is added to it. */
  clock?: () => number;
  /** Used to POST webhooks (inject an in-process fetch in tests). */
  fetch?: typeof fetch;
  /** Delay before `sent`, and again before `delivered` (default 50 ms). */
  statusDelayMs?: number;
  /** How long a send held by /control/hang-next waits before answering 504 (default 30 s). */
  hangTimeoutMs?: number;
  /** Pricing category per template name (default `utility`). */
  templateCategories?: Record<string, TemplateCategory>;
}

export type TemplateCategory = 'marketing' | 'utility' | 'authentication';

/** Status of a message as the sandbox sees it. `accepted`: the API answered, no `sent` webhook yet. */
export type ChatStatus = 'accepted' | 'sent' | 'delivered' | 'read';

export interface MetaErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    is_transient?: boolean;
    fbtrace_id: string;
  };
}

/** An HTTP answer the Graph endpoint gives (also what an Idempotency-Key replays). */
export interface GraphAnswer {
  httpStatus: number;
  body: unknown;
}

/** A message the Graph API accepted. */
export interface SentMessage {
  wamid: string;
  phoneNumberId: string;
  /** wa_id (digits) or the BSUID the message was sent to. */
  recipient: string;
  /** The request body exactly as parsed from JSON. */
  body: Record<string, unknown>;
  /** `text`, `interactive`, `template`, `reaction`, `image`… */
  type: string;
  acceptedAt: number;
  idempotencyKey?: string;
  status: ChatStatus;
}

/** One request to POST /:version/:phoneNumberId/messages and the answer it got. */
export interface SendAttempt {
  at: number;
  phoneNumberId: string;
  idempotencyKey?: string;
  body: unknown;
  httpStatus: number;
  response: unknown;
  /** What happened: accepted, replayed, read (mark-as-read), refused (validation/auth/window), injected, hung. */
  outcome: 'accepted' | 'replayed' | 'read' | 'refused' | 'injected' | 'hung';
}

export interface WebhookDelivery {
  url: string;
  kind: 'message' | 'status';
  /** wamid of the inbound message, or of the outbound message the status is about. */
  messageId: string;
  /** `sent` / `delivered` / `read` for status webhooks. */
  status?: string;
  rawBody: string;
  body: unknown;
  signature: string;
  /** HTTP status the receiver answered; 0 when it could not be reached. */
  responseStatus: number;
  error?: string;
  at: number;
  /** True when this POST was a redelivery of an earlier body. */
  redelivery: boolean;
}

export interface ChatItem {
  id: string;
  /** `in`: from the customer to the business; `out`: from the business. */
  direction: 'in' | 'out';
  at: number;
  kind: string;
  text?: string;
  interactive?: unknown;
  template?: unknown;
  reaction?: unknown;
  /** The message this one replies to (inbound context.id, outbound context.message_id). */
  contextId?: string;
  status: ChatStatus;
  /** Outbound only: the full send body. */
  body?: Record<string, unknown>;
}

export interface ChatView {
  user: string;
  name: string;
  /** The business showed a typing indicator in the last 25 s and has not answered yet. */
  typing: boolean;
  messages: ChatItem[];
}

/** What a user can send from the fake phone. */
export type PhoneInput =
  | { text: string; name?: string }
  | { button_reply: { id: string; title: string }; context_id?: string; name?: string }
  | { list_reply: { id: string; title: string; description?: string }; context_id?: string; name?: string }
  | { template_button: { payload: string; text: string }; context_id?: string; name?: string };

export interface PhoneSendResult {
  wamid: string;
  /** HTTP status the webhook receiver answered; 0 when unreachable. */
  engineStatus: number;
  status: ChatStatus;
  error?: string;
}

export interface FailNextSpec {
  count?: number;
  httpStatus?: number;
  code?: number;
  message?: string;
  details?: string;
  subcode?: number;
}

export interface HangNextSpec {
  count?: number;
  /** Accept the message (wamid, webhooks, idempotency record) but never answer: a lost response. */
  accept?: boolean;
}

/** Test controls, also reachable over HTTP under /control. */
export interface SandboxControl {
  /** Queues injected failures; returns how many sends will now fail. */
  failNext(spec: FailNextSpec): number;
  /** Queues held sends; returns how many are pending. */
  hangNext(spec: HangNextSpec): number;
  setClockOffset(offsetMs: number): void;
  clockOffset(): number;
  /** Forgets everything (chats, messages, deliveries, failures, clock offset) and cancels pending webhooks. */
  reset(): void;
}

/** Read accessors for tests. */
export interface SandboxViews {
  /** The sandbox's clock: the injected clock plus the offset. */
  now(): number;
  /** Accepted messages with their wamids and current status, in order. */
  sentMessages(): SentMessage[];
  /** Every request to the messages endpoint and its answer. */
  sendAttempts(): SendAttempt[];
  /** Every webhook POSTed, with the status the receiver answered. */
  webhookDeliveries(): WebhookDelivery[];
  chat(user: string): ChatView;
}
