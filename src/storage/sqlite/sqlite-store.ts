/**
 * The embedded Store: SQLite through Node's built-in `node:sqlite`, in WAL mode.
 * One connection per process; every operation runs synchronously inside the promise
 * the port returns, and every write that touches several rows is one transaction.
 * Several processes may share the file: writers wait up to `busyTimeoutMs` for the lock.
 */
import { AppError, isAppError } from '../../core/errors.ts';
import type { Store } from '../../core/store.ts';
import { openConnection } from './connection.ts';
import type { Connection } from './connection.ts';
import { costLedger } from './cost-queries.ts';
import * as inbound from './inbound.ts';
import * as outbound from './outbound.ts';
import * as turns from './turns.ts';

export interface SqliteStoreOptions {
  /** Database file (its folder is created when missing), or ':memory:'. */
  path: string;
  /** How long a write waits for another process's lock; default 5000 ms. */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** SQLITE_BUSY and SQLITE_LOCKED (primary result codes): another writer held the lock too long. */
const BUSY_CODES = new Set([5, 6]);

function isBusy(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('errcode' in error)) return false;
  const code = error.errcode;
  return typeof code === 'number' && BUSY_CODES.has(code & 0xff);
}

/** Keeps AppErrors (NOT_FOUND…) as they are; anything else becomes STORE_FAILURE naming the operation. */
export function storeFailure(operation: string, error: unknown): AppError {
  if (isAppError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('STORE_FAILURE', `SQLite store could not ${operation}: ${reason}`, {
    cause: error,
    retryable: isBusy(error),
  });
}

function attempt<T>(operation: string, work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(storeFailure(operation, error));
  }
}

function connect(options: SqliteStoreOptions): Connection {
  try {
    return openConnection({ path: options.path, busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw storeFailure(`open ${options.path}`, error);
  }
}

/** Opens (creating and migrating when needed) the database. Throws STORE_FAILURE when it cannot. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = connect(options);
  return {
    appendWebhook: (rawBody, receivedAt) => attempt('append a webhook body', () => inbound.appendWebhook(db, rawBody, receivedAt)),
    ingestInbound: (messages, receivedAt) => attempt('ingest inbound messages', () => inbound.ingestInbound(db, messages, receivedAt)),
    nextPending: (conversationId) => attempt('read the next pending message', () => inbound.nextPending(db, conversationId)),
    pendingInbound: (conversationId, limit) => attempt('read pending messages', () => inbound.pendingInbound(db, conversationId, limit)),
    conversationsWithPending: () => attempt('list conversations with pending messages', () => inbound.conversationsWithPending(db)),
    markInbound: (id, state, update) => attempt('mark an inbound message', () => inbound.markInbound(db, id, state, update)),
    markInboundMany: (ids, state, update) => attempt('mark inbound messages', () => inbound.markInboundMany(db, ids, state, update)),
    getInbound: (id) => attempt('read an inbound message', () => inbound.getInbound(db, id)),

    getContact: (phoneNumberId, key) => attempt('read a contact', () => inbound.getContact(db, phoneNumberId, key)),
    getConversation: (id) => attempt('read a conversation', () => inbound.getConversation(db, id)),
    setConversationLanguage: (id, language) =>
      attempt('set a conversation language', () => inbound.setConversationLanguage(db, id, language)),

    createOutbound: (message, now) => attempt('create an outbound message', () => outbound.createOutbound(db, message, now)),
    updateOutbound: (id, patch, now) => attempt('update an outbound message', () => outbound.updateOutbound(db, id, patch, now)),
    getOutbound: (id) => attempt('read an outbound message', () => outbound.getOutbound(db, id)),
    findOutboundByWamid: (wamid) => attempt('find an outbound message by wamid', () => outbound.findOutboundByWamid(db, wamid)),
    listOutbound: (conversationId) => attempt('list outbound messages', () => outbound.listOutbound(db, conversationId)),
    applyStatus: (update, now) => attempt('apply a status update', () => outbound.applyStatus(db, update, now)),

    appendTurn: (turn) => attempt('append a turn', () => turns.appendTurn(db, turn)),
    listTurns: (query) => attempt('list turns', () => turns.listTurns(db, query)),
    llmSpend: (query) => attempt('sum the LLM spend', () => turns.llmSpend(db, query)),
    costLedger: (query) => attempt('read the cost ledger', () => costLedger(db, query)),

    close: () => attempt('close the database', () => db.close()),
  };
}
