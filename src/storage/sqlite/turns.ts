/**
 * The turn ledger: append-only (triggers refuse UPDATE and DELETE). The whole record is
 * kept as JSON; a few fields are copied to columns for dashboards and filters.
 */
import type { TurnRecord } from '../../core/turn.ts';
import type { Connection, Params } from './connection.ts';
import { toTurn } from './rows.ts';

export const DEFAULT_TURN_LIMIT = 50;

/** Records the turn; false when a turn with this id is already recorded (the first one is kept). */
export function appendTurn(db: Connection, turn: TurnRecord): boolean {
  const { changes } = db.run(
    `INSERT INTO turns
       (id, conversation_id, created_at, record, route, intent, confidence, answered_by, cost_usd, latency_total_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
    turn.id,
    turn.conversationId,
    turn.createdAt,
    JSON.stringify(turn),
    turn.route,
    turn.understanding.intent,
    turn.understanding.confidence,
    turn.answeredBy,
    turn.costUsd,
    turn.latencyMs.total,
  );
  return changes > 0;
}

function limitOf(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_TURN_LIMIT;
  return Math.max(0, Math.floor(limit));
}

/** Newest first (ties: the later appended first), at most `limit` (default 50). */
export function listTurns(db: Connection, query: { conversationId?: string; limit?: number }): TurnRecord[] {
  const params: Params = [];
  let where = '';
  if (query.conversationId !== undefined) {
    where = 'WHERE conversation_id = ?';
    params.push(query.conversationId);
  }
  params.push(limitOf(query.limit));
  const rows = db.all(`SELECT record FROM turns ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`, ...params);
  return rows.map(toTurn);
}

/** Sum of cost_usd over the turns of a conversation and/or created at or after `since`. */
export function llmSpend(db: Connection, query: { conversationId?: string; since?: number }): number {
  const where: string[] = [];
  const params: Params = [];
  if (query.conversationId !== undefined) {
    where.push('conversation_id = ?');
    params.push(query.conversationId);
  }
  if (query.since !== undefined) {
    where.push('created_at >= ?');
    params.push(query.since);
  }
  const row = db.get(`SELECT coalesce(sum(cost_usd), 0) AS spent FROM turns ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`, ...params);
  return Number(row?.['spent'] ?? 0);
}
