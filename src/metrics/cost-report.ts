/**
 * The cost ledger report (`centralino costs`): from the turns and outbound messages of a
 * period, what the answers cost (LLM calls, WhatsApp fees), per conversation, per intent
 * and per route or model, how often the premium model and people answered, how often an
 * economy draft escalated, and the saving against sending every message to the premium
 * model. A pure function: the store reads, the CLI prints.
 */
import type { CostLedger, CostMessage, CostTurn } from '../core/store.ts';
import { groupModels, groupTurns, NO_TURN, type CostGroup, type ModelGroup, type PricedMessage } from './cost-groups.ts';
import { increment, ratio, sortedCounts, sum, usd } from './sums.ts';
import { whatsappFee, WHATSAPP_RATES, type RateCard } from './whatsapp-fees.ts';

export { NO_TURN, type CostGroup, type ModelGroup } from './cost-groups.ts';

export const GROUPINGS = ['intent', 'route', 'model', 'conversation'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** `turns` out of `of`; `share` is null when `of` is 0. */
export interface Share {
  turns: number;
  of: number;
  share: number | null;
}

export interface WhatsappSummary {
  messages: number;
  billed: number;
  free: number;
  /** Never reached WhatsApp (queued, refused, or failed with no pricing): no fee. */
  unsent: number;
  /** Sent, but no status webhook has told the pricing yet: not counted in the fees. */
  unpriced: number;
  /** Billable but not priceable from the rate card: not counted in the fees, see `unknownReasons`. */
  unknown: number;
  unknownReasons: Record<string, number>;
  feesUsd: number;
  /** Billed messages and their fees by pricing category. */
  byCategory: Record<string, { messages: number; usd: number }>;
}

export interface CostReport {
  /** ISO time of the period's start; null for everything recorded. */
  since: string | null;
  by: Grouping;
  totals: {
    turns: number;
    /** Turns with a route other than `none`. */
    answeredTurns: number;
    conversations: number;
    modelCalls: number;
    inputTokens: number;
    outputTokens: number;
    cachedInputTokens: number;
    llmUsd: number;
    whatsappUsd: number;
    totalUsd: number;
  };
  perConversation: { meanUsd: number | null; meanLlmUsd: number | null; meanWhatsappUsd: number | null; meanTurns: number | null };
  /** Answered turns whose reply came from the premium model (RouteDecision.taken, else the route). */
  premium: Share;
  /** Answered turns handed to a person. */
  human: Share;
  /** Turns escalated after an economy draft, out of the turns that went through the economy route. */
  escalation: Share;
  baseline: {
    /** What the turns with an estimate would have cost on the premium model alone. */
    premiumUsd: number;
    /** What those same turns cost in LLM calls. */
    llmUsd: number;
    savingUsd: number;
    /** 1 − llmUsd / premiumUsd; null without a baseline. */
    saving: number | null;
    turnsWithBaseline: number;
    /** Turns with no premium estimate (no premium model configured, model-free small talk…): left out of the comparison. */
    turnsWithoutBaseline: number;
  };
  whatsapp: WhatsappSummary;
  intents: CostGroup[];
  /** The `by` grouping (`intents` again for `by: intent`). */
  groups: CostGroup[] | ModelGroup[];
}

export interface CostReportOptions {
  since?: number;
  by?: Grouping;
  rates?: RateCard;
}

const NOT_SENT = new Set(['queued', 'refused', 'failed']);

/** The wa_id of the contact, else the customer key when it is one (digits: a phone number, not a business-scoped user id). */
function recipientOf(message: CostMessage): string | undefined {
  return message.waId ?? (/^\d+$/.test(message.customerKey) ? message.customerKey : undefined);
}

function priceMessages(messages: readonly CostMessage[], rates: RateCard): PricedMessage[] {
  return messages.map((message) => {
    const fee = whatsappFee(
      { billable: message.billable, category: message.category, type: message.type, waId: recipientOf(message), sentAt: message.createdAt },
      rates,
    );
    return { message, fee, usd: fee.kind === 'billed' ? fee.usd : 0 };
  });
}

function summarizeWhatsapp(priced: readonly PricedMessage[]): WhatsappSummary {
  const summary: WhatsappSummary = { messages: priced.length, billed: 0, free: 0, unsent: 0, unpriced: 0, unknown: 0, unknownReasons: {}, feesUsd: 0, byCategory: {} };
  for (const { message, fee } of priced) {
    if (fee.kind === 'billed') {
      summary.billed += 1;
      summary.feesUsd += fee.usd;
      const category = (summary.byCategory[fee.category] ??= { messages: 0, usd: 0 });
      category.messages += 1;
      category.usd = usd(category.usd + fee.usd);
    } else if (fee.kind === 'free') summary.free += 1;
    else if (fee.kind === 'unknown') {
      summary.unknown += 1;
      increment(summary.unknownReasons, fee.reason);
    } else if (NOT_SENT.has(message.status)) summary.unsent += 1;
    else summary.unpriced += 1;
  }
  return { ...summary, feesUsd: usd(summary.feesUsd), unknownReasons: sortedCounts(summary.unknownReasons) };
}

const takenRoute = (turn: CostTurn): string => turn.routing?.taken ?? turn.route;
const isAnswered = (turn: CostTurn): boolean => turn.route !== 'none';

function share(turns: readonly CostTurn[], of: readonly CostTurn[]): Share {
  return { turns: turns.length, of: of.length, share: ratio(turns.length, of.length) };
}

/** Escalated turns over the turns whose economy draft was used or escalated. */
function escalation(turns: readonly CostTurn[]): Share {
  const escalated = turns.filter((turn) => turn.routing?.escalated === true);
  const throughEconomy = turns.filter((turn) => turn.routing?.escalated === true || takenRoute(turn) === 'economy');
  return share(escalated, throughEconomy);
}

function baseline(turns: readonly CostTurn[]): CostReport['baseline'] {
  const estimated = turns.filter((turn) => turn.premiumBaselineUsd !== undefined);
  const premiumUsd = sum(estimated, (turn) => turn.premiumBaselineUsd ?? 0);
  const llmUsd = sum(estimated, (turn) => turn.costUsd);
  return {
    premiumUsd: usd(premiumUsd),
    llmUsd: usd(llmUsd),
    savingUsd: usd(premiumUsd - llmUsd),
    saving: premiumUsd > 0 ? Math.round((1 - llmUsd / premiumUsd) * 1e6) / 1e6 : null,
    turnsWithBaseline: estimated.length,
    turnsWithoutBaseline: turns.length - estimated.length,
  };
}

function totals(turns: readonly CostTurn[], priced: readonly PricedMessage[]): CostReport['totals'] {
  const calls = turns.flatMap((turn) => turn.modelCalls ?? []);
  const conversations = new Set([...turns.map((turn) => turn.conversationId), ...priced.map(({ message }) => message.conversationId)]);
  const llmUsd = sum(turns, (turn) => turn.costUsd);
  const whatsappUsd = sum(priced, (message) => message.usd);
  return {
    turns: turns.length,
    answeredTurns: turns.filter(isAnswered).length,
    conversations: conversations.size,
    modelCalls: calls.length,
    inputTokens: sum(calls, (call) => call.inputTokens),
    outputTokens: sum(calls, (call) => call.outputTokens),
    cachedInputTokens: sum(calls, (call) => call.cachedInputTokens),
    llmUsd: usd(llmUsd),
    whatsappUsd: usd(whatsappUsd),
    totalUsd: usd(llmUsd + whatsappUsd),
  };
}

function perConversation(summary: CostReport['totals']): CostReport['perConversation'] {
  const mean = (value: number): number | null => (summary.conversations === 0 ? null : usd(value / summary.conversations));
  return {
    meanUsd: mean(summary.totalUsd),
    meanLlmUsd: mean(summary.llmUsd),
    meanWhatsappUsd: mean(summary.whatsappUsd),
    meanTurns: ratio(summary.turns, summary.conversations),
  };
}

function grouped(by: Grouping, turns: readonly CostTurn[], priced: readonly PricedMessage[], intents: CostGroup[]): CostGroup[] | ModelGroup[] {
  switch (by) {
    case 'intent':
      return intents;
    case 'route':
      return groupTurns(turns, priced, (turn) => turn.route, () => NO_TURN);
    case 'conversation':
      return groupTurns(turns, priced, (turn) => turn.conversationId, (message) => message.conversationId);
    case 'model':
      return groupModels(turns);
  }
}

export function buildCostReport(ledger: CostLedger, options: CostReportOptions = {}): CostReport {
  const by = options.by ?? 'intent';
  const { turns } = ledger;
  const priced = priceMessages(ledger.messages, options.rates ?? WHATSAPP_RATES);
  const answered = turns.filter(isAnswered);
  const summary = totals(turns, priced);
  const intents = groupTurns(turns, priced, (turn) => turn.intent, () => NO_TURN);
  return {
    since: options.since === undefined ? null : new Date(options.since).toISOString(),
    by,
    totals: summary,
    perConversation: perConversation(summary),
    premium: share(answered.filter((turn) => takenRoute(turn) === 'premium'), answered),
    human: share(answered.filter((turn) => turn.route === 'human'), answered),
    escalation: escalation(turns),
    baseline: baseline(turns),
    whatsapp: summarizeWhatsapp(priced),
    intents,
    groups: grouped(by, turns, priced, intents),
  };
}
