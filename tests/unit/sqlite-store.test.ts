import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MIGRATIONS, migrate } from '../../src/storage/sqlite/migrations.ts';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { storeContract } from '../contract/store.contract.ts';
import { T0, conversationOf, rejectsWith, statusUpdate, newOutbound, textMessage, turnRecord } from '../contract/store-fixtures.ts';

storeContract('SQLite :memory:', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  return { store, cleanup: () => store.close() };
});

storeContract('SQLite file', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'centralino-store-'));
  const store = createSqliteStore({ path: join(folder, 'data', 'centralino.sqlite') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
});

describe('SQLite store on a file', () => {
  let folder = '';
  let counter = 0;
  const nextPath = (): string => join(folder, `db-${(counter += 1)}`, 'store.sqlite');

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'centralino-sqlite-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('creates the folder, uses WAL and records each migration once however often it opens', async () => {
    const path = nextPath();
    await createSqliteStore({ path }).close();
    await createSqliteStore({ path }).close();
    const raw = new DatabaseSync(path);
    try {
      assert.equal(raw.prepare('PRAGMA journal_mode').get()?.['journal_mode'], 'wal');
      const versions = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((row) => row['version']);
      assert.deepEqual(versions, MIGRATIONS.map((m) => m.version));
      assert.deepEqual(migrate(raw), []);
    } finally {
      raw.close();
    }
  });

  it('refuses a database written by a newer build', () => {
    const raw = new DatabaseSync(':memory:');
    try {
      migrate(raw);
      raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('future');
      assert.throws(() => migrate(raw), /newer version/);
    } finally {
      raw.close();
    }
  });

  it('keeps everything across close and reopen', async () => {
    const path = nextPath();
    const first = createSqliteStore({ path });
    const message = textMessage('wamid.A');
    await first.ingestInbound([message], T0);
    await first.createOutbound(newOutbound('out.1', conversationOf(message)), T0);
    await first.updateOutbound('out.1', { wamid: 'wamid.out1', status: 'accepted' }, T0 + 1);
    await first.applyStatus(statusUpdate('wamid.out1', 'read'), T0 + 2);
    await first.appendTurn(turnRecord('turn.1', conversationOf(message), T0 + 3));
    await first.close();

    const second = createSqliteStore({ path });
    try {
      assert.equal((await second.nextPending(conversationOf(message)))?.id, 'wamid.A');
      assert.equal((await second.findOutboundByWamid('wamid.out1'))?.status, 'read');
      assert.equal((await second.applyStatus(statusUpdate('wamid.out1', 'read'), T0 + 4)).applied, false);
      assert.deepEqual(await second.listTurns({}), [turnRecord('turn.1', conversationOf(message), T0 + 3)]);
      assert.equal((await second.ingestInbound([message], T0 + 5)).duplicates.length, 1);
    } finally {
      await second.close();
    }
  });

  it('refuses to update or delete turns and status events', async () => {
    const path = nextPath();
    const store = createSqliteStore({ path });
    await store.appendTurn(turnRecord('turn.1', 'pn:c1', T0));
    await store.applyStatus(statusUpdate('wamid.x', 'sent'), T0);
    await store.close();
    const raw = new DatabaseSync(path);
    try {
      assert.throws(() => raw.exec("UPDATE turns SET route = 'premium'"), /append-only/);
      assert.throws(() => raw.exec('DELETE FROM turns'), /append-only/);
      assert.throws(() => raw.exec("UPDATE status_events SET status = 'read'"), /append-only/);
      assert.throws(() => raw.exec('DELETE FROM status_events'), /append-only/);
      assert.equal(raw.prepare('SELECT count(*) AS n FROM turns').get()?.['n'], 1);
    } finally {
      raw.close();
    }
  });

  it('fails with a retryable STORE_FAILURE naming the operation while another process holds the lock', async () => {
    const path = nextPath();
    const store = createSqliteStore({ path, busyTimeoutMs: 50 });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      await assert.rejects(store.ingestInbound([textMessage('wamid.A')], T0), (error: unknown) => {
        assert.ok(rejectsWith('STORE_FAILURE')(error));
        assert.match(error instanceof Error ? error.message : '', /ingest inbound messages/);
        assert.equal((error as { isRetryable?: boolean }).isRetryable, true);
        return true;
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  });

  it('throws STORE_FAILURE when the file cannot be opened', () => {
    assert.throws(() => createSqliteStore({ path: folder }), rejectsWith('STORE_FAILURE'));
  });

  it('leaves the committed messages of a killed process pending for the next open', async () => {
    const path = nextPath();
    const messages = [textMessage('wamid.2', { timestamp: 1_750_000_020 }), textMessage('wamid.1', { timestamp: 1_750_000_010 })];
    await runAndKill(childScript(path, messages));

    const store = createSqliteStore({ path });
    try {
      const conversationId = conversationOf(textMessage('x'));
      assert.deepEqual(await store.conversationsWithPending(), [conversationId]);
      const order: string[] = [];
      for (let next = await store.nextPending(conversationId); next; next = await store.nextPending(conversationId)) {
        order.push(next.id);
        await store.markInbound(next.id, 'done');
      }
      assert.deepEqual(order, ['wamid.1', 'wamid.2']);
      assert.equal(await store.getInbound('wamid.uncommitted'), undefined);
    } finally {
      await store.close();
    }
  });
});

/** Ingests through the store, then leaves a write transaction open and waits to be killed. */
function childScript(path: string, messages: unknown[]): string {
  const storeUrl = pathToFileURL(resolve(import.meta.dirname, '../../src/storage/sqlite/sqlite-store.ts')).href;
  return `
    import { DatabaseSync } from 'node:sqlite';
    import { createSqliteStore } from ${JSON.stringify(storeUrl)};
    const path = ${JSON.stringify(path)};
    const store = createSqliteStore({ path });
    await store.ingestInbound(${JSON.stringify(messages)}, Date.now());
    const raw = new DatabaseSync(path);
    raw.exec('BEGIN IMMEDIATE');
    raw.prepare("INSERT INTO inbound_messages (id, conversation_id, phone_number_id, customer_key, timestamp, type, message, state, received_at) SELECT 'wamid.uncommitted', conversation_id, phone_number_id, customer_key, 0, 'text', message, 'pending', 0 FROM inbound_messages LIMIT 1").run();
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);
  `;
}

async function runAndKill(script: string): Promise<void> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`child not ready in time: ${stderr}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`child exited early (${code}): ${stderr}`));
    });
  });
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
}
