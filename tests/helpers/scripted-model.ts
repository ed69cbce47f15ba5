/**
 * The AI SDK's mock model (MockLanguageModelV4), scripted: each call (generate or stream)
 * answers with the next result, or with what a function computes from the call (the prompt
 * and tools it received). Both doGenerate and doStream are served, so streamed routes are
 * tested the same way.
 */
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

export type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;
export type CallOptions = MockLanguageModelV4['doGenerateCalls'][number];
type StreamPart = Awaited<ReturnType<MockLanguageModelV4['doStream']>>['stream'] extends ReadableStream<infer Part> ? Part : never;
export type Step = GenerateResult | Error | ((options: CallOptions) => GenerateResult);

export function usage(input: number, output: number, cached = 0): GenerateResult['usage'] {
  return {
    inputTokens: { total: input, noCache: input - cached, cacheRead: cached, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

export function textAnswer(text: string, tokens = usage(900, 40)): GenerateResult {
  return { content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage: tokens, warnings: [] };
}

export function toolCall(toolName: string, input: Record<string, unknown>, id = `call-${toolName}`): GenerateResult {
  return { content: [{ type: 'tool-call', toolCallId: id, toolName, input: JSON.stringify(input) }], finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage: usage(900, 20), warnings: [] };
}

export function refusal(raw = 'refusal'): GenerateResult {
  return { content: [], finishReason: { unified: 'content-filter', raw }, usage: usage(300, 0), warnings: [] };
}

/** Every prompt text a model received (system and user messages), joined. */
export function promptText(options: CallOptions): string {
  return options.prompt
    .map((message) => (message.role === 'system' ? message.content : message.content.map((part) => (part.type === 'text' ? part.text : JSON.stringify(part))).join(' ')))
    .join('\n');
}

export interface ScriptedModel {
  model: MockLanguageModelV4;
  /** The options of every call, generate or stream, in order. */
  calls: CallOptions[];
}

export function scriptedModel(id: string, ...steps: Step[]): ScriptedModel {
  const calls: CallOptions[] = [];
  const next = (options: CallOptions): GenerateResult => {
    const step = steps[Math.min(calls.length, steps.length - 1)];
    calls.push(options);
    if (step === undefined) throw new Error(`${id}: nothing scripted`);
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? step(options) : step;
  };
  const model = new MockLanguageModelV4({
    provider: 'mock',
    modelId: id,
    doGenerate: (options) => Promise.resolve(next(options)),
    doStream: (options) => Promise.resolve({ stream: convertArrayToReadableStream(toStream(next(options))) }),
  });
  return { model, calls };
}

function toStream(result: GenerateResult): StreamPart[] {
  const parts: StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  result.content.forEach((content, i) => {
    if (content.type === 'text') parts.push({ type: 'text-start', id: `t${i}` }, { type: 'text-delta', id: `t${i}`, delta: content.text }, { type: 'text-end', id: `t${i}` });
    else if (content.type === 'tool-call') parts.push(content);
  });
  parts.push({ type: 'finish', finishReason: result.finishReason, usage: result.usage });
  return parts;
}
