/**
 * An engine and a Cloud API sandbox on two real loopback ports, wired only by URLs —
 * the engine reaches the sandbox by WHATSAPP_API_BASE_URL, the sandbox delivers signed
 * webhooks to the engine's /webhooks/whatsapp, exactly as with Meta.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BusinessConfig } from '../../src/config/business-schema.ts';
import { listenLazy } from '../../src/cli/listen.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { silentLogger, type Clock } from '../../src/core/ports.ts';
import { createEngine, type Engine, type EngineOptions } from '../../src/main.ts';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.ts';
import { demoBusiness } from './demo-config.ts';

export const PHONE_NUMBER_ID = '100000000000001';
export const APP_SECRET = 'test-app-secret-123';
export const VERIFY_TOKEN = 'test-verify-token';

export interface Harness {
  engine: Engine;
  sandbox: Sandbox;
  engineUrl: string;
  sandboxUrl: string;
  dataDir: string;
  /** Waits until the engine has worked off everything and the sandbox posted every status. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  business?: BusinessConfig;
  engineClock?: Clock;
  dataDir?: string;
  /** Real waits (default: none, retries happen at once). */
  sleep?: (ms: number) => Promise<void>;
  /** Extra settings, e.g. WHATSAPP_UNCONFIRMED_WAIT_MS. */
  env?: Record<string, string>;
  apiTimeoutMs?: number;
  /** Sandbox behaves like Meta and ignores Idempotency-Key. */
  sandboxIgnoresIdempotencyKey?: boolean;
  /** The business's language models (mock models); default: the real providers. */
  models?: EngineOptions['models'];
}

/** Meta has no idempotency key: drop the header so the sandbox cannot deduplicate for the engine. */
function withoutIdempotencyKey(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete('idempotency-key');
  return new Request(request, { headers });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'centralino-test-'));
  const engineServer = await listenLazy(0, '127.0.0.1');
  const sandboxServer = await listenLazy(0, '127.0.0.1');
  const sandbox = createSandbox({
    appSecret: APP_SECRET,
    accessToken: 'test-access-token',
    webhookUrl: `${engineServer.origin}/webhooks/whatsapp`,
    phoneNumberId: PHONE_NUMBER_ID,
    displayPhoneNumber: '390212345678',
    statusDelayMs: 5,
  });
  sandboxServer.setHandler((request) => sandbox.app.fetch(options.sandboxIgnoresIdempotencyKey ? withoutIdempotencyKey(request) : request));
  const settings = loadSettings({
    CENTRALINO_DATA_DIR: dataDir,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_ACCESS_TOKEN: 'test-access-token',
    WHATSAPP_API_BASE_URL: sandboxServer.origin,
    ...options.env,
  });
  const engine = await createEngine({
    settings,
    business: options.business ?? demoBusiness(),
    logger: silentLogger,
    sleep: options.sleep ?? (async () => {}),
    console: true,
    ...(options.apiTimeoutMs ? { apiTimeoutMs: options.apiTimeoutMs } : {}),
    ...(options.engineClock ? { clock: options.engineClock } : {}),
    ...(options.models ? { models: options.models } : {}),
  });
  engineServer.setHandler((r) => engine.app.fetch(r));
  return {
    engine,
    sandbox,
    engineUrl: engineServer.origin,
    sandboxUrl: sandboxServer.origin,
    dataDir,
    async settle() {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 10));
        await engine.worker.idle();
        await sandbox.idle();
      }
    },
    async close() {
      await engineServer.close();
      await sandboxServer.close();
      await sandbox.close();
      await engine.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
