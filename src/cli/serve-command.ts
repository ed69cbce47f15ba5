/** `centralino serve`: the engine alone, answering Meta's Cloud API (or any base URL). */
import { serve } from '@hono/node-server';
import { loadBusinessConfig } from '../config/load-business.ts';
import { loadSettings } from '../config/settings.ts';
import { createEngine } from '../main.ts';
import { createLogger } from './logger.ts';
import { createProgressBar } from './progress-bar.ts';
import { watchBusinessConfig } from './watch-config.ts';

export async function serveCommand(): Promise<void> {
  const settings = loadSettings(process.env);
  const logger = createLogger(settings.LOG_LEVEL);
  const business = loadBusinessConfig(settings.CENTRALINO_CONFIG);
  const progress = createProgressBar('training the intent model');
  const engine = await createEngine({ settings, business, logger, onTrainProgress: (p) => progress.update(p) });
  const watcher = watchBusinessConfig(settings.CENTRALINO_CONFIG, engine, logger);
  const server = serve({ fetch: engine.app.fetch, port: settings.PORT, hostname: settings.HOST }, (info) => {
    logger.info({ port: info.port, business: business.profile.name, api: settings.WHATSAPP_API_BASE_URL }, 'centralino is serving');
    console.log(`centralino: webhook at http://${settings.HOST}:${info.port}/webhooks/whatsapp`);
  });
  onShutdown(async () => {
    watcher.close();
    server.close();
    await engine.close();
  });
}

export function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\ncentralino: ${signal} received, finishing current turns…`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
