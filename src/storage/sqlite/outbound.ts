/**
 * The outbound side of the SQLite store: outbound messages and the status webhooks
 * applied to them. Every function is synchronous; the store wraps them in promises.
 *
 * Every distinct (wamid, status) event is kept in `status_events`, even for a wamid the
 * store does not know yet: a status can race the API answer that carries the wamid. Such
 * an event is applied later, when the wamid is attached to its outbound message (by
 * `updateOutbound`, or by a later status echoing the outbound id in its callback data).
 */
import { AppError } from '../../core/errors.ts';
import type { StatusUpdate } from '../../core/message.ts';
import type { NewOutbound, OutboundPatch, StatusResult, StoredOutbound } from '../../core/store.ts';
import type { Connection } from './connection.ts';
import { json, num, toOutbound } from './rows.ts';
import { nextStatus } from './status-order.ts';

const DELIVERY_STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'played', 'failed'];

export function getOutbound(db: Connection, id: string): StoredOutbound | undefined {
  const row = db.get('SELECT * FROM outbound_messages WHERE id = ?', id);
  return row === undefined ? undefined : toOutbound(row);
}

function mustGet(db: Connection, id: string): StoredOutbound {
  const outbound = getOutbound(db, id);
  if (outbound === undefined) throw new AppError('NOT_FOUND', `no outbound message ${id}`);
  return outbound;
}

export function findOutboundByWamid(db: Connection, wamid: string): StoredOutbound | undefined {
  const row = db.get('SELECT * FROM outbound_messages WHERE wamid = ?', wamid);
  return row === undefined ? undefined : toOutbound(row);
}

export function listOutbound(db: Connection, conversationId: string): StoredOutbound[] {
  const rows = db.all('SELECT * FROM outbound_messages WHERE conversation_id = ? ORDER BY created_at, rowid', conversationId);
  return rows.map(toOutbound);
}

export function createOutbound(db: Connection, outbound: NewOutbound, now: number): StoredOutbound {
  db.run(
    `INSERT INTO outbound_messages
       (id, conversation_id, phone_number_id, customer_key, turn_id, kind, body, status, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)`,
    outbound.id,
    outbound.conversationId,
    outbound.phoneNumberId,
    outbound.customerKey,
    outbound.turnId ?? null,
    outbound.kind,
    JSON.stringify(outbound.body),
    now,
    now,
  );
  return mustGet(db, outbound.id);
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/** Applies one status event to a known outbound message; true when its status moved forward. */
function applyEvent(db: Connection, outbound: StoredOutbound, update: StatusUpdate, now: number): boolean {
  const next = DELIVERY_STATUSES.includes(update.status) ? nextStatus(outbound.status, update.status) : undefined;
  const category = nonEmpty(update.pricing?.category);
  const type = nonEmpty(update.pricing?.type);
  const billable = update.pricing?.billable === undefined ? null : Number(update.pricing.billable);
  const error = next === 'failed' ? update.errors[0] : undefined;
  if (next === undefined && category === null && type === null && billable === null) return false;
  db.run(
    `UPDATE outbound_messages SET status = coalesce(?, status),
       pricing_category = coalesce(?, pricing_category), pricing_type = coalesce(?, pricing_type),
       billable = coalesce(?, billable), error_code = coalesce(?, error_code),
       error_title = CASE WHEN ? IS NULL THEN error_title ELSE ? END, updated_at = ?
     WHERE id = ?`,
    next ?? null,
    category,
    type,
    billable,
    error?.code ?? null,
    error?.code ?? null,
    nonEmpty(error?.title),
    now,
    outbound.id,
  );
  return next !== undefined;
}

/** Applies, in arrival order, the recorded events of a wamid just attached to an outbound message. */
function replayEvents(db: Connection, outboundId: string, wamid: string, now: number, exceptEventId?: number): void {
  const rows = db.all('SELECT id, event FROM status_events WHERE wamid = ? ORDER BY id', wamid);
  for (const row of rows) {
    if (num(row, 'id') === exceptEventId) continue;
    applyEvent(db, mustGet(db, outboundId), json<StatusUpdate>(row, 'event'), now);
  }
}

/**
 * Patches an outbound message. The status follows the same forward-only order as status
 * webhooks, so an API answer (`accepted`) that arrives after a `sent` webhook changes nothing.
 */
export function updateOutbound(db: Connection, id: string, patch: OutboundPatch, now: number): StoredOutbound {
  return db.transaction(() => {
    const current = mustGet(db, id);
    const status = patch.status === undefined ? current.status : (nextStatus(current.status, patch.status) ?? current.status);
    const wamid = patch.wamid ?? current.wamid ?? null;
    const errorCode = patch.errorCode === undefined ? (current.errorCode ?? null) : patch.errorCode;
    const errorTitle = patch.errorTitle === undefined ? (current.errorTitle ?? null) : patch.errorTitle;
    db.run(
      `UPDATE outbound_messages SET wamid = ?, status = ?, error_code = ?, error_title = ?, attempts = ?, updated_at = ?
       WHERE id = ?`,
      wamid,
      status,
      errorCode,
      errorTitle,
      patch.attempts ?? current.attempts,
      now,
      id,
    );
    if (patch.wamid !== undefined && patch.wamid !== current.wamid) replayEvents(db, id, patch.wamid, now);
    return mustGet(db, id);
  });
}

/** Finds the outbound a status names through its callback data, when it has no wamid yet, and attaches the wamid. */
function claimByCallback(db: Connection, update: StatusUpdate, eventId: number, now: number): StoredOutbound | undefined {
  if (update.callbackData === undefined || update.callbackData === '') return undefined;
  const row = db.get('SELECT id FROM outbound_messages WHERE id = ? AND wamid IS NULL', update.callbackData);
  if (row === undefined) return undefined;
  db.run('UPDATE outbound_messages SET wamid = ?, updated_at = ? WHERE id = ?', update.messageId, now, update.callbackData);
  replayEvents(db, update.callbackData, update.messageId, now, eventId);
  return mustGet(db, update.callbackData);
}

function recordEvent(db: Connection, update: StatusUpdate, now: number): number | undefined {
  const { changes, lastRowid } = db.run(
    `INSERT INTO status_events (wamid, status, timestamp, event, received_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (wamid, status) DO NOTHING`,
    update.messageId,
    update.status,
    update.timestamp,
    JSON.stringify(update),
    now,
  );
  return changes === 0 ? undefined : lastRowid;
}

export function applyStatus(db: Connection, update: StatusUpdate, now: number): StatusResult {
  return db.transaction((): StatusResult => {
    const eventId = recordEvent(db, update, now);
    const known = findOutboundByWamid(db, update.messageId);
    if (eventId === undefined) return known === undefined ? { applied: false } : { applied: false, outbound: known };
    const outbound = known ?? claimByCallback(db, update, eventId, now);
    if (outbound === undefined) return { applied: false };
    const applied = applyEvent(db, outbound, update, now);
    return { applied, outbound: mustGet(db, outbound.id) };
  });
}
