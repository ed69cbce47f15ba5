/**
 * The cost report's groupings: turns by intent, route or conversation, each with the
 * WhatsApp fees of its messages; model calls by model.
 */
import type { CostMessage, CostTurn } from '../core/store.ts';
import { increment, sortedCounts, sum, usd } from './sums.ts';
import type { MessageFee } from './whatsapp-fees.ts';

/** Key of the intent and route groups for messages sent outside any turn of the period (templates, re-engagement…). */
export const NO_TURN = '(no turn)';

export interface CostGroup {
  key: string;
  turns: number;
  conversations: number;
  llmUsd: number;
  whatsappUsd: number;
  totalUsd: number;
  /** totalUsd / turns; null for a group of messages without turns. */
  meanUsdPerTurn: number | null;
  /** Turns by the route that answered them. */
  routes: Record<string, number>;
}

export interface ModelGroup {
  key: string;
  calls: number;
  failedCalls: number;
  turns: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  llmUsd: number;
  /** Calls by purpose (classify, respond, self_check). */
  purposes: Record<string, number>;
}

/** An outbound message with its fee (0 unless billed). */
export interface PricedMessage {
  message: CostMessage;
  fee: MessageFee;
  usd: number;
}

interface GroupDraft {
  turns: CostTurn[];
  messages: PricedMessage[];
}

function draftOf(drafts: Map<string, GroupDraft>, key: string): GroupDraft {
  let draft = drafts.get(key);
  if (draft === undefined) drafts.set(key, (draft = { turns: [], messages: [] }));
  return draft;
}

function finishGroup(key: string, draft: GroupDraft): CostGroup {
  const llmUsd = sum(draft.turns, (turn) => turn.costUsd);
  const whatsappUsd = sum(draft.messages, (message) => message.usd);
  const routes: Record<string, number> = {};
  for (const turn of draft.turns) increment(routes, turn.route);
  const conversations = new Set([...draft.turns.map((turn) => turn.conversationId), ...draft.messages.map(({ message }) => message.conversationId)]);
  return {
    key,
    turns: draft.turns.length,
    conversations: conversations.size,
    llmUsd: usd(llmUsd),
    whatsappUsd: usd(whatsappUsd),
    totalUsd: usd(llmUsd + whatsappUsd),
    meanUsdPerTurn: draft.turns.length === 0 ? null : usd((llmUsd + whatsappUsd) / draft.turns.length),
    routes: sortedCounts(routes),
  };
}

const byCostThenKey = (a: { key: string; llmUsd: number; totalUsd?: number }, b: { key: string; llmUsd: number; totalUsd?: number }): number =>
  (b.totalUsd ?? b.llmUsd) - (a.totalUsd ?? a.llmUsd) || a.key.localeCompare(b.key);

/**
 * Turns grouped by `keyOf`, each with the fees of its outbound messages. A message goes to
 * its turn's group; one without a turn in the period goes to `messageKey` of it.
 */
export function groupTurns(
  turns: readonly CostTurn[],
  priced: readonly PricedMessage[],
  keyOf: (turn: CostTurn) => string,
  messageKey: (message: CostMessage) => string,
): CostGroup[] {
  const drafts = new Map<string, GroupDraft>();
  const turnKeys = new Map<string, string>();
  for (const turn of turns) {
    const key = keyOf(turn);
    turnKeys.set(turn.id, key);
    draftOf(drafts, key).turns.push(turn);
  }
  for (const message of priced) {
    const turnKey = message.message.turnId === undefined ? undefined : turnKeys.get(message.message.turnId);
    draftOf(drafts, turnKey ?? messageKey(message.message)).messages.push(message);
  }
  return [...drafts].map(([key, draft]) => finishGroup(key, draft)).sort(byCostThenKey);
}

export function groupModels(turns: readonly CostTurn[]): ModelGroup[] {
  const groups = new Map<string, ModelGroup & { turnIds: Set<string> }>();
  for (const turn of turns) {
    for (const call of turn.modelCalls ?? []) {
      let group = groups.get(call.model);
      if (group === undefined) {
        group = { key: call.model, calls: 0, failedCalls: 0, turns: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, llmUsd: 0, purposes: {}, turnIds: new Set() };
        groups.set(call.model, group);
      }
      group.calls += 1;
      if (call.error !== undefined) group.failedCalls += 1;
      group.turnIds.add(turn.id);
      group.inputTokens += call.inputTokens;
      group.outputTokens += call.outputTokens;
      group.cachedInputTokens += call.cachedInputTokens;
      group.llmUsd += call.costUsd;
      increment(group.purposes, call.purpose);
    }
  }
  return [...groups.values()]
    .map(({ turnIds, ...group }) => ({ ...group, turns: turnIds.size, llmUsd: usd(group.llmUsd), purposes: sortedCounts(group.purposes) }))
    .sort(byCostThenKey);
}
