/**
 * An intent with `tool: order_status`, answered from the orders port with no model: the
 * built-in adapter on SQLite with the demo's orders, the customer's own phone number, and a
 * failing system that turns into a clear reply and a handoff.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { businessSchema } from '../../src/config/business-schema.ts';
import type { OrdersPort } from '../../src/core/integrations.ts';
import { replyText } from '../../src/core/reply.ts';
import type { TurnInput } from '../../src/core/turn.ts';
import { orderNumberIn } from '../../src/pipeline/respond/tools/order-status.ts';
import { createPipeline } from '../../src/pipeline/run-turn.ts';
import { seedDemoIntegrations } from '../../src/storage/sqlite/integrations/demo-seed.ts';
import { createSqliteIntegrations, type SqliteIntegrations } from '../../src/storage/sqlite/integrations/sqlite-integrations.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

const demo = demoBusiness();
const business = businessSchema.parse({
  ...demo,
  intents: {
    ...demo.intents,
    order_status: {
      description: 'Where is my order, its status and tracking.',
      title: { it: 'Il mio ordine', en: 'My order' },
      tool: 'order_status',
      keywords: { it: ['ordine', 'spedizione'], en: ['order', 'parcel'] },
    },
  },
});

const input = (text: string, customerKey = '393331234567'): TurnInput => ({ conversationId: `p:${customerKey}`, phoneNumberId: 'p', customerKey, messageIds: ['m1'], text, readable: true });
const firstText = (replies: Parameters<typeof replyText>[0][]) => replyText(replies[0] ?? { kind: 'text', body: '' });

describe('order status from the orders port, no model', () => {
  let dir: string;
  let builtin: SqliteIntegrations;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'centralino-orders-'));
    builtin = createSqliteIntegrations({ path: join(dir, 'centralino.db'), payments: { linkBaseUrl: 'http://127.0.0.1/pay', expiresAfterHours: 48 } });
    seedDemoIntegrations(builtin.catalogue, Date.now());
  });
  after(() => {
    builtin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads order numbers as customers write them', () => {
    assert.equal(orderNumberIn("dov'è il mio ordine LM-10421?"), 'LM-10421');
    assert.equal(orderNumberIn('order #55012 please'), '55012');
    assert.equal(orderNumberIn('Bestellung lm10455'), 'LM10455');
    assert.equal(orderNumberIn('dove è il mio ordine?'), undefined);
  });

  it("the customer's own order: status, expected delivery and tracking, and every figure passes the claims check", async () => {
    const result = await createPipeline(business, { integrations: builtin }).run(input('il mio ordine LM-10421 è partito?'));
    assert.equal(result.understanding.intent, 'order_status');
    assert.equal(result.route, 'tool');
    const text = firstText(result.replies);
    assert.match(text, /Il tuo ordine LM-10421 risulta: spedito\./);
    assert.match(text, /Consegna prevista: \d{4}-\d{2}-\d{2}\./);
    assert.match(text, /Tracking: https:\/\/vas\.brt\.it/);
    assert.ok(result.outputVerdicts.every((v) => v.action === 'allow'), JSON.stringify(result.outputVerdicts));
  });

  it("another customer's order is never revealed: it reads as not found", async () => {
    const result = await createPipeline(business, { integrations: builtin }).run(input('my order LM-10455, any news?', '393339999999'));
    assert.equal(result.route, 'tool');
    assert.match(firstText(result.replies), /I cannot find order LM-10455 for this phone number/);
    assert.doesNotMatch(JSON.stringify(result.replies), /Jeans|processing|prepared/);
  });

  it('no order number: the customer is asked for it', async () => {
    const result = await createPipeline(business, { integrations: builtin }).run(input("dov'è il mio ordine?"));
    assert.equal(result.route, 'tool');
    assert.match(firstText(result.replies), /mi serve il numero d’ordine/);
  });

  it('the orders system failing: a clear reply and a person, never silence', async () => {
    const down: OrdersPort = { getOrder: async () => ({ ok: false, error: { code: 'INTEGRATION_UNAVAILABLE', retryable: true, message: 'HTTP 503 from shop.example' } }) };
    const result = await createPipeline(business, { integrations: { orders: down } }).run(input('il mio ordine LM-10421 è partito?'));
    assert.equal(result.route, 'human');
    assert.match(firstText(result.replies), /non riesco a consultare gli ordini: ti passo a una persona/);
    const throwing: OrdersPort = { getOrder: () => Promise.reject(new Error('socket hang up')) };
    const again = await createPipeline(business, { integrations: { orders: throwing } }).run(input('il mio ordine LM-10421 è partito?'));
    assert.equal(again.route, 'human');
  });

  it('without an orders port configured, the intent falls back to its text or a person', async () => {
    const result = await createPipeline(business).run(input("dov'è il mio ordine LM-10421?"));
    assert.notEqual(result.route, 'tool');
  });
});
