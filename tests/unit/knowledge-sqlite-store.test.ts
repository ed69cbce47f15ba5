/** The SQLite knowledge store against the KnowledgeStore contract, in memory and on disk. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { createSqliteKnowledgeStore } from '../../src/storage/sqlite/knowledge-store.ts';
import { knowledgeStoreContract } from '../contract/knowledge.contract.ts';

knowledgeStoreContract('SQLite in memory', () => createSqliteKnowledgeStore({ path: ':memory:' }));

const dir = mkdtempSync(join(tmpdir(), 'centralino-kb-store-'));
let n = 0;
knowledgeStoreContract('SQLite file', () => createSqliteKnowledgeStore({ path: join(dir, `kb-${++n}.db`) }));
after(() => rmSync(dir, { recursive: true, force: true }));
