/**
 * runTurn: the three tiers as plain functions, timed stage by stage.
 *   understand → what the customer wants (payloads, keywords, classifier seam; the optional
 *                LLM classifier only when all of those end out of scope)
 *   guard      → input rails before anything else sees the text; output rails on every draft
 *   respond    → the router (respond-turn.ts): approved texts, knowledge, tools, the economy
 *                and premium models, clarifying questions, handoff
 */
import { performance } from 'node:perf_hooks';
import type { BusinessConfig } from '../config/business-schema.ts';
import type { Integrations } from '../core/integrations.ts';
import type { KnowledgeSearch } from '../core/knowledge.ts';
import { OUT_OF_SCOPE, type ModelCall, type TurnInput, type TurnRecord, type TurnResult, type Understanding } from '../core/turn.ts';
import { createBudget, type Budget } from '../llm/budget.ts';
import type { ModelRegistry } from '../llm/model-registry.ts';
import { guardInput } from './guard/input-rails.ts';
import { warmUpRails } from './guard/warm-up.ts';
import { maskForModel } from './guard/pii/redact-personal-data.ts';
import { safeFallback } from './respond/respond.ts';
import { answerTap } from './confirm-turn.ts';
import { checkModelFree, respondToTurn } from './respond-turn.ts';
import { createExampleMatcher, type IntentClassifier } from './understand/intent-classifier.ts';
import { compileKeywordRules, type KeywordRules } from './understand/keyword-rules.ts';
import { CLASSIFY_MAX_OUTPUT_TOKENS, llmIntents, systemPrompt, type LlmClassifier } from './understand/llm-classifier.ts';
import { costUsd } from '../llm/cost.ts';
import { understand } from './understand/understand.ts';

export interface Pipeline {
  readonly config: BusinessConfig;
  run(input: TurnInput): Promise<TurnResult>;
}

export interface PipelineOptions {
  /** Replaces the default example matcher (the trained classifier plugs in here). */
  classifier?: IntentClassifier;
  /** Asked once when a readable turn ends out of scope (llmClassifierFromConfig); off when absent. */
  llm?: LlmClassifier | undefined;
  /** The knowledge base, searched for intents routed to `knowledge` and for messages nothing else understood. */
  knowledge?: KnowledgeSearch | undefined;
  /** The business's systems, for intents with a `tool` and for the models' tools. */
  integrations?: Partial<Integrations> | undefined;
  /** The configured language models (createModelRegistry); absent: every route answers model-free. */
  models?: ModelRegistry | undefined;
  /** Caps on model spend (default: the config's `llm.budgets`, counted from this process's start). */
  budget?: Budget | undefined;
  /** Recent turns of a conversation, newest first: where a confirmation tap finds its proposal. */
  recentTurns?: ((conversationId: string) => Promise<TurnRecord[]>) | undefined;
  /** Epoch ms (default Date.now). */
  now?: () => number;
  /** `centralino simulate`: tools over these ports (the config's `integrations:`) are offered as if connected; the simulated models call none. */
  simulatedPorts?: ReadonlySet<string>;
}

export function createPipeline(config: BusinessConfig, options: PipelineOptions = {}): Pipeline {
  warmUpRails();
  const deps: TurnDeps = {
    config,
    keywords: compileKeywordRules(config),
    classifier: options.classifier ?? createExampleMatcher(config),
    ...(options.llm ? { llm: options.llm } : {}),
    ...(options.knowledge ? { knowledge: options.knowledge } : {}),
    ...(options.integrations ? { integrations: options.integrations } : {}),
    ...(options.models ? { models: options.models } : {}),
    ...(options.recentTurns ? { recentTurns: options.recentTurns } : {}),
    budget: options.budget ?? createBudget({ limits: config.llm?.budgets ?? {} }),
    now: options.now ?? Date.now,
    ...(options.simulatedPorts ? { simulatedPorts: options.simulatedPorts } : {}),
  };
  return { config, run: (input) => runTurn(input, deps) };
}

export interface TurnDeps {
  config: BusinessConfig;
  keywords: KeywordRules;
  classifier: IntentClassifier;
  llm?: LlmClassifier;
  knowledge?: KnowledgeSearch;
  integrations?: Partial<Integrations>;
  models?: ModelRegistry;
  budget: Budget;
  recentTurns?: (conversationId: string) => Promise<TurnRecord[]>;
  now: () => number;
  simulatedPorts?: ReadonlySet<string>;
}

export async function runTurn(input: TurnInput, deps: TurnDeps): Promise<TurnResult> {
  const { config } = deps;
  const start = performance.now();
  const guardedIn = guardInput(input.text, { injection: config.guard.injection });
  const afterInputGuard = performance.now();
  // Tier 1 reads the customer's words: a placeholder such as "[CARD]" is not the word "card".
  const guarded = { ...input, text: guardedIn.words };
  const understood = understand(guarded, deps);
  // No model sees an injection attempt; any other text leaves with numbered placeholders only,
  // whose values (from the unredacted text, when this process has it) stay here for the output
  // rails. Masked only when a model is involved.
  const forModels = once(() => maskForModel(input.originalText ?? input.text));
  const { understanding, modelCalls } = guardedIn.modelsAllowed ? await askLlmWhenUnsure(understood, guarded, forModels, deps) : { understanding: understood, modelCalls: [] };
  const afterUnderstand = performance.now();
  const tap = await answerTap(input, understanding, deps);
  const answered = tap ?? (await respondToTurn(input, guardedIn, understanding, forModels, deps));
  const afterRespond = performance.now();
  const checked = answered.checked ?? checkModelFree(answered.drafted, understanding, deps);
  const blocked = checked.blocked;
  const end = performance.now();
  const calls = [...modelCalls, ...answered.calls];
  const route = blocked ? 'human' : answered.route;
  return {
    understanding,
    inputVerdicts: guardedIn.verdicts,
    outputVerdicts: checked.verdicts,
    route,
    answeredBy: blocked || guardedIn.handoff ? 'guard' : 'respond',
    replies: blocked ? safeFallback(config, understanding.language) : checked.replies,
    storedText: guardedIn.text,
    latencyMs: {
      understand: afterUnderstand - afterInputGuard,
      guard: afterInputGuard - start + (end - afterRespond),
      respond: afterRespond - afterUnderstand,
      total: end - start,
    },
    costUsd: calls.reduce((sum, call) => sum + call.costUsd, 0),
    ...(calls.length > 0 ? { modelCalls: calls } : {}),
    ...(!blocked && answered.drafted.citations.length > 0 ? { citations: answered.drafted.citations } : {}),
    ...(answered.degraded ? { degraded: answered.degraded } : {}),
    routing: { ...answered.routing, taken: route, ...(blocked && answered.routing.taken !== 'human' ? { fallbackReason: 'the output rails blocked the reply' } : {}) },
    ...(answered.baseline === undefined ? {} : { premiumBaselineUsd: answered.baseline }),
    ...(answered.proposals && answered.proposals.length > 0 && !blocked ? { proposedActions: answered.proposals } : {}),
    ...(answered.actionOutcome ? { actionOutcome: answered.actionOutcome } : {}),
  };
}

/** A value computed on first use, then kept. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/**
 * The optional LLM classifier, only for a readable turn that every other source left out of
 * scope. It names an intent (source `llm`) or leaves the turn as it was; a failure is
 * recorded in the model call and never breaks the turn.
 */
async function askLlmWhenUnsure(understanding: Understanding, input: TurnInput, masked: () => { text: string }, deps: TurnDeps): Promise<{ understanding: Understanding; modelCalls: ModelCall[] }> {
  const { llm } = deps;
  if (!llm || understanding.intent !== OUT_OF_SCOPE || !input.readable || input.text.trim() === '') return { understanding, modelCalls: [] };
  // The budgets count this call too: reserved first; at the cap the turn stays unsure (a clarifying question).
  const reserved = await deps.budget.reserve(input.conversationId, classifierWorstCase(deps.config, masked().text, understanding.language), deps.now());
  if (!reserved.ok) return { understanding, modelCalls: [] };
  const answer = await llm.classify(masked().text, understanding.language, () => deps.classifier.classify(input.text));
  const { intent, model, inputTokens, outputTokens, cachedInputTokens, costUsd, latencyMs, error } = answer;
  deps.budget.settle(reserved.reservation, costUsd);
  const call: ModelCall = { purpose: 'classify', model, inputTokens, outputTokens, cachedInputTokens, costUsd, latencyMs, ...(error === undefined ? {} : { error }) };
  if (intent === undefined || !(intent in deps.config.intents)) return { understanding, modelCalls: [call] };
  const candidates = [{ intent, score: understanding.candidates.find((c) => c.intent === intent)?.score ?? 0 }, ...understanding.candidates.filter((c) => c.intent !== intent)];
  return { understanding: { ...understanding, intent, source: 'llm', candidates: candidates.slice(0, 3) }, modelCalls: [call] };
}

/** The most one classifier call can cost: every intent offered (an upper bound of max_candidates), a tokenizer margin, a short answer. */
function classifierWorstCase(config: BusinessConfig, text: string, language: string): number {
  const llm = config.understanding.llm_classifier;
  if (!llm) return 0;
  const chars = systemPrompt(llmIntents(config), language, config.profile.name).length + text.length;
  return costUsd({ inputTokens: Math.ceil((chars / 4) * 1.5) + 50, outputTokens: CLASSIFY_MAX_OUTPUT_TOKENS, cachedInputTokens: 0 }, llm.price_per_million);
}
