/**
 * The storage port. The SQLite adapter (src/storage/sqlite) is the embedded default;
 * a PostgreSQL adapter must pass the same contract tests (tests/contract/store.contract.ts).
 * All times are Unix epoch milliseconds unless a name says seconds.
 */
import type { InboundMessage, StatusUpdate } from './message.ts';
import type { ModelCall, Route, RouteDecision, TurnRecord } from './turn.ts';

export interface Contact {
  phoneNumberId: string;
  key: string;
  waId?: string;
  userId?: string;
  name?: string;
  /** Time of the customer's latest message: the 24-hour window opens from it. */
  lastInboundAt?: number;
  createdAt: number;
}

export interface Conversation {
  /** `${phoneNumberId}:${customerKey}` */
  id: string;
  phoneNumberId: string;
  customerKey: string;
  language?: string;
  createdAt: number;
  updatedAt: number;
}

export type InboundState = 'pending' | 'done' | 'failed';

export interface StoredInbound {
  id: string;
  conversationId: string;
  phoneNumberId: string;
  customerKey: string;
  /** Unix seconds, from WhatsApp. */
  timestamp: number;
  type: string;
  /** The message as InboundMessage JSON, with text redacted once the guard has run. */
  message: InboundMessage;
  state: InboundState;
  receivedAt: number;
  error?: string;
}

/**
 * Outbound lifecycle: queued → accepted (the API returned a wamid) → sent → delivered → read,
 * or failed (by the API or a status webhook), or refused (never sent: e.g. window closed).
 */
export type OutboundStatus = 'queued' | 'accepted' | 'sent' | 'delivered' | 'read' | 'played' | 'failed' | 'refused';

export interface StoredOutbound {
  /** Our id, also the idempotency key sent with every attempt. */
  id: string;
  conversationId: string;
  phoneNumberId: string;
  customerKey: string;
  turnId?: string;
  /** The Cloud API send body. */
  body: Record<string, unknown>;
  kind: string;
  wamid?: string;
  status: OutboundStatus;
  errorCode?: number;
  errorTitle?: string;
  pricingCategory?: string;
  pricingType?: string;
  billable?: boolean;
  attempts: number;
  createdAt: number;
  updatedAt: number;
}

export interface NewOutbound {
  id: string;
  conversationId: string;
  phoneNumberId: string;
  customerKey: string;
  turnId?: string;
  body: Record<string, unknown>;
  kind: string;
}

export interface OutboundPatch {
  wamid?: string;
  status?: OutboundStatus;
  errorCode?: number | null;
  errorTitle?: string | null;
  attempts?: number;
}

export interface IngestResult {
  /** Messages seen for the first time, now pending. */
  inserted: StoredInbound[];
  /** Ids already stored: Meta retried, or sent the same message twice. */
  duplicates: string[];
}

export interface StatusResult {
  /** False when the status was a duplicate, stale (e.g. delivered after read) or for an unknown message. */
  applied: boolean;
  outbound?: StoredOutbound;
}

/** What the cost ledger needs of a turn (a slice of its TurnRecord). */
export interface CostTurn {
  id: string;
  conversationId: string;
  createdAt: number;
  /** Understanding.intent. */
  intent: string;
  route: Route;
  /** LLM cost in USD. */
  costUsd: number;
  modelCalls?: ModelCall[];
  routing?: RouteDecision;
  premiumBaselineUsd?: number;
}

/** What the cost ledger needs of an outbound message: who it went to and the pricing its status webhooks told. */
export interface CostMessage {
  id: string;
  turnId?: string;
  conversationId: string;
  customerKey: string;
  /** The customer's phone number as WhatsApp gives it (digits), when the contact has one. */
  waId?: string;
  status: OutboundStatus;
  category?: string;
  type?: string;
  billable?: boolean;
  createdAt: number;
}

export interface CostLedger {
  /** Oldest first. */
  turns: CostTurn[];
  /** Oldest first. */
  messages: CostMessage[];
}

export interface Store {
  /** Keeps the raw webhook body before anything else happens to it. Returns the log id. */
  appendWebhook(rawBody: string, receivedAt: number): Promise<number>;
  /** Upserts contacts and conversations and inserts new messages as pending; duplicates are ignored. */
  ingestInbound(messages: InboundMessage[], receivedAt: number): Promise<IngestResult>;
  /** The pending message of a conversation with the earliest timestamp. */
  nextPending(conversationId: string): Promise<StoredInbound | undefined>;
  /**
   * Up to `limit` pending messages of a conversation, in the order `nextPending` serves them
   * (earliest WhatsApp timestamp first, ties in arrival order): the worker merges a burst from them.
   */
  pendingInbound(conversationId: string, limit: number): Promise<StoredInbound[]>;
  /** Conversations with pending messages (to resume after a restart). */
  conversationsWithPending(): Promise<string[]>;
  markInbound(id: string, state: InboundState, update?: { message?: InboundMessage; error?: string }): Promise<void>;
  /**
   * Sets the state of several messages in one transaction (the messages merged into one turn):
   * all of them or, when one is unknown (NOT_FOUND), none; the error is recorded on each when given.
   */
  markInboundMany(ids: readonly string[], state: InboundState, update?: { error?: string }): Promise<void>;
  getInbound(id: string): Promise<StoredInbound | undefined>;

  getContact(phoneNumberId: string, key: string): Promise<Contact | undefined>;
  getConversation(id: string): Promise<Conversation | undefined>;
  setConversationLanguage(id: string, language: string): Promise<void>;

  createOutbound(outbound: NewOutbound, now: number): Promise<StoredOutbound>;
  updateOutbound(id: string, patch: OutboundPatch, now: number): Promise<StoredOutbound>;
  getOutbound(id: string): Promise<StoredOutbound | undefined>;
  findOutboundByWamid(wamid: string): Promise<StoredOutbound | undefined>;
  listOutbound(conversationId: string): Promise<StoredOutbound[]>;
  /**
   * Applies a status webhook to its outbound message, monotonically: sent < delivered < read,
   * `played` after read, `failed` terminal; duplicates (same wamid and status) are ignored;
   * pricing is recorded when present.
   */
  applyStatus(update: StatusUpdate, now: number): Promise<StatusResult>;

  /** Records a turn; resolves false when a turn with this id is already recorded (the first is kept), so a resumed turn can be recorded again safely. */
  appendTurn(turn: TurnRecord): Promise<boolean>;
  listTurns(query: { conversationId?: string; limit?: number }): Promise<TurnRecord[]>;
  /** LLM cost (USD) of the recorded turns of a conversation and/or since a time: what the budgets count. */
  llmSpend(query: { conversationId?: string; since?: number }): Promise<number>;
  /** Turns and outbound messages created at or after `since` (all when absent), for `centralino costs`. */
  costLedger(query: { since?: number }): Promise<CostLedger>;

  close(): Promise<void>;
}
