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
import { systemClock, type Clock, type Logger } from './core/ports.ts';
import type { Reply } from './core/reply.ts';
import type { Store } from './core/store.ts';
import { approvedTextToneIssues } from './pipeline/guard/approved-texts-tone.ts';
import { redactPersonalData } from './pipeline/guard/pii/redact-personal-data.ts';
import { createPipeline, type Pipeline } from './pipeline/run-turn.ts';
import { createMemoryOriginals } from './storage/memory-originals.ts';
import { loadOrTrainBusinessModel, type BusinessModel } from './pipeline/understand/business-model.ts';
import type { TrainProgress } from './text/classifier/types.ts';
import { modelClassifier } from './pipeline/understand/intent-classifier.ts';
import { llmClassifierFromConfig } from './pipeline/understand/llm-classifier.ts';
import { createFileModelCache } from './storage/files/file-model-cache.ts';
import type { ModelCache } from './core/model-cache.ts';
import { createSqliteStore } from './storage/sqlite/sqlite-store.ts';
import type { Integrations } from './core/integrations.ts';
import type { KnowledgeStore } from './core/knowledge.ts';
import { createIntegrations } from './integrations/create-integrations.ts';
import { builtinOptions } from './integrations/integrations-config.ts';
import { knowledgeFromConfig } from './knowledge/knowledge-from-config.ts';
import { createSqliteIntegrations, type SqliteIntegrations } from './storage/sqlite/integrations/sqlite-integrations.ts';
import { createSqliteKnowledgeStore } from './storage/sqlite/knowledge-store.ts';
import { startOfLocalDay } from './storage/sqlite/integrations/booking-calendar.ts';
import { createBudget } from './llm/budget.ts';
import { createModelRegistry, type ModelRegistry } from './llm/model-registry.ts';

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
  /** Where trained intent models are cached (default `<data dir>/models`). */
  modelCache?: ModelCache;
  /** Progress of intent-model training (the CLI draws a bar). */
  onTrainProgress?: (progress: TrainProgress) => void;
  /** Builds the language models of `llm:` (default: the real providers, keys from the environment; tests pass mock models). */
  models?: (llm: NonNullable<BusinessConfig['llm']>) => ModelRegistry;
}

export interface Engine {
  app: Hono;
  store: Store;
  worker: ConversationWorker;
  /** The business now answered for. */
  business(): BusinessConfig;
  /** The trained intent model in use (undefined with too few examples to train one). */
  intentModel(): BusinessModel | undefined;
  /** The knowledge base's store (`centralino kb import` writes to the same database). */
  knowledgeStore: KnowledgeStore;
  /** The built-in adapters on the embedded store (the demo seeds them). */
  /**
   * The built-in adapters as opened at start (the catalogue to fill, `close`). Their booking and
   * payment rules are the start-up ones: after a reload, `integrations()` has the current ones.
   */
  builtinIntegrations: SqliteIntegrations;
  /** The ports the business configured (`integrations:`), built-in or REST. */
  integrations(): Partial<Integrations>;
  /** Swaps in a new business configuration, re-training the intent model if its examples changed; turns in progress finish on the old one. */
  reload(business: BusinessConfig): Promise<void>;
  close(): Promise<void>;
}

interface Understanding {
  business: BusinessConfig;
  pipeline: Pipeline;
  model: BusinessModel | undefined;
}

/** The business's pipeline with its trained classifier (from the cache when the examples are unchanged). */
/** How far back a confirmation tap looks for the proposal it confirms. */
const RECENT_TURNS = 20;

async function buildPipeline(business: BusinessConfig, cache: ModelCache, knowledgeStore: KnowledgeStore, store: Store, integrations: Partial<Integrations>, options: EngineOptions): Promise<Understanding> {
  const model = await loadOrTrainBusinessModel(business, { cache, ...(options.onTrainProgress ? { onProgress: options.onTrainProgress } : {}) });
  if (model) {
    const { precision, coverage, met, trainSeconds } = model.report;
    options.logger.info({ fromCache: model.fromCache, threshold: model.threshold, precision, coverage, targetMet: met, trainSeconds }, 'intent model ready');
  }
  for (const issue of approvedTextToneIssues(business)) {
    options.logger.warn(issue, `${issue.path}: "${issue.found}" does not match profile.tone ${business.profile.tone} (${issue.rule})`);
  }
  const llm = llmClassifierFromConfig(business, process.env);
  const clock = options.clock;
  // Every configured model is built now: a missing API key stops start-up, naming the variable.
  const models = business.llm ? (options.models ?? ((llm) => createModelRegistry(llm, process.env)))(business.llm) : undefined;
  const budget = createBudget({
    limits: business.llm?.budgets ?? {},
    spend: { conversationSpend: (id) => store.llmSpend({ conversationId: id }), spendSince: (since) => store.llmSpend({ since }) },
    dayStart: (now) => startOfLocalDay(now, business.profile.timezone),
  });
  const knowledge = knowledgeFromConfig(knowledgeStore, business, {
    env: process.env,
    ...(options.clock ? { clock: options.clock } : {}),
    onEmbeddingError: (error) => options.logger.warn({ err: error }, 'embedding the customer text failed: full-text knowledge search only'),
  });
  const pipeline = createPipeline(business, {
    ...(model ? { classifier: modelClassifier(model.model, model.threshold) } : {}),
    ...(llm ? { llm } : {}),
    knowledge,
    integrations,
    ...(models ? { models } : {}),
    budget,
    recentTurns: (conversationId) => store.listTurns({ conversationId, limit: RECENT_TURNS }),
    ...(clock ? { now: () => clock.now() } : {}),
  });
  return { business, pipeline, model };
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
  const cache = options.modelCache ?? createFileModelCache(join(settings.CENTRALINO_DATA_DIR, 'models'));
  const database = join(settings.CENTRALINO_DATA_DIR, 'centralino.db');
  const knowledgeStore = createSqliteKnowledgeStore({ path: database });
  const builtinIntegrations = createSqliteIntegrations({ path: database, clock, ...builtinOptions(business.integrations, business.profile.timezone) });
  let integrations = createIntegrations(business.integrations, { builtin: builtinIntegrations });
  let current = await buildPipeline(business, cache, knowledgeStore, store, integrations, options);
  const dispatcher = createWhatsAppDispatcher({
    store,
    client,
    clock,
    logger,
    templateFallback: (_target, language) => reengagementTemplate(current.business, language),
    unconfirmedWaitMs: settings.WHATSAPP_UNCONFIRMED_WAIT_MS,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const pipeline = { run: (input: Parameters<Pipeline['run']>[0]) => current.pipeline.run(input) };
  // Unredacted messages, in memory only, so a reply may give back what the business allows.
  const originals = createMemoryOriginals({ clock });
  const worker = createConversationWorker({ store, dispatcher, pipeline, clock, logger, originals, mergeWindowMs: settings.CENTRALINO_MERGE_WINDOW_MS });
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
      redactText: (text) => redactPersonalData(text).text,
      originals,
    },
  });
  await worker.resume();
  ready = true;
  return {
    app,
    store,
    worker,
    business: () => current.business,
    intentModel: () => current.model,
    knowledgeStore,
    builtinIntegrations,
    integrations: () => integrations,
    async reload(next) {
      const builtin = builtinIntegrations.withRules(builtinOptions(next.integrations, next.profile.timezone));
      const nextIntegrations = createIntegrations(next.integrations, { builtin });
      current = await buildPipeline(next, cache, knowledgeStore, store, nextIntegrations, options);
      integrations = nextIntegrations;
    },
    async close() {
      ready = false;
      await worker.idle();
      await store.close();
      await knowledgeStore.close();
      builtinIntegrations.close();
    },
  };
}

/** Outside the 24-hour window, the business's re-engagement template replaces free-form replies. */
function reengagementTemplate(business: BusinessConfig, language: string | undefined): Reply | undefined {
  const template = business.templates.reengagement;
  if (!template) return undefined;
  const fallback = business.profile.default_language;
  const code = template.languages[language ?? fallback] ?? template.languages[fallback] ?? Object.values(template.languages)[0];
  return code ? { kind: 'template', name: template.name, language: code } : undefined;
}
