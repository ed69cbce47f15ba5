/** The status part of the Store contract: status webhooks applied to outbound messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatusUpdate } from '../../src/core/message.ts';
import type { Store, StoredOutbound } from '../../src/core/store.ts';
import { S0, T0, newOutbound, statusUpdate } from './store-fixtures.ts';

async function sentMessage(store: Store, id = 'out.1', wamid = 'wamid.out1'): Promise<StoredOutbound> {
  await store.createOutbound(newOutbound(id, 'pn:c1'), T0);
  return store.updateOutbound(id, { wamid, status: 'accepted', attempts: 1 }, T0 + 1);
}

async function applyAll(store: Store, updates: StatusUpdate[]): Promise<boolean[]> {
  const applied: boolean[] = [];
  for (const [index, update] of updates.entries()) applied.push((await store.applyStatus(update, T0 + 100 + index)).applied);
  return applied;
}

const SERVICE = { billable: false, pricingModel: 'PMP', type: 'free_customer_service', category: 'service' };
const UTILITY = { billable: true, pricingModel: 'PMP', type: 'regular', category: 'utility' };

export function statusContract(current: () => Store): void {
  describe('status updates', () => {
    it('moves a message forward: sent, delivered, read, played', async () => {
      const store = current();
      await sentMessage(store);
      const statuses = ['sent', 'delivered', 'read', 'played'];
      const applied = await applyAll(store, statuses.map((s, i) => statusUpdate('wamid.out1', s, { timestamp: S0 + i })));
      assert.deepEqual(applied, [true, true, true, true]);
      const result = await store.applyStatus(statusUpdate('wamid.out1', 'read', { timestamp: S0 + 9 }), T0 + 200);
      assert.equal(result.applied, false);
      assert.equal(result.outbound?.status, 'played');
    });

    it('never lets a late status overwrite a later one', async () => {
      const store = current();
      await sentMessage(store);
      const applied = await applyAll(store, [
        statusUpdate('wamid.out1', 'read', { timestamp: S0 + 3 }),
        statusUpdate('wamid.out1', 'delivered', { timestamp: S0 + 2 }),
        statusUpdate('wamid.out1', 'sent', { timestamp: S0 + 1 }),
      ]);
      assert.deepEqual(applied, [true, false, false]);
      assert.equal((await store.getOutbound('out.1'))?.status, 'read');
    });

    it('treats failed as terminal, after sent or delivered, keeping the first error of the webhook', async () => {
      const store = current();
      await sentMessage(store);
      const errors = [
        { code: 131047, title: 'Re-engagement message' },
        { code: 131026, title: 'Message undeliverable' },
      ];
      const applied = await applyAll(store, [
        statusUpdate('wamid.out1', 'sent'),
        statusUpdate('wamid.out1', 'delivered'),
        statusUpdate('wamid.out1', 'failed', { errors }),
        statusUpdate('wamid.out1', 'read'),
      ]);
      assert.deepEqual(applied, [true, true, true, false]);
      const failed = await store.getOutbound('out.1');
      assert.equal(failed?.status, 'failed');
      assert.equal(failed?.errorCode, 131047);
      assert.equal(failed?.errorTitle, 'Re-engagement message');
      const later = await store.updateOutbound('out.1', { status: 'accepted' }, T0 + 300);
      assert.equal(later.status, 'failed');
    });

    it('ignores a duplicate status (same wamid and status) but returns the message', async () => {
      const store = current();
      await sentMessage(store);
      const first = await store.applyStatus(statusUpdate('wamid.out1', 'delivered'), T0 + 100);
      const again = await store.applyStatus(statusUpdate('wamid.out1', 'delivered'), T0 + 200);
      assert.equal(first.applied, true);
      assert.equal(again.applied, false);
      assert.equal(again.outbound?.status, 'delivered');
      assert.equal(again.outbound?.updatedAt, T0 + 100);
    });

    it('records pricing when present, the latest kept, even on a stale status', async () => {
      const store = current();
      await sentMessage(store);
      await store.applyStatus(statusUpdate('wamid.out1', 'sent', { pricing: SERVICE }), T0 + 100);
      let outbound = await store.getOutbound('out.1');
      assert.equal(outbound?.pricingCategory, 'service');
      assert.equal(outbound?.pricingType, 'free_customer_service');
      assert.equal(outbound?.billable, false);
      await store.applyStatus(statusUpdate('wamid.out1', 'read'), T0 + 200);
      const stale = await store.applyStatus(statusUpdate('wamid.out1', 'delivered', { pricing: UTILITY }), T0 + 300);
      assert.equal(stale.applied, false);
      outbound = await store.getOutbound('out.1');
      assert.equal(outbound?.status, 'read');
      assert.equal(outbound?.pricingCategory, 'utility');
      assert.equal(outbound?.pricingType, 'regular');
      assert.equal(outbound?.billable, true);
    });

    it('does not apply a status for an unknown wamid, nor one it does not know', async () => {
      const store = current();
      await sentMessage(store);
      assert.deepEqual(await store.applyStatus(statusUpdate('wamid.unknown', 'delivered'), T0 + 100), { applied: false });
      const odd = await store.applyStatus(statusUpdate('wamid.out1', 'deleted'), T0 + 100);
      assert.equal(odd.applied, false);
      assert.equal(odd.outbound?.status, 'accepted');
    });

    it('applies a status that came before its wamid was stored once the wamid is attached', async () => {
      const store = current();
      await store.createOutbound(newOutbound('out.1', 'pn:c1'), T0);
      assert.equal((await store.applyStatus(statusUpdate('wamid.out1', 'sent', { pricing: SERVICE }), T0 + 1)).applied, false);
      const accepted = await store.updateOutbound('out.1', { wamid: 'wamid.out1', status: 'accepted', attempts: 1 }, T0 + 2);
      assert.equal(accepted.status, 'sent');
      assert.equal(accepted.pricingCategory, 'service');
      assert.equal((await store.applyStatus(statusUpdate('wamid.out1', 'sent'), T0 + 3)).applied, false);
    });

    it('finds a message without wamid through the callback data the status echoes', async () => {
      const store = current();
      await store.createOutbound(newOutbound('out.1', 'pn:c1'), T0);
      await sentMessage(store, 'out.2', 'wamid.out2');
      const claimed = await store.applyStatus(statusUpdate('wamid.out1', 'delivered', { callbackData: 'out.1' }), T0 + 10);
      assert.equal(claimed.applied, true);
      assert.equal(claimed.outbound?.wamid, 'wamid.out1');
      assert.equal(claimed.outbound?.status, 'delivered');
      const mismatch = await store.applyStatus(statusUpdate('wamid.other', 'read', { callbackData: 'out.2' }), T0 + 20);
      assert.deepEqual(mismatch, { applied: false });
      assert.equal((await store.getOutbound('out.2'))?.status, 'accepted');
    });
  });
}
