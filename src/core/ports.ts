/** Small ports shared by the stages. Concrete adapters are wired in src/main.ts only. */
import type { InboundMessage } from './message.ts';
import type { Reply } from './reply.ts';
import type { StoredOutbound } from './store.ts';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface DispatchTarget {
  conversationId: string;
  phoneNumberId: string;
  customerKey: string;
  /** When set, outbound ids are `<turnId>:<index>`: dispatching the same turn again sends nothing twice. */
  turnId?: string;
  /** Inbound wamid being answered: marked read, with the typing indicator when a reply is really on its way. */
  inReplyTo?: string;
}

/**
 * Delivers replies to a customer through the channel: checks the 24-hour window,
 * builds the channel body (enforcing its limits), records every outbound message,
 * sends with retries and idempotency. Never throws for a refused or failed send:
 * the outcome is in the returned records.
 */
export interface ReplyDispatcher {
  dispatch(target: DispatchTarget, replies: Reply[]): Promise<StoredOutbound[]>;
  /** Marks an inbound message read and shows the typing indicator. Best effort. */
  markRead(phoneNumberId: string, messageId: string, typing: boolean): Promise<void>;
}

/**
 * Messages as they arrived, before the input rails redacted personal data, kept in memory
 * only (never stored, lost on restart) so that a model's placeholders can be restored in a
 * reply where the business allows it. The store only ever holds the redacted form.
 */
export interface OriginalMessages {
  keep(message: InboundMessage): void;
  get(messageId: string): InboundMessage | undefined;
  forget(messageId: string): void;
}
