/**
 * The inbound side of the SQLite store: the webhook log, contacts, conversations and
 * inbound messages. Every function is synchronous; the store wraps them in promises.
 */
import { AppError } from '../../core/errors.ts';
import type { InboundMessage } from '../../core/message.ts';
import type { Contact, Conversation, IngestResult, InboundState, StoredInbound } from '../../core/store.ts';
import type { Connection } from './connection.ts';
import { toContact, toConversation, toInbound } from './rows.ts';

const UPSERT_CONTACT = `
INSERT INTO contacts (phone_number_id, key, wa_id, user_id, name, last_inbound_at, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (phone_number_id, key) DO UPDATE SET
  wa_id = coalesce(excluded.wa_id, wa_id),
  user_id = coalesce(excluded.user_id, user_id),
  name = coalesce(excluded.name, name),
  last_inbound_at = max(coalesce(last_inbound_at, excluded.last_inbound_at), excluded.last_inbound_at)`;

const UPSERT_CONVERSATION = `
INSERT INTO conversations (id, phone_number_id, customer_key, created_at, updated_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at)`;

/* ON CONFLICT (id) rather than INSERT OR IGNORE: only a repeated wamid is ignored, never a broken row. */
const INSERT_INBOUND = `
INSERT INTO inbound_messages
  (id, conversation_id, phone_number_id, customer_key, timestamp, type, message, state, received_at)
VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)
ON CONFLICT (id) DO NOTHING`;

export function conversationIdOf(phoneNumberId: string, customerKey: string): string {
  return `${phoneNumberId}:${customerKey}`;
}

/** An empty string from the channel counts as absent: it must not erase a known value. */
function present(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

function upsertParties(db: Connection, message: InboundMessage, receivedAt: number): string {
  const { customer, phoneNumberId } = message;
  db.run(
    UPSERT_CONTACT,
    phoneNumberId,
    customer.key,
    present(customer.waId),
    present(customer.userId),
    present(customer.name),
    message.timestamp * 1000,
    receivedAt,
  );
  const conversationId = conversationIdOf(phoneNumberId, customer.key);
  db.run(UPSERT_CONVERSATION, conversationId, phoneNumberId, customer.key, receivedAt, receivedAt);
  return conversationId;
}

function insertMessage(db: Connection, message: InboundMessage, receivedAt: number): StoredInbound | undefined {
  if (db.get('SELECT 1 AS found FROM inbound_messages WHERE id = ?', message.id) !== undefined) return undefined;
  const conversationId = upsertParties(db, message, receivedAt);
  const { changes } = db.run(
    INSERT_INBOUND,
    message.id,
    conversationId,
    message.phoneNumberId,
    message.customer.key,
    message.timestamp,
    message.type,
    JSON.stringify(message),
    receivedAt,
  );
  if (changes === 0) return undefined;
  return {
    id: message.id,
    conversationId,
    phoneNumberId: message.phoneNumberId,
    customerKey: message.customer.key,
    timestamp: message.timestamp,
    type: message.type,
    message: JSON.parse(JSON.stringify(message)) as InboundMessage,
    state: 'pending',
    receivedAt,
  };
}

export function appendWebhook(db: Connection, rawBody: string, receivedAt: number): number {
  return db.run('INSERT INTO webhook_log (body, received_at) VALUES (?, ?)', rawBody, receivedAt).lastRowid;
}

/** One transaction for the whole batch: either every new message is pending, or none is. */
export function ingestInbound(db: Connection, messages: InboundMessage[], receivedAt: number): IngestResult {
  return db.transaction(() => {
    const result: IngestResult = { inserted: [], duplicates: [] };
    for (const message of messages) {
      const stored = insertMessage(db, message, receivedAt);
      if (stored === undefined) result.duplicates.push(message.id);
      else result.inserted.push(stored);
    }
    return result;
  });
}

/** Earliest WhatsApp timestamp first; equal timestamps in the order they were received. */
export function nextPending(db: Connection, conversationId: string): StoredInbound | undefined {
  const row = db.get(
    `SELECT * FROM inbound_messages WHERE conversation_id = ? AND state = 'pending'
     ORDER BY timestamp, received_at, rowid LIMIT 1`,
    conversationId,
  );
  return row === undefined ? undefined : toInbound(row);
}

/** Up to `limit` pending messages, in the order of `nextPending`. */
export function pendingInbound(db: Connection, conversationId: string, limit: number): StoredInbound[] {
  const rows = db.all(
    `SELECT * FROM inbound_messages WHERE conversation_id = ? AND state = 'pending'
     ORDER BY timestamp, received_at, rowid LIMIT ?`,
    conversationId,
    Math.max(0, Math.floor(limit)),
  );
  return rows.map(toInbound);
}

/** Oldest waiting conversation first. */
export function conversationsWithPending(db: Connection): string[] {
  const rows = db.all(
    `SELECT conversation_id, min(timestamp) AS oldest FROM inbound_messages WHERE state = 'pending'
     GROUP BY conversation_id ORDER BY oldest, conversation_id`,
  );
  return rows.map((row) => String(row['conversation_id']));
}

/** Sets the state; replaces the stored message and the error only when given. */
export function markInbound(
  db: Connection,
  id: string,
  state: InboundState,
  update: { message?: InboundMessage; error?: string } = {},
): void {
  const message = update.message === undefined ? null : JSON.stringify(update.message);
  const { changes } = db.run(
    'UPDATE inbound_messages SET state = ?, message = coalesce(?, message), error = coalesce(?, error) WHERE id = ?',
    state,
    message,
    update.error ?? null,
    id,
  );
  if (changes === 0) throw new AppError('NOT_FOUND', `no inbound message ${id}`);
}

/** `markInbound` for each id, in one transaction: a missing id (NOT_FOUND) leaves every message as it was. */
export function markInboundMany(db: Connection, ids: readonly string[], state: InboundState, update: { error?: string } = {}): void {
  db.transaction(() => {
    for (const id of ids) markInbound(db, id, state, update);
  });
}

export function getInbound(db: Connection, id: string): StoredInbound | undefined {
  const row = db.get('SELECT * FROM inbound_messages WHERE id = ?', id);
  return row === undefined ? undefined : toInbound(row);
}

export function getContact(db: Connection, phoneNumberId: string, key: string): Contact | undefined {
  const row = db.get('SELECT * FROM contacts WHERE phone_number_id = ? AND key = ?', phoneNumberId, key);
  return row === undefined ? undefined : toContact(row);
}

export function getConversation(db: Connection, id: string): Conversation | undefined {
  const row = db.get('SELECT * FROM conversations WHERE id = ?', id);
  return row === undefined ? undefined : toConversation(row);
}

export function setConversationLanguage(db: Connection, id: string, language: string): void {
  const { changes } = db.run('UPDATE conversations SET language = ? WHERE id = ?', language, id);
  if (changes === 0) throw new AppError('NOT_FOUND', `no conversation ${id}`);
}

