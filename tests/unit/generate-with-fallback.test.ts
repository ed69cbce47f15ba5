/**
 * generateWithFallback with the AI SDK's mock models: retries on the same model, fallbacks
 * in order, a refusal never routed around, every attempt recorded with its cost, and no
 * provider problem ever thrown.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APICallError, jsonSchema, stepCountIs, tool } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { costUsd } from '../../src/llm/cost.ts';
import { generateWithFallback, type GenerateRequest } from '../../src/llm/generate-with-fallback.ts';
import { createModelRegistryFromModels, type ModelSpecInit } from '../../src/llm/model-registry.ts';

type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;
type StreamPart = Awaited<ReturnType<MockLanguageModelV4['doStream']>>['stream'] extends ReadableStream<infer Part> ? Part : never;
type DoGenerate = Extract<ConstructorParameters<typeof MockLanguageModelV4>[0], object>['doGenerate'];

const PRICES = { input: 0.4, output: 1.6, cached_input: 0.1 };
const ASK: GenerateRequest = { purpose: 'respond', instructions: 'You answer for a beauty salon.', prompt: 'quanto costa una manicure?' };

function usage(input: number, output: number, cached = 0): GenerateResult['usage'] {
  return {
    inputTokens: { total: input, noCache: input - cached, cacheRead: cached, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

function answer(text: string, tokens = usage(1000, 20, 400)): GenerateResult {
  return { content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage: tokens, warnings: [] };
}

function refusal(text: string, raw: string): GenerateResult {
  return { content: text ? [{ type: 'text', text }] : [], finishReason: { unified: 'content-filter', raw }, usage: usage(300, 5), warnings: [] };
}

function httpError(status: number, body = `{"error":{"message":"status ${status}"}}`): APICallError {
  return new APICallError({
    message: `status ${status}`,
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode: status,
    responseBody: body,
    isRetryable: status === 429 || status >= 500,
  });
}

/** A model that answers with each of `steps` in turn (an Error is thrown). */
function scripted(id: string, ...steps: (GenerateResult | Error)[]): MockLanguageModelV4 {
  let index = 0;
  const doGenerate: DoGenerate = async () => {
    const step = steps[Math.min(index, steps.length - 1)];
    index += 1;
    if (step === undefined) throw new Error('nothing scripted');
    if (step instanceof Error) throw step;
    return step;
  };
  return new MockLanguageModelV4({ provider: 'mock', modelId: id, doGenerate });
}

/** A model that never answers until the call is aborted (by the timeout). */
function hanging(id: string): MockLanguageModelV4 {
  const doGenerate: DoGenerate = (options) =>
    new Promise((_, reject) => {
      options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason), { once: true });
    });
  return new MockLanguageModelV4({ provider: 'mock', modelId: id, doGenerate });
}

function registry(models: Record<string, MockLanguageModelV4>, specs: Omit<ModelSpecInit, 'name'>[] = []) {
  const names = Object.keys(models);
  return createModelRegistryFromModels(
    names.map((name, i) => ({ name, model: `${name}-id`, prices: PRICES, ...specs[i] })),
    models,
  );
}

describe('generateWithFallback (mock models)', () => {
  it('ok: the text, the model, one call with tokens and cost; instructions, prompt and the default output cap sent', async () => {
    const model = scripted('mini', answer('Una manicure costa 25 €.'));
    const result = await generateWithFallback(registry({ economy: model }, [{ maxOutputTokens: 321 }]), 'economy', ASK);
    assert.equal(result.outcome, 'ok');
    assert.ok(result.outcome === 'ok');
    assert.equal(result.text, 'Una manicure costa 25 €.');
    assert.equal(result.model, 'economy');
    assert.equal(result.finishReason, 'stop');
    const [call] = result.calls;
    assert.deepEqual({ ...call, latencyMs: 0 }, {
      purpose: 'respond',
      model: 'economy',
      providerModel: 'economy-id',
      inputTokens: 1000,
      outputTokens: 20,
      cachedInputTokens: 400,
      costUsd: costUsd({ inputTokens: 1000, outputTokens: 20, cachedInputTokens: 400 }, PRICES),
      latencyMs: 0,
    });
    assert.equal(result.costUsd, call?.costUsd);
    const sent = model.doGenerateCalls[0];
    assert.equal(sent?.maxOutputTokens, 321);
    assert.deepEqual(sent?.prompt.map((m) => m.role), ['system', 'user']);
  });

  it('retries the same model on a 5xx, then answers: both attempts recorded', async () => {
    const model = scripted('mini', httpError(500), answer('ok'));
    const result = await generateWithFallback(registry({ economy: model }), 'economy', ASK);
    assert.equal(result.outcome, 'ok');
    assert.deepEqual(result.calls.map((c) => [c.model, c.error]), [['economy', 'HTTP 500: status 500'], ['economy', undefined]]);
  });

  it('falls back in order once a model has used its retries', async () => {
    const a = scripted('a', httpError(502));
    const b = scripted('b', httpError(503));
    const c = scripted('c', answer('from c'));
    const models = registry({ a, b, c }, [{ retries: 1, fallback: ['b', 'c'] }, { retries: 0 }, {}]);
    const result = await generateWithFallback(models, 'a', ASK);
    assert.ok(result.outcome === 'ok');
    assert.equal(result.model, 'c');
    assert.equal(result.text, 'from c');
    assert.deepEqual(result.calls.map((call) => call.model), ['a', 'a', 'b', 'c']);
  });

  it('429 and other 4xx go straight to the next model (no same-model retry)', async () => {
    const limited = scripted('a', httpError(429));
    const bad = scripted('b', httpError(400));
    const good = scripted('c', answer('ok'));
    const result = await generateWithFallback(registry({ a: limited, b: bad, c: good }, [{ retries: 3, fallback: ['b', 'c'] }, { retries: 3 }]), 'a', ASK);
    assert.equal(result.outcome, 'ok');
    assert.deepEqual(result.calls.map((call) => [call.model, call.error?.slice(0, 8)]), [['a', 'HTTP 429'], ['b', 'HTTP 400'], ['c', undefined]]);
  });

  it('a model that does not answer within timeout_ms: timed out, retried, then the fallback', async () => {
    const started = performance.now();
    const result = await generateWithFallback(registry({ slow: hanging('slow'), quick: scripted('q', answer('quick')) }, [{ timeoutMs: 40, retries: 1, fallback: ['quick'] }]), 'slow', ASK);
    assert.ok(performance.now() - started < 2000);
    assert.ok(result.outcome === 'ok');
    assert.equal(result.model, 'quick');
    assert.deepEqual(result.calls.map((call) => call.error), ['timeout after 40 ms', 'timeout after 40 ms', undefined]);
    assert.ok((result.calls[0]?.latencyMs ?? 0) >= 35);
  });

  it('a refusal is returned as refused: no retry, no fallback asked; its tokens are costed', async () => {
    const strict = scripted('a', refusal("I'm sorry, I can't help with that.", 'stop'));
    const backup = scripted('b', answer('would have answered'));
    const result = await generateWithFallback(registry({ a: strict, b: backup }, [{ retries: 2, fallback: ['b'] }]), 'a', ASK);
    assert.equal(result.outcome, 'refused');
    assert.ok(result.outcome === 'refused');
    assert.equal(result.model, 'a');
    assert.equal(result.reason, "stop: I'm sorry, I can't help with that.");
    assert.equal(backup.doGenerateCalls.length, 0);
    assert.equal(strict.doGenerateCalls.length, 1);
    assert.equal(result.calls.length, 1);
    assert.match(result.calls[0]?.error ?? '', /^refusal: /);
    assert.equal(result.calls[0]?.inputTokens, 300);
    assert.ok(result.costUsd > 0);
  });

  it('a refusal without text names the provider reason; a content-filter HTTP 400 is a refusal too', async () => {
    const blocked = await generateWithFallback(registry({ g: scripted('g', refusal('', 'SAFETY')), b: scripted('b', answer('x')) }, [{ fallback: ['b'] }]), 'g', ASK);
    assert.ok(blocked.outcome === 'refused');
    assert.equal(blocked.reason, 'SAFETY');
    const azure = httpError(400, '{"error":{"code":"content_filter","message":"The response was filtered due to the prompt triggering Azure OpenAI\'s content management policy."}}');
    const backup = scripted('b', answer('x'));
    const filtered = await generateWithFallback(registry({ a: scripted('a', azure), b: backup }, [{ fallback: ['b'] }]), 'a', ASK);
    assert.equal(filtered.outcome, 'refused');
    assert.equal(backup.doGenerateCalls.length, 0);
  });

  it('every model fails: failed, never thrown, every attempt recorded; usage of finished steps still costed', async () => {
    const toolStep: GenerateResult = {
      content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'lookup', input: '{"q":"manicure"}' }],
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      usage: usage(800, 30),
      warnings: [],
    };
    const a = scripted('a', toolStep, httpError(500));
    const b = scripted('b', new TypeError('fetch failed'));
    const lookup = tool({ description: 'search', inputSchema: jsonSchema<{ q: string }>({ type: 'object', properties: { q: { type: 'string' } } }), execute: async () => ({ price: '25 €' }) });
    const request: GenerateRequest = { ...ASK, tools: { lookup }, stopWhen: stepCountIs(3) };
    const result = await generateWithFallback(registry({ a, b }, [{ retries: 0, fallback: ['b'] }, { retries: 0 }]), 'a', request);
    assert.equal(result.outcome, 'failed');
    assert.ok(result.outcome === 'failed');
    assert.match(result.error, /^2 attempts failed; last b: TypeError: fetch failed$/);
    assert.deepEqual(result.calls.map((call) => [call.model, call.error]), [['a', 'HTTP 500: status 500'], ['b', 'TypeError: fetch failed']]);
    assert.deepEqual([result.calls[0]?.inputTokens, result.calls[0]?.outputTokens], [800, 30]);
    assert.equal(result.costUsd, costUsd({ inputTokens: 800, outputTokens: 30, cachedInputTokens: 0 }, PRICES));
  });

  it('a tool round: the tool result and the final text; cost sums both steps; attempts sum in costUsd', async () => {
    const toolStep: GenerateResult = {
      content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'lookup', input: '{"q":"manicure"}' }],
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      usage: usage(800, 30, 0),
      warnings: [],
    };
    const model = scripted('a', httpError(503), toolStep, answer('La manicure costa 25 €.', usage(900, 15, 800)));
    const lookup = tool({ description: 'search', inputSchema: jsonSchema<{ q: string }>({ type: 'object', properties: { q: { type: 'string' } } }), execute: async ({ q }) => ({ q, price: '25 €' }) });
    const result = await generateWithFallback(registry({ a: model }), 'a', { ...ASK, tools: { lookup }, stopWhen: stepCountIs(3) });
    assert.ok(result.outcome === 'ok');
    assert.equal(result.text, 'La manicure costa 25 €.');
    assert.equal(result.steps.length, 2);
    assert.deepEqual(result.toolResults.map((r) => [r.toolName, r.output]), [['lookup', { q: 'manicure', price: '25 €' }]]);
    const [failedCall, okCall] = result.calls;
    assert.equal(failedCall?.costUsd, 0);
    assert.deepEqual([okCall?.inputTokens, okCall?.outputTokens, okCall?.cachedInputTokens], [1700, 45, 800]);
    assert.equal(result.costUsd, costUsd({ inputTokens: 1700, outputTokens: 45, cachedInputTokens: 800 }, PRICES));
  });

  it('stream: collects the text and usage; a stream error falls over to the next model', async () => {
    const finish: StreamPart = { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: usage(500, 12, 100) };
    const parts = (text: string): StreamPart[] => [
      { type: 'stream-start', warnings: [] },
      { type: 'text-start', id: 't' },
      ...text.split(' ').map((word, i): StreamPart => ({ type: 'text-delta', id: 't', delta: i === 0 ? word : ` ${word}` })),
      { type: 'text-end', id: 't' },
      finish,
    ];
    const broken = new MockLanguageModelV4({ doStream: { stream: convertArrayToReadableStream([{ type: 'stream-start', warnings: [] }, { type: 'error', error: httpError(500) }]) } });
    const streaming = new MockLanguageModelV4({ doStream: { stream: convertArrayToReadableStream(parts('Certo, a domani!')) } });
    const result = await generateWithFallback(registry({ premium: broken, backup: streaming }, [{ retries: 0, fallback: ['backup'] }]), 'premium', { ...ASK, stream: true });
    assert.ok(result.outcome === 'ok');
    assert.equal(result.text, 'Certo, a domani!');
    assert.equal(result.model, 'backup');
    assert.deepEqual(result.calls.map((c) => [c.model, c.error, c.inputTokens, c.cachedInputTokens]), [['premium', 'HTTP 500: status 500', 0, 0], ['backup', undefined, 500, 100]]);
    assert.equal(broken.doGenerateCalls.length + streaming.doGenerateCalls.length, 0);
  });

  it('an unknown name or a caller that gave up: failed, nothing more asked', async () => {
    const unknown = await generateWithFallback(registry({ a: scripted('a', answer('x')) }), 'nope', ASK);
    assert.deepEqual(unknown, { outcome: 'failed', error: 'no model named "nope" in llm.models', calls: [], costUsd: 0 });
    const controller = new AbortController();
    const backup = scripted('b', answer('x'));
    setTimeout(() => controller.abort(), 20);
    const aborted = await generateWithFallback(registry({ a: hanging('a'), b: backup }, [{ fallback: ['b'] }]), 'a', { ...ASK, abortSignal: controller.signal });
    assert.ok(aborted.outcome === 'failed');
    assert.equal(aborted.error, 'a: aborted by the caller');
    assert.equal(backup.doGenerateCalls.length, 0);
  });
});
