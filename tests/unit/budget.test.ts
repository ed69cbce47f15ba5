/**
 * Budgets: reservations before a call, per conversation and per day, settled to the real
 * cost, loaded once from the ledger — and a check-and-reserve that concurrent turns cannot
 * both pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBudget, type SpendSource } from '../../src/llm/budget.ts';

const NOW = Date.UTC(2026, 10, 25, 10);

function slowLedger(conversation: number, day: number): SpendSource & { reads: number } {
  const ledger = {
    reads: 0,
    async conversationSpend() {
      ledger.reads += 1;
      await new Promise((r) => setTimeout(r, 5));
      return conversation;
    },
    async spendSince() {
      ledger.reads += 1;
      await new Promise((r) => setTimeout(r, 5));
      return day;
    },
  };
  return ledger;
}

describe('budgets', () => {
  it('counts what the ledger already holds, then reservations; refuses what would pass a cap, with the reason', async () => {
    const budget = createBudget({ limits: { per_conversation_usd: 0.1, per_day_usd: 1 }, spend: slowLedger(0.07, 0.5) });
    assert.equal((await budget.reserve('c1', 0.02, NOW)).ok, true);
    const refused = await budget.reserve('c1', 0.02, NOW);
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.reason : '', /conversation budget: \$0\.0900 spent, \$0\.0200 more would pass \$0\.1000/);
  });

  it('settling gives back what a call did not use', async () => {
    const budget = createBudget({ limits: { per_conversation_usd: 0.1 } });
    const first = await budget.reserve('c1', 0.08, NOW);
    assert.ok(first.ok);
    assert.equal((await budget.reserve('c1', 0.05, NOW)).ok, false);
    budget.settle(first.reservation, 0.01);
    assert.equal((await budget.reserve('c1', 0.05, NOW)).ok, true);
  });

  it('the daily cap holds across conversations, and concurrent turns cannot both pass it', async () => {
    const ledger = slowLedger(0, 0.5);
    const budget = createBudget({ limits: { per_day_usd: 1 }, spend: ledger });
    const results = await Promise.all([budget.reserve('a', 0.3, NOW), budget.reserve('b', 0.3, NOW), budget.reserve('c', 0.3, NOW)]);
    assert.equal(results.filter((r) => r.ok).length, 1);
  });

  it('a new day starts from what the ledger holds for it', async () => {
    const budget = createBudget({ limits: { per_day_usd: 1 }, spend: slowLedger(0, 0.9) });
    assert.equal((await budget.reserve('a', 0.2, NOW)).ok, false);
    const tomorrow = createBudget({ limits: { per_day_usd: 1 }, spend: { conversationSpend: async () => 0, spendSince: async (since) => (since > NOW ? 0 : 0.9) } });
    assert.equal((await tomorrow.reserve('a', 0.2, NOW + 86_400_000)).ok, true);
  });
});
