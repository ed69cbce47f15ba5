/** The cost-ledger part of the Store contract: the turns and outbound messages `centralino costs` reads. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../../src/core/store.ts';
import type { TurnRecord } from '../../src/core/turn.ts';
import { PHONE, T0, bsuidCustomer, conversationOf, customer, newOutbound, statusUpdate, textMessage, turnRecord } from './store-fixtures.ts';

const UTILITY = { billable: true, pricingModel: 'PMP', type: 'regular', category: 'utility' };

function premiumTurn(id: string, conversationId: string, createdAt: number): TurnRecord {
  return {
    ...turnRecord(id, conversationId, createdAt),
    route: 'premium',
    costUsd: 0.0054,
    modelCalls: [
      { purpose: 'respond', model: 'economy', providerModel: 'gpt-4.1-mini', inputTokens: 900, outputTokens: 60, cachedInputTokens: 512, costUsd: 0.0005, latencyMs: 640 },
      { purpose: 'respond', model: 'premium', inputTokens: 1200, outputTokens: 80, cachedInputTokens: 0, costUsd: 0.0049, latencyMs: 1500 },
    ],
    routing: { planned: 'economy', because: 'config', taken: 'premium', fallbackReason: 'economy draft failed the claims check', escalated: true },
    premiumBaselineUsd: 0.0049,
  };
}

export function costsContract(current: () => Store): void {
  describe('cost ledger', () => {
    it('gives the cost slice of every turn since a time, oldest first, optional fields absent when unset', async () => {
      const store = current();
      await store.appendTurn(turnRecord('turn.old', 'pn:c1', T0 - 1));
      await store.appendTurn(premiumTurn('turn.2', 'pn:c2', T0 + 5));
      await store.appendTurn(turnRecord('turn.1', 'pn:c1', T0));
      const { turns } = await store.costLedger({ since: T0 });
      const premium = premiumTurn('turn.2', 'pn:c2', T0 + 5);
      assert.deepEqual(turns, [
        { id: 'turn.1', conversationId: 'pn:c1', createdAt: T0, intent: 'opening_hours', route: 'approved_text', costUsd: 0 },
        {
          id: 'turn.2',
          conversationId: 'pn:c2',
          createdAt: T0 + 5,
          intent: 'opening_hours',
          route: 'premium',
          costUsd: 0.0054,
          modelCalls: premium.modelCalls,
          routing: premium.routing,
          premiumBaselineUsd: 0.0049,
        },
      ]);
      assert.deepEqual((await store.costLedger({})).turns.map((t) => t.id), ['turn.old', 'turn.1', 'turn.2']);
    });

    it('gives every outbound message since a time with its pricing and the wa_id of its contact', async () => {
      const store = current();
      const known = textMessage('wamid.in1', { customer: customer('393331234567') });
      const bsuid = textMessage('wamid.in2', { customer: bsuidCustomer('IT.1234567890') });
      await store.ingestInbound([known, bsuid], T0);
      await store.createOutbound(newOutbound('out.old', conversationOf(known)), T0 - 1);
      await store.createOutbound(newOutbound('out.1', conversationOf(known), 'turn.1'), T0);
      await store.updateOutbound('out.1', { wamid: 'wamid.out1', status: 'accepted', attempts: 1 }, T0 + 1);
      await store.applyStatus(statusUpdate('wamid.out1', 'sent', { pricing: UTILITY }), T0 + 2);
      await store.createOutbound(newOutbound('out.2', conversationOf(bsuid)), T0 + 3);
      await store.updateOutbound('out.2', { status: 'refused', errorCode: 131047 }, T0 + 4);
      const { messages } = await store.costLedger({ since: T0 });
      assert.deepEqual(messages, [
        { id: 'out.1', turnId: 'turn.1', conversationId: `${PHONE}:393331234567`, customerKey: '393331234567', waId: '393331234567', status: 'sent', category: 'utility', type: 'regular', billable: true, createdAt: T0 },
        { id: 'out.2', conversationId: `${PHONE}:IT.1234567890`, customerKey: 'IT.1234567890', status: 'refused', createdAt: T0 + 3 },
      ]);
      assert.equal((await store.costLedger({})).messages.length, 3);
    });

    it('is empty for an empty store', async () => {
      assert.deepEqual(await current().costLedger({ since: T0 }), { turns: [], messages: [] });
    });
  });
}
