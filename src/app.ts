/**
 * createApp(deps): the engine's HTTP routes, no listen(). Tests drive it in process
 * with app.request() or on a loopback port.
 */
import { Hono } from 'hono';
import { consoleApi } from './console/console-api.ts';
import type { Store } from './core/store.ts';
import { webhookRoutes, type WebhookDeps } from './channels/whatsapp/webhook-routes.ts';

export interface AppDeps {
  store: Store;
  webhook: WebhookDeps;
  /** Serve the developer API under /console/api (the demo only: it has no authentication yet). */
  console: boolean;
  isReady(): boolean;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => (deps.isReady() ? c.json({ status: 'ok' }) : c.json({ status: 'starting' }, 503)));
  app.route('/webhooks/whatsapp', webhookRoutes(deps.webhook));
  if (deps.console) app.route('/console/api', consoleApi(deps.store));
  app.onError((error, c) => {
    deps.webhook.logger.error({ err: error, path: c.req.path }, 'request failed');
    return c.json({ error: { code: 'INTERNAL', message: 'internal error; see the engine log' } }, 500);
  });
  return app;
}
