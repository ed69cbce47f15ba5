/**
 * Composition root: settings and business config in, concrete adapters built and
 * wired, the HTTP app returned. Only this file (and the CLI) knows the concrete
 * store, channel and pipeline.
 */
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { createCloudApiClient } from './channels/whatsapp/cloud-api-client.ts';
import { createWhatsAppDispatcher } from './channels/whatsapp/reply-dispatcher.ts';
import type { BusinessConfig } from './config/business-schema.ts';
import type { Settings } from './config/settings.ts';
import { createConversationWorker, type ConversationWorker } from './conversations/conversation-worker.ts';
import { systemClock, type Clock, type DispatchTarget, type Logger } from './core/ports.ts';
import type { Reply } from './core/reply.ts';
import type { Store } from './core/store.ts';
import { redactCardNumbers } from './pipeline/guard/card-numbers.ts';
import { createPipeline } from './pipeline/run-turn.ts';
import { createSqliteStore } from './storage/sqlite/sqlite-store.ts';

export interface EngineOptions {
  settings: Settings;
  business: BusinessConfig;
  logger: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Use this store instead of opening `<data dir>/centralino.db`. */
  store?: Store;
  /** Retry delays for the Cloud API client (tests pass a zero sleep). */
  sleep?: (ms: number) => Promise<void>;
  /** Serve the developer API (/console/api) — the demo does; `serve` does not (it has no authentication yet). */
  console?: boolean;
  /** Per-attempt timeout of Cloud API requests. */
  apiTimeoutMs?: number;
}

export interface Engine {
  app: Hono;
  store: Store;
  worker: ConversationWorker;
  close(): Promise<void>;
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const { settings, business, logger } = options;
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createSqliteStore({ path: join(settings.CENTRALINO_DATA_DIR, 'centralino.db') });
  const client = createCloudApiClient({
    baseUrl: settings.WHATSAPP_API_BASE_URL,
    apiVersion: settings.WHATSAPP_API_VERSION,
    accessToken: settings.WHATSAPP_ACCESS_TOKEN,
    logger,
    unconfirmedWaitMs: settings.WHATSAPP_UNCONFIRMED_WAIT_MS,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.apiTimeoutMs ? { timeoutMs: options.apiTimeoutMs } : {}),
  });
  const dispatcher = createWhatsAppDispatcher({
    store,
    client,
    clock,
    logger,
    templateFallback: reengagementTemplate(business),
    unconfirmedWaitMs: settings.WHATSAPP_UNCONFIRMED_WAIT_MS,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const pipeline = createPipeline(business);
  const worker = createConversationWorker({ store, dispatcher, pipeline, clock, logger });
  let ready = false;
  const app = createApp({
    store,
    console: options.console ?? false,
    isReady: () => ready,
    webhook: {
      appSecret: settings.WHATSAPP_APP_SECRET,
      verifyToken: settings.WHATSAPP_VERIFY_TOKEN,
      store,
      clock,
      logger,
      onConversations: (ids) => worker.notify(ids),
      redactText: redactCardNumbers,
    },
  });
  await worker.resume();
  ready = true;
  return {
    app,
    store,
    worker,
    async close() {
      ready = false;
      await worker.idle();
      await store.close();
    },
  };
}

/** Outside the 24-hour window, the business's re-engagement template replaces free-form replies. */
function reengagementTemplate(business: BusinessConfig): ((target: DispatchTarget, language?: string) => Reply | undefined) | undefined {
  const template = business.templates.reengagement;
  if (!template) return undefined;
  return (_target, language) => {
    const lang = language ?? business.profile.default_language;
    const code = template.languages[lang] ?? template.languages[business.profile.default_language] ?? Object.values(template.languages)[0];
    return code ? { kind: 'template', name: template.name, language: code } : undefined;
  };
}
