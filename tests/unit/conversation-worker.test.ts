import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createConversationWorker, turnIdFor, type TurnRunner, type WorkerDeps } from '../../src/conversations/conversation-worker.ts';
import { AppError } from '../../src/core/errors.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import { silentLogger, type DispatchTarget, type OriginalMessages, type ReplyDispatcher } from '../../src/core/ports.ts';
import type { Store } from '../../src/core/store.ts';
import type { TurnInput, TurnRecord, TurnResult } from '../../src/core/turn.ts';
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

/** A dispatcher that keeps every target it was asked to send to. */
function recordingDispatcher() {
  const targets: DispatchTarget[] = [];
  const recording: ReplyDispatcher = {
    dispatch: async (target) => {
      targets.push(target);
      return [];
    },
    markRead: async () => {},
  };
  return { dispatcher: recording, targets };
}

/** A pipeline that keeps every input it ran. */
function inputRecorder() {
  const inputs: TurnInput[] = [];
  const pipeline: TurnRunner = {
    async run(input) {
      inputs.push(input);
      return result(input);
    },
  };
  return { pipeline, inputs };
}

function button(id: string, customer: string, title: string, secondsAgo: number): InboundMessage {
  return { ...text(id, customer, '', secondsAgo), type: 'interactive', content: { kind: 'button_reply', id: `intent:${title}`, title } };
}

/** Received 10 s before NOW: older than any window, so the worker never waits for these. */
const RECEIVED = NOW - 10_000;

function workerDeps(store: Store, pipeline: TurnRunner, extra: Partial<WorkerDeps> = {}): WorkerDeps {
  return { store, dispatcher, pipeline, clock: { now: () => NOW }, logger: silentLogger, ...extra };
}

const states = async (store: Store, ids: string[]) => Promise.all(ids.map(async (id) => (await store.getInbound(id))?.state));

describe('conversation worker', () => {
  it('answers one conversation one message at a time, in timestamp order', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, seen, maxRunning } = recordingPipeline();
    const worker = createConversationWorker({ store, dispatcher, pipeline, clock: { now: () => NOW }, logger: silentLogger });
    await store.ingestInbound([text('m3', 'c', 'third', 1), text('m1', 'c', 'first', 30)], RECEIVED);
    worker.notify(['pn:c']);
    await store.ingestInbound([text('m2', 'c', 'second', 10)], RECEIVED);
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
    await real.ingestInbound([text('m1', 'c', 'hello', 1)], RECEIVED);
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
    await store.ingestInbound([{ ...text('r1', 'c', '', 1), type: 'reaction', content: { kind: 'reaction', messageId: 'wamid.x', emoji: '👍' } }], RECEIVED);
    worker.notify(['pn:c']);
    await worker.idle();
    assert.deepEqual(seen, []);
    assert.equal((await store.getInbound('r1'))?.state, 'done');
    await store.close();
  });
});

describe('conversation worker: message bursts', () => {
  it('merges text messages a few seconds apart into one turn, threaded to the last, all marked done', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, inputs } = inputRecorder();
    const { dispatcher: recording, targets } = recordingDispatcher();
    const worker = createConversationWorker(workerDeps(store, pipeline, { dispatcher: recording }));
    await store.ingestInbound([text('m1', 'c', 'ciao', 4), text('m2', 'c', 'volevo chiedere', 2), text('m3', 'c', 'quanto costa una manicure?', 1)], RECEIVED);
    worker.notify(['pn:c']);
    await worker.idle();
    assert.deepEqual(inputs.map((i) => [i.text, i.messageIds]), [['ciao\nvolevo chiedere\nquanto costa una manicure?', ['m1', 'm2', 'm3']]]);
    assert.deepEqual(targets.map((t) => [t.turnId, t.inReplyTo]), [[turnIdFor('m1'), 'm3']]);
    const [turn, ...others] = await store.listTurns({ conversationId: 'pn:c' });
    assert.equal(others.length, 0);
    assert.equal(turn?.id, turnIdFor('m1'));
    assert.deepEqual(turn?.messageIds, ['m1', 'm2', 'm3']);
    assert.deepEqual(await states(store, ['m1', 'm2', 'm3']), ['done', 'done', 'done']);
    await store.close();
  });

  it('a gap over the window, or a button tap, ends a burst; the tap is a turn of its own', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, inputs } = inputRecorder();
    const worker = createConversationWorker(workerDeps(store, pipeline));
    await store.ingestInbound(
      [
        text('a1', 'c', 'quanto costa una manicure?', 30),
        text('a2', 'c', 'e la pedicure?', 20), // 10 s later: its own turn
        text('a3', 'c', 'ah, e', 19),
        button('b1', 'c', 'prices', 18),
        text('a4', 'c', 'grazie', 17),
      ],
      RECEIVED,
    );
    worker.notify(['pn:c']);
    await worker.idle();
    assert.deepEqual(inputs.map((i) => i.messageIds), [['a1'], ['a2', 'a3'], ['b1'], ['a4']]);
    assert.deepEqual(inputs[2]?.payload, { kind: 'button', id: 'intent:prices', title: 'prices' });
    await store.close();
  });

  it('mergeWindowMs 0 answers every message on its own, at once', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, inputs } = inputRecorder();
    const worker = createConversationWorker(workerDeps(store, pipeline, { mergeWindowMs: 0 }));
    await store.ingestInbound([text('m1', 'c', 'ciao', 2), text('m2', 'c', 'volevo chiedere', 1)], NOW);
    worker.notify(['pn:c']);
    const started = performance.now();
    await worker.idle();
    assert.ok(performance.now() - started < 1000, 'no waiting');
    assert.deepEqual(inputs.map((i) => i.text), ['ciao', 'volevo chiedere']);
    await store.close();
  });

  it('waits for the rest after an unfinished opener and is woken by the next message', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, inputs } = inputRecorder();
    const worker = createConversationWorker(workerDeps(store, pipeline, { mergeWindowMs: 3000 }));
    await store.ingestInbound([text('m1', 'c', 'Buongiorno, volevo chiedere', 1)], NOW);
    worker.notify(['pn:c']);
    const started = performance.now();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(inputs.length, 0, 'not answered yet: waiting for the rest');
    await store.ingestInbound([text('m2', 'c', 'quanto costa una manicure?', 0)], NOW);
    worker.notify(['pn:c']);
    await worker.idle();
    assert.ok(performance.now() - started < 2000, 'woken by the new message, not by the timer');
    assert.deepEqual(inputs.map((i) => [i.text, i.messageIds]), [['Buongiorno, volevo chiedere\nquanto costa una manicure?', ['m1', 'm2']]]);
    await store.close();
  });

  it('answers an unfinished message alone once the window has passed; idle() waits for it', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, inputs } = inputRecorder();
    const worker = createConversationWorker(workerDeps(store, pipeline, { mergeWindowMs: 150 }));
    await store.ingestInbound([text('m1', 'c', 'ciao', 0)], NOW);
    worker.notify(['pn:c']);
    const started = performance.now();
    await worker.idle();
    assert.ok(performance.now() - started >= 140, 'waited the window');
    assert.deepEqual(inputs.map((i) => i.text), ['ciao']);
    assert.equal((await store.getInbound('m1'))?.state, 'done');
    await store.close();
  });

  it('answers a complete message at once, even just received', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, inputs } = inputRecorder();
    const worker = createConversationWorker(workerDeps(store, pipeline, { mergeWindowMs: 10_000 }));
    await store.ingestInbound([text('m1', 'c', 'quanto costa una manicure?', 0)], NOW);
    worker.notify(['pn:c']);
    const started = performance.now();
    await worker.idle();
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(inputs.map((i) => i.text), ['quanto costa una manicure?']);
    await store.close();
  });

  it('a failure marks every message of the burst failed', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const pipeline: TurnRunner = {
      async run() {
        throw new Error('pipeline exploded');
      },
    };
    const worker = createConversationWorker(workerDeps(store, pipeline));
    await store.ingestInbound([text('m1', 'c', 'ciao', 2), text('m2', 'c', 'dove siete?', 1)], RECEIVED);
    worker.notify(['pn:c']);
    await worker.idle();
    assert.deepEqual(await states(store, ['m1', 'm2']), ['failed', 'failed']);
    assert.equal((await store.getInbound('m2'))?.error, 'pipeline exploded');
    await store.close();
  });

  it('restores the unredacted text of the merged messages it still holds', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, inputs } = inputRecorder();
    const original = text('m2', 'c', 'il mio iban è IT60X0542811101000000123456', 1);
    const originals: OriginalMessages = { keep() {}, get: (id) => (id === 'm2' ? original : undefined), forget() {} };
    const worker = createConversationWorker(workerDeps(store, pipeline, { originals }));
    await store.ingestInbound([text('m1', 'c', 'ciao', 2), text('m2', 'c', 'il mio iban è [iban]', 1)], RECEIVED);
    worker.notify(['pn:c']);
    await worker.idle();
    assert.equal(inputs[0]?.text, 'ciao\nil mio iban è [iban]');
    assert.equal(inputs[0]?.originalText, 'ciao\nil mio iban è IT60X0542811101000000123456');
    await store.close();
  });
});

describe('conversation worker: bursts after a crash', () => {
  it('a crash before the messages are marked done: the restart finishes the same turn, recorded once', async () => {
    const real = createSqliteStore({ path: ':memory:' });
    let crashes = 1;
    const store: Store = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'markInboundMany' && crashes > 0) {
          return async () => {
            crashes--;
            throw new AppError('STORE_FAILURE', 'database is locked', { retryable: true });
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const { pipeline, inputs } = inputRecorder();
    const { dispatcher: recording, targets } = recordingDispatcher();
    const worker = createConversationWorker(workerDeps(store, pipeline, { dispatcher: recording, retryDelayMs: 5 }));
    await real.ingestInbound([text('m1', 'c', 'ciao', 2), text('m2', 'c', 'dove siete?', 1)], RECEIVED);
    worker.notify(['pn:c']);
    await worker.idle();
    await new Promise((r) => setTimeout(r, 30));
    await worker.idle();
    assert.equal(inputs.length, 2, 'the turn ran again');
    assert.deepEqual(targets.map((t) => [t.turnId, t.inReplyTo]), [[turnIdFor('m1'), 'm2'], [turnIdFor('m1'), 'm2']], 'same turn id: the dispatcher sends nothing twice');
    const turns = await real.listTurns({ conversationId: 'pn:c' });
    assert.deepEqual(turns.map((t) => [t.id, t.messageIds]), [[turnIdFor('m1'), ['m1', 'm2']]]);
    assert.deepEqual(await states(real, ['m1', 'm2']), ['done', 'done']);
    await real.close();
  });

  it('a recorded turn is not extended: a message that joined the burst since gets a turn of its own', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const { pipeline, inputs } = inputRecorder();
    await store.ingestInbound([text('m1', 'c', 'ciao', 3), text('m2', 'c', 'dove siete?', 2), text('m3', 'c', 'e gli orari?', 1)], RECEIVED);
    const before: TurnRecord = { ...result({ conversationId: 'pn:c', phoneNumberId: 'pn', customerKey: 'c', messageIds: ['m1', 'm2'], text: 'ciao\ndove siete?', readable: true }), id: turnIdFor('m1'), conversationId: 'pn:c', messageIds: ['m1', 'm2'], outboundIds: [], createdAt: RECEIVED };
    assert.equal(await store.appendTurn(before), true, 'recorded by the process that crashed');
    const worker = createConversationWorker(workerDeps(store, pipeline));
    await worker.resume();
    await worker.idle();
    assert.deepEqual(inputs.map((i) => i.messageIds), [['m1', 'm2', 'm3'], ['m3']]);
    const turns = await store.listTurns({ conversationId: 'pn:c' });
    assert.deepEqual(turns.map((t) => [t.id, t.messageIds]).sort(), [[turnIdFor('m1'), ['m1', 'm2']], [turnIdFor('m3'), ['m3']]]);
    assert.deepEqual(await states(store, ['m1', 'm2', 'm3']), ['done', 'done', 'done']);
    await store.close();
  });
});
