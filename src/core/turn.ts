/**
 * A turn: one or more inbound messages of a conversation, understood, guarded and
 * answered. Every turn is recorded, append-only, with what decided it.
 */
import type { Reply } from './reply.ts';

export type Language = string; // ISO 639-1: 'it', 'en', 'de', …

/** `llm`: the optional LLM classifier, asked only when the other sources ended out of scope. */
export type UnderstandSource = 'button' | 'list' | 'keyword' | 'classifier' | 'small_talk' | 'llm' | 'none';

export interface IntentCandidate {
  intent: string;
  score: number;
}

export interface Understanding {
  /** The chosen intent, or `out_of_scope` when nothing is confident enough. */
  intent: string;
  /** 0..1; for source `llm` it stays the embedded classifier's (below-threshold) score: the LLM gives none. */
  confidence: number;
  source: UnderstandSource;
  language: Language;
  /** Best candidates first; used for clarifying questions. */
  candidates: IntentCandidate[];
  /** Set when the whole message was small talk ("ok", "grazie", "👍"). */
  smallTalk?: { kind: string; emoji: string[] };
}

export const OUT_OF_SCOPE = 'out_of_scope';
/** Understanding.intent of small talk the business maps to no intent: answered with a reaction. */
export const SMALL_TALK_INTENT = 'small_talk';

export interface Span {
  start: number;
  end: number;
  type: string;
}

/** Guard results are data, not exceptions. */
export type Verdict =
  | { action: 'allow'; rail: string }
  | { action: 'rewrite'; rail: string; rule: string; reason: string; spans: Span[]; text: string }
  | { action: 'block'; rail: string; rule: string; reason: string; spans: Span[] }
  | { action: 'handoff'; rail: string; rule: string; reason: string; spans: Span[]; priority?: 'normal' | 'high' };

/** `tool`: composed from a business system's answer (an order's status) with no model. */
export type Route = 'approved_text' | 'clarify' | 'knowledge' | 'tool' | 'economy' | 'premium' | 'secure_flow' | 'human' | 'none';

/** Tier that produced the reply, shown in the developer view. */
export type Tier = 'understand' | 'guard' | 'respond';

export interface StageLatency {
  understand: number;
  guard: number;
  respond: number;
  total: number;
}

export interface TurnInput {
  conversationId: string;
  phoneNumberId: string;
  customerKey: string;
  /** Inbound message ids merged into this turn. */
  messageIds: string[];
  /** Text of the turn (buttons contribute their title; payloads are in `payload`). */
  text: string;
  /**
   * The text before personal data was redacted at the webhook, when this process still holds
   * it in memory (OriginalMessages). Never stored or logged: used only to restore placeholders.
   */
  originalText?: string;
  /** Reply-button or list-row id, when the customer tapped one. */
  payload?: { kind: 'button' | 'list' | 'template_button'; id: string; title: string };
  /** Language of the conversation so far, if known. */
  previousLanguage?: Language;
  /** False for content the engine cannot read yet (images, voice notes, stickers…). */
  readable: boolean;
}

export interface TurnResult {
  understanding: Understanding;
  inputVerdicts: Verdict[];
  outputVerdicts: Verdict[];
  route: Route;
  /** The tier that decided the reply. */
  answeredBy: Tier;
  replies: Reply[];
  /** Text as stored and logged (input rails may have redacted it). */
  storedText: string;
  latencyMs: StageLatency;
  /** LLM cost in USD (the sum of `modelCalls`); zero on the model-free paths. */
  costUsd: number;
  /** Every LLM call the turn made, failed ones included; absent when it made none. */
  modelCalls?: ModelCall[];
  /** Knowledge-base entries the reply was built from (ids); absent when none. */
  citations?: string[];
  /** What failed without stopping the turn (the knowledge search, …): the customer was answered another way. */
  degraded?: string[];
  /** How tier 3 chose the route (set for every answered turn of an intent; absent for model-free small talk). */
  routing?: RouteDecision;
  /** Changes a model proposed (a booking, a cancellation, a refund request): done only when the customer confirms. */
  proposedActions?: ProposedAction[];
  /** A proposed change the customer confirmed or declined in this turn, and what came of it. */
  actionOutcome?: { id: string; kind: ProposedAction['kind']; decision: 'confirmed' | 'declined' | 'expired' | 'already_done' | 'unknown'; result?: string };
  /**
   * What this turn would have cost on the premium model alone (USD, estimated from the
   * prompt the premium route would send): the "all-premium" baseline of the cost ledger.
   */
  premiumBaselineUsd?: number;
}

/** A change a model proposed with a tool; the customer confirms it with a button (`confirm:<id>`). */
export interface ProposedAction {
  id: string;
  kind: 'book_appointment' | 'cancel_booking' | 'refund_request';
  args: Record<string, unknown>;
  /** Short, for the confirmation message and the operator. */
  summary: string;
}

/** Button ids of a proposed action: the customer's explicit confirmation, or not. */
export const CONFIRM_PAYLOAD_PREFIX = 'confirm:';
export const DECLINE_PAYLOAD_PREFIX = 'decline:';

/**
 * The router's decision, as the developer view and the cost ledger show it: the route the
 * intent asked for, the one that answered and why they differ (no model configured, budget
 * reached, the economy draft failed its checks…).
 */
export interface RouteDecision {
  /** The route the intent's config (or its rule) asks for. */
  planned: Route;
  /** Why that route: `config` (route set on the intent) or the rule that chose it. */
  because: string;
  /** The route that produced the reply (also TurnResult.route, unless the output rails blocked it). */
  taken: Route;
  /** Set when `taken` differs from `planned`: what made the turn change route. */
  fallbackReason?: string;
  /** True when the economy draft was not good enough and the turn went to premium or a person. */
  escalated?: boolean;
  /** Budget reserved before the model calls (USD), when a budget applies. */
  reservedUsd?: number;
  /** Model drafts that were not sent (a cascade's economy draft, a draft a person replaced), with why and the verdicts that blocked them. */
  rejectedDrafts?: Array<{ model: string; reason: string; verdicts: Verdict[] }>;
}

/** One LLM call, as the cost ledger counts it. */
export interface ModelCall {
  /** classify: tier 1's LLM classifier; respond: a drafted reply; self_check: the cascade's check of an economy draft. */
  purpose: 'classify' | 'respond' | 'self_check';
  /** The configured model name (llm.models key) or, for the tier-1 classifier, the provider's model id. */
  model: string;
  /** Provider's model id when `model` is a configured name (`gpt-4.1-mini`). */
  providerModel?: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costUsd: number;
  latencyMs: number;
  /** Set when the call gave no usable answer (timeout, HTTP error, refusal, invalid output). */
  error?: string;
}

export interface TurnRecord extends TurnResult {
  id: string;
  conversationId: string;
  messageIds: string[];
  outboundIds: string[];
  createdAt: number;
}

/** Reply-button and list-row ids that name an intent: `intent:prices`. */
export const INTENT_PAYLOAD_PREFIX = 'intent:';
