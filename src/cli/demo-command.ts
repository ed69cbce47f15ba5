/**
 * `centralino demo`: engine + Cloud API sandbox + browser simulator in one process,
 * with the demo beauty salon on the embedded store. No key or account needed: the
 * secrets are generated, and the engine talks to the sandbox by base URL exactly as it
 * would talk to Meta, through signed webhooks and the /messages endpoint.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Hono } from 'hono';
import { loadBusinessConfig } from '../config/load-business.ts';
import { DEFAULT_BUSINESS_CONFIG, loadSettings, type Settings } from '../config/settings.ts';
import { simulatorRoutes } from '../console/simulator-routes.ts';
import type { Logger } from '../core/ports.ts';
import { importKnowledge } from '../knowledge/import/import-knowledge.ts';
import { createEngine, type Engine } from '../main.ts';
import { seedDemoIntegrations } from '../storage/sqlite/integrations/demo-seed.ts';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.ts';
import { listenLazy } from './listen.ts';
import { createLogger } from './logger.ts';
import { onShutdown } from './serve-command.ts';
import { watchBusinessConfig } from './watch-config.ts';

export const DEMO_PHONE_NUMBER_ID = '100000000000001';
export const DEMO_DISPLAY_NUMBER = '390212345678';

export interface DemoOptions {
  port: number;
  host: string;
  settings: Settings;
  logger: Logger;
  /** Forwarded to the sandbox (status webhook delay). */
  statusDelayMs?: number;
}

export interface Demo {
  url: string;
  engine: Engine;
  sandbox: Sandbox;
  close(): Promise<void>;
}

export async function startDemo(options: DemoOptions): Promise<Demo> {
  const server = await listenLazy(options.port, options.host);
  const origin = server.origin;
  const settings: Settings = { ...options.settings, WHATSAPP_API_BASE_URL: `${origin}/sandbox` };
  const business = loadBusinessConfig(settings.CENTRALINO_CONFIG);
  const sandbox = createSandbox({
    appSecret: settings.WHATSAPP_APP_SECRET,
    accessToken: settings.WHATSAPP_ACCESS_TOKEN,
    webhookUrl: `${origin}/webhooks/whatsapp`,
    phoneNumberId: DEMO_PHONE_NUMBER_ID,
    displayPhoneNumber: DEMO_DISPLAY_NUMBER,
    ...(options.statusDelayMs === undefined ? {} : { statusDelayMs: options.statusDelayMs }),
  });
  const engine = await createEngine({ settings, business, logger: options.logger, console: true });
  await fillDemoData(engine, settings.CENTRALINO_CONFIG, options.logger);
  const root = new Hono();
  root.route('/', engine.app);
  root.route('/sandbox', sandbox.app);
  root.route('/', simulatorRoutes({ sandboxBasePath: '/sandbox', turnsApiPath: '/console/api/turns', businessName: business.profile.name, phoneNumberId: DEMO_PHONE_NUMBER_ID }));
  server.setHandler((request) => root.fetch(request));
  return {
    url: `${origin}/`,
    engine,
    sandbox,
    async close() {
      await server.close();
      await sandbox.close();
      await engine.close();
    },
  };
}

/**
 * The demo's systems and knowledge: the built-in bookings, CRM and orders get the salon's
 * services, staff, hours and a few orders; the `knowledge/` folder next to the business file
 * is imported (re-importing unchanged files changes nothing).
 */
async function fillDemoData(engine: Engine, configFile: string, logger: Logger): Promise<void> {
  seedDemoIntegrations(engine.builtinIntegrations.catalogue, Date.now());
  const folder = join(dirname(configFile), 'knowledge');
  if (!existsSync(folder)) return;
  const business = engine.business();
  const report = await importKnowledge(engine.knowledgeStore, folder, { languages: business.profile.languages, defaultLanguage: business.profile.default_language });
  logger.info({ added: report.added.length, changed: report.changed.length, rejected: report.rejected.length }, `knowledge imported from ${folder}`);
}

/**
 * Demo settings: the environment where set, generated secrets and the demo business
 * otherwise. Each example business gets its own data folder (`./data/demo/<its folder>`), so
 * the salon's knowledge never answers for the bank.
 */
export function demoSettings(env: Record<string, string | undefined>): Settings {
  const secret = () => randomBytes(16).toString('hex');
  const config = env.CENTRALINO_CONFIG || DEFAULT_BUSINESS_CONFIG;
  return loadSettings({
    CENTRALINO_DATA_DIR: join('./data/demo', basename(dirname(resolve(config)))),
    CENTRALINO_CONFIG: DEFAULT_BUSINESS_CONFIG,
    LOG_LEVEL: 'warn',
    ...env,
    WHATSAPP_APP_SECRET: env.WHATSAPP_APP_SECRET || secret(),
    WHATSAPP_VERIFY_TOKEN: env.WHATSAPP_VERIFY_TOKEN || secret(),
    WHATSAPP_ACCESS_TOKEN: env.WHATSAPP_ACCESS_TOKEN || secret(),
  });
}

export async function demoCommand(flags: { port?: string; fresh?: boolean }): Promise<void> {
  const settings = demoSettings({ ...process.env, ...(flags.port ? { PORT: flags.port } : {}) });
  if (flags.fresh) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(settings.CENTRALINO_DATA_DIR, `centralino.db${suffix}`), { force: true });
  }
  const logger = createLogger(settings.LOG_LEVEL);
  const demo = await startDemo({ port: settings.PORT, host: settings.HOST, settings, logger });
  const watcher = watchBusinessConfig(settings.CENTRALINO_CONFIG, demo.engine, logger);
  console.log(`\n  centralino demo — ${loadBusinessConfig(settings.CENTRALINO_CONFIG).profile.name}\n`);
  console.log(`  Chat with it in your browser:  ${demo.url}`);
  console.log(`  Webhook (signed by the sandbox): ${demo.url}webhooks/whatsapp`);
  console.log(`  Data: ${settings.CENTRALINO_DATA_DIR}   Business: ${settings.CENTRALINO_CONFIG} (edits are picked up live)   Stop: Ctrl+C\n`);
  onShutdown(async () => {
    watcher.close();
    await demo.close();
  });
}
