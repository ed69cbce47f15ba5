/**
 * runTurn: the three tiers as plain functions, timed stage by stage.
 *   understand → what the customer wants (payloads, keywords, classifier seam; the optional
 *                LLM classifier only when all of those end out of scope)
 *   guard      → input rails before anything else sees the text; output rails on every draft
 *   respond    → approved texts, clarifying questions, handoff
 */
import { performance } from 'node:perf_hooks';
import type { BusinessConfig } from '../config/business-schema.ts';
import type { Integrations } from '../core/integrations.ts';
import type { KnowledgeMatch, KnowledgeSearch } from '../core/knowledge.ts';
import { OUT_OF_SCOPE, type ModelCall, type TurnInput, type TurnResult, type Understanding } from '../core/turn.ts';
import { guardInput, type InputRailsResult } from './guard/input-rails.ts';
import { guardOutput } from './guard/output-rails.ts';
import { warmUpRails } from './guard/warm-up.ts';
import { maskForModel } from './guard/pii/redact-personal-data.ts';
import { respond, safeFallback, type RespondInput } from './respond/respond.ts';
import { lookUpOrder, orderReplies, type ToolAnswer } from './respond/tools/order-status.ts';
import { createExampleMatcher, type IntentClassifier } from './understand/intent-classifier.ts';
import { compileKeywordRules, type KeywordRules } from './understand/keyword-rules.ts';
import type { LlmClassifier } from './understand/llm-classifier.ts';
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
  /** The business's systems, for intents with a `tool`. */
  integrations?: Partial<Integrations> | undefined;
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
  };
  return { config, run: (input) => runTurn(input, deps) };
}

interface TurnDeps {
  config: BusinessConfig;
  keywords: KeywordRules;
  classifier: IntentClassifier;
  llm?: LlmClassifier;
  knowledge?: KnowledgeSearch;
  integrations?: Partial<Integrations>;
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
  const answerable = !guardedIn.handoff && input.readable;
  const { matches: knowledge, error: knowledgeError } = answerable ? await lookUpKnowledge(understanding, guardedIn.words, deps) : { matches: [] };
  const tool = answerable ? await runTool(understanding, guardedIn.words, input.customerKey, deps) : undefined;
  const drafted = respond({ ...respondInput(input, guardedIn, understanding, config), knowledge, ...(tool ? { tool } : {}) }, config);
  const afterRespond = performance.now();
  const guardedOut = guardOutput(drafted, {
    language: understanding.language,
    formality: config.profile.tone,
    locked: config.intents[understanding.intent]?.locked ?? false,
    restore: new Set(config.guard.personal_data.restore_in_reply),
    vault: drafted.origin === 'model' ? forModels().vault : [],
  });
  const blocked = guardedOut.blocked;
  const end = performance.now();
  return {
    understanding,
    inputVerdicts: guardedIn.verdicts,
    outputVerdicts: guardedOut.verdicts,
    route: blocked ? 'human' : drafted.route,
    answeredBy: blocked || guardedIn.handoff ? 'guard' : 'respond',
    replies: blocked ? safeFallback(config, understanding.language) : guardedOut.replies,
    storedText: guardedIn.text,
    latencyMs: {
      understand: afterUnderstand - afterInputGuard,
      guard: afterInputGuard - start + (end - afterRespond),
      respond: afterRespond - afterUnderstand,
      total: end - start,
    },
    costUsd: modelCalls.reduce((sum, call) => sum + call.costUsd, 0),
    ...(modelCalls.length > 0 ? { modelCalls } : {}),
    ...(!blocked && drafted.citations.length > 0 ? { citations: drafted.citations } : {}),
    ...(knowledgeError ? { degraded: [`knowledge search failed: ${knowledgeError}`] } : {}),
  };
}

/** The intent's tool, when it has one and the business configured the system behind it. */
async function runTool(understanding: Understanding, words: string, customerKey: string, deps: TurnDeps): Promise<ToolAnswer | undefined> {
  const orders = deps.integrations?.orders;
  if (deps.config.intents[understanding.intent]?.tool !== 'order_status' || !orders) return undefined;
  return orderReplies(await lookUpOrder(words, customerKey, orders), understanding.language);
}

/**
 * Knowledge entries for the customer's words, when the intent is routed to the knowledge
 * base or nothing understood the message. A failing search leaves the turn to the approved
 * texts (the customer is answered either way) and is recorded in the turn as `degraded`.
 */
async function lookUpKnowledge(understanding: Understanding, words: string, deps: TurnDeps): Promise<{ matches: KnowledgeMatch[]; error?: string }> {
  const { knowledge, config } = deps;
  const routed = understanding.intent === OUT_OF_SCOPE || config.intents[understanding.intent]?.route === 'knowledge';
  if (!knowledge || !routed || words.trim() === '') return { matches: [] };
  try {
    return { matches: await knowledge.findSources(words, understanding.language, { limit: 3 }) };
  } catch (error) {
    return { matches: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** A value computed on first use, then kept. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

function respondInput(input: TurnInput, guardedIn: InputRailsResult, understanding: Understanding, config: BusinessConfig): RespondInput {
  const warnAbout = new Set<string>(config.guard.personal_data.warn_about);
  const messageId = input.messageIds[input.messageIds.length - 1];
  return {
    understanding,
    readable: input.readable,
    warnAboutPersonalData: guardedIn.personalData.some((span) => warnAbout.has(span.type)),
    ...(guardedIn.handoff ? { handoff: { distress: guardedIn.handoff.distress } } : {}),
    ...(messageId ? { messageId } : {}),
  };
}

/**
 * The optional LLM classifier, only for a readable turn that every other source left out of
 * scope. It names an intent (source `llm`) or leaves the turn as it was; a failure is
 * recorded in the model call and never breaks the turn.
 */
async function askLlmWhenUnsure(understanding: Understanding, input: TurnInput, masked: () => { text: string }, deps: TurnDeps): Promise<{ understanding: Understanding; modelCalls: ModelCall[] }> {
  const { llm } = deps;
  if (!llm || understanding.intent !== OUT_OF_SCOPE || !input.readable || input.text.trim() === '') return { understanding, modelCalls: [] };
  const answer = await llm.classify(masked().text, understanding.language, () => deps.classifier.classify(input.text));
  const { intent, model, inputTokens, outputTokens, cachedInputTokens, costUsd, latencyMs, error } = answer;
  const call: ModelCall = { purpose: 'classify', model, inputTokens, outputTokens, cachedInputTokens, costUsd, latencyMs, ...(error === undefined ? {} : { error }) };
  if (intent === undefined || !(intent in deps.config.intents)) return { understanding, modelCalls: [call] };
  const candidates = [{ intent, score: understanding.candidates.find((c) => c.intent === intent)?.score ?? 0 }, ...understanding.candidates.filter((c) => c.intent !== intent)];
  return { understanding: { ...understanding, intent, source: 'llm', candidates: candidates.slice(0, 3) }, modelCalls: [call] };
}
