/**
 * A killed process loses nothing and sends nothing twice: the engine (a real child
 * process) is SIGKILLed while its reply is in flight — the Cloud API accepted it but the
 * answer never came back — and a new process on the same data folder finishes the turn,
 * re-sending under the same idempotency key, so the customer gets exactly one reply.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { serve } from '@hono/node-server';
import { createSandbox } from '../../src/sandbox/sandbox.ts';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { freePort, healthy, runCli, waitUntil } from '../helpers/child-engine.ts';
import { DEMO_CONFIG_PATH } from '../helpers/demo-config.ts';

const PHONE_NUMBER_ID = '100000000000001';
const USER = '393337777777';

it('a SIGKILLed engine resumes its pending turn on restart without a second reply', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'centralino-kill-'));
  const enginePort = await freePort();
  const sandbox = createSandbox({
    appSecret: 'kill-test-secret',
    accessToken: 'kill-test-token',
    webhookUrl: `http://127.0.0.1:${enginePort}/webhooks/whatsapp`,
    phoneNumberId: PHONE_NUMBER_ID,
    displayPhoneNumber: '390212345678',
    // No status webhook may reach the engine during the test: the restarted engine cannot
    // learn from a `sent` status that the reply went out, and must re-send under the same key.
    statusDelayMs: 120_000,
    hangTimeoutMs: 120_000,
  });
  const sandboxServer = serve({ fetch: sandbox.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => sandboxServer.once('listening', r));
  const env = {
    PORT: String(enginePort),
    CENTRALINO_DATA_DIR: dir,
    CENTRALINO_CONFIG: DEMO_CONFIG_PATH,
    WHATSAPP_APP_SECRET: 'kill-test-secret',
    WHATSAPP_VERIFY_TOKEN: 'v',
    WHATSAPP_ACCESS_TOKEN: 'kill-test-token',
    WHATSAPP_API_BASE_URL: `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}`,
    LOG_LEVEL: 'silent',
    // The restarted engine waits this long for a status webhook before re-sending the unanswered reply.
    WHATSAPP_UNCONFIRMED_WAIT_MS: '200',
  };
  const first = runCli(['serve'], env);
  let second: ReturnType<typeof runCli> | undefined;
  try {
    await waitUntil(() => healthy(enginePort), 'the first engine');
    sandbox.control.hangNext({ count: 1, accept: true });
    const sent = await sandbox.phone.send(USER, { text: 'quanto costa una manicure?' });
    assert.equal(sent.engineStatus, 200);
    await waitUntil(() => sandbox.sentMessages().length === 1, 'the reply to be accepted (its answer held back)');
    first.child.kill('SIGKILL');
    await first.exited;
    second = runCli(['serve'], env);
    await waitUntil(() => healthy(enginePort), 'the second engine');
    await waitUntil(() => sandbox.sendAttempts().some((a) => a.outcome === 'replayed'), 'the resumed turn to re-send');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);

    assert.equal(sandbox.sentMessages().filter((m) => m.recipient === USER).length, 1, 'exactly one reply reached the customer');
    const store = createSqliteStore({ path: join(dir, 'centralino.db') });
    try {
      assert.equal((await store.getInbound(sent.wamid))?.state, 'done');
      const turns = await store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${USER}` });
      assert.equal(turns.length, 1);
      assert.equal(turns[0]?.understanding.intent, 'prices');
      const outbound = await store.getOutbound(turns[0]?.outboundIds[0] ?? '');
      assert.equal(outbound?.wamid, sandbox.sentMessages()[0]?.wamid);
    } finally {
      await store.close();
    }
  } finally {
    first.child.kill('SIGKILL');
    second?.child.kill('SIGKILL');
    sandboxServer.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
