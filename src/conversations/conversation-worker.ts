/**
 * Works off stored inbound messages: one conversation at a time, each conversation's
 * messages in timestamp order, every step recorded. A burst of text messages a few seconds
 * apart ("ciao" / "volevo chiedere" / "quanto costa…?") is one turn (burst.ts); when the
 * newest looks unfinished the worker first waits, at most `mergeWindowMs`, for the rest.
 *
 * Crash safety: the messages of a turn are marked done together (one transaction) only after
 * its replies are dispatched and its turn recorded. The turn id is the first message's
 * (`turnIdFor`), and the burst is chosen from the stored messages alone (timestamps and
 * kinds, never the clock), so a restart rebuilds the burst from the same first message and
 * finishes the same turn: outbound ids are derived from the turn and recording a turn twice
 * keeps the first, so nothing is sent twice. When the turn turns out to be recorded already,
 * only the messages the record holds are marked done; others stay pending for a turn of
 * their own. A retryable store failure leaves the messages pending and retries later; any
 * other failure marks them failed with the reason.
 */
import { isAppError } from '../core/errors.ts';
import type { Clock, Logger, OriginalMessages, ReplyDispatcher } from '../core/ports.ts';
import type { Conversation, Store, StoredInbound } from '../core/store.ts';
import type { TurnInput, TurnRecord, TurnResult } from '../core/turn.ts';
import { MAX_BURST_MESSAGES, firstBurst, waitBeforeAnswering } from './burst.ts';
import { toBurstInput } from './turn-input.ts';

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
  /**
   * Text messages at most this far apart (WhatsApp timestamps) are one turn, and an unfinished-looking
   * newest message is given this long (from its arrival) for the rest to come. Default 4000; 0 turns both off.
   */
  mergeWindowMs?: number;
}

const DEFAULT_RETRY_DELAY_MS = 1000;
export const DEFAULT_MERGE_WINDOW_MS = 4000;
/** How many recent turns are searched for a turn that was recorded before a crash. */
const RECORDED_TURN_LOOKBACK = 20;

export interface ConversationWorker {
  /** New pending messages in these conversations. */
  notify(conversationIds: string[]): void;
  /** Picks up messages left pending by a previous process. */
  resume(): Promise<void>;
  /** Resolves when no conversation is being worked on or waited for (for tests and shutdown). */
  idle(): Promise<void>;
}

export function turnIdFor(messageId: string): string {
  return `turn:${messageId}`;
}

/** Waits `ms` for more messages of a conversation: true when the time ran out, false when one came. */
type Pause = (ms: number) => Promise<boolean>;

/**
 * Waits for the rest of a burst, one per conversation, ended early by a new message. The timers
 * are unref'd: a wait must not keep a process alive. A conversation marked dirty (a message came
 * while its pending messages were being read) does not wait at all.
 */
function burstWaits(dirty: Set<string>) {
  const wakers = new Map<string, () => void>();
  return {
    pauseFor: (id: string): Pause => (ms) => {
      if (dirty.delete(id)) return Promise.resolve(false);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          wakers.delete(id);
          resolve(true);
        }, ms);
        timer.unref();
        wakers.set(id, () => {
          clearTimeout(timer);
          wakers.delete(id);
          resolve(false);
        });
      });
    },
    /** Ends the wait of a conversation; false when it is not waiting. */
    wake(id: string): boolean {
      const wake = wakers.get(id);
      wake?.();
      return wake !== undefined;
    },
  };
}

export function createConversationWorker(deps: WorkerDeps): ConversationWorker {
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  const waits = burstWaits(dirty);

  const start = (id: string): void => {
    dirty.delete(id);
    const work = drain(id, deps, waits.pauseFor(id))
      .catch((error: unknown) => {
        // The store itself failed (busy, disk full…): the messages stay pending; try again later.
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
    if (waits.wake(id)) return; // the waiting drain reads the pending messages again
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
      // A waiting conversation's timer is unref'd (it must not hold a server open): keep the process up for the caller.
      const keepAlive = setInterval(() => {}, 60_000);
      try {
        while (running.size > 0) await Promise.all(running.values());
      } finally {
        clearInterval(keepAlive);
      }
    },
  };
}

async function drain(conversationId: string, deps: WorkerDeps, pause: Pause): Promise<void> {
  const windowMs = deps.mergeWindowMs ?? DEFAULT_MERGE_WINDOW_MS;
  /** The message whose wait ran out: it is not waited for again. */
  let waitedFor: string | undefined;
  for (;;) {
    const pending = await deps.store.pendingInbound(conversationId, MAX_BURST_MESSAGES + 1);
    const burst = firstBurst(pending, windowMs);
    const last = burst[burst.length - 1];
    if (!last) return;
    const waitMs = last.id === waitedFor ? 0 : waitBeforeAnswering(burst, pending, windowMs, deps.clock.now());
    if (waitMs > 0) {
      if (await pause(waitMs)) waitedFor = last.id;
      continue;
    }
    const ids = burst.map((m) => m.id);
    try {
      await processBurst(burst, deps);
    } catch (error) {
      if (isAppError(error) && error.isRetryable) throw error;
      deps.logger.error({ err: error, messageIds: ids, conversationId }, 'processing a message failed');
      await deps.store.markInboundMany(ids, 'failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** One turn for the messages of a burst (oldest first; at least one). */
async function processBurst(burst: readonly StoredInbound[], deps: WorkerDeps): Promise<void> {
  const first = burst[0] as StoredInbound;
  const last = burst[burst.length - 1] as StoredInbound;
  const ids = burst.map((m) => m.id);
  const conversation = await deps.store.getConversation(first.conversationId);
  const input = withOriginalText(toBurstInput(burst, conversation), burst, conversation, deps);
  if (!input) {
    await deps.store.markInboundMany(ids, 'done');
    return;
  }
  const result = await deps.pipeline.run(input);
  if (result.degraded) deps.logger.warn({ messageIds: ids, degraded: result.degraded }, 'turn answered in a degraded way');
  const turnId = turnIdFor(first.id);
  const target = {
    conversationId: first.conversationId,
    phoneNumberId: first.phoneNumberId,
    customerKey: first.customerKey,
    turnId,
    // The reply threads to the burst's last message; a synthesised id (the payload had none) must never be sent back to the Cloud API.
    ...(last.message.idSynthesized ? {} : { inReplyTo: last.id }),
  };
  const outbound = await deps.dispatcher.dispatch(target, result.replies);
  const record: TurnRecord = { ...result, id: turnId, conversationId: first.conversationId, messageIds: input.messageIds, outboundIds: outbound.map((o) => o.id), createdAt: deps.clock.now() };
  const done = (await deps.store.appendTurn(record)) ? ids : await recordedMessages(deps.store, record, ids);
  if (conversation?.language !== result.understanding.language) {
    await deps.store.setConversationLanguage(first.conversationId, result.understanding.language);
  }
  await deps.store.markInboundMany(done, 'done');
  for (const id of done) deps.originals?.forget(id);
}

/**
 * The turn was recorded before (a restart after a crash): the messages of this burst that the
 * recorded turn holds. A burst that grew since keeps its newer messages pending for their own turn.
 */
async function recordedMessages(store: Store, turn: TurnRecord, ids: readonly string[]): Promise<string[]> {
  const recent = await store.listTurns({ conversationId: turn.conversationId, limit: RECORDED_TURN_LOOKBACK });
  const recorded = recent.find((t) => t.id === turn.id);
  return recorded ? ids.filter((id) => recorded.messageIds.includes(id)) : [...ids];
}

/** Adds the unredacted text when this process still holds any of the messages as they arrived. */
function withOriginalText(input: TurnInput | undefined, burst: readonly StoredInbound[], conversation: Conversation | undefined, deps: WorkerDeps): TurnInput | undefined {
  const originals = burst.map((stored) => deps.originals?.get(stored.id));
  if (!input || originals.every((original) => original === undefined)) return input;
  const asArrived = burst.map((stored, i) => {
    const original = originals[i];
    return original ? { ...stored, message: original } : stored;
  });
  const text = toBurstInput(asArrived, conversation)?.text;
  return text === undefined || text === input.text ? input : { ...input, originalText: text };
}
