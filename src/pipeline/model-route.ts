/**
 * Tier 3's model routes (economy, premium): budget reserved before every call, the draft
 * through the output rails and — for a cascade — the cheap self-check; a draft not good
 * enough goes up the cascade (premium or a person). When no model can answer (none
 * configured, budget reached, every provider down) the turn keeps the model-free answer
 * composed from approved texts, knowledge entries and tool results, or a person takes it,
 * and the route decision says why. A provider's safety refusal is never routed around:
 * the turn goes to a person.
 */
import type { BusinessConfig, IntentConfig } from '../config/business-schema.ts';
import type { Reply } from '../core/reply.ts';
import type { ModelCall, ProposedAction, Route, RouteDecision, Verdict } from '../core/turn.ts';
import type { Budget, Reservation } from '../llm/budget.ts';
import { costUsd } from '../llm/cost.ts';
import type { ModelRegistry, ModelSpec } from '../llm/model-registry.ts';
import { guardOutput, type OutputRailsContext } from './guard/output-rails.ts';
import { draftReply, MAX_MODEL_STEPS, type DraftInput } from './respond/model/draft-reply.ts';
import { buildPrompt, promptTokens } from './respond/model/model-prompt.ts';
import { availableTools, TOOL_RESULT_MAX_TOKENS, type ToolContext } from './respond/model/model-tools.ts';
import { selfCheck } from './respond/model/self-check.ts';
import { MODEL_TOOLS, type ModelToolName } from '../config/business-schema.ts';

export interface ModelRouting {
  /** Undefined when the business configures no model: every route answers model-free. */
  registry?: ModelRegistry | undefined;
  budget: Budget;
}

export interface ModelTurnInput {
  config: BusinessConfig;
  intentId: string;
  intent: IntentConfig;
  language: string;
  conversationId: string;
  /** The customer's words with numbered placeholders (maskForModel). */
  text: string;
  /** Approved texts and knowledge entries the model may build on. */
  sources: string[];
  toolContext: ToolContext;
  rails: OutputRailsContext;
  now: number;
}

export interface ModelTurnResult {
  route: Route;
  replies: Reply[];
  outputVerdicts: Verdict[];
  calls: ModelCall[];
  decision: Omit<RouteDecision, 'planned' | 'because'>;
  proposals: ProposedAction[];
  sources: string[];
}

type Tier = 'economy' | 'premium';

/** The steps a turn may take: the planned model, then, for a cascade, where it escalates. */
function ladder(intent: IntentConfig): Array<Tier | 'human'> {
  if (intent.route === 'premium') return ['premium'];
  return intent.cascade ? ['economy', intent.escalate_to] : ['economy'];
}

/** The model name a route uses, when the business configured one. */
export function modelFor(config: BusinessConfig, registry: ModelRegistry | undefined, tier: Tier): string | undefined {
  const name = config.llm?.[tier];
  return name !== undefined && registry?.has(name) ? name : undefined;
}

/** The intent's tools: those it lists, else none for economy and every configured one for premium. */
export function toolsFor(intent: IntentConfig, tier: Tier, ctx: Pick<ToolContext, 'knowledge' | 'integrations' | 'simulatedPorts'>): ModelToolName[] {
  return availableTools(ctx, intent.tools ?? (tier === 'premium' ? MODEL_TOOLS : []));
}

/**
 * Answers a turn on its model route, or returns undefined with the reason the caller
 * should answer model-free (no model configured for the route, budget reached).
 */
export async function answerWithModel(input: ModelTurnInput, routing: ModelRouting): Promise<ModelTurnResult | { unavailable: string; calls: ModelCall[] }> {
  const calls: ModelCall[] = [];
  let escalated = false;
  let reservedUsd = 0;
  let lastProblem = 'no model configured';
  for (const step of ladder(input.intent)) {
    if (step === 'human') return humanStep(calls, escalated, lastProblem, reservedUsd);
    const model = modelFor(input.config, routing.registry, step);
    if (!model || !routing.registry) {
      lastProblem = `no model configured for the ${step} route`;
      continue;
    }
    const tools = toolsFor(input.intent, step, input.toolContext);
    const budget = attemptBudget(routing, input, tools);
    const draft = await draftReply(routing.registry, model, { ...input, tools, stream: step === 'premium', beforeAttempt: budget.reserve } satisfies DraftInput);
    calls.push(...draft.calls);
    budget.settle(draft.calls.reduce((sum, c) => sum + c.costUsd, 0));
    reservedUsd += budget.reservedUsd();
    if (draft.outcome === 'refused') return humanStep(calls, escalated, `the provider refused: ${draft.reason}`, reservedUsd);
    if (draft.outcome === 'failed') {
      lastProblem = `the ${step} model failed: ${draft.reason}`;
      continue;
    }
    const checked = guardOutput({ replies: draft.replies, origin: 'model', sources: draft.sources }, input.rails);
    const check = checked.blocked ? { ok: false, reason: 'the output rails blocked the draft' } : step === 'economy' && input.intent.cascade ? selfCheck(draft.text, input.language, input.config.profile.languages) : { ok: true };
    if (check.ok) {
      return { route: step, replies: checked.replies, outputVerdicts: checked.verdicts, calls, proposals: draft.proposals, sources: draft.sources, decision: { taken: step, ...(escalated ? { escalated, fallbackReason: lastProblem } : {}), ...(reservedUsd > 0 ? { reservedUsd } : {}) } };
    }
    lastProblem = `the ${step} draft: ${check.reason ?? 'not good enough'}`;
    if (!input.intent.cascade || step !== 'economy') return { ...humanStep(calls, escalated, lastProblem, reservedUsd), outputVerdicts: checked.verdicts };
    escalated = true;
  }
  return { unavailable: lastProblem, calls };
}

function humanStep(calls: ModelCall[], escalated: boolean, reason: string, reservedUsd: number): ModelTurnResult {
  return { route: 'human', replies: [], outputVerdicts: [], calls, proposals: [], sources: [], decision: { taken: 'human', fallbackReason: reason, ...(escalated ? { escalated } : {}), ...(reservedUsd > 0 ? { reservedUsd } : {}) } };
}

/**
 * Reservations for one draft: before every attempt (retries and fallbacks included) the
 * attempt's worst case is reserved, at that model's prices; a reservation the budget refuses
 * stops the draft. Afterwards the reservations are settled to what the attempts cost.
 */
function attemptBudget(routing: ModelRouting, input: ModelTurnInput, tools: readonly string[]) {
  const reservations: Reservation[] = [];
  return {
    reserve: async (spec: ModelSpec): Promise<string | undefined> => {
      const reserved = await routing.budget.reserve(input.conversationId, worstCaseUsd(spec, input, tools), input.now);
      if (!reserved.ok) return reserved.reason;
      reservations.push(reserved.reservation);
      return undefined;
    },
    settle: (actualUsd: number): void => reservations.forEach((r, i) => routing.budget.settle(r, i === 0 ? actualUsd : 0)),
    reservedUsd: (): number => reservations.reduce((sum, r) => sum + r.amountUsd, 0),
  };
}

/** Real tokenizers count up to about a third more tokens than four characters a token on it/de text. */
const TOKENIZER_MARGIN = 1.5;

/**
 * The most one attempt can cost: each tool round re-reads the prompt plus what the earlier
 * rounds added (their output and a tool result, capped at TOOL_RESULT_MAX_TOKENS), and may
 * write the maximum.
 */
function worstCaseUsd(spec: ModelSpec, input: ModelTurnInput, tools: readonly string[]): number {
  const rounds = tools.length > 0 ? MAX_MODEL_STEPS : 1;
  const prompt = Math.ceil(promptTokens(buildPrompt({ ...input, tools }), tools.length) * TOKENIZER_MARGIN);
  const growth = ((rounds * (rounds - 1)) / 2) * (spec.maxOutputTokens + TOOL_RESULT_MAX_TOKENS);
  return costUsd({ inputTokens: rounds * prompt + growth, outputTokens: spec.maxOutputTokens * rounds, cachedInputTokens: 0 }, spec.prices);
}

/**
 * What the turn would cost on the premium model: its real prompt (with the premium tools),
 * estimated, and an answer as long as the one sent. The "all-premium" baseline.
 */
export function premiumBaseline(input: Omit<ModelTurnInput, 'intent'> & { intent?: IntentConfig | undefined }, registry: ModelRegistry | undefined, replyChars: number): number | undefined {
  const model = modelFor(input.config, registry, 'premium');
  if (!model || !registry) return undefined;
  // An all-premium assistant would offer its tools on every message, understood or not.
  const tools = input.intent ? toolsFor(input.intent, 'premium', input.toolContext) : availableTools(input.toolContext, MODEL_TOOLS);
  const inputTokens = promptTokens(buildPrompt({ ...input, tools }), tools.length);
  const outputTokens = Math.min(Math.max(Math.ceil(replyChars / 4), 40), registry.spec(model).maxOutputTokens);
  return costUsd({ inputTokens, outputTokens, cachedInputTokens: 0 }, registry.spec(model).prices);
}
