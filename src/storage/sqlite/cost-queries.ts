/**
 * The cost ledger's reads: a slice of every turn (intent, route, LLM cost, model calls,
 * routing, premium baseline) and every outbound message with the pricing its status
 * webhooks told and the recipient's wa_id. Only the JSON fields the report needs are
 * extracted from the turn records, so replies and verdicts are never parsed.
 */
import { compact } from '../../core/json.ts';
import type { CostLedger, CostMessage, CostTurn, OutboundStatus } from '../../core/store.ts';
import type { ModelCall, Route, RouteDecision } from '../../core/turn.ts';
import type { Connection, Params, Row } from './connection.ts';
import { num, optNum, optText, text } from './rows.ts';

function optJson<T>(row: Row, column: string): T | undefined {
  const value = optText(row, column);
  return value === undefined ? undefined : (JSON.parse(value) as T);
}

function toCostTurn(row: Row): CostTurn {
  return compact({
    id: text(row, 'id'),
    conversationId: text(row, 'conversation_id'),
    createdAt: num(row, 'created_at'),
    intent: text(row, 'intent'),
    route: text(row, 'route') as Route,
    costUsd: num(row, 'cost_usd'),
    modelCalls: optJson<ModelCall[]>(row, 'model_calls'),
    routing: optJson<RouteDecision>(row, 'routing'),
    premiumBaselineUsd: optNum(row, 'premium_baseline_usd'),
  });
}

function toCostMessage(row: Row): CostMessage {
  const billable = optNum(row, 'billable');
  return compact({
    id: text(row, 'id'),
    turnId: optText(row, 'turn_id'),
    conversationId: text(row, 'conversation_id'),
    customerKey: text(row, 'customer_key'),
    waId: optText(row, 'wa_id'),
    status: text(row, 'status') as OutboundStatus,
    category: optText(row, 'pricing_category'),
    type: optText(row, 'pricing_type'),
    billable: billable === undefined ? undefined : billable === 1,
    createdAt: num(row, 'created_at'),
  });
}

/** `WHERE <column> >= ?` and its parameter when `since` is given. */
function sinceClause(column: string, since: number | undefined): { where: string; params: Params } {
  return since === undefined ? { where: '', params: [] } : { where: `WHERE ${column} >= ?`, params: [since] };
}

export function costLedger(db: Connection, query: { since?: number }): CostLedger {
  const turnsSince = sinceClause('created_at', query.since);
  const turns = db.all(
    `SELECT id, conversation_id, created_at, intent, route, cost_usd,
       json_extract(record, '$.modelCalls') AS model_calls,
       json_extract(record, '$.routing') AS routing,
       json_extract(record, '$.premiumBaselineUsd') AS premium_baseline_usd
     FROM turns ${turnsSince.where} ORDER BY created_at, rowid`,
    ...turnsSince.params,
  );
  const messagesSince = sinceClause('o.created_at', query.since);
  const messages = db.all(
    `SELECT o.id, o.turn_id, o.conversation_id, o.customer_key, o.status, o.pricing_category, o.pricing_type,
       o.billable, o.created_at, c.wa_id
     FROM outbound_messages o
     LEFT JOIN contacts c ON c.phone_number_id = o.phone_number_id AND c.key = o.customer_key
     ${messagesSince.where} ORDER BY o.created_at, o.rowid`,
    ...messagesSince.params,
  );
  return { turns: turns.map(toCostTurn), messages: messages.map(toCostMessage) };
}
