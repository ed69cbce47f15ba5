/**
 * A local stand-in for the WhatsApp Cloud API: the Graph messages endpoint, signed
 * webhooks to the engine, fake phones for users and test controls, all in memory.
 * Mount `sandbox.app` anywhere (e.g. `engineApp.route('/sandbox', sandbox.app)`) or serve it alone.
 * Never expose it publicly: /phone and /control have no authentication.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { controlRoutes } from './control-routes.ts';
import { createGraphApi, type GraphRequest } from './graph-api.ts';
import { createOutbox } from './outbox.ts';
import { createPhone, type Phone } from './phone.ts';
import { phoneRoutes } from './phone-routes.ts';
import { Scheduler } from './scheduler.ts';
import { SandboxState } from './state.ts';
import type { GraphAnswer, SandboxControl, SandboxOptions, SandboxViews } from './types.ts';
import { createWebhookPoster } from './webhook-poster.ts';

export interface Sandbox extends SandboxViews {
  app: Hono;
  /** The fake phones, programmatically (the /phone routes call these). */
  phone: Phone;
  control: SandboxControl;
  /** Resolves when every scheduled status webhook has been posted. */
  idle(): Promise<void>;
  /** Cancels pending webhooks, answers held sends and stops. */
  close(): Promise<void>;
}

const DEFAULT_WABA_ID = '102290129340398';

function answer(result: GraphAnswer): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
  if (result.httpStatus === 401) headers['www-authenticate'] = 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"';
  return new Response(JSON.stringify(result.body), { status: result.httpStatus, headers });
}

function createControl(state: SandboxState, scheduler: Scheduler): SandboxControl {
  return {
    failNext(spec) {
      for (let i = 0; i < (spec.count ?? 1); i += 1) state.failures.push({ ...spec });
      return state.failures.length;
    },
    hangNext(spec) {
      for (let i = 0; i < (spec.count ?? 1); i += 1) state.hangs.push({ accept: spec.accept ?? false });
      return state.hangs.length;
    },
    setClockOffset(offsetMs) {
      state.clockOffsetMs = offsetMs;
    },
    clockOffset: () => state.clockOffsetMs,
    reset() {
      scheduler.cancelAll();
      state.reset();
    },
  };
}

function createViews(state: SandboxState): SandboxViews {
  return {
    now: () => state.now(),
    sentMessages: () => state.outbound.map((message) => ({ ...message })),
    sendAttempts: () => [...state.attempts],
    webhookDeliveries: () => [...state.deliveries],
    chat: (user) => state.chat(user),
  };
}

/** The parts of a sandbox, wired together; the HTTP routes are put on top by `routes`. */
interface Parts {
  scheduler: Scheduler;
  graph: (request: GraphRequest) => Promise<GraphAnswer>;
  phone: Phone;
  control: SandboxControl;
  views: SandboxViews;
}

function createParts(options: SandboxOptions): Parts {
  const state = new SandboxState(options.clock ?? Date.now);
  const scheduler = new Scheduler();
  const identity = {
    wabaId: options.wabaId ?? DEFAULT_WABA_ID,
    phoneNumberId: options.phoneNumberId,
    displayPhoneNumber: options.displayPhoneNumber,
  };
  const poster = createWebhookPoster({
    url: options.webhookUrl,
    appSecret: options.appSecret,
    fetch: options.fetch ?? globalThis.fetch,
    state,
    signal: scheduler.abort.signal,
  });
  const outbox = createOutbox({
    state,
    scheduler,
    poster,
    identity,
    statusDelayMs: options.statusDelayMs ?? 50,
    templateCategories: options.templateCategories ?? {},
  });
  const graph = createGraphApi({
    state,
    outbox,
    scheduler,
    accessToken: options.accessToken,
    phoneNumberId: options.phoneNumberId,
    hangTimeoutMs: options.hangTimeoutMs ?? 30_000,
  });
  const phone = createPhone({ state, outbox, poster, identity });
  return { scheduler, graph, phone, control: createControl(state, scheduler), views: createViews(state) };
}

function routes(options: SandboxOptions, parts: Parts): Hono {
  const app = new Hono();
  app.use('/phone/*', cors());
  app.use('/control/*', cors());
  app.route('/', phoneRoutes(parts.phone));
  app.route('/', controlRoutes(parts.control, parts.views));
  app.post('/:version/:phoneNumberId/messages', async (c) =>
    answer(
      await parts.graph({
        version: c.req.param('version'),
        phoneNumberId: c.req.param('phoneNumberId'),
        rawBody: await c.req.text(),
        ...optionalHeader('authorization', c.req.header('authorization')),
        ...optionalHeader('idempotencyKey', c.req.header('idempotency-key')),
      }),
    ),
  );
  app.get('/', (c) =>
    c.json({
      name: 'centralino WhatsApp Cloud API sandbox',
      phoneNumberId: options.phoneNumberId,
      graph: `POST /{version}/${options.phoneNumberId}/messages`,
      phone: ['POST /phone/:user/messages', 'GET /phone/:user/messages', 'POST /phone/:user/read', 'POST /phone/:user/redeliver/:wamid'],
      control: ['POST /control/fail-next', 'POST /control/hang-next', 'POST /control/clock', 'POST /control/reset'],
    }),
  );
  return app;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const parts = createParts(options);
  return {
    app: routes(options, parts),
    phone: parts.phone,
    control: parts.control,
    ...parts.views,
    idle: () => parts.scheduler.idle(),
    close: () => parts.scheduler.close(),
  };
}

function optionalHeader<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
