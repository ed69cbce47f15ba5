import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CostLedger, CostMessage, CostTurn } from '../../src/core/store.ts';
import type { ModelCall } from '../../src/core/turn.ts';
import { buildCostReport, NO_TURN } from '../../src/metrics/cost-report.ts';

const T0 = Date.UTC(2026, 6, 15, 9);
const IT = '393331112222';
const DE = '4915112345678';

function call(model: string, purpose: ModelCall['purpose'], costUsd: number, extra: Partial<ModelCall> = {}): ModelCall {
  return { purpose, model, inputTokens: 1000, outputTokens: 100, cachedInputTokens: 200, costUsd, latencyMs: 500, ...extra };
}

const turns: CostTurn[] = [
  { id: 't1', conversationId: 'pn:A', createdAt: T0, intent: 'prices', route: 'approved_text', costUsd: 0, routing: { planned: 'approved_text', because: 'config', taken: 'approved_text' }, premiumBaselineUsd: 0.002 },
  {
    id: 't2', conversationId: 'pn:A', createdAt: T0 + 1, intent: 'returns', route: 'economy', costUsd: 0.0004,
    modelCalls: [call('nano', 'classify', 0, { error: 'timeout', outputTokens: 0 }), call('economy', 'respond', 0.0003), call('economy', 'self_check', 0.0001)],
    routing: { planned: 'economy', because: 'config', taken: 'economy' }, premiumBaselineUsd: 0.004,
  },
  {
    id: 't3', conversationId: 'pn:B', createdAt: T0 + 2, intent: 'returns', route: 'premium', costUsd: 0.0054,
    modelCalls: [call('economy', 'respond', 0.0004), call('economy', 'self_check', 0.0001), call('premium', 'respond', 0.0049)],
    routing: { planned: 'economy', because: 'config', taken: 'premium', fallbackReason: 'self-check failed', escalated: true }, premiumBaselineUsd: 0.0049,
  },
  { id: 't4', conversationId: 'pn:B', createdAt: T0 + 3, intent: 'complaint', route: 'human', costUsd: 0, routing: { planned: 'human', because: 'config', taken: 'human' } },
  { id: 't5', conversationId: 'pn:C', createdAt: T0 + 4, intent: 'small_talk', route: 'approved_text', costUsd: 0 },
];

const messages: CostMessage[] = [
  { id: 'm1', turnId: 't1', conversationId: 'pn:A', customerKey: IT, waId: IT, status: 'read', billable: false, type: 'free_customer_service', category: 'service', createdAt: T0 },
  { id: 'm2', turnId: 't3', conversationId: 'pn:B', customerKey: DE, status: 'delivered', billable: true, type: 'regular', category: 'utility', createdAt: T0 + 2 },
  { id: 'm3', conversationId: 'pn:D', customerKey: IT, waId: IT, status: 'sent', billable: true, type: 'regular', category: 'marketing', createdAt: T0 + 5 },
  { id: 'm4', turnId: 't2', conversationId: 'pn:A', customerKey: IT, waId: IT, status: 'accepted', createdAt: T0 + 1 },
  { id: 'm5', turnId: 't4', conversationId: 'pn:B', customerKey: DE, status: 'refused', createdAt: T0 + 3 },
  { id: 'm6', turnId: 't5', conversationId: 'pn:C', customerKey: '33612345678', status: 'delivered', billable: true, type: 'regular', category: 'utility', createdAt: T0 + 4 },
  { id: 'm7', conversationId: 'pn:E', customerKey: 'IT.99887766', status: 'delivered', billable: true, type: 'regular', category: 'utility', createdAt: T0 + 6 },
];

const ledger: CostLedger = { turns, messages };

describe('cost report', () => {
  it('totals LLM cost and WhatsApp fees over turns and conversations', () => {
    const report = buildCostReport(ledger, { since: T0 });
    assert.equal(report.since, '2026-07-15T09:00:00.000Z');
    assert.deepEqual(report.totals, {
      turns: 5, answeredTurns: 5, conversations: 5, modelCalls: 6,
      inputTokens: 6000, outputTokens: 500, cachedInputTokens: 1200,
      llmUsd: 0.0058, whatsappUsd: 0.1241, totalUsd: 0.1299,
    });
    assert.deepEqual(report.perConversation, { meanUsd: 0.02598, meanLlmUsd: 0.00116, meanWhatsappUsd: 0.02482, meanTurns: 1 });
  });

  it('prices each message once: billed, free, not sent, awaiting pricing, unknown with its reason', () => {
    assert.deepEqual(buildCostReport(ledger).whatsapp, {
      messages: 7, billed: 2, free: 1, unsent: 1, unpriced: 1, unknown: 2,
      unknownReasons: { 'no rate for utility in FR': 1, 'recipient country unknown': 1 },
      feesUsd: 0.1241,
      byCategory: { utility: { messages: 1, usd: 0.055 }, marketing: { messages: 1, usd: 0.0691 } },
    });
  });

  it('gives premium and human shares of answered turns and the escalation rate of economy turns', () => {
    const report = buildCostReport(ledger);
    assert.deepEqual(report.premium, { turns: 1, of: 5, share: 0.2 });
    assert.deepEqual(report.human, { turns: 1, of: 5, share: 0.2 });
    assert.deepEqual(report.escalation, { turns: 1, of: 2, share: 0.5 });
  });

  it('compares with the all-premium baseline on the turns that have one, and counts the others', () => {
    assert.deepEqual(buildCostReport(ledger).baseline, {
      premiumUsd: 0.0109, llmUsd: 0.0058, savingUsd: 0.0051, saving: 0.46789, turnsWithBaseline: 3, turnsWithoutBaseline: 2,
    });
  });

  it('groups by intent, messages outside turns apart, most expensive first', () => {
    const { intents, groups, by } = buildCostReport(ledger);
    assert.equal(by, 'intent');
    assert.equal(groups, intents);
    assert.deepEqual(intents, [
      { key: NO_TURN, turns: 0, conversations: 2, llmUsd: 0, whatsappUsd: 0.0691, totalUsd: 0.0691, meanUsdPerTurn: null, routes: {} },
      { key: 'returns', turns: 2, conversations: 2, llmUsd: 0.0058, whatsappUsd: 0.055, totalUsd: 0.0608, meanUsdPerTurn: 0.0304, routes: { economy: 1, premium: 1 } },
      { key: 'complaint', turns: 1, conversations: 1, llmUsd: 0, whatsappUsd: 0, totalUsd: 0, meanUsdPerTurn: 0, routes: { human: 1 } },
      { key: 'prices', turns: 1, conversations: 1, llmUsd: 0, whatsappUsd: 0, totalUsd: 0, meanUsdPerTurn: 0, routes: { approved_text: 1 } },
      { key: 'small_talk', turns: 1, conversations: 1, llmUsd: 0, whatsappUsd: 0, totalUsd: 0, meanUsdPerTurn: 0, routes: { approved_text: 1 } },
    ]);
  });

  it('groups by route and by conversation', () => {
    const byRoute = buildCostReport(ledger, { by: 'route' }).groups;
    assert.deepEqual(byRoute.map((g) => [g.key, g.turns, g.llmUsd]), [
      [NO_TURN, 0, 0], ['premium', 1, 0.0054], ['economy', 1, 0.0004], ['approved_text', 2, 0], ['human', 1, 0],
    ]);
    const byConversation = buildCostReport(ledger, { by: 'conversation' }).groups;
    assert.deepEqual(byConversation.map((g) => [g.key, g.turns, 'totalUsd' in g ? g.totalUsd : undefined]), [
      ['pn:D', 0, 0.0691], ['pn:B', 2, 0.0604], ['pn:A', 2, 0.0004], ['pn:C', 1, 0], ['pn:E', 0, 0],
    ]);
  });

  it('groups model calls by model, failed calls counted', () => {
    assert.deepEqual(buildCostReport(ledger, { by: 'model' }).groups, [
      { key: 'premium', calls: 1, failedCalls: 0, turns: 1, inputTokens: 1000, outputTokens: 100, cachedInputTokens: 200, llmUsd: 0.0049, purposes: { respond: 1 } },
      { key: 'economy', calls: 4, failedCalls: 0, turns: 2, inputTokens: 4000, outputTokens: 400, cachedInputTokens: 800, llmUsd: 0.0009, purposes: { respond: 2, self_check: 2 } },
      { key: 'nano', calls: 1, failedCalls: 1, turns: 1, inputTokens: 1000, outputTokens: 0, cachedInputTokens: 200, llmUsd: 0, purposes: { classify: 1 } },
    ]);
  });

  it('reports an empty period with zeros and no ratios', () => {
    const report = buildCostReport({ turns: [], messages: [] }, { by: 'model' });
    assert.equal(report.since, null);
    assert.equal(report.totals.totalUsd, 0);
    assert.deepEqual(report.perConversation, { meanUsd: null, meanLlmUsd: null, meanWhatsappUsd: null, meanTurns: null });
    assert.deepEqual([report.premium.share, report.escalation.share, report.baseline.saving], [null, null, null]);
    assert.deepEqual([report.intents, report.groups], [[], []]);
  });
});
