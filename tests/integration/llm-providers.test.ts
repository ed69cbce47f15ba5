/**
 * The real provider code (createModelRegistry → @ai-sdk/openai, anthropic, google,
 * openai-compatible) and generateWithFallback, against recorded responses replayed by a
 * loopback HTTP server: a plain answer, a streamed one (SSE), a tool round, 429, 500, a
 * server that never answers, and a safety refusal. No live API. The responses are in
 * tests/fixtures/llm/<provider>/; tests/fixtures/llm/README.md says where each comes from
 * (most are the AI SDK's own recordings of the real APIs, vercel/ai `__fixtures__`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { stepCountIs, tool } from 'ai';
import { z } from 'zod';
import { llmConfigSchema, type LlmProvider } from '../../src/config/llm-schema.ts';
import { isAppError } from '../../src/core/errors.ts';
import { costUsd, type TokenUsage } from '../../src/llm/cost.ts';
import { generateWithFallback, type GenerateOutcome, type GenerateRequest } from '../../src/llm/generate-with-fallback.ts';
import { createModelRegistry, type ModelRegistry } from '../../src/llm/model-registry.ts';
import { defaultPrice } from '../../src/llm/price-table.ts';
import { startReplayServer, type RecordedRequest, type ReplayServer, type Scripted } from './cloud-api-replay-server.ts';

const FIXTURES = new URL('../fixtures/llm/', import.meta.url);
const BACKUP_PRICES = { input: 0.3, output: 0.5 };
const ENV = { OPENAI_API_KEY: 'sk-openai-test', ANTHROPIC_API_KEY: 'sk-ant-test', GOOGLE_GENERATIVE_AI_API_KEY: 'goog-test', COMPAT_KEY: 'sk-compat-test' };

interface Expected {
  text: string;
  tokens: TokenUsage;
}

interface ProviderCase {
  provider: LlmProvider;
  model: string;
  /** Path of the API root on the server (`/v1`, `/v1beta`). */
  root: string;
  /** The request path of a plain and of a streamed call. */
  paths: { generate: string; stream: string };
  /** Where the key goes. */
  auth: (request: RecordedRequest | undefined) => string | undefined;
  key: string;
  sseDone: boolean;
  text: Expected;
  stream: Expected;
  /** The tool call's tokens plus the final answer's (text.json). */
  toolRound: TokenUsage;
  refusal: { reason: string; tokens: TokenUsage };
}

const tokens = (inputTokens: number, outputTokens: number, cachedInputTokens = 0): TokenUsage => ({ inputTokens, outputTokens, cachedInputTokens });
const bearer = (request: RecordedRequest | undefined) => request?.headers.authorization;

const CASES: ProviderCase[] = [
  {
    provider: 'openai',
    model: 'gpt-4.1-mini',
    root: '/v1',
    paths: { generate: '/v1/chat/completions', stream: '/v1/chat/completions' },
    auth: bearer,
    key: `Bearer ${ENV.OPENAI_API_KEY}`,
    sseDone: true,
    text: { text: fixtureJson<{ choices: { message: { content: string } }[] }>('openai', 'text.json').choices[0]?.message.content ?? '', tokens: tokens(16, 363) },
    stream: { text: '**Holiday Name:** Harmony Day', tokens: tokens(16, 300) },
    toolRound: tokens(61 + 16, 16 + 363),
    refusal: { reason: "stop: I'm sorry, I can't assist with that request.", tokens: tokens(1204, 11, 1024) },
  },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-4-5',
    root: '/v1',
    paths: { generate: '/v1/messages', stream: '/v1/messages' },
    auth: (request) => request?.headers['x-api-key'] as string | undefined,
    key: ENV.ANTHROPIC_API_KEY,
    sseDone: false,
    text: { text: 'Hello!', tokens: tokens(10, 5) },
    stream: { text: "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?", tokens: tokens(12, 30) },
    toolRound: tokens(602 + 10, 93 + 5),
    refusal: { reason: "refusal: This request triggered restrictions on violative cyber content and was blocked under Anthropic's Usage Policy.", tokens: tokens(18, 5) },
  },
  {
    provider: 'google',
    model: 'gemini-2.5-flash',
    root: '/v1beta',
    paths: { generate: '/v1beta/models/gemini-2.5-flash:generateContent', stream: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse' },
    auth: (request) => request?.headers['x-goog-api-key'] as string | undefined,
    key: ENV.GOOGLE_GENERATIVE_AI_API_KEY,
    sseDone: false,
    // Gemini bills thinking as output: candidates + thoughts.
    text: { text: "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.", tokens: tokens(9, 28 + 244) },
    stream: { text: 'There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y', tokens: tokens(9, 23 + 185) },
    toolRound: tokens(29 + 9, 15 + 893 + 28 + 244),
    refusal: { reason: 'PROHIBITED_CONTENT', tokens: tokens(9, 0) },
  },
  {
    provider: 'openai-compatible',
    model: 'grok-3-mini',
    root: '/v1',
    paths: { generate: '/v1/chat/completions', stream: '/v1/chat/completions' },
    auth: bearer,
    key: `Bearer ${ENV.COMPAT_KEY}`,
    sseDone: true,
    text: { text: 'Grok', tokens: tokens(12, 2, 2) },
    stream: { text: 'Hello World', tokens: tokens(15, 5) },
    toolRound: tokens(307 + 12, 26 + 2, 244 + 2),
    refusal: { reason: 'content_filter', tokens: tokens(640, 0) },
  },
];

function fixtureText(provider: string, name: string): string {
  return readFileSync(new URL(`${provider}/${name}`, FIXTURES), 'utf8');
}

function fixtureJson<T = unknown>(provider: string, name: string): T {
  return JSON.parse(fixtureText(provider, name)) as T;
}

/** A recorded answer: `*.chunks.txt` as server-sent events (one JSON chunk per line), else JSON. */
function recorded(c: ProviderCase, name: string, status = 200): Scripted {
  if (name.endsWith('.chunks.txt')) {
    const lines = fixtureText(c.provider, name).split('\n').filter((line) => line.trim() !== '');
    return { status, sse: c.sseDone ? [...lines, '[DONE]'] : lines };
  }
  return { status, json: fixtureJson(c.provider, name) };
}

/** The backup: an OpenAI-compatible server answering with the xAI recording (`Grok`). */
const BACKUP_ANSWER: Scripted = { status: 200, json: fixtureJson('openai-compatible', 'text.json') };

function registryFor(c: ProviderCase, server: ReplayServer, main: Record<string, unknown> = {}): ModelRegistry {
  const llm = llmConfigSchema.parse({
    models: {
      main: {
        provider: c.provider,
        model: c.model,
        base_url: `${server.baseUrl}${c.root}`,
        retries: 0,
        fallback: ['backup'],
        ...(c.provider === 'openai-compatible' ? { api_key_env: 'COMPAT_KEY', price_per_million: { input: 0.3, output: 0.5, cached_input: 0.075 } } : {}),
        ...main,
      },
      backup: { provider: 'openai-compatible', model: 'backup-model', base_url: `${server.baseUrl}/v1`, price_per_million: BACKUP_PRICES },
    },
  });
  return createModelRegistry(llm, ENV);
}

const ASK: GenerateRequest = { purpose: 'respond', instructions: 'You answer customers of a beauty salon.', prompt: 'Che tempo fa a San Francisco?' };

const forecast = tool({
  description: 'The weather at a place',
  inputSchema: z.object({ location: z.string() }),
  execute: async ({ location }) => ({ location, forecast: 'sunny-test-7431' }),
});
const updateIssueList = tool({ description: 'Refreshes the issue list', inputSchema: z.object({}), execute: async () => ({ updated: 'sunny-test-7431' }) });
const TOOLS = { weather: forecast, updateIssueList };

function okResult(result: GenerateOutcome): Extract<GenerateOutcome, { outcome: 'ok' }> {
  assert.equal(result.outcome, 'ok', JSON.stringify(result.outcome === 'ok' ? '' : result));
  assert.ok(result.outcome === 'ok');
  return result;
}

function assertCall(result: GenerateOutcome, index: number, model: string, expected: TokenUsage, prices: Parameters<typeof costUsd>[1]): void {
  const call = result.calls[index];
  assert.ok(call, `no call ${index}`);
  assert.equal(call.model, model);
  assert.deepEqual({ inputTokens: call.inputTokens, outputTokens: call.outputTokens, cachedInputTokens: call.cachedInputTokens }, expected);
  assert.equal(call.costUsd, costUsd(expected, prices));
}

for (const c of CASES) {
  describe(`${c.provider} through the real provider code (loopback replay)`, () => {
    let server: ReplayServer;
    let prices: Parameters<typeof costUsd>[1];
    before(async () => {
      server = await startReplayServer({ status: 599, text: 'unscripted request' });
      prices = registryFor(c, server).spec('main').prices;
    });
    after(() => server.close());

    const newRequests = (from: number) => server.requests.slice(from);

    it('a plain answer: the text, the request the provider expects, tokens and cost', async () => {
      if (c.provider !== 'openai-compatible') assert.deepEqual(prices, defaultPrice(c.model), 'prices from the built-in table');
      const from = server.requests.length;
      server.script(recorded(c, 'text.json'));
      const result = okResult(await generateWithFallback(registryFor(c, server), 'main', ASK));
      assert.equal(result.text, c.text.text);
      assert.equal(result.model, 'main');
      const [request, ...more] = newRequests(from);
      assert.equal(more.length, 0);
      assert.equal(request?.method, 'POST');
      assert.equal(request?.path, c.paths.generate);
      assert.equal(c.auth(request), c.key);
      assert.ok(JSON.stringify(request?.body).includes('You answer customers of a beauty salon.'));
      assert.equal(result.calls.length, 1);
      assert.equal(result.calls[0]?.providerModel, c.model);
      assertCall(result, 0, 'main', c.text.tokens, prices);
      assert.equal(result.calls[0]?.error, undefined);
    });

    it('a streamed answer (SSE): the same text, tokens and cost', async () => {
      const from = server.requests.length;
      server.script(recorded(c, 'text.chunks.txt'));
      const result = okResult(await generateWithFallback(registryFor(c, server), 'main', { ...ASK, stream: true }));
      assert.equal(result.text, c.stream.text);
      const [request] = newRequests(from);
      assert.equal(request?.path, c.paths.stream);
      assertCall(result, 0, 'main', c.stream.tokens, prices);
    });

    it('a tool round: the model calls a tool, gets its result, answers; both steps costed', async () => {
      const from = server.requests.length;
      server.script(recorded(c, 'tool-call.json'), recorded(c, 'text.json'));
      const result = okResult(await generateWithFallback(registryFor(c, server), 'main', { ...ASK, tools: TOOLS, stopWhen: stepCountIs(3) }));
      assert.equal(result.steps.length, 2);
      assert.equal(result.text, c.text.text);
      assert.equal(result.toolCalls.length, 1);
      const [toolResult] = result.toolResults;
      assert.ok(JSON.stringify(toolResult?.output).includes('sunny-test-7431'));
      const [first, second] = newRequests(from);
      assert.ok(JSON.stringify(first?.body).includes('weather'), 'the tools are offered');
      assert.ok(JSON.stringify(second?.body).includes('sunny-test-7431'), 'the tool result goes back to the model');
      assert.equal(result.calls.length, 1);
      assertCall(result, 0, 'main', c.toolRound, prices);
    });

    it('429: no retry on the same model, the fallback answers', async () => {
      const from = server.requests.length;
      server.script(recorded(c, '429.json', 429), BACKUP_ANSWER);
      const result = okResult(await generateWithFallback(registryFor(c, server, { retries: 2 }), 'main', ASK));
      assert.equal(result.model, 'backup');
      assert.equal(result.text, 'Grok');
      assert.equal(newRequests(from).length, 2);
      assert.match(result.calls[0]?.error ?? '', /^HTTP 429: /);
      assert.equal(result.calls[0]?.costUsd, 0);
      assertCall(result, 1, 'backup', tokens(12, 2, 2), BACKUP_PRICES);
      assert.equal(result.costUsd, result.calls[1]?.costUsd);
    });

    it('500: retried once on the same model, then the fallback answers', async () => {
      const from = server.requests.length;
      server.script(recorded(c, '500.json', 500), recorded(c, '500.json', 500), BACKUP_ANSWER);
      const result = okResult(await generateWithFallback(registryFor(c, server, { retries: 1 }), 'main', ASK));
      assert.equal(result.model, 'backup');
      assert.deepEqual(newRequests(from).map((r) => r.path), [c.paths.generate, c.paths.generate, '/v1/chat/completions']);
      assert.deepEqual(result.calls.map((call) => [call.model, call.error?.slice(0, 9)]), [['main', 'HTTP 500:'], ['main', 'HTTP 500:'], ['backup', undefined]]);
    });

    it('a server that never answers: cut at timeout_ms, the fallback answers', async () => {
      server.script('hang', BACKUP_ANSWER);
      const started = performance.now();
      const result = okResult(await generateWithFallback(registryFor(c, server, { timeout_ms: 150 }), 'main', ASK));
      assert.ok(performance.now() - started < 3000);
      assert.equal(result.model, 'backup');
      assert.equal(result.calls[0]?.error, 'timeout after 150 ms');
      assert.ok((result.calls[0]?.latencyMs ?? 0) >= 140);
    });

    it('a safety refusal: refused, its tokens costed, no other model asked', async () => {
      const from = server.requests.length;
      server.script(recorded(c, 'refusal.json'));
      const result = await generateWithFallback(registryFor(c, server, { retries: 2 }), 'main', ASK);
      assert.equal(result.outcome, 'refused');
      assert.ok(result.outcome === 'refused');
      assert.equal(result.model, 'main');
      assert.equal(result.reason, c.refusal.reason);
      assert.equal(newRequests(from).length, 1);
      assert.equal(result.calls.length, 1);
      assertCall(result, 0, 'main', c.refusal.tokens, prices);
      assert.equal(result.calls[0]?.error, `refusal: ${c.refusal.reason}`);
    });
  });
}

describe('createModelRegistry at start-up', () => {
  const llm = llmConfigSchema.parse({
    models: {
      economy: { provider: 'openai', model: 'gpt-4.1-mini' },
      premium: { provider: 'anthropic', model: 'claude-sonnet-4-5' },
      backup: { provider: 'google', model: 'gemini-2.5-flash', api_key_env: 'GEMINI_KEY' },
      second: { provider: 'anthropic', model: 'claude-haiku-4-5' },
      local: { provider: 'openai-compatible', model: 'llama3.2', base_url: 'http://127.0.0.1:11434/v1', price_per_million: { input: 0, output: 0 } },
    },
  });

  it('names every missing key variable and the models that read it, in one error', () => {
    assert.throws(
      () => createModelRegistry(llm, { OPENAI_API_KEY: 'sk-x', ANTHROPIC_API_KEY: '  ' }),
      (error: unknown) => {
        assert.ok(isAppError(error, 'SETTINGS_INVALID'));
        assert.equal(
          error.message,
          'ANTHROPIC_API_KEY is not set: llm.models.premium (anthropic claude-sonnet-4-5), llm.models.second (anthropic claude-haiku-4-5) read its API key from it; ' +
            'GEMINI_KEY is not set: llm.models.backup (google gemini-2.5-flash) reads its API key from it',
        );
        assert.deepEqual(error.details, { variables: ['ANTHROPIC_API_KEY', 'GEMINI_KEY'] });
        return true;
      },
    );
  });

  it('builds every model with its resolved spec; a local openai-compatible server needs no key', () => {
    const registry = createModelRegistry(llm, { OPENAI_API_KEY: 'sk-x', ANTHROPIC_API_KEY: 'sk-a', GEMINI_KEY: 'g' });
    assert.deepEqual(registry.names(), ['economy', 'premium', 'backup', 'second', 'local']);
    assert.deepEqual(registry.spec('premium'), {
      name: 'premium',
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      prices: { input: 3, output: 15, cached_input: 0.3 },
      timeoutMs: 20_000,
      retries: 1,
      fallback: [],
      maxOutputTokens: 500,
    });
    const providers = registry.names().map((name) => {
      const model = registry.model(name);
      return typeof model === 'string' ? model : model.provider;
    });
    assert.deepEqual(providers, ['openai.chat', 'anthropic.messages', 'google.generative-ai', 'anthropic.messages', 'openai-compatible.chat']);
    assert.equal(registry.has('nope'), false);
    assert.throws(() => registry.spec('nope'), (error: unknown) => isAppError(error, 'NOT_FOUND'));
  });
});
