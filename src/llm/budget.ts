/**
 * Budgets for model calls, per conversation and per day: a call's worst-case cost is
 * reserved before the call; a reservation that would pass a cap is refused, and the router
 * degrades the turn to a cheaper route instead (never an error, never silently over budget).
 * After the call the reservation is settled to what it really cost.
 *
 * Spend so far comes from the turn ledger (`SpendSource`, read once per conversation and
 * per day) plus what this process reserved and settled since. One process per business
 * writes the ledger (the embedded store); several processes would each keep their own
 * in-flight reservations.
 */

export interface BudgetLimits {
  per_conversation_usd?: number | undefined;
  per_day_usd?: number | undefined;
}

/** What the ledger already holds: LLM cost of a conversation, and of every turn since a time. */
export interface SpendSource {
  conversationSpend(conversationId: string): Promise<number>;
  spendSince(since: number): Promise<number>;
}

export interface Reservation {
  readonly conversationId: string;
  readonly day: number;
  amountUsd: number;
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; reason: string };

export interface Budget {
  readonly limited: boolean;
  reserve(conversationId: string, amountUsd: number, now: number): Promise<ReserveResult>;
  /** Replaces the reserved amount by the real cost of the calls. */
  settle(reservation: Reservation, actualUsd: number): void;
}

export interface BudgetOptions {
  limits: BudgetLimits;
  spend?: SpendSource;
  /** Start of the day `now` falls in (the business's time zone); UTC midnight by default. */
  dayStart?: (now: number) => number;
}

const DAY_MS = 86_400_000;

export function createBudget(options: BudgetOptions): Budget {
  const { limits } = options;
  const dayStart = options.dayStart ?? ((now: number) => Math.floor(now / DAY_MS) * DAY_MS);
  const byConversation = new Map<string, number>();
  const byDay = new Map<number, number>();

  /** Loads what the ledger holds, once per conversation and per day. */
  async function load(conversationId: string, day: number): Promise<void> {
    const [conversation, today] = await Promise.all([
      byConversation.has(conversationId) ? undefined : options.spend?.conversationSpend(conversationId),
      byDay.has(day) ? undefined : options.spend?.spendSince(day),
    ]);
    // Another turn may have loaded (and reserved) meanwhile: what it set stays.
    if (!byConversation.has(conversationId)) byConversation.set(conversationId, conversation ?? 0);
    if (!byDay.has(day)) byDay.set(day, today ?? 0);
  }

  return {
    limited: limits.per_conversation_usd !== undefined || limits.per_day_usd !== undefined,
    async reserve(conversationId, amountUsd, now) {
      const day = dayStart(now);
      await load(conversationId, day);
      // From here to the end no await: the check and the reservation happen together.
      const conversation = byConversation.get(conversationId) ?? 0;
      const today = byDay.get(day) ?? 0;
      const capConversation = limits.per_conversation_usd;
      const capDay = limits.per_day_usd;
      if (capConversation !== undefined && conversation + amountUsd > capConversation) {
        return { ok: false, reason: `conversation budget: ${usd(conversation)} spent, ${usd(amountUsd)} more would pass ${usd(capConversation)}` };
      }
      if (capDay !== undefined && today + amountUsd > capDay) {
        return { ok: false, reason: `daily budget: ${usd(today)} spent today, ${usd(amountUsd)} more would pass ${usd(capDay)}` };
      }
      byConversation.set(conversationId, conversation + amountUsd);
      byDay.set(day, today + amountUsd);
      return { ok: true, reservation: { conversationId, day, amountUsd } };
    },
    settle(reservation, actualUsd) {
      const delta = actualUsd - reservation.amountUsd;
      byConversation.set(reservation.conversationId, (byConversation.get(reservation.conversationId) ?? 0) + delta);
      byDay.set(reservation.day, (byDay.get(reservation.day) ?? 0) + delta);
      reservation.amountUsd = actualUsd;
    },
  };
}

function usd(amount: number): string {
  return `$${amount.toFixed(4)}`;
}
