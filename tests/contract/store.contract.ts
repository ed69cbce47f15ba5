/**
 * The Store contract: behaviour every Store adapter (SQLite, PostgreSQL…) must show,
 * tested through the port only. An adapter's test file calls `storeContract` once per
 * configuration. `makeStore` gives a fresh, empty store; `cleanup` releases it (it may
 * find the store already closed: `close()` must be safe to call twice).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../src/core/store.ts';
import { costsContract } from './store-costs.contract.ts';
import { inboundContract } from './store-inbound.contract.ts';
import { statusContract } from './store-status.contract.ts';
import { T0, newOutbound, rejectsWith, turnRecord } from './store-fixtures.ts';

export interface StoreUnderTest {
  store: Store;
  cleanup(): Promise<void>;
}

export type MakeStore = () => Promise<StoreUnderTest>;

function outboundContract(current: () => Store): void {
  describe('outbound messages', () => {
    it('creates queued messages and lists them per conversation in creation order', async () => {
      const store = current();
      const created = await store.createOutbound(newOutbound('out.1', 'pn:c1', 'turn.1'), T0);
      assert.deepEqual(created, { ...newOutbound('out.1', 'pn:c1', 'turn.1'), status: 'queued', attempts: 0, createdAt: T0, updatedAt: T0 });
      await store.createOutbound(newOutbound('out.2', 'pn:c1'), T0 + 1);
      await store.createOutbound(newOutbound('out.3', 'pn:c2'), T0 + 2);
      assert.deepEqual((await store.listOutbound('pn:c1')).map((o) => o.id), ['out.1', 'out.2']);
      assert.deepEqual(await store.getOutbound('out.1'), created);
      assert.equal(await store.getOutbound('out.none'), undefined);
      assert.deepEqual(await store.listOutbound('pn:none'), []);
      await assert.rejects(store.createOutbound(newOutbound('out.1', 'pn:c1'), T0 + 3), rejectsWith('STORE_FAILURE'));
    });

    it('updates wamid, status, error and attempts, and finds a message by wamid', async () => {
      const store = current();
      await store.createOutbound(newOutbound('out.1', 'pn:c1'), T0);
      const failedTry = await store.updateOutbound('out.1', { attempts: 1, errorCode: 130429, errorTitle: 'Rate limit hit' }, T0 + 10);
      assert.equal(failedTry.errorCode, 130429);
      assert.equal(failedTry.status, 'queued');
      const accepted = await store.updateOutbound('out.1', { wamid: 'wamid.out1', status: 'accepted', attempts: 2, errorCode: null, errorTitle: null }, T0 + 20);
      assert.deepEqual(accepted, { ...newOutbound('out.1', 'pn:c1'), wamid: 'wamid.out1', status: 'accepted', attempts: 2, createdAt: T0, updatedAt: T0 + 20 });
      assert.deepEqual(await store.findOutboundByWamid('wamid.out1'), accepted);
      assert.equal(await store.findOutboundByWamid('wamid.none'), undefined);
      await assert.rejects(store.updateOutbound('out.none', { attempts: 1 }, T0), rejectsWith('NOT_FOUND'));
    });

    it('records a refusal that never reached the API', async () => {
      const store = current();
      await store.createOutbound(newOutbound('out.1', 'pn:c1'), T0);
      const refused = await store.updateOutbound('out.1', { status: 'refused', errorCode: 131047, errorTitle: 'Re-engagement message' }, T0 + 1);
      assert.equal(refused.status, 'refused');
      assert.equal(refused.errorCode, 131047);
      assert.equal(refused.wamid, undefined);
    });
  });
}

function turnContract(current: () => Store): void {
  describe('turns', () => {
    it('round-trips a turn record exactly', async () => {
      const store = current();
      const turn = turnRecord('turn.1', 'pn:c1', T0);
      await store.appendTurn(turn);
      assert.deepEqual(await store.listTurns({}), [turn]);
    });

    it('lists newest first, filters by conversation and honours the limit (default 50)', async () => {
      const store = current();
      for (let i = 0; i < 55; i += 1) await store.appendTurn(turnRecord(`turn.${i}`, i % 5 === 0 ? 'pn:c1' : 'pn:c2', T0 + i * 1000));
      const all = await store.listTurns({});
      assert.equal(all.length, 50);
      assert.equal(all[0]?.id, 'turn.54');
      assert.equal(all[49]?.id, 'turn.5');
      assert.deepEqual((await store.listTurns({ conversationId: 'pn:c1', limit: 3 })).map((t) => t.id), ['turn.50', 'turn.45', 'turn.40']);
      assert.equal((await store.listTurns({ conversationId: 'pn:c1' })).length, 11);
      assert.deepEqual(await store.listTurns({ conversationId: 'pn:none' }), []);
    });

    it('keeps the first record when a turn id is appended twice', async () => {
      const store = current();
      const turn = turnRecord('turn.1', 'pn:c1', T0);
      assert.equal(await store.appendTurn(turn), true);
      assert.equal(await store.appendTurn({ ...turn, route: 'premium' }), false);
      assert.deepEqual(await store.listTurns({}), [turn]);
    });
  });
}

function lifecycleContract(current: () => Store): void {
  describe('webhook log and lifecycle', () => {
    it('logs raw webhook bodies with increasing ids', async () => {
      const store = current();
      const first = await store.appendWebhook('{"object":"whatsapp_business_account"}', T0);
      const second = await store.appendWebhook('{"object":"whatsapp_business_account","entry":[]}', T0 + 1);
      assert.ok(Number.isInteger(first) && first > 0);
      assert.ok(second > first);
    });

    it('closes once or twice; operations after close reject with STORE_FAILURE', async () => {
      const store = current();
      await store.close();
      await store.close();
      await assert.rejects(store.getInbound('wamid.A'), rejectsWith('STORE_FAILURE'));
    });
  });
}

export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    let underTest: StoreUnderTest | undefined;
    const current = (): Store => {
      if (underTest === undefined) throw new Error('no store under test');
      return underTest.store;
    };
    beforeEach(async () => {
      underTest = await makeStore();
    });
    afterEach(async () => {
      await underTest?.cleanup();
      underTest = undefined;
    });
    inboundContract(current);
    outboundContract(current);
    statusContract(current);
    turnContract(current);
    costsContract(current);
    lifecycleContract(current);
  });
}
