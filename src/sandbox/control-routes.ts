/**
 * Test controls (failure injection, clock, reset) and read-only views of the state:
 *   POST /control/fail-next {count?=1, httpStatus?, code?, message?, details?, subcode?} → {ok, pendingFailures}
 *   POST /control/hang-next {count?=1, accept?=false}                                   → {ok, pendingHangs}
 *   POST /control/clock     {offsetMs} | {advanceMs}                                     → {offsetMs, now}
 *   GET  /control/clock                                                                  → {offsetMs, now}
 *   POST /control/reset                                                                  → {ok}
 *   GET  /control/messages  → {messages: SentMessage[]}
 *   GET  /control/attempts  → {attempts: SendAttempt[]}
 *   GET  /control/webhooks  → {deliveries: WebhookDelivery[]}
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { parseJson } from '../core/json.ts';
import type { SandboxControl, SandboxViews } from './types.ts';

const failNext = z.object({
  count: z.number().int().min(1).max(1000).optional(),
  httpStatus: z.number().int().min(400).max(599).optional(),
  code: z.number().int().optional(),
  message: z.string().optional(),
  details: z.string().optional(),
  subcode: z.number().int().optional(),
});

const hangNext = z.object({ count: z.number().int().min(1).max(100).optional(), accept: z.boolean().optional() });

const clock = z.union([z.object({ offsetMs: z.number() }), z.object({ advanceMs: z.number() })]);

async function body(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : undefined;
}

function invalid(c: Context, error: z.ZodError): Response {
  return c.json({ error: 'invalid control body', issues: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
}

export function controlRoutes(control: SandboxControl, views: SandboxViews): Hono {
  const app = new Hono();

  app.post('/control/fail-next', async (c) => {
    const parsed = failNext.safeParse(await body(c));
    if (!parsed.success) return invalid(c, parsed.error);
    return c.json({ ok: true, pendingFailures: control.failNext(parsed.data) });
  });

  app.post('/control/hang-next', async (c) => {
    const parsed = hangNext.safeParse(await body(c));
    if (!parsed.success) return invalid(c, parsed.error);
    return c.json({ ok: true, pendingHangs: control.hangNext(parsed.data) });
  });

  app.post('/control/clock', async (c) => {
    const parsed = clock.safeParse(await body(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const offsetMs = 'offsetMs' in parsed.data ? parsed.data.offsetMs : control.clockOffset() + parsed.data.advanceMs;
    control.setClockOffset(offsetMs);
    return c.json({ offsetMs, now: views.now() });
  });

  app.get('/control/clock', (c) => c.json({ offsetMs: control.clockOffset(), now: views.now() }));

  app.post('/control/reset', (c) => {
    control.reset();
    return c.json({ ok: true });
  });

  app.get('/control/messages', (c) => c.json({ messages: views.sentMessages() }));
  app.get('/control/attempts', (c) => c.json({ attempts: views.sendAttempts() }));
  app.get('/control/webhooks', (c) => c.json({ deliveries: views.webhookDeliveries() }));

  return app;
}
