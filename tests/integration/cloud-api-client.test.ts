import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createCloudApiClient, defaultBackoff } from '../../src/channels/whatsapp/cloud-api-client.ts';
import type { CloudApiClientOptions } from '../../src/channels/whatsapp/cloud-api-client.ts';
import { buildSendBody } from '../../src/channels/whatsapp/send-builders.ts';
import {
  INVALID_TOKEN,
  PAIR_RATE_LIMIT,
  payload,
  SERVER_ERROR,
  startReplayServer,
  SUCCESS,
  THROUGHPUT_LIMIT,
  WINDOW_CLOSED,
} from './cloud-api-replay-server.ts';
import type { ReplayServer } from './cloud-api-replay-server.ts';

const PHONE_NUMBER_ID = '106540352242922';
const BODY = buildSendBody({ waId: '16505551234' }, { kind: 'text', body: 'Ciao!' }, { callbackData: 'out-1' });
const DOCS_WAMID = 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA';

describe('cloud api client against a loopback server', () => {
  let server: ReplayServer;
  let backoffCalls: { attempt: number; code?: number }[];

  before(async () => {
    server = await startReplayServer();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    backoffCalls = [];
  });

  function client(overrides: Partial<CloudApiClientOptions> = {}) {
    return createCloudApiClient({
      baseUrl: `${server.baseUrl}/`,
      apiVersion: 'v25.0',
      accessToken: 'test-token',
      maxAttempts: 4,
      timeoutMs: 2000,
      backoff: (attempt, code) => {
        backoffCalls.push(code === undefined ? { attempt } : { attempt, code });
        return 0;
      },
      sleep: async () => {},
      ...overrides,
    });
  }

  it('sends to /{version}/{phone number id}/messages with the bearer token and JSON body', async () => {
    const result = await client().send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-1' });
    assert.deepEqual(result, { ok: true, wamid: DOCS_WAMID, response: payload('meta-docs__interactive__send_response.json'), attempts: 1 });
    const [request] = server.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, `/v25.0/${PHONE_NUMBER_ID}/messages`);
    assert.equal(request?.headers.authorization, 'Bearer test-token');
    assert.match(request?.headers['content-type'] ?? '', /^application\/json/);
    assert.equal(request?.headers['idempotency-key'], 'key-1');
    assert.deepEqual(request?.body, BODY);
  });

  it('reads the wamid of the netflie success response too', async () => {
    server.script({ status: 200, json: payload('netflie__WhatsAppCloudApiTest__send_success_response.json') });
    const result = await client().send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-n' });
    assert.equal(result.ok && result.wamid, 'wamid.ID');
  });

  it('retries 131056, 130429 and HTTP 500 with the same Idempotency-Key, then succeeds', async () => {
    server.script(PAIR_RATE_LIMIT, THROUGHPUT_LIMIT, SERVER_ERROR, SUCCESS);
    const result = await client().send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-2' });
    assert.equal(result.ok, true);
    assert.equal(result.attempts, 4);
    assert.equal(server.requests.length, 4);
    assert.deepEqual(
      server.requests.map((r) => r.headers['idempotency-key']),
      ['key-2', 'key-2', 'key-2', 'key-2'],
    );
    assert.ok(server.requests.every((r) => JSON.stringify(r.body) === JSON.stringify(BODY)));
    assert.deepEqual(backoffCalls, [{ attempt: 0, code: 131056 }, { attempt: 1, code: 130429 }, { attempt: 2 }]);
  });

  it('does not retry 131047 and reports code, details and status', async () => {
    server.script(WINDOW_CLOSED);
    const result = await client().send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-3' });
    assert.equal(result.ok, false);
    assert.equal(result.attempts, 1);
    assert.equal(server.requests.length, 1);
    if (result.ok) return;
    assert.equal(result.error.code, 131047);
    assert.equal(result.error.httpStatus, 400);
    assert.equal(result.error.retryable, false);
    assert.equal(result.error.message, '(#131047) Re-engagement message');
    assert.match(result.error.details ?? '', /more than 24 hours/);
  });

  it('does not retry 190 (invalid token)', async () => {
    server.script(INVALID_TOKEN);
    const result = await client().send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-4' });
    assert.equal(server.requests.length, 1);
    assert.deepEqual(result, {
      ok: false,
      attempts: 1,
      error: {
        code: 190,
        httpStatus: 401,
        message: 'Invalid OAuth access token - Cannot parse access token',
        fbtraceId: 'AbJuG-rMVv36mjw-r78mKwg',
        retryable: false,
      },
    });
  });

  it('gives up after maxAttempts and returns the last error', async () => {
    server.script(THROUGHPUT_LIMIT, THROUGHPUT_LIMIT, THROUGHPUT_LIMIT);
    const result = await client({ maxAttempts: 3 }).send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-5' });
    assert.equal(server.requests.length, 3);
    assert.equal(result.ok, false);
    assert.equal(result.attempts, 3);
    assert.equal(!result.ok && result.error.code, 130429);
    assert.equal(!result.ok && result.error.retryable, true);
  });

  it('a 500 without a Graph error body is retried and reported by status', async () => {
    server.script(SERVER_ERROR, SERVER_ERROR);
    const result = await client({ maxAttempts: 2 }).send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-6' });
    assert.equal(result.attempts, 2);
    assert.equal(!result.ok && result.error.httpStatus, 500);
    assert.equal(!result.ok && result.error.code, undefined);
    assert.match(!result.ok ? result.error.message : '', /^HTTP 500/);
  });

  it('times out a hanging request and retries it', async () => {
    server.script('hang', SUCCESS);
    const started = Date.now();
    const result = await client({ timeoutMs: 150 }).send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-7' });
    assert.equal(result.ok, true);
    assert.equal(result.attempts, 2);
    assert.deepEqual(
      server.requests.map((r) => r.headers['idempotency-key']),
      ['key-7', 'key-7'],
    );
    assert.ok(Date.now() - started < 1500);
  });

  it('after a timeout, a message that a status webhook shows as accepted is not sent again', async () => {
    server.script('hang');
    const waits: number[] = [];
    const result = await client({ timeoutMs: 100, unconfirmedWaitMs: 5000, sleep: async (ms) => void waits.push(ms) }).send(PHONE_NUMBER_ID, BODY, {
      idempotencyKey: 'key-9',
      confirm: async () => 'wamid.confirmed-by-status',
    });
    assert.deepEqual(result, { ok: true, wamid: 'wamid.confirmed-by-status', response: undefined, attempts: 1, confirmedByStatus: true });
    assert.equal(server.requests.length, 1, 'one request only');
    assert.deepEqual(waits, [5000], 'it waited for the status webhook before deciding');
  });

  it('after a timeout with no confirming status, the message is sent again under the same key', async () => {
    server.script('hang', SUCCESS);
    const result = await client({ timeoutMs: 100 }).send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-10', confirm: async () => undefined });
    assert.equal(result.ok, true);
    assert.equal(server.requests.length, 2);
  });

  it('a refused connection is not ambiguous: retried without waiting for a status', async () => {
    const closed = await startReplayServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    let asked = 0;
    const result = await client({ baseUrl, maxAttempts: 2 }).send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-11', confirm: async () => (asked++, undefined) });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.ambiguous, false);
    assert.equal(asked, 0);
  });

  it('reports a timeout when every attempt hangs', async () => {
    server.script('hang', 'hang');
    const result = await client({ timeoutMs: 100, maxAttempts: 2 }).send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-8' });
    assert.equal(result.ok, false);
    assert.equal(result.attempts, 2);
    assert.match(!result.ok ? result.error.message : '', /no answer within 100 ms/);
    assert.equal(!result.ok && result.error.retryable, true);
  });

  it('network errors are retried and reported', async () => {
    const closed = await startReplayServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const result = await client({ baseUrl, maxAttempts: 2 }).send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-9' });
    assert.equal(result.attempts, 2);
    assert.match(!result.ok ? result.error.message : '', /^network error/);
  });

  it('a 200 without a wamid is a failure that is not retried', async () => {
    server.script({ status: 200, json: { messaging_product: 'whatsapp' } });
    const result = await client().send(PHONE_NUMBER_ID, BODY, { idempotencyKey: 'key-10' });
    assert.equal(server.requests.length, 1);
    assert.equal(!result.ok && result.error.retryable, false);
  });

  it('markRead posts the mark-as-read and typing body once', async () => {
    server.script({ status: 200, json: payload('meta-docs__typing_indicators__response.json') });
    const result = await client().markRead(PHONE_NUMBER_ID, 'wamid.IN', true);
    assert.deepEqual(result, { ok: true, attempts: 1 });
    assert.deepEqual(server.requests[0]?.body, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN',
      typing_indicator: { type: 'text' },
    });
    assert.equal(server.requests[0]?.headers['idempotency-key'], undefined);
    server.script(SERVER_ERROR);
    const failed = await client().markRead(PHONE_NUMBER_ID, 'wamid.IN', false);
    assert.equal(failed.ok, false);
    assert.equal(server.requests.length, 2);
  });
});

describe('defaultBackoff', () => {
  it('4^X seconds for the pair rate limit, capped', () => {
    assert.deepEqual([0, 1, 2, 3].map((x) => defaultBackoff(x, 131056)), [1000, 4000, 16000, 60000]);
  });

  it('exponential with jitter otherwise, capped at 60 s', () => {
    for (let x = 0; x < 12; x++) {
      const step = Math.min(500 * 2 ** x, 60_000);
      const delay = defaultBackoff(x, 130429);
      assert.ok(delay >= step / 2 && delay <= step, `attempt ${x}: ${delay}`);
    }
  });
});
