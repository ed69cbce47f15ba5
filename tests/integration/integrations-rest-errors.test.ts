/**
 * How the REST adapter turns a remote system's failures into typed results, against a
 * scripted loopback server: 5xx and 429 (retryable, retried for GETs), 404 (not found),
 * timeouts, network errors, 401 (rejected), invalid JSON and mapping problems (bad
 * response naming the path), mutating requests retried only with an idempotency key header;
 * and the start-up errors for a missing secret or a wrong template.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { isAppError } from '../../src/core/errors.ts';
import type { PaymentsPort } from '../../src/core/integrations.ts';
import { createIntegrations } from '../../src/integrations/create-integrations.ts';
import { integrationsConfigSchema } from '../../src/integrations/integrations-config.ts';
import { errorOf, refusalOf, valueOf } from '../contract/integrations-fixtures.ts';
import { startReplayServer } from './cloud-api-replay-server.ts';
import type { ReplayServer } from './cloud-api-replay-server.ts';

const ENV = { SHOP_TOKEN: 'shop-secret' };
const noWait = async () => {};
const PHONE = '393331234567';
const ORDER = { data: { order: { id: 'A-1', state: 'SHIPPED', customer: { phone: `+${PHONE}` }, totals: { gross: '49.90' } } } };

function ordersSection(baseUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    adapter: 'rest', base_url: baseUrl, headers: { Authorization: { env: 'SHOP_TOKEN', prefix: 'Bearer ' } }, timeout_ms: 300, retries: 2,
    operations: {
      get_order: {
        url: '/api/orders/{order_number}?phone={phone}',
        result: { path: 'data.order', fields: { number: 'id', status: { path: 'state', map: { SHIPPED: 'shipped' } }, phone: 'customer.phone', total: { path: 'totals.gross', unit: 'major' } } },
      },
    },
    ...overrides,
  };
}

function paymentsSection(baseUrl: string, idempotencyHeader?: string) {
  const link = { path: '', fields: { id: 'id', url: 'url', amount: 'amount_cents', purpose_kind: 'kind', order_number: 'order', phone: 'phone', status: { path: 'state', map: { OPEN: 'open' } } } };
  return {
    adapter: 'rest', base_url: baseUrl, timeout_ms: 300, retries: 2, ...(idempotencyHeader === undefined ? {} : { idempotency_header: idempotencyHeader }),
    operations: {
      create_link: { method: 'POST', url: '/links', body: { amount: '{amount_cents}', ref: '{purpose_ref}' }, result: link },
      get_link: { url: '/links/{link_id}', result: link },
    },
  };
}

const LINK = { id: 'pl_1', url: 'https://pay.example/pl_1', amount_cents: 2000, kind: 'order', order: 'A-1', phone: PHONE, state: 'OPEN' };
const linkRequest = { purpose: { kind: 'order' as const, orderNumber: 'A-1' }, amount: { cents: 2000, currency: 'EUR' }, phone: PHONE, idempotencyKey: 'turn-1' };

describe('REST adapter failures', () => {
  let server: ReplayServer;
  before(async () => {
    server = await startReplayServer({ status: 200, json: ORDER });
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const orders = (overrides: Record<string, unknown> = {}) =>
    createIntegrations(integrationsConfigSchema.parse({ orders: ordersSection(server.baseUrl, overrides) }), { env: ENV, sleep: noWait }).orders!;
  const payments = (header?: string): PaymentsPort => createIntegrations(integrationsConfigSchema.parse({ payments: paymentsSection(server.baseUrl, header) }), { sleep: noWait }).payments!;
  const getOrder = (overrides?: Record<string, unknown>) => orders(overrides).getOrder({ orderNumber: 'A-1', phone: PHONE });

  it('maps a good answer, sending the secret header and the filled URL', async () => {
    assert.deepEqual(valueOf(await getOrder()), { number: 'A-1', status: 'shipped', total: { cents: 4990, currency: 'EUR' }, items: [] });
    assert.equal(server.requests[0]?.path, `/api/orders/A-1?phone=${PHONE}`);
    assert.equal(server.requests[0]?.headers['authorization'], 'Bearer shop-secret');
  });

  it('retries a GET after 500 and gives a retryable INTEGRATION_UNAVAILABLE when every attempt fails', async () => {
    server.script({ status: 500, text: 'oops' }, { status: 502, text: '' }, { status: 503, text: '' });
    const error = errorOf(await getOrder(), 'INTEGRATION_UNAVAILABLE');
    assert.equal(error.retryable, true);
    assert.match(error.message, /orders\.get_order \(GET http:\/\/127\.0\.0\.1:\d+\/api\/orders\/\{order_number\}\?phone=\{phone\}\): HTTP 503 \(3 attempts\)/);
    assert.doesNotMatch(error.message, /393331234567/);
    assert.equal(server.requests.length, 3);
    server.script({ status: 500, text: '' });
    valueOf(await getOrder());
    assert.equal(server.requests.length, 5);
  });

  it('treats 429 as retryable and 404 as the not-found refusal', async () => {
    server.script({ status: 429, json: {} }, { status: 429, json: {} }, { status: 429, json: {} });
    assert.equal(errorOf(await getOrder(), 'INTEGRATION_UNAVAILABLE').retryable, true);
    server.requests.length = 0;
    server.script({ status: 404, json: { error: 'not found' } });
    refusalOf(await getOrder(), 'ORDER_NOT_FOUND');
    assert.equal(server.requests.length, 1);
  });

  it('gives a retryable INTEGRATION_UNAVAILABLE when the remote does not answer in time', async () => {
    server.script('hang', 'hang');
    const started = Date.now();
    const error = errorOf(await getOrder({ retries: 1 }), 'INTEGRATION_UNAVAILABLE');
    assert.equal(error.retryable, true);
    assert.match(error.message, /no answer within 300 ms \(2 attempts\)/);
    assert.ok(Date.now() - started < 3000);
  });

  it('gives a retryable INTEGRATION_UNAVAILABLE when nothing listens', async () => {
    const closed = createIntegrations(integrationsConfigSchema.parse({ orders: { ...ordersSection('http://127.0.0.1:9'), retries: 0 } }), { env: ENV }).orders!;
    const error = errorOf(await closed.getOrder({ orderNumber: 'A-1', phone: PHONE }), 'INTEGRATION_UNAVAILABLE');
    assert.match(error.message, /request failed/);
  });

  it('rejects without retrying on 401', async () => {
    server.script({ status: 401, json: { error: 'bad token' } });
    assert.equal(errorOf(await getOrder(), 'INTEGRATION_REJECTED').retryable, false);
    assert.equal(server.requests.length, 1);
  });

  it('reports invalid JSON as INTEGRATION_BAD_RESPONSE, not retried', async () => {
    server.script({ status: 200, text: '<html>maintenance</html>' });
    const error = errorOf(await getOrder(), 'INTEGRATION_BAD_RESPONSE');
    assert.equal(error.retryable, false);
    assert.match(error.message, /is not JSON/);
    assert.equal(server.requests.length, 1);
  });

  it('names the JSON path when a mapped field is missing, of the wrong kind, or not in the status table', async () => {
    server.script({ status: 200, json: { data: { order: { id: 'A-1', customer: { phone: PHONE } } } } });
    assert.match(errorOf(await getOrder(), 'INTEGRATION_BAD_RESPONSE').message, /the answer has no `data\.order\.state` \(mapped to status\)/);
    server.script({ status: 200, json: { data: { order: { ...ORDER.data.order, state: 'LOST' } } } });
    assert.match(errorOf(await getOrder(), 'INTEGRATION_BAD_RESPONSE').message, /`data\.order\.state` is "LOST", which the map of this field does not cover/);
    server.script({ status: 200, json: { data: { order: { ...ORDER.data.order, totals: { gross: 'a lot' } } } } });
    assert.match(errorOf(await getOrder(), 'INTEGRATION_BAD_RESPONSE').message, /`data\.order\.totals\.gross` is "a lot", not an amount/);
    server.script({ status: 200, json: { order: {} } });
    assert.match(errorOf(await getOrder(), 'INTEGRATION_BAD_RESPONSE').message, /the answer has no `data\.order` \(result\.path\)/);
  });

  it('sends a mutating request once without an idempotency key header', async () => {
    server.script({ status: 503, text: '' });
    const error = errorOf(await payments().createLink(linkRequest), 'INTEGRATION_UNAVAILABLE');
    assert.match(error.message, /not retried/);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.headers['idempotency-key'], undefined);
  });

  it('retries a mutating request with the same Idempotency-Key when the header is configured', async () => {
    server.script({ status: 503, text: '' }, { status: 500, text: '' }, { status: 201, json: LINK });
    const link = valueOf(await payments('Idempotency-Key').createLink(linkRequest));
    assert.equal(link.id, 'pl_1');
    assert.deepEqual(server.requests.map((request) => request.headers['idempotency-key']), ['turn-1', 'turn-1', 'turn-1']);
    assert.deepEqual(server.requests[0]?.body, { amount: 2000, ref: 'A-1' });
  });
});

describe('REST adapter configuration errors', () => {
  const build = (section: Record<string, unknown>, env: Record<string, string> = ENV) => () =>
    createIntegrations(integrationsConfigSchema.parse({ orders: section }), { env });

  it('stops at start when a secret’s environment variable is missing, naming it', () => {
    assert.throws(build(ordersSection('https://shop.example'), {}), (error) => isAppError(error, 'SETTINGS_INVALID') && /SHOP_TOKEN is not set \(needed by integrations\.orders\.headers\.Authorization\)/.test(error.message));
  });

  it('stops at start on an unknown placeholder or mapping field, saying what is known', () => {
    const section = ordersSection('https://shop.example');
    const badUrl = { ...section, operations: { get_order: { url: '/orders/{order_id}' } } };
    assert.throws(build(badUrl), (error) => isAppError(error, 'CONFIG_INVALID') && /unknown placeholder \{order_id\}; this operation knows \{order_number\}/.test(error.message));
    const badField = { ...section, operations: { get_order: { url: '/orders/{order_number}', result: { fields: { state: 'status' } } } } };
    assert.throws(build(badField), (error) => isAppError(error, 'CONFIG_INVALID') && /state is not a field of this operation/.test(error.message));
    const badRefusal = { ...section, operations: { get_order: { url: '/orders/{order_number}', refusals: [{ status: 409, code: 'SLOT_TAKEN' }] } } };
    assert.throws(build(badRefusal), (error) => isAppError(error, 'CONFIG_INVALID') && /SLOT_TAKEN cannot come from this operation/.test(error.message));
    const relative = { ...section, base_url: undefined };
    assert.throws(build(relative), (error) => isAppError(error, 'CONFIG_INVALID') && /is relative and the port has no base_url/.test(error.message));
  });
});
