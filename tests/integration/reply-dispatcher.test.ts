import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createCloudApiClient } from '../../src/channels/whatsapp/cloud-api-client.ts';
import { createWhatsAppDispatcher, WINDOW_CLOSED_TITLE } from '../../src/channels/whatsapp/reply-dispatcher.ts';
import type { WhatsAppDispatcherDeps } from '../../src/channels/whatsapp/reply-dispatcher.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import type { DispatchTarget } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Store } from '../../src/core/store.ts';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { SERVER_ERROR, startReplayServer, successWith, WINDOW_CLOSED } from './cloud-api-replay-server.ts';
import type { ReplayServer } from './cloud-api-replay-server.ts';

const PNID = '106540352242922';
const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const HOUR_S = 3600;
const DOCS_WAMID = 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA';

const PHONE_CUSTOMER = { key: '393331234567', waId: '393331234567', name: 'Anna' };
const BSUID_CUSTOMER = { key: 'IT.8812345678901234', userId: 'IT.8812345678901234' };

function inbound(id: string, customer: InboundMessage['customer'], secondsAgo: number): InboundMessage {
  return {
    id,
    phoneNumberId: PNID,
    customer,
    timestamp: Math.floor(NOW / 1000) - secondsAgo,
    type: 'text',
    content: { kind: 'text', body: 'Ciao' },
    errors: [],
    raw: {},
  };
}

function target(customerKey: string, extra: Partial<DispatchTarget> = {}): DispatchTarget {
  return { conversationId: `${PNID}:${customerKey}`, phoneNumberId: PNID, customerKey, turnId: 'turn-1', ...extra };
}

const TEXT: Reply = { kind: 'text', body: 'Siamo aperti dalle 9 alle 18.' };
const TEMPLATE: Reply = { kind: 'template', name: 'riprendi_conversazione', language: 'it', bodyParameters: [{ type: 'text', text: 'Anna' }] };

describe('WhatsApp reply dispatcher with the SQLite store and a loopback Cloud API', () => {
  let server: ReplayServer;
  let store: Store;
  let ids: number;

  before(async () => {
    server = await startReplayServer();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(async () => {
    server.requests.length = 0;
    ids = 0;
    store = createSqliteStore({ path: ':memory:' });
    await store.ingestInbound([inbound('wamid.recent', PHONE_CUSTOMER, HOUR_S)], NOW);
    await store.ingestInbound([inbound('wamid.old', BSUID_CUSTOMER, 25 * HOUR_S)], NOW);
  });

  function dispatcher(overrides: Partial<WhatsAppDispatcherDeps> = {}) {
    const client = createCloudApiClient({
      baseUrl: server.baseUrl,
      apiVersion: 'v25.0',
      accessToken: 'test-token',
      backoff: () => 0,
      sleep: async () => {},
    });
    return createWhatsAppDispatcher({ store, client, clock: { now: () => NOW }, newId: () => `out-${++ids}`, ...overrides });
  }

  const sends = () => server.requests.filter((r) => r.body.type !== undefined);

  it('sends an in-window text and records it accepted with the wamid', async () => {
    const [record] = await dispatcher().dispatch(target(PHONE_CUSTOMER.key), [TEXT]);
    assert.equal(record?.id, 'turn-1:0');
    assert.equal(record?.status, 'accepted');
    assert.equal(record?.wamid, DOCS_WAMID);
    assert.equal(record?.attempts, 1);
    assert.equal(record?.kind, 'text');
    assert.equal(record?.turnId, 'turn-1');
    const [request] = sends();
    assert.equal(request?.headers['idempotency-key'], 'turn-1:0');
    assert.equal(request?.path, `/v25.0/${PNID}/messages`);
    assert.deepEqual(request?.body, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+393331234567',
      biz_opaque_callback_data: 'turn-1:0',
      type: 'text',
      text: { body: TEXT.kind === 'text' ? TEXT.body : '' },
    });
    assert.deepEqual(await store.getOutbound('turn-1:0'), record);
    assert.deepEqual(record?.body, request?.body);
  });

  it('dispatching the same turn again (a resumed turn) sends nothing twice', async () => {
    const first = await dispatcher().dispatch(target(PHONE_CUSTOMER.key), [TEXT]);
    const again = await dispatcher().dispatch(target(PHONE_CUSTOMER.key), [TEXT]);
    assert.deepEqual(again.map((o) => o.id), ['turn-1:0']);
    assert.deepEqual(again, first);
    assert.equal(sends().length, 1);
  });

  it('out of the window: the free-form replies are refused and the template goes once in their place, in the conversation language, to the BSUID', async () => {
    const seen: (string | undefined)[] = [];
    await store.setConversationLanguage(target(BSUID_CUSTOMER.key).conversationId, 'it');
    const templateFallback = (_: DispatchTarget, language?: string): Reply => {
      seen.push(language);
      return TEMPLATE;
    };
    const records = await dispatcher({ templateFallback }).dispatch(target(BSUID_CUSTOMER.key), [TEXT, TEXT]);
    assert.deepEqual(seen, ['it']);
    assert.deepEqual(records.map((r) => [r.id, r.kind, r.status, r.errorCode]), [
      ['turn-1:0', 'text', 'refused', 131047],
      ['turn-1:1', 'text', 'refused', 131047],
      ['turn-1:template', 'template', 'accepted', undefined],
    ]);
    assert.equal(sends().length, 1);
    const [request] = sends();
    assert.equal(request?.body.type, 'template');
    assert.equal(request?.body.recipient, BSUID_CUSTOMER.userId);
    assert.equal('to' in (request?.body ?? {}), false);
  });

  it('out of the window without a template: refused with 131047 and no request', async () => {
    const records = await dispatcher({ templateFallback: () => undefined }).dispatch(target(BSUID_CUSTOMER.key), [TEXT]);
    assert.equal(records.length, 1);
    assert.equal(records[0]?.status, 'refused');
    assert.equal(records[0]?.errorCode, 131047);
    assert.equal(records[0]?.errorTitle, WINDOW_CLOSED_TITLE);
    assert.equal(records[0]?.attempts, 0);
    assert.equal(server.requests.length, 0);
  });

  it('a fallback that is not a template does not bypass the window', async () => {
    const [record] = await dispatcher({ templateFallback: () => TEXT }).dispatch(target(BSUID_CUSTOMER.key), [TEXT]);
    assert.equal(record?.status, 'refused');
    assert.equal(server.requests.length, 0);
  });

  it('a customer who never wrote has no open window', async () => {
    const [record] = await dispatcher().dispatch(target('491701234567'), [TEXT]);
    assert.equal(record?.status, 'refused');
    assert.equal(record?.errorCode, 131047);
    assert.equal(server.requests.length, 0);
  });

  it('a template is sent even when the window is closed', async () => {
    const [record] = await dispatcher().dispatch(target(BSUID_CUSTOMER.key), [TEMPLATE]);
    assert.equal(record?.status, 'accepted');
    assert.equal(sends().length, 1);
  });

  it('a limit violation is refused with the message, without a request, and the next reply still goes', async () => {
    const tooMany: Reply = { kind: 'buttons', body: 'Scegli', buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `Opzione ${i}` })) };
    const records = await dispatcher().dispatch(target(PHONE_CUSTOMER.key), [tooMany, TEXT]);
    assert.deepEqual(records.map((r) => r.status), ['refused', 'accepted']);
    assert.equal(records[0]?.errorCode, undefined);
    assert.match(records[0]?.errorTitle ?? '', /interactive\.action\.buttons has 4 items; the limit is 3/);
    assert.equal(records[0]?.kind, 'buttons');
    assert.equal(sends().length, 1);
    assert.equal(sends()[0]?.body.type, 'text');
  });

  it('a 131047 from the API is recorded failed with its code', async () => {
    server.script(WINDOW_CLOSED);
    const [record] = await dispatcher().dispatch(target(PHONE_CUSTOMER.key), [TEXT]);
    assert.equal(record?.status, 'failed');
    assert.equal(record?.errorCode, 131047);
    assert.match(record?.errorTitle ?? '', /Re-engagement message/);
    assert.equal(record?.attempts, 1);
    assert.equal(record?.wamid, undefined);
  });

  it('a 131047 from the API stops free-form replies for the turn and sends the template once', async () => {
    server.script(WINDOW_CLOSED, successWith('wamid.template'));
    const records = await dispatcher({ templateFallback: () => TEMPLATE }).dispatch(target(PHONE_CUSTOMER.key), [TEXT, TEXT]);
    assert.deepEqual(records.map((r) => [r.kind, r.status, r.errorCode]), [
      ['text', 'failed', 131047],
      ['text', 'refused', 131047],
      ['template', 'accepted', undefined],
    ]);
    assert.deepEqual(sends().map((r) => r.body.type), ['text', 'template']);
  });

  it('a resumed message that may have been in flight is not re-sent when a status webhook confirmed it', async () => {
    const first = dispatcher();
    await store.createOutbound({ id: 'turn-1:0', conversationId: target(PHONE_CUSTOMER.key).conversationId, phoneNumberId: PNID, customerKey: PHONE_CUSTOMER.key, turnId: 'turn-1', body: {}, kind: 'text' }, NOW);
    await store.updateOutbound('turn-1:0', { attempts: 1 }, NOW);
    await store.applyStatus({ messageId: 'wamid.seen', phoneNumberId: PNID, status: 'sent', timestamp: NOW / 1000, recipient: {}, errors: [], callbackData: 'turn-1:0', raw: {} }, NOW);
    const [record] = await first.dispatch(target(PHONE_CUSTOMER.key), [TEXT]);
    assert.equal(record?.wamid, 'wamid.seen');
    assert.equal(sends().length, 0);
  });

  it('a resumed message that may have been in flight is re-sent under the same key when nothing confirmed it', async () => {
    await store.createOutbound({ id: 'turn-1:0', conversationId: target(PHONE_CUSTOMER.key).conversationId, phoneNumberId: PNID, customerKey: PHONE_CUSTOMER.key, turnId: 'turn-1', body: {}, kind: 'text' }, NOW);
    await store.updateOutbound('turn-1:0', { attempts: 1 }, NOW);
    const waits: number[] = [];
    const [record] = await dispatcher({ unconfirmedWaitMs: 3000, sleep: async (ms) => void waits.push(ms) }).dispatch(target(PHONE_CUSTOMER.key), [TEXT]);
    assert.deepEqual(waits, [3000]);
    assert.equal(record?.status, 'accepted');
    assert.equal(record?.attempts, 2);
    assert.deepEqual(sends().map((r) => r.headers['idempotency-key']), ['turn-1:0']);
  });

  it('records the attempts of a retried send', async () => {
    server.script(SERVER_ERROR);
    const [record] = await dispatcher().dispatch(target(PHONE_CUSTOMER.key), [TEXT]);
    assert.equal(record?.status, 'accepted');
    assert.equal(record?.attempts, 2);
  });

  it('marks the answered message read with the typing indicator before the first send', async () => {
    server.script({ status: 200, json: { success: true } }, successWith('wamid.A'), successWith('wamid.B'));
    await dispatcher().dispatch(target(PHONE_CUSTOMER.key, { inReplyTo: 'wamid.recent' }), [TEXT, TEXT]);
    assert.deepEqual(server.requests[0]?.body, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.recent',
      typing_indicator: { type: 'text' },
    });
    assert.deepEqual(server.requests.slice(1).map((r) => r.body.type), ['text', 'text']);
    assert.deepEqual((await store.listOutbound(target(PHONE_CUSTOMER.key).conversationId)).map((r) => r.wamid), ['wamid.A', 'wamid.B']);
  });

  it('marks the answered message read without typing when no reply is sent', async () => {
    await dispatcher().dispatch(target(BSUID_CUSTOMER.key, { inReplyTo: 'wamid.old' }), [TEXT]);
    assert.equal(sends().length, 0);
    assert.deepEqual(server.requests.map((r) => r.body), [{ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.old' }]);
  });

  it('markRead is best effort: a failure is logged, never thrown', async () => {
    server.script(SERVER_ERROR);
    const warnings: object[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (obj: object) => void warnings.push(obj) };
    await dispatcher({ logger }).markRead(PNID, 'wamid.recent', true);
    assert.equal(warnings.length, 1);
    const unreachable = createCloudApiClient({ baseUrl: 'http://127.0.0.1:1', apiVersion: 'v25.0', accessToken: 't' });
    await createWhatsAppDispatcher({ store, client: unreachable, clock: { now: () => NOW } }).markRead(PNID, 'wamid.recent', false);
  });
});
