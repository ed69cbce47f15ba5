/** `centralino serve`: the engine alone, answering Meta's Cloud API (or any base URL). */
import { serve } from '@hono/node-server';
import { loadBusinessConfig } from '../config/load-business.ts';
import { loadSettings } from '../config/settings.ts';
import { createEngine } from '../main.ts';
import { createLogger } from './logger.ts';

export async function serveCommand(): Promise<void> {
  const settings = loadSettings(process.env);
  const logger = createLogger(settings.LOG_LEVEL);
  const business = loadBusinessConfig(settings.CENTRALINO_CONFIG);
  const engine = await createEngine({ settings, business, logger });
  const server = serve({ fetch: engine.app.fetch, port: settings.PORT, hostname: settings.HOST }, (info) => {
    logger.info({ port: info.port, business: business.profile.name, api: settings.WHATSAPP_API_BASE_URL }, 'centralino is serving');
    console.log(`centralino: webhook at http://${settings.HOST}:${info.port}/webhooks/whatsapp`);
  });
  onShutdown(async () => {
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
