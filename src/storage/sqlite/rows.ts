/**
 * Reading SQLite rows back into the domain types of the Store port. Optional fields
 * are left out (not set to undefined) when their column is NULL.
 */
import { compact } from '../../core/json.ts';
import type { InboundMessage } from '../../core/message.ts';
import type { Contact, Conversation, InboundState, OutboundStatus, StoredInbound, StoredOutbound } from '../../core/store.ts';
import type { TurnRecord } from '../../core/turn.ts';
import type { Row } from './connection.ts';

function columnError(row: Row, column: string, expected: string): Error {
  return new Error(`column ${column} is not ${expected} (got ${typeof row[column]})`);
}

export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw columnError(row, column, 'text');
  return value;
}

export function num(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number') throw columnError(row, column, 'a number');
  return value;
}

export function optText(row: Row, column: string): string | undefined {
  return row[column] === null || row[column] === undefined ? undefined : text(row, column);
}

export function optNum(row: Row, column: string): number | undefined {
  return row[column] === null || row[column] === undefined ? undefined : num(row, column);
}

/** Parses a JSON column the store itself wrote. */
export function json<T>(row: Row, column: string): T {
  return JSON.parse(text(row, column)) as T;
}

export function toContact(row: Row): Contact {
  return compact({
    phoneNumberId: text(row, 'phone_number_id'),
    key: text(row, 'key'),
    waId: optText(row, 'wa_id'),
    userId: optText(row, 'user_id'),
    name: optText(row, 'name'),
    lastInboundAt: optNum(row, 'last_inbound_at'),
    createdAt: num(row, 'created_at'),
  });
}

export function toConversation(row: Row): Conversation {
  return compact({
    id: text(row, 'id'),
    phoneNumberId: text(row, 'phone_number_id'),
    customerKey: text(row, 'customer_key'),
    language: optText(row, 'language'),
    createdAt: num(row, 'created_at'),
    updatedAt: num(row, 'updated_at'),
  });
}

export function toInbound(row: Row): StoredInbound {
  return compact({
    id: text(row, 'id'),
    conversationId: text(row, 'conversation_id'),
    phoneNumberId: text(row, 'phone_number_id'),
    customerKey: text(row, 'customer_key'),
    timestamp: num(row, 'timestamp'),
    type: text(row, 'type'),
    message: json<InboundMessage>(row, 'message'),
    state: text(row, 'state') as InboundState,
    receivedAt: num(row, 'received_at'),
    error: optText(row, 'error'),
  });
}

function optBool(row: Row, column: string): boolean | undefined {
  const value = optNum(row, column);
  return value === undefined ? undefined : value === 1;
}

export function toOutbound(row: Row): StoredOutbound {
  return compact({
    id: text(row, 'id'),
    conversationId: text(row, 'conversation_id'),
    phoneNumberId: text(row, 'phone_number_id'),
    customerKey: text(row, 'customer_key'),
    turnId: optText(row, 'turn_id'),
    body: json<Record<string, unknown>>(row, 'body'),
    kind: text(row, 'kind'),
    wamid: optText(row, 'wamid'),
    status: text(row, 'status') as OutboundStatus,
    errorCode: optNum(row, 'error_code'),
    errorTitle: optText(row, 'error_title'),
    pricingCategory: optText(row, 'pricing_category'),
    pricingType: optText(row, 'pricing_type'),
    billable: optBool(row, 'billable'),
    attempts: num(row, 'attempts'),
    createdAt: num(row, 'created_at'),
    updatedAt: num(row, 'updated_at'),
  });
}

export function toTurn(row: Row): TurnRecord {
  return json<TurnRecord>(row, 'record');
}
