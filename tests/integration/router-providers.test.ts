/**
 * The router through the real provider code: a premium turn of the demo salon goes to
 * Anthropic (`@ai-sdk/anthropic`, streamed, as the premium route asks) and falls back to
 * OpenAI, both served by a loopback server replaying recorded responses
 * (tests/fixtures/llm/, mostly the AI SDK's own recordings). Nothing reaches the network.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { businessSchema, type BusinessConfig } from '../../src/config/business-schema.ts';
import { replyText } from '../../src/core/reply.ts';
import type { TurnInput } from '../../src/core/turn.ts';
import { costUsd } from '../../src/llm/cost.ts';
import { createModelRegistry } from '../../src/llm/model-registry.ts';
import { createPipeline } from '../../src/pipeline/run-turn.ts';
import { demoBusiness } from '../helpers/demo-config.ts';
import { startReplayServer, type ReplayServer, type Scripted } from './cloud-api-replay-server.ts';

const FIXTURES = new URL('../fixtures/llm/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');
const sse = (path: string): Scripted => ({ status: 200, sse: fixture(path).split('\n').filter((l) => l.trim() !== '') });
const ENV = { ANTHROPIC_API_KEY: 'sk-ant-test', OPENAI_API_KEY: 'sk-openai-test' };
const ADVICE_EN = 'I have very dry skin, which facial would you recommend?';

function business(baseUrl: string): BusinessConfig {
  const models = {
    premium: { provider: 'anthropic', model: 'claude-sonnet-4-5', base_url: `${baseUrl}/v1`, retries: 0, fallback: ['backup'] },
    backup: { provider: 'openai', model: 'gpt-4.1', base_url: `${baseUrl}/v1`, retries: 0 },
  };
  return businessSchema.parse({ ...demoBusiness(), llm: { models, premium: 'premium' } });
}

describe('the premium route through the real providers (loopback, recorded responses)', () => {
  let server: ReplayServer;
  let config: BusinessConfig;
  let run: (text: string) => ReturnType<ReturnType<typeof createPipeline>['run']>;
  before(async () => {
    server = await startReplayServer({ status: 599, text: 'unscripted request' });
    config = business(server.baseUrl);
    const pipeline = createPipeline(config, { models: createModelRegistry(config.llm!, ENV) });
    let n = 0;
    run = (text) => pipeline.run({ conversationId: 'p:4477', phoneNumberId: 'p', customerKey: '447700900123', messageIds: [`m${++n}`], text, readable: true } satisfies TurnInput);
  });
  after(() => server.close());

  it('Anthropic streams the answer; tokens and cost come from the recorded usage and the built-in prices', async () => {
    server.script(sse('anthropic/text.chunks.txt'));
    const from = server.requests.length;
    const result = await run(ADVICE_EN);
    assert.equal(result.route, 'premium', JSON.stringify(result.routing));
    assert.match(replyText(result.replies[0]!), /^Hello! I'm doing well/);
    const [call] = result.modelCalls ?? [];
    assert.deepEqual([call?.model, call?.providerModel, call?.inputTokens, call?.outputTokens], ['premium', 'claude-sonnet-4-5', 12, 30]);
    assert.equal(result.costUsd, costUsd({ inputTokens: 12, outputTokens: 30, cachedInputTokens: 0 }, { input: 3, output: 15, cached_input: 0.3 }));
    const request = server.requests[from];
    assert.equal(request?.path, '/v1/messages');
    assert.equal(request?.body['stream'], true);
    assert.equal(request?.headers['x-api-key'], ENV.ANTHROPIC_API_KEY);
  });

  it('a 429 from Anthropic falls over to OpenAI', async () => {
    server.script({ status: 429, json: JSON.parse(fixture('anthropic/429.json')) }, sse('openai/text.chunks.txt'));
    const result = await run(ADVICE_EN);
    assert.deepEqual((result.modelCalls ?? []).map((c) => [c.model, c.error === undefined]), [['premium', false], ['backup', true]]);
    // The recorded OpenAI answer is Markdown ("**Holiday Name:** Harmony Day"): the output rails
    // hold WhatsApp formatting, so it is not sent and a person takes the turn.
    assert.equal(result.route, 'human');
    assert.match(result.routing?.fallbackReason ?? '', /the premium draft: the output rails blocked it/);
    assert.ok(result.outputVerdicts.some((v) => v.action === 'block' && v.rail === 'tone'), JSON.stringify(result.outputVerdicts));
  });

  it("Anthropic's safety refusal goes to a person; OpenAI is never asked", async () => {
    server.script(sse('anthropic/refusal.chunks.txt'));
    const from = server.requests.length;
    const result = await run(ADVICE_EN);
    assert.equal(result.route, 'human');
    assert.match(result.routing?.fallbackReason ?? '', /refused/);
    assert.equal(server.requests.slice(from).filter((r) => r.path === '/v1/chat/completions').length, 0);
  });
});
