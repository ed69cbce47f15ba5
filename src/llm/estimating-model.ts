/**
 * A stand-in language model for `centralino simulate`: it answers with no network, and its
 * token usage is estimated from the real prompt it is given (the router's own prompt,
 * sources and tool schemas), so simulated costs follow what the real call would send. Its
 * answer is the first source line of the prompt (words the claims check accepts), so
 * simulated turns pass the same output rails as real ones. When tools are offered it
 * charges one tool round: the prompt read twice and a short tool call.
 */
import { simulateReadableStream, type LanguageModel } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { CHARS_PER_TOKEN, estimateTokens, MESSAGE_OVERHEAD_TOKENS, TOOL_SCHEMA_TOKENS } from './token-estimate.ts';

type CallOptions = MockLanguageModelV4['doGenerateCalls'][number];

const TOOL_CALL_TOKENS = 30;
const ANSWER_MAX_CHARS = 400;

export interface Estimate {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

export function estimateCall(options: CallOptions): Estimate {
  let chars = 0;
  let system = '';
  for (const message of options.prompt) {
    if (message.role === 'system') {
      system += message.content;
      chars += message.content.length;
      continue;
    }
    for (const part of message.content) if (part.type === 'text') chars += part.text.length;
  }
  const tools = options.tools?.length ?? 0;
  const prompt = Math.ceil(chars / CHARS_PER_TOKEN) + options.prompt.length * MESSAGE_OVERHEAD_TOKENS + tools * TOOL_SCHEMA_TOKENS;
  const text = firstSource(system);
  const answer = Math.max(1, estimateTokens(text));
  return tools > 0 ? { text, inputTokens: 2 * prompt, outputTokens: answer + TOOL_CALL_TOKENS } : { text, inputTokens: prompt, outputTokens: answer };
}

/** The first line after "SOURCES:", without its "- " (empty when the prompt has none). */
function firstSource(system: string): string {
  const after = system.split('\nSOURCES:\n')[1] ?? '';
  const line = after.split('\n')[0]?.replace(/^- /, '') ?? '';
  if (line === '(none)') return '';
  return line.length <= ANSWER_MAX_CHARS ? line : `${line.slice(0, line.lastIndexOf(' ', ANSWER_MAX_CHARS))}…`;
}

function usage(estimate: Estimate) {
  return {
    inputTokens: { total: estimate.inputTokens, noCache: estimate.inputTokens, cacheRead: 0, cacheWrite: undefined },
    outputTokens: { total: estimate.outputTokens, text: estimate.outputTokens, reasoning: undefined },
  };
}

/** The customer's side of a call: what the user messages hold (the system prompt is the business's own text). */
export function userText(options: CallOptions): string {
  return options.prompt.flatMap((message) => (message.role === 'user' ? message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])) : [])).join('\n');
}

/** `onCall` sees every call's options (simulate checks what the customer's side of each prompt holds). */
export function estimatingModel(modelId: string, onCall?: (options: CallOptions) => void): LanguageModel {
  return new MockLanguageModelV4({
    provider: 'centralino-simulate',
    modelId,
    doGenerate: (options) => {
      onCall?.(options);
      const estimate = estimateCall(options);
      return Promise.resolve({ content: [{ type: 'text', text: estimate.text }], finishReason: { unified: 'stop', raw: 'stop' }, usage: usage(estimate), warnings: [] });
    },
    doStream: (options) => {
      onCall?.(options);
      const estimate = estimateCall(options);
      const chunks = [
        { type: 'stream-start' as const, warnings: [] },
        { type: 'text-start' as const, id: 't' },
        { type: 'text-delta' as const, id: 't', delta: estimate.text },
        { type: 'text-end' as const, id: 't' },
        { type: 'finish' as const, finishReason: { unified: 'stop' as const, raw: 'stop' }, usage: usage(estimate) },
      ];
      return Promise.resolve({ stream: simulateReadableStream({ chunks, chunkDelayInMs: null, initialDelayInMs: null }) });
    },
  });
}
