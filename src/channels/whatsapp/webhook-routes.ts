/**
 * The WhatsApp webhook endpoint (mounted at /webhooks/whatsapp).
 *   GET  → verification handshake: 200 with the raw hub.challenge, otherwise 403.
 *   POST → size limit (413), signature on the raw bytes (401, nothing stored), JSON (400),
 *          WhatsApp notification (400), then redact free text (card numbers), store first
 *          and answer 200 at once.
 * No model or outbound call happens inside the request: new messages are handed to
 * `onConversations` after the response is on its way.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ErrorCode } from '../../core/errors.ts';
import type { InboundMessage } from '../../core/message.ts';
import type { Clock, Logger, OriginalMessages } from '../../core/ports.ts';
import type { Store } from '../../core/store.ts';
import { verifyHandshake } from './handshake.ts';
import { normalizeNotification } from './normalize.ts';
import { redactNotification } from './redact-notification.ts';
import { verifySignature } from './signature.ts';

/** Meta's maximum webhook payload (API digest §1.2). */
export const WEBHOOK_MAX_BYTES = 3 * 1024 * 1024;

export interface WebhookDeps {
  appSecret: string;
  verifyToken: string;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Called after the 200 with the conversations that have new pending messages. */
  onConversations(conversationIds: string[]): void;
  /** Applied to every free-text string before anything is stored (the guard's personal-data redaction). */
  redactText?: (text: string) => string;
  /** Given the unredacted messages whose text the redaction changed (memory only). */
  originals?: OriginalMessages;
}

export function webhookRoutes(deps: WebhookDeps): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const check = verifyHandshake(c.req.query(), deps.verifyToken);
    if (!check.ok) {
      deps.logger.warn({ reason: check.reason }, 'webhook verification refused');
      return c.text('Forbidden', 403);
    }
    return c.text(check.challenge, 200);
  });
  app.post(
    '/',
    bodyLimit({
      maxSize: WEBHOOK_MAX_BYTES,
      onError: (c) => fail(c, 413, 'WEBHOOK_BODY_TOO_LARGE', `the body is larger than ${WEBHOOK_MAX_BYTES} bytes (3 MB)`),
    }),
    (c) => receive(c, deps),
  );
  return app;
}

async function receive(c: Context, deps: WebhookDeps): Promise<Response> {
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const signature = verifySignature(raw, c.req.header('x-hub-signature-256'), deps.appSecret);
  if (!signature.ok) {
    deps.logger.warn({ code: signature.code, reason: signature.reason }, 'webhook refused');
    return fail(c, 401, signature.code, signature.reason);
  }
  const text = new TextDecoder().decode(raw);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    return fail(c, 400, 'WEBHOOK_BODY_NOT_JSON', `the body is not valid JSON: ${(cause as Error).message}`);
  }
  const redaction = deps.redactText ? redactNotification(body, deps.redactText) : { value: body, changed: false };
  const normalized = normalizeNotification(redaction.value);
  if (!normalized.ok) return fail(c, 400, normalized.code, normalized.reason);
  const { messages, statuses, errors, others } = normalized.notification;
  if (redaction.changed && deps.originals) keepOriginals(body, messages, deps.originals);
  const now = deps.clock.now();
  await deps.store.appendWebhook(redaction.changed ? JSON.stringify(redaction.value) : text, now);
  const ingested = await deps.store.ingestInbound(messages, now);
  let applied = 0;
  for (const status of statuses) if ((await deps.store.applyStatus(status, now)).applied) applied++;
  for (const error of errors) deps.logger.warn({ error }, 'WhatsApp reported an error in a webhook');
  if (ingested.duplicates.length > 0) deps.logger.info({ duplicates: ingested.duplicates }, 'duplicate messages ignored');
  const conversations = [...new Set(ingested.inserted.map((m) => m.conversationId))];
  if (conversations.length > 0) setImmediate(() => deps.onConversations(conversations));
  return c.json({
    received: { messages: messages.length, statuses: statuses.length, errors: errors.length, other: others.length },
    new_messages: ingested.inserted.length,
    duplicates: ingested.duplicates.length,
    statuses_applied: applied,
  });
}

/** The unredacted form of every message the redaction changed, for the in-memory originals. */
function keepOriginals(body: unknown, redacted: readonly InboundMessage[], originals: OriginalMessages): void {
  const raw = normalizeNotification(body);
  if (!raw.ok) return;
  const byId = new Map(redacted.map((m) => [m.id, m]));
  for (const message of raw.notification.messages) {
    const stored = byId.get(message.id);
    if (stored && JSON.stringify(stored.content) !== JSON.stringify(message.content)) originals.keep(message);
  }
}

function fail(c: Context, status: 400 | 401 | 413, code: ErrorCode, message: string): Response {
  return c.json({ error: { code, message } }, status);
}
