/**
 * The SQLite KnowledgeStore: the knowledge tables of migration 2 in the same database
 * file as the Store (`<data dir>/centralino.db`), through its own connection or one the
 * caller shares. Errors become STORE_FAILURE naming the operation, like the Store's.
 */
import type { KnowledgeStore } from '../../core/knowledge.ts';
import { openConnection, type Connection } from './connection.ts';
import * as queries from './knowledge-queries.ts';
import { applyImport } from './knowledge-sync.ts';
import * as vectors from './knowledge-vectors.ts';
import { storeFailure } from './sqlite-store.ts';

export interface SqliteKnowledgeStoreOptions {
  /** Database file (created and migrated when missing), or ':memory:'. */
  path: string;
  busyTimeoutMs?: number;
}

function attempt<T>(operation: string, work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(storeFailure(operation, error));
  }
}

/** A KnowledgeStore on an open, migrated connection; `close()` closes the connection only when `owned`. */
export function knowledgeStoreOn(db: Connection, owned = false): KnowledgeStore {
  return {
    applyImport: (batches, now) => attempt('apply a knowledge import', () => applyImport(db, batches, now)),
    searchText: (query) => attempt('search the knowledge base', () => queries.searchText(db, query)),
    getEntries: (ids) => attempt('read knowledge entries', () => queries.getEntries(db, ids)),
    listEntries: (filter) => attempt('list knowledge entries', () => queries.listEntries(db, filter)),
    vocabulary: () => attempt('read the knowledge vocabulary', () => queries.vocabulary(db)),
    revision: () => attempt('read the knowledge revision', () => queries.revision(db)),
    entriesToEmbed: (model) => attempt('list entries without embeddings', () => vectors.entriesToEmbed(db, model)),
    saveEmbeddings: (model, list) => attempt('save embeddings', () => vectors.saveEmbeddings(db, model, list)),
    loadEmbeddings: (model) => attempt('load embeddings', () => vectors.loadEmbeddings(db, model)),
    close: () => {
      if (owned) db.close();
      return Promise.resolve();
    },
  };
}

/** Opens (creating and migrating when needed) the database. Throws STORE_FAILURE when it cannot. */
export function createSqliteKnowledgeStore(options: SqliteKnowledgeStoreOptions): KnowledgeStore {
  let db: Connection;
  try {
    db = openConnection({ path: options.path, busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
  } catch (error) {
    throw storeFailure(`open ${options.path}`, error);
  }
  return knowledgeStoreOn(db, true);
}
