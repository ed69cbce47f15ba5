/**
 * One model answer with the model's retries and its ordered fallbacks: the named model is
 * tried (`retries` more times on a timeout, a network error, HTTP 408/409 or 5xx), then each
 * fallback in order. Any other provider error (HTTP 429, other 4xx, an unreadable answer)
 * goes straight to the next model. A safety refusal (finish reason `content-filter`: OpenAI
 * `content_filter` or a `refusal`, Anthropic `refusal`, Google `SAFETY`/blocked prompt) is
 * an answer, not an outage: it is returned as `refused` and no other model is asked.
 * Every attempt is one ModelCall, failed ones included, with whatever usage it cost.
 * Provider problems never throw: they are the `failed` outcome.
 */
import { performance } from 'node:perf_hooks';
import {
  APICallError,
  generateText,
  RetryError,
  streamText,
  type FinishReason,
  type LanguageModelUsage,
  type ModelMessage,
  type ProviderMetadata,
  type StepResult,
  type StopCondition,
  type ToolChoice,
  type ToolSet,
  type TypedToolCall,
  type TypedToolResult,
} from 'ai';
import type { ModelCall } from '../core/turn.ts';
import { costUsd, type TokenUsage } from './cost.ts';
import type { ModelRegistry, ModelSpec } from './model-registry.ts';

interface RequestBase {
  purpose: ModelCall['purpose'];
  instructions?: string;
  tools?: ToolSet;
  toolChoice?: ToolChoice<ToolSet>;
  /** When to stop after tool results (the AI SDK's; default: one step). */
  stopWhen?: StopCondition<ToolSet> | StopCondition<ToolSet>[];
  temperature?: number;
  /** Default: the model's `max_output_tokens`. */
  maxOutputTokens?: number;
  /** Stream the answer (streamText) and collect it: same result, a stalled stream is cut by the timeout. */
  stream?: boolean;
  /** The caller gives up: no further attempt is made. */
  abortSignal?: AbortSignal;
  /**
   * Asked before every attempt (a retry or a fallback included) with the model about to be
   * called: a reason stops here with outcome `failed` (a budget that cannot cover the attempt).
   */
  beforeAttempt?: (spec: ModelSpec) => Promise<string | undefined>;
}

/** What generateText needs, except the model, plus what the call is for. */
export type GenerateRequest = RequestBase & ({ prompt: string | ModelMessage[]; messages?: never } | { messages: ModelMessage[]; prompt?: never });

export type GenerateOutcome =
  | {
      outcome: 'ok';
      text: string;
      toolCalls: TypedToolCall<ToolSet>[];
      toolResults: TypedToolResult<ToolSet>[];
      steps: StepResult<ToolSet>[];
      finishReason: FinishReason;
      /** The configured name of the model that answered. */
      model: string;
      calls: ModelCall[];
      costUsd: number;
    }
  | { outcome: 'refused'; model: string; reason: string; calls: ModelCall[]; costUsd: number }
  | { outcome: 'failed'; error: string; calls: ModelCall[]; costUsd: number };

interface Answer {
  text: string;
  toolCalls: TypedToolCall<ToolSet>[];
  toolResults: TypedToolResult<ToolSet>[];
  steps: StepResult<ToolSet>[];
  finishReason: FinishReason;
  usage: LanguageModelUsage;
}

/** Why an attempt gave no answer, and what to do next. */
interface Failure {
  message: string;
  /** Worth another try on the same model (timeout, network, 408, 409, 5xx). */
  retry: boolean;
  /** The caller aborted: stop here. */
  stop?: boolean;
  /** A refusal reported as an HTTP error (Azure OpenAI's prompt filter). */
  refusal?: boolean;
}

type Attempt = { kind: 'ok'; answer: Answer; call: ModelCall } | { kind: 'refused'; reason: string; call: ModelCall } | { kind: 'failed'; failure: Failure; call: ModelCall };

const ERROR_MAX = 300;

export async function generateWithFallback(registry: ModelRegistry, name: string, request: GenerateRequest): Promise<GenerateOutcome> {
  if (!registry.has(name)) return failed([], `no model named "${name}" in llm.models`);
  const chain = [name, ...registry.spec(name).fallback];
  const calls: ModelCall[] = [];
  let last = 'no model was asked';
  for (const modelName of chain) {
    if (!registry.has(modelName)) {
      last = `${modelName}: not in llm.models`;
      continue;
    }
    const spec = registry.spec(modelName);
    for (let tries = 0; tries <= spec.retries; tries += 1) {
      const stop = await request.beforeAttempt?.(spec);
      if (stop !== undefined) return failed(calls, stop);
      const attempt = await attemptOnce(registry, spec, request);
      calls.push(attempt.call);
      if (attempt.kind === 'ok') return { outcome: 'ok', ...answerFields(attempt.answer), model: modelName, calls, costUsd: total(calls) };
      if (attempt.kind === 'refused') return { outcome: 'refused', model: modelName, reason: attempt.reason, calls, costUsd: total(calls) };
      last = `${modelName}: ${attempt.failure.message}`;
      if (attempt.failure.stop) return failed(calls, last);
      if (!attempt.failure.retry) break;
    }
  }
  return failed(calls, calls.length > 1 ? `${calls.length} attempts failed; last ${last}` : last);
}

function failed(calls: ModelCall[], error: string): GenerateOutcome {
  return { outcome: 'failed', error, calls, costUsd: total(calls) };
}

function total(calls: readonly ModelCall[]): number {
  return calls.reduce((sum, call) => sum + call.costUsd, 0);
}

function answerFields(answer: Answer): Omit<Answer, 'usage'> {
  const { text, toolCalls, toolResults, steps, finishReason } = answer;
  return { text, toolCalls, toolResults, steps, finishReason };
}

/** One call to one model, never throwing: its answer, refusal or failure, and the ModelCall. */
async function attemptOnce(registry: ModelRegistry, spec: ModelSpec, request: GenerateRequest): Promise<Attempt> {
  const start = performance.now();
  const steps: LanguageModelUsage[] = [];
  const record = (usage: TokenUsage, error?: string): ModelCall => ({
    purpose: request.purpose,
    model: spec.name,
    providerModel: spec.model,
    ...usage,
    costUsd: costUsd(usage, spec.prices),
    latencyMs: performance.now() - start,
    ...(error === undefined ? {} : { error: clip(error) }),
  });
  try {
    const answer = await (request.stream ? streamOnce : generateOnce)(registry.model(spec.name), spec, request, (usage) => steps.push(usage));
    const usage = tokens([answer.usage]);
    const refusal = refusalOf(answer.steps);
    if (refusal !== undefined) return { kind: 'refused', reason: refusal, call: record(usage, `refusal: ${refusal}`) };
    if (answer.finishReason === 'error') {
      const failure = { message: `the model ended with an error (${answer.steps.at(-1)?.rawFinishReason ?? 'unknown'})`, retry: false };
      return { kind: 'failed', failure, call: record(usage, failure.message) };
    }
    return { kind: 'ok', answer, call: record(usage) };
  } catch (error) {
    const failure = classify(error, spec, request);
    const usage = tokens(steps);
    if (failure.refusal) return { kind: 'refused', reason: failure.message, call: record(usage, `refusal: ${failure.message}`) };
    return { kind: 'failed', failure, call: record(usage, failure.message) };
  }
}

type Call = (model: ReturnType<ModelRegistry['model']>, spec: ModelSpec, request: GenerateRequest, onStep: (usage: LanguageModelUsage) => void) => Promise<Answer>;

/** The settings both calls share: no SDK retries (every attempt is ours, and recorded), the model's timeout and output cap. */
function callSettings(spec: ModelSpec, request: GenerateRequest) {
  return {
    ...(request.messages ? { messages: request.messages } : { prompt: request.prompt ?? '' }),
    ...(request.instructions === undefined ? {} : { instructions: request.instructions }),
    ...(request.tools === undefined ? {} : { tools: request.tools }),
    ...(request.toolChoice === undefined ? {} : { toolChoice: request.toolChoice }),
    ...(request.stopWhen === undefined ? {} : { stopWhen: request.stopWhen }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.abortSignal === undefined ? {} : { abortSignal: request.abortSignal }),
    maxOutputTokens: request.maxOutputTokens ?? spec.maxOutputTokens,
    maxRetries: 0,
    timeout: spec.timeoutMs,
  };
}

const generateOnce: Call = async (model, spec, request, onStep) => {
  const result = await generateText({ model, ...callSettings(spec, request), onStepEnd: (step) => onStep(step.usage) });
  const { text, toolCalls, toolResults, steps, finishReason, usage } = result;
  return { text, toolCalls, toolResults, steps, finishReason, usage };
};

/** streamText, collected: an error part (HTTP error, broken stream) is thrown like generateText would. */
const streamOnce: Call = async (model, spec, request, onStep) => {
  const result = streamText({ model, ...callSettings(spec, request), onStepEnd: (step) => onStep(step.usage), onError: () => {} });
  let streamError: unknown;
  for await (const part of result.stream) {
    if (part.type === 'error' && streamError === undefined) streamError = part.error;
  }
  if (streamError !== undefined) throw streamError;
  const [text, toolCalls, toolResults, steps, finishReason, usage] = await Promise.all([
    result.text,
    result.toolCalls,
    result.toolResults,
    result.steps,
    result.finishReason,
    result.usage,
  ]);
  return { text, toolCalls, toolResults, steps, finishReason, usage };
};

/** Tokens of the calls so far (a failed multi-step call still paid for its finished steps). */
function tokens(usages: readonly LanguageModelUsage[]): TokenUsage {
  const sum = (pick: (usage: LanguageModelUsage) => number | undefined) => usages.reduce((n, usage) => n + (pick(usage) ?? 0), 0);
  return {
    inputTokens: sum((u) => u.inputTokens),
    outputTokens: sum((u) => u.outputTokens),
    cachedInputTokens: sum((u) => u.inputTokenDetails.cacheReadTokens),
  };
}

/** The reason of a safety refusal in any step, or undefined when no step was refused. */
function refusalOf(steps: readonly StepResult<ToolSet>[]): string | undefined {
  const refused = steps.find((step) => step.finishReason === 'content-filter');
  if (!refused) return undefined;
  const detail = refused.text.trim() || metadataDetail(refused.providerMetadata);
  const raw = refused.rawFinishReason ?? 'content-filter';
  return detail ? `${raw}: ${detail}` : raw;
}

/** Anthropic's `stop_details.explanation`, Google's `finishMessage` or blocked prompt's reason. */
function metadataDetail(metadata: ProviderMetadata | undefined): string | undefined {
  for (const entry of Object.values(metadata ?? {})) {
    const explanation = field(entry['stopDetails'], 'explanation');
    if (typeof explanation === 'string') return explanation;
    if (typeof entry['finishMessage'] === 'string') return entry['finishMessage'];
  }
  return undefined;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

const RETRY_STATUS = new Set([408, 409]);
/** A prompt refused by the provider's content filter as an HTTP 400 (Azure OpenAI, OpenAI moderation). */
const REFUSAL_BODY = /"code"\s*:\s*"(?:content_filter|content_policy_violation)"/;

/** What an error means for the next attempt, described short and log-safe. */
function classify(error: unknown, spec: ModelSpec, request: GenerateRequest): Failure {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (request.abortSignal?.aborted) return { message: 'aborted by the caller', retry: false, stop: true };
  if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) {
    return { message: `timeout after ${spec.timeoutMs} ms`, retry: true };
  }
  if (APICallError.isInstance(cause)) {
    const status = cause.statusCode;
    if (status === undefined) return { message: `network: ${cause.message}`, retry: true };
    if (status === 400 && REFUSAL_BODY.test(cause.responseBody ?? '')) return { message: `HTTP 400: ${cause.message}`, retry: false, refusal: true };
    return { message: `HTTP ${status}: ${cause.message}`, retry: RETRY_STATUS.has(status) || status >= 500 };
  }
  if (cause instanceof Error) return { message: `${cause.name}: ${cause.message}`, retry: false };
  return { message: String(cause), retry: false };
}

function clip(text: string): string {
  return text.length > ERROR_MAX ? `${text.slice(0, ERROR_MAX - 1)}…` : text;
}
