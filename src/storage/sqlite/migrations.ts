/**
 * The SQLite schema as an ordered list of numbered migrations. A migration, once
 * released, is never edited: change the schema by appending a new one.
 *
 * Append-only tables: `turns` and `status_events` refuse UPDATE and DELETE through
 * triggers, so the record of what decided a turn, and every distinct delivery status
 * Meta sent, cannot be rewritten by the application.
 */
import type { DatabaseSync } from 'node:sqlite';
import { integrationsSchema } from './integrations-schema.ts';
import { knowledgeSchema } from './knowledge-schema.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const initialSchema = `
CREATE TABLE webhook_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,
  received_at INTEGER NOT NULL
);

CREATE TABLE contacts (
  phone_number_id TEXT NOT NULL,
  key TEXT NOT NULL,
  wa_id TEXT,
  user_id TEXT,
  name TEXT,
  last_inbound_at INTEGER,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (phone_number_id, key)
);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  phone_number_id TEXT NOT NULL,
  customer_key TEXT NOT NULL,
  language TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  FOREIGN KEY (phone_number_id, customer_key) REFERENCES contacts (phone_number_id, key)
);

CREATE TABLE inbound_messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id),
  phone_number_id TEXT NOT NULL,
  customer_key TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  type TEXT NOT NULL,
  message TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
  received_at INTEGER NOT NULL,
  error TEXT
);
CREATE INDEX inbound_by_conversation_state ON inbound_messages (conversation_id, state, timestamp);
CREATE INDEX inbound_by_state ON inbound_messages (state);

CREATE TABLE outbound_messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  phone_number_id TEXT NOT NULL,
  customer_key TEXT NOT NULL,
  turn_id TEXT,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  wamid TEXT UNIQUE,
  status TEXT NOT NULL
    CHECK (status IN ('queued', 'accepted', 'sent', 'delivered', 'read', 'played', 'failed', 'refused')),
  error_code INTEGER,
  error_title TEXT,
  pricing_category TEXT,
  pricing_type TEXT,
  billable INTEGER CHECK (billable IN (0, 1)),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX outbound_by_conversation ON outbound_messages (conversation_id, created_at);

CREATE TABLE status_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  wamid TEXT NOT NULL,
  status TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  event TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  UNIQUE (wamid, status)
);
CREATE TRIGGER status_events_no_update BEFORE UPDATE ON status_events
BEGIN SELECT RAISE(ABORT, 'status_events is append-only'); END;
CREATE TRIGGER status_events_no_delete BEFORE DELETE ON status_events
BEGIN SELECT RAISE(ABORT, 'status_events is append-only'); END;

CREATE TABLE turns (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  record TEXT NOT NULL,
  route TEXT NOT NULL,
  intent TEXT NOT NULL,
  confidence REAL NOT NULL,
  answered_by TEXT NOT NULL,
  cost_usd REAL NOT NULL,
  latency_total_ms REAL NOT NULL
);
CREATE INDEX turns_by_created ON turns (created_at);
CREATE INDEX turns_by_conversation ON turns (conversation_id, created_at);
CREATE TRIGGER turns_no_update BEFORE UPDATE ON turns
BEGIN SELECT RAISE(ABORT, 'turns is append-only'); END;
CREATE TRIGGER turns_no_delete BEFORE DELETE ON turns
BEGIN SELECT RAISE(ABORT, 'turns is append-only'); END;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'knowledge base', sql: knowledgeSchema },
  { version: 3, name: 'built-in integrations', sql: integrationsSchema },
];

const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
)`;

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous !== undefined && migration.version <= previous.version) {
      throw new Error(`migration ${migration.version} is out of order (after ${previous.version})`);
    }
  });
}

function appliedVersions(db: DatabaseSync): Set<number> {
  const rows = db.prepare('SELECT version FROM schema_migrations').all();
  return new Set(rows.map((row) => Number(row['version'])));
}

function assertNotNewer(applied: Set<number>, migrations: readonly Migration[]): void {
  const known = new Set(migrations.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => !known.has(version));
  if (unknown.length > 0) {
    throw new Error(`the database has migrations this build does not know (${unknown.join(', ')}): it was written by a newer version`);
  }
}

/**
 * Applies the migrations the database lacks, in order, in one transaction, and records
 * each in `schema_migrations`. Safe to call on every open, from several processes.
 * Returns the versions applied now (empty when the schema was current).
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS, now: number = Date.now()): number[] {
  assertOrdered(migrations);
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(createMigrationsTable);
    const applied = appliedVersions(db);
    assertNotNewer(applied, migrations);
    const missing = migrations.filter((migration) => !applied.has(migration.version));
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of missing) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
    }
    db.exec('COMMIT');
    return missing.map((migration) => migration.version);
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
