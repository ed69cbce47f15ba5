/**
 * Opening a SQLite database for the store, running statements through a cache of
 * prepared statements, and write transactions.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';
import { migrate } from './migrations.ts';

export type Row = Record<string, SQLOutputValue>;
export type Params = SQLInputValue[];

export interface OpenOptions {
  /** File path, or ':memory:'. */
  path: string;
  /** How long a writer waits for another process's lock before failing. */
  busyTimeoutMs: number;
}

export interface Connection {
  get(sql: string, ...params: Params): Row | undefined;
  all(sql: string, ...params: Params): Row[];
  /** Runs a write; returns the number of rows changed and the last inserted rowid. */
  run(sql: string, ...params: Params): { changes: number; lastRowid: number };
  /** Runs `work` in a `BEGIN IMMEDIATE` transaction: committed if it returns, rolled back if it throws. */
  transaction<T>(work: () => T): T;
  close(): void;
  readonly isOpen: boolean;
}

function isFilePath(path: string): boolean {
  return path !== ':memory:' && path !== '' && !path.startsWith('file:');
}

function openDatabase(options: OpenOptions): DatabaseSync {
  if (isFilePath(options.path)) mkdirSync(dirname(options.path), { recursive: true });
  const db = new DatabaseSync(options.path);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens (creating the file and its folder when missing) and migrates the database. */
export function openConnection(options: OpenOptions): Connection {
  const db = openDatabase(options);
  const statements = new Map<string, StatementSync>();
  let open = true;

  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    get: (sql, ...params) => prepare(sql).get(...params),
    all: (sql, ...params) => prepare(sql).all(...params),
    run(sql, ...params) {
      const result = prepare(sql).run(...params);
      return { changes: Number(result.changes), lastRowid: Number(result.lastInsertRowid) };
    },
    transaction<T>(work: () => T): T {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    close() {
      if (!open) return;
      open = false;
      statements.clear();
      db.close();
    },
    get isOpen() {
      return open;
    },
  };
}
