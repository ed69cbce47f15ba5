/**
 * The LLM classifier through the real provider code path (`@ai-sdk/openai-compatible`,
 * built from the business configuration by llmClassifierFromConfig) against a loopback
 * HTTP server replaying an OpenAI-style chat-completions response. No live API: the
 * response below is written by hand after OpenAI's public format, `usage` included.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { businessSchema, type BusinessConfig } from '../../src/config/business-schema.ts';
import type { TurnInput, TurnResult } from '../../src/core/turn.ts';
import { costUsd } from '../../src/llm/cost.ts';
import { createPipeline } from '../../src/pipeline/run-turn.ts';
import { llmClassifierFromConfig } from '../../src/pipeline/understand/llm-classifier.ts';
import { demoBusiness } from '../helpers/demo-config.ts';
import { startReplayServer, type ReplayServer, type Scripted } from './cloud-api-replay-server.ts';

const UNSURE = 'mi sono rotta un unghia, potete sistemarla';
const PRICES = { input: 0.15, output: 0.6, cached_input: 0.075 };
const KEY_ENV = 'CENTRALINO_TEST_LLM_KEY';

/** POST /v1/chat/completions, 200, as OpenAI answers a json_schema response_format. */
function chatCompletion(content: string | null, refusal: string | null = null): Scripted {
  return {
    status: 200,
    json: {
      id: 'chatcmpl-BH7kX2fQm9LrTqS4vWn1yZaPc3dEo',
      object: 'chat.completion',
      created: 1743500000,
      model: 'gpt-4.1-nano-2025-04-14',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 412,
        completion_tokens: 8,
        total_tokens: 420,
        prompt_tokens_details: { cached_tokens: 256, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_38343a2f8f',
    },
  };
}

const SERVER_ERROR: Scripted = {
  status: 500,
  json: { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } },
};

function businessWithLlm(baseUrl: string, extra: Record<string, unknown> = {}): BusinessConfig {
  const business = demoBusiness();
  const llm_classifier = {
    provider: 'openai-compatible',
    model: 'gpt-4.1-nano',
    base_url: `${baseUrl}/v1`,
    api_key_env: KEY_ENV,
    price_per_million: PRICES,
    ...extra,
  };
  return businessSchema.parse({ ...business, understanding: { ...business.understanding, llm_classifier } });
}

function input(text: string): TurnInput {
  return { conversationId: 'p:1', phoneNumberId: 'p', customerKey: '1', messageIds: ['m1'], text, readable: true };
}

async function runWith(server: ReplayServer, extra: Record<string, unknown> = {}): Promise<TurnResult> {
  const business = businessWithLlm(server.baseUrl, extra);
  const llm = llmClassifierFromConfig(business, { [KEY_ENV]: 'sk-test-123' });
  assert.ok(llm);
  return createPipeline(business, { llm }).run(input(UNSURE));
}

describe('LLM classifier over the openai-compatible provider (loopback server)', () => {
  let server: ReplayServer;
  before(async () => {
    server = await startReplayServer({ status: 599, text: 'unscripted request' });
  });
  after(() => server.close());

  it('sends the model, a system and a user message and the json_schema of the choices; parses the answer and the usage', async () => {
    server.script(chatCompletion('{"result":"treatments"}'));
    const before = server.requests.length;
    const result = await runWith(server);
    const requests = server.requests.slice(before);
    assert.equal(requests.length, 1);
    const [request] = requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/v1/chat/completions');
    assert.equal(request?.headers.authorization, 'Bearer sk-test-123');
    const body = request?.body ?? {};
    assert.equal(body.model, 'gpt-4.1-nano');
    assert.equal(body.temperature, 0);
    const messages = body.messages as { role: string; content: unknown }[];
    assert.deepEqual(messages.map((m) => m.role), ['system', 'user']);
    assert.equal(messages[1]?.content, UNSURE);
    const system = String(messages[0]?.content);
    assert.match(system, /- treatments: Which treatments the salon offers/);
    assert.ok(!system.includes(UNSURE));
    const business = demoBusiness();
    assert.deepEqual(body.response_format, {
      type: 'json_schema',
      json_schema: {
        name: 'intent',
        strict: true,
        description: 'The id of the intent the message asks about, or out_of_scope.',
        schema: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties: { result: { type: 'string', enum: [...Object.keys(business.intents), 'out_of_scope'] } },
          required: ['result'],
          additionalProperties: false,
        },
      },
    });

    assert.equal(result.understanding.intent, 'treatments');
    assert.equal(result.understanding.source, 'llm');
    assert.equal(result.route, 'approved_text');
    const [call] = result.modelCalls ?? [];
    assert.ok(call);
    assert.equal(call.error, undefined);
    assert.equal(call.model, 'gpt-4.1-nano');
    assert.deepEqual([call.inputTokens, call.cachedInputTokens, call.outputTokens], [412, 256, 8]);
    assert.equal(call.costUsd, costUsd({ inputTokens: 412, cachedInputTokens: 256, outputTokens: 8 }, PRICES));
    assert.equal(result.costUsd, call.costUsd);
  });

  it('a 500 is asked once (no retries): the turn stays out of scope with the error recorded', async () => {
    server.script(SERVER_ERROR);
    const before = server.requests.length;
    const result = await runWith(server);
    assert.equal(server.requests.length - before, 1);
    assert.equal(result.understanding.intent, 'out_of_scope');
    assert.equal(result.route, 'clarify');
    const [call] = result.modelCalls ?? [];
    assert.match(call?.error ?? '', /^HTTP 500: The server had an error/);
    assert.equal(result.costUsd, 0);
  });

  it('a server that never answers: timed out after timeout_ms, the turn stays out of scope', async () => {
    server.script('hang');
    const started = performance.now();
    const result = await runWith(server, { timeout_ms: 300 });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 3000, `took ${elapsed} ms`);
    assert.equal(result.understanding.intent, 'out_of_scope');
    const [call] = result.modelCalls ?? [];
    assert.match(call?.error ?? '', /timeout after 300 ms/);
    assert.ok(result.latencyMs.understand >= 300);
  });

  it('a refusal: the turn stays out of scope, the refusal is recorded and its tokens costed', async () => {
    server.script(chatCompletion(null, "I'm sorry, I can't help with that request."));
    const result = await runWith(server);
    assert.equal(result.understanding.intent, 'out_of_scope');
    const [call] = result.modelCalls ?? [];
    assert.match(call?.error ?? '', /^refusal: I'm sorry/);
    assert.equal(call?.inputTokens, 412);
    assert.ok(result.costUsd > 0);
  });

  it('provider openai: the same chat-completions call, keyed by OPENAI_API_KEY by default', async () => {
    server.script(chatCompletion('{"result":"location"}'));
    const before = server.requests.length;
    const business = businessWithLlm(server.baseUrl, { provider: 'openai', api_key_env: undefined });
    const llm = llmClassifierFromConfig(business, { OPENAI_API_KEY: 'sk-openai-test' });
    assert.ok(llm);
    const result = await createPipeline(business, { llm }).run(input(UNSURE));
    const [request] = server.requests.slice(before);
    assert.equal(request?.path, '/v1/chat/completions');
    assert.equal(request?.headers.authorization, 'Bearer sk-openai-test');
    assert.equal((request?.body.response_format as { type?: string } | undefined)?.type, 'json_schema');
    assert.equal(result.understanding.intent, 'location');
    assert.equal(result.understanding.source, 'llm');
    assert.deepEqual([result.modelCalls?.[0]?.inputTokens, result.modelCalls?.[0]?.cachedInputTokens], [412, 256]);
  });

  it('an answer that is not JSON: invalid output, out of scope', async () => {
    server.script(chatCompletion('treatments'));
    const result = await runWith(server);
    assert.equal(result.understanding.intent, 'out_of_scope');
    assert.match(result.modelCalls?.[0]?.error ?? '', /invalid output/);
  });
});
