/**
 * The optional LLM classifier of tier 1, with the AI SDK's mock model: asked only when a
 * readable turn ends out of scope, constrained to the business's intents, every call
 * counted and costed, and a failure never breaks the turn.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MockLanguageModelV4 } from 'ai/test';
import { businessSchema, type BusinessConfig } from '../../src/config/business-schema.ts';
import { isAppError } from '../../src/core/errors.ts';
import { replyText, type Reply } from '../../src/core/reply.ts';
import type { TurnInput } from '../../src/core/turn.ts';
import { costUsd } from '../../src/llm/cost.ts';
import { apiKeyVariable, createLanguageModel } from '../../src/llm/provider-factory.ts';
import { createPipeline } from '../../src/pipeline/run-turn.ts';
import type { IntentClassifier } from '../../src/pipeline/understand/intent-classifier.ts';
import { createLlmClassifier, llmClassifierFromConfig, llmIntents, type LlmClassifier } from '../../src/pipeline/understand/llm-classifier.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;
type CallOptions = MockLanguageModelV4['doGenerateCalls'][number];

const business = demoBusiness();
const PRICES = { input: 0.15, output: 0.6, cached_input: 0.075 };
/** Nothing in the demo's keywords, examples or small talk: every tier above ends out of scope. */
const UNSURE = 'mi sono rotta un unghia, potete sistemarla';

function answer(text: string, usage = { input: 1000, cached: 200, output: 7 }): GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: usage.input, noCache: usage.input - usage.cached, cacheRead: usage.cached, cacheWrite: undefined },
      outputTokens: { total: usage.output, text: usage.output, reasoning: undefined },
    },
    warnings: [],
  };
}

const choose = (intent: string) => answer(JSON.stringify({ result: intent }));

function mockModel(doGenerate: GenerateResult | (() => Promise<GenerateResult>)): MockLanguageModelV4 {
  return new MockLanguageModelV4({ provider: 'mock', modelId: 'mock-mini', doGenerate });
}

function classifierFor(model: MockLanguageModelV4, extra: { maxCandidates?: number } = {}): LlmClassifier {
  return createLlmClassifier({ model, intents: llmIntents(business), prices: PRICES, timeoutMs: 4000, modelName: 'mock-mini', businessName: business.profile.name, ...extra });
}

function input(text: string, extra: Partial<TurnInput> = {}): TurnInput {
  return { conversationId: 'p:1', phoneNumberId: 'p', customerKey: '1', messageIds: ['m1'], text, readable: true, ...extra };
}

const allText = (replies: Reply[]) => replies.map(replyText).join('\n');

function promptOf(call: CallOptions | undefined): { system: string; user: unknown } {
  assert.ok(call, 'the model was not called');
  const [system, user, ...rest] = call.prompt;
  assert.equal(rest.length, 0, 'only a system and a user message');
  assert.equal(system?.role, 'system');
  assert.equal(user?.role, 'user');
  return { system: system?.role === 'system' ? system.content : '', user: user?.content };
}

function enumOf(call: CallOptions | undefined): unknown {
  const format = call?.responseFormat;
  assert.equal(format?.type, 'json');
  const schema = format?.type === 'json' ? (format.schema as { properties: { result: { enum: unknown } } } | undefined) : undefined;
  return schema?.properties.result.enum;
}

describe('LLM classifier in the pipeline (mock model)', () => {
  it('names an intent: the turn is answered with its approved text, source llm, cost from usage and prices', async () => {
    const model = mockModel(choose('treatments'));
    const result = await createPipeline(business, { llm: classifierFor(model) }).run(input(UNSURE));
    assert.equal(model.doGenerateCalls.length, 1);
    assert.equal(result.understanding.intent, 'treatments');
    assert.equal(result.understanding.source, 'llm');
    assert.equal(result.understanding.candidates[0]?.intent, 'treatments');
    assert.equal(result.route, 'approved_text');
    const [reply] = result.replies;
    assert.ok(reply?.kind === 'buttons', 'the approved answer with its follow-up buttons');
    assert.equal(reply.body, business.intents.treatments?.answer?.it);
    const expectedCost = (800 * 0.15 + 200 * 0.075 + 7 * 0.6) / 1_000_000;
    const [call, ...more] = result.modelCalls ?? [];
    assert.equal(more.length, 0);
    assert.ok(call);
    assert.equal(call.error, undefined);
    assert.deepEqual({ ...call, latencyMs: 0 }, {
      purpose: 'classify', model: 'mock-mini', inputTokens: 1000, outputTokens: 7, cachedInputTokens: 200, costUsd: expectedCost, latencyMs: 0,
    });
    assert.ok(Math.abs(result.costUsd - expectedCost) < 1e-15);
    assert.ok(result.latencyMs.understand >= call.latencyMs, 'the LLM latency counts in understand');
  });

  it('answers out_of_scope: the turn stays out of scope (a clarifying question) and the call is still costed', async () => {
    const model = mockModel(choose('out_of_scope'));
    const result = await createPipeline(business, { llm: classifierFor(model) }).run(input(UNSURE));
    assert.equal(result.understanding.intent, 'out_of_scope');
    assert.notEqual(result.understanding.source, 'llm');
    assert.equal(result.route, 'clarify');
    assert.equal(result.modelCalls?.length, 1);
    assert.equal(result.modelCalls?.[0]?.error, undefined);
    assert.ok(result.costUsd > 0);
  });

  it('the model throws: the turn stays out of scope, gets its usual reply, and the error is recorded', async () => {
    const model = mockModel(() => Promise.reject(new Error('upstream exploded')));
    const withLlm = await createPipeline(business, { llm: classifierFor(model) }).run(input(UNSURE));
    const without = await createPipeline(business).run(input(UNSURE));
    assert.equal(withLlm.understanding.intent, 'out_of_scope');
    assert.equal(withLlm.route, 'clarify');
    assert.equal(allText(withLlm.replies), allText(without.replies));
    const [call] = withLlm.modelCalls ?? [];
    assert.match(call?.error ?? '', /upstream exploded/);
    assert.equal(call?.costUsd, 0);
    assert.equal(withLlm.costUsd, 0);
  });

  it('an answer that is not one of the choices is an invalid output: out of scope, error recorded, tokens still costed', async () => {
    const model = mockModel(answer('{"result":"massages"}'));
    const result = await createPipeline(business, { llm: classifierFor(model) }).run(input(UNSURE));
    assert.equal(result.understanding.intent, 'out_of_scope');
    const [call] = result.modelCalls ?? [];
    assert.match(call?.error ?? '', /invalid output/);
    assert.equal(call?.inputTokens, 1000);
    assert.ok(result.costUsd > 0);
  });

  it('not configured: no LLM, no model calls, zero cost', async () => {
    assert.equal(business.understanding.llm_classifier, undefined);
    assert.equal(llmClassifierFromConfig(business, {}), undefined);
    const result = await createPipeline(business, { llm: llmClassifierFromConfig(business, {}) }).run(input(UNSURE));
    assert.equal(result.understanding.intent, 'out_of_scope');
    assert.equal(result.modelCalls, undefined);
    assert.equal(result.costUsd, 0);
  });

  it('is never called when keywords, the classifier, small talk or a button decided, nor for media it cannot read', async () => {
    const model = mockModel(choose('location'));
    const pipeline = createPipeline(business, { llm: classifierFor(model) });
    const keyword = await pipeline.run(input('quanto costa una manicure?'));
    assert.equal(keyword.understanding.source, 'keyword');
    const classified = await pipeline.run(input('fate anche le ciglia?'));
    assert.equal(classified.understanding.source, 'classifier');
    assert.equal(classified.understanding.intent, 'treatments');
    const smallTalk = await pipeline.run(input('ciao'));
    assert.equal(smallTalk.understanding.source, 'small_talk');
    const button = await pipeline.run(input('Orari', { payload: { kind: 'button', id: 'intent:opening_hours', title: 'Orari' } }));
    assert.equal(button.understanding.source, 'button');
    const media = await pipeline.run(input('', { readable: false }));
    assert.equal(media.understanding.intent, 'out_of_scope');
    assert.equal(model.doGenerateCalls.length, 0);
    for (const result of [keyword, classified, smallTalk, button, media]) assert.equal(result.modelCalls, undefined);
  });

  it('is never called when an injected trained classifier is confident', async () => {
    const model = mockModel(choose('location'));
    const confident: IntentClassifier = { threshold: 0.5, classify: () => [{ intent: 'prices', score: 0.97 }] };
    const result = await createPipeline(business, { classifier: confident, llm: classifierFor(model) }).run(input(UNSURE));
    assert.equal(result.understanding.intent, 'prices');
    assert.equal(result.understanding.source, 'classifier');
    assert.equal(model.doGenerateCalls.length, 0);
  });

  it('the system prompt lists the intents with descriptions; the user message is the (guarded) customer text only', async () => {
    const model = mockModel(choose('out_of_scope'));
    const pipeline = createPipeline(business, { llm: classifierFor(model) });
    await pipeline.run(input(UNSURE));
    const { system, user } = promptOf(model.doGenerateCalls[0]);
    for (const [id, intent] of Object.entries(business.intents)) {
      assert.ok(system.includes(`- ${id}: ${intent.description}`), `system prompt lists ${id}`);
    }
    assert.ok(system.includes('"che trattamenti fate?"'), 'with examples in the turn language');
    assert.match(system, /out_of_scope/);
    assert.ok(!system.includes(UNSURE), 'the customer text is not in the system prompt');
    assert.deepEqual(user, [{ type: 'text', text: UNSURE }]);
    assert.deepEqual(enumOf(model.doGenerateCalls[0]), [...Object.keys(business.intents), 'out_of_scope']);
    assert.equal(model.doGenerateCalls[0]?.temperature, 0);

    await pipeline.run(input('ecco la mia carta 4111 1111 1111 1111'));
    const redacted = promptOf(model.doGenerateCalls[1]);
    assert.deepEqual(redacted.user, [{ type: 'text', text: 'ecco la mia carta [CARD_1]' }]);
  });

  it('max_candidates offers only the intents the classifier ranks highest', async () => {
    const model = mockModel(choose('out_of_scope'));
    const ranking: IntentClassifier = {
      threshold: 0.9,
      classify: () => [{ intent: 'location', score: 0.4 }, { intent: 'oos', score: 0.3 }, { intent: 'prices', score: 0.3 }, { intent: 'human', score: 0.1 }],
    };
    await createPipeline(business, { classifier: ranking, llm: classifierFor(model, { maxCandidates: 2 }) }).run(input(UNSURE));
    assert.deepEqual(enumOf(model.doGenerateCalls[0]), ['prices', 'location', 'out_of_scope']);
    const { system } = promptOf(model.doGenerateCalls[0]);
    assert.ok(!system.includes('- human:'));
  });
});

describe('llm_classifier configuration', () => {
  const withLlm = (llm: Record<string, unknown>) => businessSchema.safeParse({ ...business, understanding: { ...business.understanding, llm_classifier: llm } });
  const prices = { input: 0.15, output: 0.6 };

  it('defaults: timeout 4000 ms, all intents', () => {
    const parsed = withLlm({ provider: 'openai', model: 'gpt-4.1-nano', price_per_million: prices });
    assert.ok(parsed.success);
    assert.equal(parsed.data.understanding.llm_classifier?.timeout_ms, 4000);
    assert.equal(parsed.data.understanding.llm_classifier?.max_candidates, undefined);
  });

  it('openai-compatible needs base_url; prices are required; unknown keys are errors', () => {
    const noUrl = withLlm({ provider: 'openai-compatible', model: 'llama3.2', price_per_million: prices });
    assert.ok(!noUrl.success);
    assert.deepEqual(noUrl.error.issues.map((i) => i.path.join('.')), ['understanding.llm_classifier.base_url']);
    const noPrices = withLlm({ provider: 'openai', model: 'gpt-4.1-nano' });
    assert.ok(!noPrices.success && noPrices.error.issues.some((i) => i.path.join('.') === 'understanding.llm_classifier.price_per_million'));
    const typo = withLlm({ provider: 'openai', model: 'gpt-4.1-nano', price_per_million: prices, timeout: 10 });
    assert.ok(!typo.success);
  });

  it('a missing API key is a start-up error naming the variable', () => {
    const parsed = withLlm({ provider: 'openai', model: 'gpt-4.1-nano', price_per_million: prices });
    assert.ok(parsed.success);
    const config: BusinessConfig = parsed.data;
    assert.throws(() => llmClassifierFromConfig(config, {}), (error: unknown) => isAppError(error, 'SETTINGS_INVALID') && error.message.includes('OPENAI_API_KEY'));
    assert.ok(llmClassifierFromConfig(config, { OPENAI_API_KEY: 'sk-test' }));
    const custom = { provider: 'openai-compatible' as const, model: 'm', base_url: 'http://127.0.0.1:1/v1', api_key_env: 'ROUTER_KEY' };
    assert.equal(apiKeyVariable(custom), 'ROUTER_KEY');
    assert.throws(() => createLanguageModel(custom, { OPENAI_API_KEY: 'x' }), /ROUTER_KEY/);
    assert.equal(apiKeyVariable({ provider: 'openai-compatible', model: 'llama3.2', base_url: 'http://localhost:11434/v1' }), undefined);
    assert.ok(createLanguageModel({ provider: 'openai-compatible', model: 'llama3.2', base_url: 'http://localhost:11434/v1' }, {}));
  });

  it('cost: cached input at its own price, else at the input price', () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000, cachedInputTokens: 500_000 };
    assert.equal(costUsd(usage, { input: 2, output: 8, cached_input: 0.5 }), 1 + 0.25 + 8);
    assert.equal(costUsd(usage, { input: 2, output: 8 }), 2 + 8);
    assert.equal(costUsd({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 }, PRICES), 0);
  });
});
