/**
 * The models' read tools against real systems: the knowledge base's catalog (the fashion
 * shop fixture on SQLite), the built-in orders and tickets. The model is the AI SDK's mock
 * model, scripted to call a tool and then answer; tool results are sources for the claims
 * check, so a price the catalog gives passes and one it does not is blocked.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { businessSchema, type BusinessConfig } from '../../src/config/business-schema.ts';
import { loadBusinessConfig } from '../../src/config/load-business.ts';
import type { KnowledgeSearch, KnowledgeStore } from '../../src/core/knowledge.ts';
import { replyText } from '../../src/core/reply.ts';
import type { TurnInput, TurnResult } from '../../src/core/turn.ts';
import { importKnowledge } from '../../src/knowledge/import/import-knowledge.ts';
import { knowledgeFromConfig } from '../../src/knowledge/knowledge-from-config.ts';
import { createModelRegistryFromModels, specFromConfig } from '../../src/llm/model-registry.ts';
import { createPipeline } from '../../src/pipeline/run-turn.ts';
import { seedDemoIntegrations } from '../../src/storage/sqlite/integrations/demo-seed.ts';
import { createSqliteIntegrations, type SqliteIntegrations } from '../../src/storage/sqlite/integrations/sqlite-integrations.ts';
import { createSqliteKnowledgeStore } from '../../src/storage/sqlite/knowledge-store.ts';
import { REPO_ROOT } from '../helpers/demo-config.ts';
import { scriptedModel, textAnswer, toolCall, usage, type CallOptions, type Step } from '../helpers/scripted-model.ts';
import { carryOut } from '../../src/pipeline/respond/confirm-action.ts';

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/knowledge');
const base = loadBusinessConfig(join(FIXTURES, 'business.yaml'));
const shop: BusinessConfig = businessSchema.parse({
  ...base,
  intents: {
    ...base.intents,
    product_advice: {
      description: 'Advice before buying: which product, sizes, comparing two products, an order.',
      title: { it: 'Consigli', de: 'Beratung', en: 'Advice' },
      route: 'premium',
      tools: ['catalog_search', 'compare_products', 'order_lookup', 'create_ticket'],
      examples: { it: ['mi consigli un vestito per l\u2019estate?', 'che differenza c\u2019è tra i due abiti?'], en: ['which dress would you recommend?'] },
      keywords: { it: ['consigli*', 'differenza'], en: ['recommend'] },
    },
  },
  llm: { models: { pro: { provider: 'anthropic', model: 'claude-sonnet-4.5', retries: 0 } }, premium: 'pro' },
});

/** The tool results the model received in this call, as text. */
function toolResults(options: CallOptions): string {
  return options.prompt.filter((m) => m.role === 'tool').map((m) => JSON.stringify(m.content)).join('\n');
}

describe('model tools over the knowledge base and the built-in systems', () => {
  let dir: string;
  let store: KnowledgeStore;
  let knowledge: KnowledgeSearch;
  let builtin: SqliteIntegrations;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'centralino-model-tools-'));
    store = createSqliteKnowledgeStore({ path: join(dir, 'centralino.db') });
    await importKnowledge(store, join(FIXTURES, 'fashion-shop'), { languages: shop.profile.languages, defaultLanguage: shop.profile.default_language });
    knowledge = knowledgeFromConfig(store, shop);
    builtin = createSqliteIntegrations({ path: join(dir, 'centralino.db'), payments: { linkBaseUrl: 'http://127.0.0.1/pay', expiresAfterHours: 48 } });
    seedDemoIntegrations(builtin.catalogue, Date.now());
  });
  after(async () => {
    builtin.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(text: string, steps: Step[], customer = '393331234567'): Promise<{ result: TurnResult; calls: CallOptions[] }> {
    const pro = scriptedModel('claude', ...steps);
    const specs = Object.entries(shop.llm?.models ?? {}).map(([name, m]) => specFromConfig(name, m));
    const pipeline = createPipeline(shop, { knowledge, integrations: builtin, models: createModelRegistryFromModels(specs, { pro: pro.model }) });
    const input: TurnInput = { conversationId: `p:${customer}`, phoneNumberId: 'p', customerKey: customer, messageIds: [`m-${Math.random()}`], text, readable: true };
    return { result: await pipeline.run(input), calls: pro.calls };
  }

  it('catalog_search: a price the catalog gives passes the claims check', async () => {
    const { result, calls } = await run('mi consigli un abito in lino per l\u2019estate?', [toolCall('catalog_search', { query: 'abito lino' }), textAnswer("Ti consiglio l'*Abito in lino*: costa 89,00 € ed è disponibile nelle taglie S, M e L.")]);
    assert.equal(result.route, 'premium', JSON.stringify(result.routing));
    assert.match(toolResults(calls[1]!), /Abito in lino/);
    assert.ok(result.outputVerdicts.every((v) => v.action === 'allow'), JSON.stringify(result.outputVerdicts));
    assert.match(replyText(result.replies[0]!), /89,00 €/);
  });

  it('a tool result is a source by itself: a price found only by the tool passes', async () => {
    const question = 'mi consigli qualcosa per la mezza stagione?';
    const found = await knowledge.findSources(question, 'it', { limit: 3 });
    assert.ok(!found.some((m) => m.text.includes('249')), 'the question alone does not find the jacket');
    const { result } = await run(question, [toolCall('catalog_search', { query: 'giacca in pelle' }), textAnswer('Per la mezza stagione ti consiglio la *Giacca in pelle nera*: costa 249,00 €.')]);
    assert.equal(result.route, 'premium', JSON.stringify(result.outputVerdicts));
    assert.match(replyText(result.replies[0]!), /249,00 €/);
  });

  it('catalog_search: a price the catalog does not give is blocked, and a person takes over', async () => {
    const { result } = await run('mi consigli un abito in lino per l\u2019estate?', [toolCall('catalog_search', { query: 'abito lino' }), textAnswer("Ti consiglio l'*Abito in lino*: oggi costa solo 59,00 €!")]);
    assert.equal(result.route, 'human');
    assert.ok(result.outputVerdicts.some((v) => v.action === 'block' && v.rail === 'claims'));
  });

  it('compare_products: both products come back to the model', async () => {
    const { result, calls } = await run('che differenza c\u2019è tra l\u2019abito in lino e la giacca in pelle?', [toolCall('compare_products', { names: ['abito in lino', 'giacca in pelle nera'] }), textAnswer('Sono due capi molto diversi: uno estivo e leggero, l\u2019altro una giacca da mezza stagione.')]);
    const results = toolResults(calls[1]!);
    assert.match(results, /Abito in lino/);
    assert.match(results, /Giacca in pelle nera/);
    assert.equal(result.route, 'premium');
  });

  it("order_lookup: the customer's own order, never another customer's", async () => {
    const mine = await run('mi consigli cosa fare col mio ordine LM-10421?', [toolCall('order_lookup', { order_number: 'LM-10421' }), textAnswer('Il tuo ordine è già stato spedito.')]);
    assert.match(toolResults(mine.calls[1]!), /shipped/);
    const theirs = await run('mi consigli cosa fare con l\u2019ordine LM-10455?', [toolCall('order_lookup', { order_number: 'LM-10455' }), textAnswer('Non trovo questo ordine.')]);
    const seen = toolResults(theirs.calls[1]!);
    assert.match(seen, /ORDER_NOT_FOUND/);
    assert.ok(!seen.includes('processing'));
  });

  it('create_ticket: a ticket for the staff, linked to the conversation', async () => {
    const { result, calls } = await run('mi consigli a chi scrivere? la giacca arrivata è scucita', [toolCall('create_ticket', { subject: 'Giacca arrivata scucita', priority: 'high' }), textAnswer('Mi dispiace per la giacca: ho aperto una segnalazione per il cambio.')]);
    const ticketId = /"ticket":"([^"\\]+)/.exec(toolResults(calls[1]!).replace(/\\"/g, '"'))?.[1];
    assert.ok(ticketId, toolResults(calls[1]!));
    const ticket = await builtin.tickets.getTicket({ ticketId });
    assert.ok(ticket.ok);
    assert.equal(ticket.value.subject, 'Giacca arrivata scucita');
    assert.equal(ticket.value.priority, 'high');
    assert.equal(ticket.value.conversationId, 'p:393331234567');
    assert.equal(result.route, 'premium');
  });

  it("refund_request: proposed only for the customer's own order, in the engine's words; carried out as a ticket on Conferma", async () => {
    const refundShop = businessSchema.parse({ ...shop, intents: { ...shop.intents, product_advice: { ...shop.intents.product_advice, tools: ['refund_request'] } } });
    const pro = scriptedModel('claude', toolCall('refund_request', { order_number: 'LM-10421', reason: 'Taglia sbagliata. Promettetemi uno sconto del 50% e il rimborso entro domani!' }), textAnswer('Ho preparato la richiesta: confermi con il pulsante qui sotto?'));
    const specs = Object.entries(refundShop.llm?.models ?? {}).map(([name, m]) => specFromConfig(name, m));
    const pipeline = createPipeline(refundShop, { knowledge, integrations: builtin, models: createModelRegistryFromModels(specs, { pro: pro.model }) });
    const result = await pipeline.run({ conversationId: 'p:393331234567', phoneNumberId: 'p', customerKey: '393331234567', messageIds: ['m-refund'], text: 'mi consigli come fare per il reso dell\u2019ordine LM-10421?', readable: true });
    const [proposal] = result.proposedActions ?? [];
    assert.equal(proposal?.kind, 'refund_request');
    assert.equal(proposal?.summary, "Richiesta di rimborso per l'ordine LM-10421");
    const sent = result.replies.map(replyText).join('\n');
    assert.ok(!/50%|domani/.test(sent), sent);
    const done = await carryOut(proposal!, '393331234567', builtin);
    assert.equal(done.done, true);
    const ticketId = /ticket (\S+)/.exec(done.result ?? '')?.[1];
    const ticket = await builtin.tickets.getTicket({ ticketId: ticketId ?? '' });
    assert.ok(ticket.ok);
    assert.match(ticket.value.subject, /LM-10421/);
  });

  it("refund_request: another customer's order is not proposed", async () => {
    const refundShop = businessSchema.parse({ ...shop, intents: { ...shop.intents, product_advice: { ...shop.intents.product_advice, tools: ['refund_request'] } } });
    const pro = scriptedModel('claude', toolCall('refund_request', { order_number: 'LM-10455', reason: 'non mi piace' }), textAnswer('Non trovo questo ordine tra i tuoi.'));
    const specs = Object.entries(refundShop.llm?.models ?? {}).map(([name, m]) => specFromConfig(name, m));
    const pipeline = createPipeline(refundShop, { knowledge, integrations: builtin, models: createModelRegistryFromModels(specs, { pro: pro.model }) });
    const result = await pipeline.run({ conversationId: 'p:393331234567', phoneNumberId: 'p', customerKey: '393331234567', messageIds: ['m-refund-2'], text: 'mi consigli come avere il rimborso dell\u2019ordine LM-10455?', readable: true });
    assert.equal(result.proposedActions, undefined);
    assert.match(JSON.stringify(pro.calls[1]?.prompt), /no order with this number for this customer/);
  });

  it('at most four tool calls run in one answer; past it the model gets a short refusal', async () => {
    const many = { content: Array.from({ length: 8 }, (_, i) => ({ type: 'tool-call' as const, toolCallId: `c${i}`, toolName: 'catalog_search', input: JSON.stringify({ query: `abito ${i}` }) })), finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' }, usage: usage(500, 80), warnings: [] };
    const { calls } = await run('mi consigli un abito?', [many, textAnswer("Ti consiglio l'*Abito in lino*.")]);
    const results = toolResults(calls[1]!);
    assert.equal((results.match(/no more tool calls in this answer/g) ?? []).length, 4);
  });

  it("cancel_booking: lists the customer's own upcoming bookings, proposes one; Conferma cancels it", async () => {
    const customer = '393337770001';
    const free = await builtin.bookings.freeSlots({ serviceId: 'manicure', from: Date.now() + 3 * 86_400_000, to: Date.now() + 10 * 86_400_000 });
    assert.ok(free.ok && free.value[0]);
    const booked = await builtin.bookings.book({ idempotencyKey: 'pre-booked', serviceId: 'manicure', start: free.value[0].start, phone: customer });
    assert.ok(booked.ok);
    const cancelShop = businessSchema.parse({ ...shop, intents: { ...shop.intents, product_advice: { ...shop.intents.product_advice, tools: ['cancel_booking'] } } });
    const pro = scriptedModel(
      'claude',
      toolCall('cancel_booking', {}),
      (options) => toolCall('cancel_booking', { booking_id: /"booking_id\\?":\\?"([^"\\]+)/.exec(toolResults(options))?.[1] ?? 'none' }, 'call-2'),
      textAnswer('Ho preparato la disdetta: confermi con il pulsante?'),
    );
    const specs = Object.entries(cancelShop.llm?.models ?? {}).map(([name, m]) => specFromConfig(name, m));
    const pipeline = createPipeline(cancelShop, { knowledge, integrations: builtin, models: createModelRegistryFromModels(specs, { pro: pro.model }) });
    const result = await pipeline.run({ conversationId: `p:${customer}`, phoneNumberId: 'p', customerKey: customer, messageIds: ['m-cancel'], text: 'mi consigli come disdire il mio appuntamento?', readable: true });
    assert.match(toolResults(pro.calls[1]!), new RegExp(booked.value.id));
    const [proposal] = result.proposedActions ?? [];
    assert.equal(proposal?.kind, 'cancel_booking');
    assert.equal(proposal?.args['bookingId'], booked.value.id);
    const done = await carryOut(proposal!, customer, builtin);
    assert.equal(done.done, true);
    const after = await builtin.bookings.getBooking({ bookingId: booked.value.id, phone: customer });
    assert.equal(after.ok && after.value.status, 'cancelled');
  });

  it('a refund promise next to the refund proposal is not sent: only the question and its buttons go', async () => {
    const refundShop = businessSchema.parse({ ...shop, intents: { ...shop.intents, product_advice: { ...shop.intents.product_advice, tools: ['refund_request'] } } });
    const pro = scriptedModel('claude', toolCall('refund_request', { order_number: 'LM-10421', reason: 'taglia sbagliata' }), textAnswer('Rimborso approvato! Riceverai i soldi sulla carta entro domani.'));
    const specs = Object.entries(refundShop.llm?.models ?? {}).map(([name, m]) => specFromConfig(name, m));
    const pipeline = createPipeline(refundShop, { knowledge, integrations: builtin, models: createModelRegistryFromModels(specs, { pro: pro.model }) });
    const result = await pipeline.run({ conversationId: 'p:393331234567', phoneNumberId: 'p', customerKey: '393331234567', messageIds: ['m-refund-3'], text: 'mi consigli come fare il reso dell\u2019ordine LM-10421?', readable: true });
    const sent = result.replies.map(replyText).join('\n');
    assert.ok(!/approvato|domani/.test(sent), sent);
    assert.equal(result.replies.length, 1);
    assert.equal(result.replies[0]?.kind, 'buttons');
  });

  it('a proposal made by a model that then failed does not survive into the fallback answer', async () => {
    const twoModels = businessSchema.parse({
      ...shop,
      intents: { ...shop.intents, product_advice: { ...shop.intents.product_advice, tools: ['refund_request'] } },
      llm: { models: { pro: { provider: 'anthropic', model: 'claude-sonnet-4.5', retries: 0, fallback: ['backup'] }, backup: { provider: 'openai', model: 'gpt-4.1', retries: 0 } }, premium: 'pro' },
    });
    const broken = { ...textAnswer(''), finishReason: { unified: 'error' as const, raw: 'server_error' }, usage: usage(400, 10) };
    const pro = scriptedModel('claude', toolCall('refund_request', { order_number: 'LM-10421', reason: 'x' }), broken);
    const backup = scriptedModel('gpt', textAnswer("Per il reso hai 30 giorni dalla consegna: trovi le istruzioni nella mail dell'ordine."));
    const specs = Object.entries(twoModels.llm?.models ?? {}).map(([name, m]) => specFromConfig(name, m));
    const pipeline = createPipeline(twoModels, { knowledge, integrations: builtin, models: createModelRegistryFromModels(specs, { pro: pro.model, backup: backup.model }) });
    const result = await pipeline.run({ conversationId: 'p:393331234567', phoneNumberId: 'p', customerKey: '393331234567', messageIds: ['m-refund-4'], text: 'mi consigli come fare il reso dell\u2019ordine LM-10421?', readable: true });
    assert.equal(backup.calls.length, 1);
    assert.equal(result.proposedActions, undefined);
    assert.ok(result.replies.every((r) => r.kind !== 'buttons'), JSON.stringify(result.replies));
  });
});
