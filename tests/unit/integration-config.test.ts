import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../src/core/errors.ts';
import type { Integrations } from '../../src/core/integrations.ts';
import { createIntegrations } from '../../src/integrations/create-integrations.ts';
import { builtinOptions, integrationsConfigSchema } from '../../src/integrations/integrations-config.ts';
import { remoteConfigRaw } from '../contract/integrations-remote-config.ts';

function problems(raw: unknown): string[] {
  const parsed = integrationsConfigSchema.safeParse(raw);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const getOrder = { url: 'https://shop.example/api/orders/{order_number}' };

describe('the integrations: configuration', () => {
  it('accepts a full REST configuration and fills the defaults', () => {
    const config = integrationsConfigSchema.parse({ orders: { adapter: 'rest', operations: { get_order: getOrder } } });
    assert.deepEqual(config.orders, {
      adapter: 'rest', headers: {}, timeout_ms: 5000, retries: 2, currency: 'EUR',
      operations: { get_order: { ...getOrder, method: 'GET', result: { path: '', fields: {} }, refusals: [] } },
    });
    assert.deepEqual(problems(remoteConfigRaw('http://127.0.0.1:8080')), []);
  });

  it('accepts built-in adapters and gives their options', () => {
    const config = integrationsConfigSchema.parse({
      orders: { adapter: 'builtin' },
      bookings: { adapter: 'builtin', cancellation_notice_hours: 48 },
      payments: { adapter: 'builtin', link_base_url: 'https://aurora.example/paga' },
    });
    assert.deepEqual(builtinOptions(config, 'Europe/Rome'), {
      bookings: { timezone: 'Europe/Rome', slotStepMinutes: 15, minNoticeMinutes: 60, maxDaysAhead: 90, cancellationNoticeHours: 48, moveNoticeHours: 48 },
      payments: { linkBaseUrl: 'https://aurora.example/paga', expiresAfterHours: 48 },
    });
  });

  it('refuses inline credentials, naming the header', () => {
    const headers = { Authorization: 'Bearer sk_live_123', 'X-Api-Key': 'abc', 'X-Client': 'centralino' };
    const found = problems({ orders: { adapter: 'rest', headers, operations: { get_order: getOrder } } });
    assert.equal(found.length, 2);
    assert.match(found[0] ?? '', /^orders\.headers\.Authorization: carries a credential: give it as \{ env: VARIABLE_NAME \}/);
    assert.match(found[1] ?? '', /^orders\.headers\.X-Api-Key: carries a credential/);
  });

  it('refuses typos, missing operations, a GET with a body, bad paths and half refusal rules', () => {
    assert.match(problems({ order: { adapter: 'builtin' } }).join('\n'), /Unrecognized key/);
    assert.match(problems({ orders: { adapter: 'rest', operations: {} } }).join('\n'), /orders\.operations\.get_order/);
    assert.match(problems({ orders: { adapter: 'rest', operations: { get_order: { ...getOrder, body: { a: 1 } } } } }).join('\n'), /orders\.operations\.get_order\.body: a GET request has no body/);
    assert.match(problems({ orders: { adapter: 'rest', operations: { get_order: { ...getOrder, result: { path: 'data..order' } } } } }).join('\n'), /must be a path such as data\.order\.status/);
    const halfRule = { ...getOrder, refusals: [{ status: 409, path: 'error.code', code: 'ORDER_NOT_FOUND' }] };
    assert.match(problems({ orders: { adapter: 'rest', operations: { get_order: halfRule } } }).join('\n'), /give path and equals together/);
    assert.match(problems({ payments: { adapter: 'builtin' } }).join('\n'), /payments\.link_base_url/);
    assert.match(problems({ orders: { adapter: 'soap' } }).join('\n'), /orders\.adapter/);
  });
});

describe('building the ports from the configuration', () => {
  it('uses the given built-in adapters, leaves unconfigured ports out, and needs the built-ins when asked for', () => {
    const builtin = { orders: { getOrder: async () => ({ ok: true, value: undefined }) }, crm: {} } as unknown as Integrations;
    const config = integrationsConfigSchema.parse({ orders: { adapter: 'builtin' }, crm: { adapter: 'builtin' } });
    const ports = createIntegrations(config, { builtin });
    assert.deepEqual(Object.keys(ports), ['orders', 'crm']);
    assert.equal(ports.orders, builtin.orders);
    assert.throws(() => createIntegrations(config), (error) => isAppError(error, 'CONFIG_INVALID') && /integrations\.orders: the built-in adapter was not provided/.test(error.message));
  });
});
