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
import { availableTools, MAX_TOOL_CALLS, TOOL_RESULT_MAX_TOKENS, type ToolContext } from './respond/model/model-tools.ts';
import { checkDraft } from './respond/model/self-check.ts';
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
 * Answers a turn on its model route, or says why the caller should answer model-free. The
 * planned model is asked; a cascade goes up to `escalate_to` only when the economy model was
 * asked and its draft was not good enough (or every economy provider failed) — never because
 * the economy route has no model or no budget: then the turn degrades to the model-free answer.
 */
export async function answerWithModel(input: ModelTurnInput, routing: ModelRouting): Promise<ModelTurnResult | { unavailable: string; calls: ModelCall[] }> {
  const calls: ModelCall[] = [];
  const problems: string[] = [];
  const rejected: RejectedDraft[] = [];
  let escalated = false;
  let reservedUsd = 0;
  for (const step of ladder(input.intent)) {
    if (step === 'human') return humanStep(calls, escalated, problems, reservedUsd, rejected);
    const model = modelFor(input.config, routing.registry, step);
    if (!model || !routing.registry) {
      problems.push(`no model configured for the ${step} route`);
      break;
    }
    const tools = toolsFor(input.intent, step, input.toolContext);
    const budget = attemptBudget(routing, input, tools);
    const draft = await draftReply(routing.registry, model, { ...input, tools, stream: step === 'premium', beforeAttempt: budget.reserve } satisfies DraftInput);
    calls.push(...draft.calls);
    reservedUsd += budget.reservedUsd();
    budget.settle(draft.calls.reduce((sum, c) => sum + c.costUsd, 0));
    if (draft.outcome === 'refused') return humanStep(calls, escalated, [...problems, `the provider refused: ${draft.reason}`], reservedUsd, rejected);
    if (draft.outcome === 'failed') {
      problems.push(`the ${step} model: ${draft.reason}`);
      // Every provider of the step is down, or its budget ran out: up to premium only when the cascade goes there and money allows.
      if (budget.refused() || step !== 'economy' || !input.intent.cascade || input.intent.escalate_to !== 'premium') break;
      escalated = true;
      continue;
    }
    const check = checkDraft({ text: draft.text, customerText: input.text, language: input.language, languages: input.config.profile.languages, cutOff: draft.cutOff, proposes: draft.proposals.length > 0 });
    if (check.verdict === 'handoff') return humanStep(calls, escalated, [...problems, check.reason], reservedUsd);
    // The model's words are checked against the prompt's sources and the systems' answers; the
    // engine's confirmation question rests on the proposal's summary (system data) alone.
    const textReplies = check.verdict === 'ok' && check.dropText ? [] : draft.textReply ? [draft.textReply] : [];
    const checked = guardOutput({ replies: textReplies, origin: 'model', sources: draft.sources }, input.rails);
    const confirmation = draft.confirmation ? guardOutput({ replies: [draft.confirmation], origin: 'approved', sources: draft.proposals.map((p) => p.summary) }, input.rails) : undefined;
    const blocked = checked.blocked || (confirmation?.blocked ?? false);
    const failure = check.verdict === 'fail' ? check.reason : blocked ? 'the output rails blocked it' : undefined;
    if (failure === undefined) {
      const replies = [...checked.replies, ...(confirmation?.replies ?? [])];
      return { route: step, replies, outputVerdicts: checked.verdicts, calls, proposals: draft.proposals, sources: draft.sources, decision: decision(step, escalated, problems, reservedUsd, rejected) };
    }
    problems.push(`the ${step} draft: ${failure}`);
    rejected.push({ model: draft.model, reason: failure, verdicts: checked.verdicts.filter((v) => v.action !== 'allow') });
    if (!input.intent.cascade || step !== 'economy') return { ...humanStep(calls, escalated, problems, reservedUsd, rejected), outputVerdicts: checked.verdicts };
    escalated = true;
  }
  return { unavailable: problems.join('; ') || 'no model configured', calls };
}

/** A draft the router did not send, and why (its blocking verdicts, when the rails blocked it). */
export interface RejectedDraft {
  model: string;
  reason: string;
  verdicts: Verdict[];
}

function decision(taken: Route, escalated: boolean, problems: readonly string[], reservedUsd: number, rejected: readonly RejectedDraft[]): ModelTurnResult['decision'] {
  return {
    taken,
    ...(escalated ? { escalated } : {}),
    ...(problems.length > 0 ? { fallbackReason: problems.join('; ') } : {}),
    ...(reservedUsd > 0 ? { reservedUsd } : {}),
    ...(rejected.length > 0 ? { rejectedDrafts: [...rejected] } : {}),
  };
}

function humanStep(calls: ModelCall[], escalated: boolean, problems: readonly string[], reservedUsd: number, rejected: readonly RejectedDraft[] = []): ModelTurnResult {
  return { route: 'human', replies: [], outputVerdicts: [], calls, proposals: [], sources: [], decision: decision('human', escalated, problems, reservedUsd, rejected) };
}

/**
 * Reservations for one draft: before every attempt (retries and fallbacks included) the
 * attempt's worst case is reserved, at that model's prices; a reservation the budget refuses
 * stops the draft. Afterwards the reservations are settled to what the attempts cost.
 */
function attemptBudget(routing: ModelRouting, input: ModelTurnInput, tools: readonly string[]) {
  const reservations: Reservation[] = [];
  let refusedReason: string | undefined;
  return {
    reserve: async (spec: ModelSpec): Promise<string | undefined> => {
      const reserved = await routing.budget.reserve(input.conversationId, worstCaseUsd(spec, input, tools), input.now);
      if (!reserved.ok) return (refusedReason = reserved.reason);
      reservations.push(reserved.reservation);
      return undefined;
    },
    settle: (actualUsd: number): void => reservations.forEach((r, i) => routing.budget.settle(r, i === 0 ? actualUsd : 0)),
    /** The budget stopped the draft (no model failed). */
    refused: (): boolean => refusedReason !== undefined,
    reservedUsd: (): number => reservations.reduce((sum, r) => sum + r.amountUsd, 0),
  };
}

/** Real tokenizers count up to about a third more tokens than four characters a token on it/de text. */
const TOKENIZER_MARGIN = 1.5;

/**
 * The most one attempt can cost. Each tool round re-reads the prompt and everything earlier
 * rounds added: the model's output (at most `max_output_tokens`, counted three times over for
 * the short refusals of calls past MAX_TOOL_CALLS) and the tool results (at most MAX_TOOL_CALLS
 * of them in a draft, each cut to TOOL_RESULT_MAX_TOKENS); and each round may write the maximum.
 */
function worstCaseUsd(spec: ModelSpec, input: ModelTurnInput, tools: readonly string[]): number {
  const rounds = tools.length > 0 ? MAX_MODEL_STEPS : 1;
  const prompt = Math.ceil(promptTokens(buildPrompt({ ...input, tools }), tools.length) * TOKENIZER_MARGIN);
  const reread = ((rounds * (rounds - 1)) / 2) * 3 * spec.maxOutputTokens + (rounds - 1) * (tools.length > 0 ? MAX_TOOL_CALLS : 0) * TOOL_RESULT_MAX_TOKENS;
  return costUsd({ inputTokens: rounds * prompt + reread, outputTokens: spec.maxOutputTokens * rounds, cachedInputTokens: 0 }, spec.prices);
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
