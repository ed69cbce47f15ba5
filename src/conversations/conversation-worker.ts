/**
 * Works off stored inbound messages: one conversation at a time, each conversation's
 * messages in timestamp order, every step recorded. A message is marked done only after
 * its replies are dispatched and its turn recorded; outbound ids are derived from the turn
 * and recording a turn twice keeps the first, so a restart after a crash finishes the turn
 * without sending anything twice. A retryable store failure leaves the message pending and
 * retries later; any other failure marks it failed with the reason.
 */
import { isAppError } from '../core/errors.ts';
import type { Clock, Logger, OriginalMessages, ReplyDispatcher } from '../core/ports.ts';
import type { Conversation, Store, StoredInbound } from '../core/store.ts';
import type { TurnInput, TurnRecord, TurnResult } from '../core/turn.ts';
import { toTurnInput } from './turn-input.ts';

export interface TurnRunner {
  run(input: TurnInput): Promise<TurnResult>;
}

export interface WorkerDeps {
  store: Store;
  dispatcher: ReplyDispatcher;
  pipeline: TurnRunner;
  /** Messages as they arrived, before redaction (memory only); optional. */
  originals?: OriginalMessages;
  clock: Clock;
  logger: Logger;
  /** Wait before working on a conversation again after a retryable failure (a busy store). Default 1 s. */
  retryDelayMs?: number;
}

const DEFAULT_RETRY_DELAY_MS = 1000;

export interface ConversationWorker {
  /** New pending messages in these conversations. */
  notify(conversationIds: string[]): void;
  /** Picks up messages left pending by a previous process. */
  resume(): Promise<void>;
  /** Resolves when no conversation is being worked on (for tests and shutdown). */
  idle(): Promise<void>;
}

export function turnIdFor(messageId: string): string {
  return `turn:${messageId}`;
}

export function createConversationWorker(deps: WorkerDeps): ConversationWorker {
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();

  const start = (id: string): void => {
    dirty.delete(id);
    const work = drain(id, deps)
      .catch((error: unknown) => {
        // The store itself failed (busy, disk full…): the message stays pending; try again later.
        deps.logger.error({ err: error, conversationId: id }, 'conversation paused after a store failure; retrying');
        setTimeout(() => notifyOne(id), deps.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS).unref();
      })
      .finally(() => {
        running.delete(id);
        if (dirty.has(id)) start(id);
      });
    running.set(id, work);
  };
  const notifyOne = (id: string): void => {
    dirty.add(id);
    if (!running.has(id)) start(id);
  };

  return {
    notify(ids) {
      for (const id of ids) notifyOne(id);
    },
    async resume() {
      this.notify(await deps.store.conversationsWithPending());
    },
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

async function drain(conversationId: string, deps: WorkerDeps): Promise<void> {
  for (;;) {
    const next = await deps.store.nextPending(conversationId);
    if (!next) return;
    try {
      await processMessage(next, deps);
    } catch (error) {
      if (isAppError(error) && error.isRetryable) throw error;
      deps.logger.error({ err: error, messageId: next.id, conversationId }, 'processing a message failed');
      await deps.store.markInbound(next.id, 'failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}

async function processMessage(stored: StoredInbound, deps: WorkerDeps): Promise<void> {
  const conversation = await deps.store.getConversation(stored.conversationId);
  const input = withOriginalText(toTurnInput(stored, conversation), stored, conversation, deps);
  if (!input) {
    await deps.store.markInbound(stored.id, 'done');
    return;
  }
  const result = await deps.pipeline.run(input);
  if (result.degraded) deps.logger.warn({ messageId: stored.id, degraded: result.degraded }, 'turn answered in a degraded way');
  const turnId = turnIdFor(stored.id);
  const target = {
    conversationId: stored.conversationId,
    phoneNumberId: stored.phoneNumberId,
    customerKey: stored.customerKey,
    turnId,
    // A synthesised id (the payload had none) must never be sent back to the Cloud API.
    ...(stored.message.idSynthesized ? {} : { inReplyTo: stored.id }),
  };
  const outbound = await deps.dispatcher.dispatch(target, result.replies);
  const record: TurnRecord = { ...result, id: turnId, conversationId: stored.conversationId, messageIds: input.messageIds, outboundIds: outbound.map((o) => o.id), createdAt: deps.clock.now() };
  await deps.store.appendTurn(record);
  if (conversation?.language !== result.understanding.language) {
    await deps.store.setConversationLanguage(stored.conversationId, result.understanding.language);
  }
  await deps.store.markInbound(stored.id, 'done');
  deps.originals?.forget(stored.id);
}

/** Adds the unredacted text when this process still holds the message as it arrived. */
function withOriginalText(input: TurnInput | undefined, stored: StoredInbound, conversation: Conversation | undefined, deps: WorkerDeps): TurnInput | undefined {
  const original = input && deps.originals?.get(stored.id);
  if (!input || !original) return input;
  const text = toTurnInput({ ...stored, message: original }, conversation)?.text;
  return text === undefined || text === input.text ? input : { ...input, originalText: text };
}
