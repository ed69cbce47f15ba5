/** `centralino costs` end to end: a real SQLite store written as the engine writes it, the command run as a process. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MessagePricing } from '../../src/core/message.ts';
import type { Store } from '../../src/core/store.ts';
import type { ModelCall, TurnRecord } from '../../src/core/turn.ts';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { customer, newOutbound, statusUpdate, textMessage, turnRecord } from '../contract/store-fixtures.ts';
import { DEMO_CONFIG_PATH } from '../helpers/demo-config.ts';
import { runCli } from '../helpers/child-engine.ts';

const SINCE = '2026-11-20T00:00:00.000Z';
const DAY = Date.parse('2026-11-20T10:00:00Z');
const BEFORE = Date.parse(SINCE) - 3_600_000;
const ITALIAN = '393331234567';
const GERMAN = '4915112345678';

const FREE: MessagePricing = { billable: false, pricingModel: 'PMP', type: 'free_customer_service', category: 'service' };
const UTILITY: MessagePricing = { billable: true, pricingModel: 'PMP', type: 'regular', category: 'utility' };
const MARKETING: MessagePricing = { billable: true, pricingModel: 'PMP', type: 'regular', category: 'marketing' };

function call(model: string, purpose: ModelCall['purpose'], costUsd: number): ModelCall {
  return { purpose, model, inputTokens: 800, outputTokens: 90, cachedInputTokens: 300, costUsd, latencyMs: 700 };
}

function turn(id: string, conversationId: string, createdAt: number, fields: Partial<TurnRecord>): TurnRecord {
  const base = turnRecord(id, conversationId, createdAt);
  return { ...base, ...fields, understanding: { ...base.understanding, intent: fields.understanding?.intent ?? base.understanding.intent } };
}

const intent = (name: string): Pick<TurnRecord, 'understanding'> => ({ understanding: { ...turnRecord('x', 'x', 0).understanding, intent: name } });

async function send(store: Store, id: string, conversationId: string, at: number, turnId: string | undefined, pricing?: MessagePricing): Promise<void> {
  await store.createOutbound(newOutbound(id, conversationId, turnId), at);
  if (pricing === undefined) {
    await store.updateOutbound(id, { status: 'refused', errorCode: 131047, errorTitle: 'Re-engagement message' }, at + 1);
    return;
  }
  await store.updateOutbound(id, { wamid: `wamid.${id}`, status: 'accepted', attempts: 1 }, at + 1);
  await store.applyStatus(statusUpdate(`wamid.${id}`, 'sent', { pricing }), at + 2);
  await store.applyStatus(statusUpdate(`wamid.${id}`, 'delivered', { pricing }), at + 3);
}

/** Two customers (Italy, Germany), four turns since SINCE and one before, their replies and a marketing template. */
async function writeLedger(path: string): Promise<void> {
  const store = createSqliteStore({ path });
  const it = textMessage('wamid.in.it', { customer: customer(ITALIAN) });
  const de = textMessage('wamid.in.de', { customer: customer(GERMAN) });
  await store.ingestInbound([it, de], BEFORE);
  const cIt = `${it.phoneNumberId}:${ITALIAN}`;
  const cDe = `${de.phoneNumberId}:${GERMAN}`;
  await store.appendTurn(turn('old', cIt, BEFORE, { route: 'premium', costUsd: 0.01, modelCalls: [call('premium', 'respond', 0.01)], premiumBaselineUsd: 0.01 }));
  await store.appendTurn(turn('t1', cIt, DAY, { ...intent('prices'), routing: { planned: 'approved_text', because: 'config', taken: 'approved_text' }, premiumBaselineUsd: 0.0021 }));
  await store.appendTurn(turn('t2', cIt, DAY + 60_000, {
    ...intent('returns'), route: 'economy', costUsd: 0.00042, modelCalls: [call('economy', 'respond', 0.00032), call('economy', 'self_check', 0.0001)],
    routing: { planned: 'economy', because: 'config', taken: 'economy' }, premiumBaselineUsd: 0.0056,
  }));
  await store.appendTurn(turn('t3', cDe, DAY + 120_000, {
    ...intent('returns'), route: 'premium', costUsd: 0.0065,
    modelCalls: [call('economy', 'respond', 0.0003), call('economy', 'self_check', 0.0001), call('premium', 'respond', 0.0061)],
    routing: { planned: 'economy', because: 'config', taken: 'premium', fallbackReason: 'self-check failed', escalated: true }, premiumBaselineUsd: 0.0061,
  }));
  await store.appendTurn(turn('t4', cDe, DAY + 180_000, { ...intent('complaint'), route: 'human', routing: { planned: 'human', because: 'config', taken: 'human' } }));
  await send(store, 'old:0', cIt, BEFORE, 'old', MARKETING);
  await send(store, 't1:0', cIt, DAY, 't1', FREE);
  await send(store, 't2:0', cIt, DAY + 60_000, 't2', UTILITY);
  await send(store, 't3:0', cDe, DAY + 120_000, 't3', UTILITY);
  await send(store, 't4:0', cDe, DAY + 180_000, 't4');
  await send(store, 'template:0', cIt, DAY + 240_000, undefined, MARKETING);
  await store.close();
}

function lastJson(output: string): Record<string, unknown> {
  const line = output.trim().split('\n').findLast((l) => l.startsWith('{'));
  return JSON.parse(line ?? '{}') as Record<string, unknown>;
}

describe('centralino costs', () => {
  let dir = '';
  const costs = async (args: string[], env: Record<string, string> = {}) => {
    const run = runCli(['costs', ...args], env);
    return { code: await run.exited, output: run.output() };
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'centralino-costs-cli-'));
    await writeLedger(join(dir, 'data', 'centralino.db'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the ledger since a time as one JSON object, with exact numbers', async () => {
    const { code, output } = await costs(['--since', SINCE, '--data-dir', join(dir, 'data'), '--json']);
    assert.equal(code, 0, output);
    const report = lastJson(output);
    assert.equal(report.business, null);
    assert.equal(report.since, SINCE);
    assert.equal(report.by, 'intent');
    assert.deepEqual(report.totals, {
      turns: 4, answeredTurns: 4, conversations: 2, modelCalls: 5, inputTokens: 4000, outputTokens: 450, cachedInputTokens: 1500,
      llmUsd: 0.00692, whatsappUsd: 0.1541, totalUsd: 0.16102,
    });
    assert.deepEqual(report.perConversation, { meanUsd: 0.08051, meanLlmUsd: 0.00346, meanWhatsappUsd: 0.07705, meanTurns: 2 });
    assert.deepEqual([report.premium, report.human, report.escalation], [
      { turns: 1, of: 4, share: 0.25 },
      { turns: 1, of: 4, share: 0.25 },
      { turns: 1, of: 2, share: 0.5 },
    ]);
    assert.deepEqual(report.baseline, { premiumUsd: 0.0138, llmUsd: 0.00692, savingUsd: 0.00688, saving: 0.498551, turnsWithBaseline: 3, turnsWithoutBaseline: 1 });
    assert.deepEqual(report.whatsapp, {
      messages: 5, billed: 3, free: 1, unsent: 1, unpriced: 0, unknown: 0, unknownReasons: {}, feesUsd: 0.1541,
      byCategory: { utility: { messages: 2, usd: 0.085 }, marketing: { messages: 1, usd: 0.0691 } },
    });
    assert.deepEqual(report.intents, [
      { key: 'returns', turns: 2, conversations: 2, llmUsd: 0.00692, whatsappUsd: 0.085, totalUsd: 0.09192, meanUsdPerTurn: 0.04596, routes: { economy: 1, premium: 1 } },
      { key: '(no turn)', turns: 0, conversations: 1, llmUsd: 0, whatsappUsd: 0.0691, totalUsd: 0.0691, meanUsdPerTurn: null, routes: {} },
      { key: 'complaint', turns: 1, conversations: 1, llmUsd: 0, whatsappUsd: 0, totalUsd: 0, meanUsdPerTurn: 0, routes: { human: 1 } },
      { key: 'prices', turns: 1, conversations: 1, llmUsd: 0, whatsappUsd: 0, totalUsd: 0, meanUsdPerTurn: 0, routes: { approved_text: 1 } },
    ]);
    assert.deepEqual(report.groups, report.intents);
  });

  it('groups by model over everything recorded, the data folder from CENTRALINO_DATA_DIR', async () => {
    const { code, output } = await costs(['--by', 'model', '--json'], { CENTRALINO_DATA_DIR: join(dir, 'data') });
    assert.equal(code, 0, output);
    const report = lastJson(output) as { since: unknown; totals: { turns: number; llmUsd: number; whatsappUsd: number }; groups: unknown[] };
    assert.equal(report.since, null);
    assert.deepEqual([report.totals.turns, report.totals.llmUsd, report.totals.whatsappUsd], [5, 0.01692, 0.2232]);
    assert.deepEqual(report.groups, [
      { key: 'premium', calls: 2, failedCalls: 0, turns: 2, inputTokens: 1600, outputTokens: 180, cachedInputTokens: 600, llmUsd: 0.0161, purposes: { respond: 2 } },
      { key: 'economy', calls: 4, failedCalls: 0, turns: 2, inputTokens: 3200, outputTokens: 360, cachedInputTokens: 1200, llmUsd: 0.00082, purposes: { respond: 2, self_check: 2 } },
    ]);
  });

  it('takes a relative --since back from now', async () => {
    const { code, output } = await costs(['--since', '30m', '--data-dir', join(dir, 'data'), '--json']);
    assert.equal(code, 0, output);
    const report = lastJson(output) as { totals: { turns: number }; since: string };
    assert.equal(report.totals.turns, 0);
    assert.ok(Math.abs(Date.parse(report.since) - (Date.now() - 30 * 60_000)) < 60_000, report.since);
  });

  it('prints a compact table per intent and per conversation, naming the business of --config', async () => {
    const { code, output } = await costs(['--since', '2026-11-20', '--by', 'conversation', '--config', DEMO_CONFIG_PATH, '--data-dir', join(dir, 'data')]);
    assert.equal(code, 0, output);
    assert.match(output, /^cost ledger of Aurora Beauty Lab, since 2026-11-20T00:00:00\.000Z$/m);
    assert.match(output, /^turns +4 \(4 answered\) in 2 conversation\(s\), 5 model call\(s\)$/m);
    assert.match(output, /^cost +LLM \$0\.006920 \+ WhatsApp \$0\.154100 = \$0\.161020$/m);
    assert.match(output, /^escalation +1 of 2 economy turns \(50\.0 %\)$/m);
    assert.match(output, /^all-premium +\$0\.013800 for 3 turn\(s\), actual LLM \$0\.006920: saving \$0\.006880 \(49\.9 %\); 1 turn\(s\) without a premium estimate left out$/m);
    assert.match(output, /^by intent +turns +conv +LLM \$ +WhatsApp \$ +total \$ +\$\/turn +routes$/m);
    assert.match(output, /^returns +2 +2 +0\.006920 +0\.085000 +0\.091920 +0\.045960 +economy 1, premium 1$/m);
    assert.match(output, new RegExp(`^${'106540352242922'}:393331234567 +2 +1 +0\\.000420 +0\\.099100 +0\\.099520 +0\\.049760 +approved_text 1, economy 1$`, 'm'));
  });

  it('stops with DATA_INVALID for a bad --since, a bad --by or a folder with no database', async () => {
    const data = ['--data-dir', join(dir, 'data')];
    const since = await costs(['--since', 'yesterday', ...data]);
    assert.equal(since.code, 1);
    assert.match(since.output, /centralino: DATA_INVALID: --since must be an ISO date or date-time .* got "yesterday"/);
    const by = await costs(['--by', 'customer', ...data]);
    assert.equal(by.code, 1);
    assert.match(by.output, /centralino: DATA_INVALID: --by must be one of intent, route, model, conversation, got "customer"/);
    const missing = await costs(['--data-dir', join(dir, 'nothing-here')]);
    assert.equal(missing.code, 1);
    assert.match(missing.output, /DATA_INVALID: no database at .*nothing-here/);
  });
});
