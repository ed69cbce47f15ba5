import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createConversationWorker, type TurnRunner } from '../../src/conversations/conversation-worker.ts';
import { AppError } from '../../src/core/errors.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import { silentLogger, type ReplyDispatcher } from '../../src/core/ports.ts';
import type { Store } from '../../src/core/store.ts';
import type { TurnInput, TurnResult } from '../../src/core/turn.ts';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';

const NOW = Date.UTC(2026, 10, 25, 10);

function text(id: string, customer: string, body: string, secondsAgo: number): InboundMessage {
  return { id, phoneNumberId: 'pn', customer: { key: customer, waId: customer }, timestamp: NOW / 1000 - secondsAgo, type: 'text', content: { kind: 'text', body }, errors: [], raw: {} };
}

function result(input: TurnInput): TurnResult {
  return {
    understanding: { intent: 'x', confidence: 1, source: 'keyword', language: 'it', candidates: [] },
    inputVerdicts: [],
    outputVerdicts: [],
    route: 'approved_text',
    answeredBy: 'respond',
    replies: [{ kind: 'text', body: `re: ${input.text}` }],
    storedText: input.text,
    latencyMs: { understand: 0, guard: 0, respond: 0, total: 0 },
    costUsd: 0,
  };
}

/** A pipeline that records the order of turns and how many run at once per conversation. */
function recordingPipeline() {
  const seen: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const pipeline: TurnRunner = {
    async run(input) {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 2));
      seen.push(input.text);
      running--;
      return result(input);
    },
  };
  return { pipeline, seen, maxRunning: () => maxRunning };
}

const dispatcher: ReplyDispatcher = { dispatch: async () => [], markRead: async () => {} };

describe('conversation worker', () => {
  it('answers one conversation one message at a time, in timestamp order', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, seen, maxRunning } = recordingPipeline();
    const worker = createConversationWorker({ store, dispatcher, pipeline, clock: { now: () => NOW }, logger: silentLogger });
    await store.ingestInbound([text('m3', 'c', 'third', 1), text('m1', 'c', 'first', 30)], NOW);
    worker.notify(['pn:c']);
    await store.ingestInbound([text('m2', 'c', 'second', 10)], NOW);
    worker.notify(['pn:c']);
    worker.notify(['pn:c']);
    await worker.idle();
    assert.equal(maxRunning(), 1);
    assert.deepEqual(seen, ['first', 'second', 'third']);
    for (const id of ['m1', 'm2', 'm3']) assert.equal((await store.getInbound(id))?.state, 'done');
    assert.equal((await store.listTurns({ conversationId: 'pn:c' })).length, 3);
    await store.close();
  });

  it('a retryable store failure leaves the message pending and retries; nothing is lost', async () => {
    const real = createSqliteStore({ path: ':memory:' });
    let failures = 1;
    const store: Store = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'getConversation' && failures > 0) {
          return async () => {
            failures--;
            throw new AppError('STORE_FAILURE', 'database is locked', { retryable: true });
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const { pipeline, seen } = recordingPipeline();
    const worker = createConversationWorker({ store, dispatcher, pipeline, clock: { now: () => NOW }, logger: silentLogger, retryDelayMs: 5 });
    await real.ingestInbound([text('m1', 'c', 'hello', 1)], NOW);
    worker.notify(['pn:c']);
    await worker.idle();
    assert.equal((await real.getInbound('m1'))?.state, 'pending');
    await new Promise((r) => setTimeout(r, 30));
    await worker.idle();
    assert.deepEqual(seen, ['hello']);
    assert.equal((await real.getInbound('m1'))?.state, 'done');
    await real.close();
  });

  it('any other failure marks the message failed with the reason and goes on with the next', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const pipeline: TurnRunner = {
      async run(input) {
        if (input.text === 'boom') throw new Error('pipeline exploded');
        return result(input);
      },
    };
    const worker = createConversationWorker({ store, dispatcher, pipeline, clock: { now: () => NOW }, logger: silentLogger });
    await store.ingestInbound([text('m1', 'c', 'boom', 20), text('m2', 'c', 'fine', 10)], NOW);
    worker.notify(['pn:c']);
    await worker.idle();
    const failed = await store.getInbound('m1');
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.error, 'pipeline exploded');
    assert.equal((await store.getInbound('m2'))?.state, 'done');
    await store.close();
  });

  it('reactions and system notices are marked done without a turn', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, seen } = recordingPipeline();
    const worker = createConversationWorker({ store, dispatcher, pipeline, clock: { now: () => NOW }, logger: silentLogger });
    await store.ingestInbound([{ ...text('r1', 'c', '', 1), type: 'reaction', content: { kind: 'reaction', messageId: 'wamid.x', emoji: '👍' } }], NOW);
    worker.notify(['pn:c']);
    await worker.idle();
    assert.deepEqual(seen, []);
    assert.equal((await store.getInbound('r1'))?.state, 'done');
    await store.close();
  });
});
