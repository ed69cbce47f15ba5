/**
 * POSTs webhooks to the engine the way Meta does: `Content-Type: application/json` and
 * `X-Hub-Signature-256: sha256=<HMAC of the exact raw body>` (API digest §1.2). Every
 * attempt is recorded with the status the receiver answered.
 */
import { signBody } from '../channels/whatsapp/signature.ts';
import type { SandboxState } from './state.ts';
import type { WebhookDelivery } from './types.ts';
import { metaJson } from './webhook-payloads.ts';

const DELIVERY_TIMEOUT_MS = 10_000;

export interface WebhookPosterDeps {
  url: string;
  appSecret: string;
  fetch: typeof fetch;
  state: SandboxState;
  /** Aborted when the sandbox closes. */
  signal: AbortSignal;
}

export interface WebhookTarget {
  kind: WebhookDelivery['kind'];
  messageId: string;
  status?: string;
}

export interface WebhookPoster {
  /** Serialises, signs and POSTs a new webhook body. */
  post(target: WebhookTarget, body: Record<string, unknown>): Promise<WebhookDelivery>;
  /** POSTs a raw body again, byte for byte, as Meta's retries do. */
  repost(target: WebhookTarget, rawBody: string): Promise<WebhookDelivery>;
}

async function send(deps: WebhookPosterDeps, rawBody: string, signature: string): Promise<{ status: number; error?: string }> {
  try {
    const response = await deps.fetch(deps.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature, 'user-agent': 'facebookexternalua' },
      body: rawBody,
      signal: AbortSignal.any([deps.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { status: response.status };
  } catch (error) {
    return { status: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

export function createWebhookPoster(deps: WebhookPosterDeps): WebhookPoster {
  async function deliver(target: WebhookTarget, rawBody: string, redelivery: boolean): Promise<WebhookDelivery> {
    const signature = signBody(rawBody, deps.appSecret);
    const at = deps.state.now();
    const outcome = await send(deps, rawBody, signature);
    const delivery: WebhookDelivery = {
      url: deps.url,
      kind: target.kind,
      messageId: target.messageId,
      ...(target.status === undefined ? {} : { status: target.status }),
      rawBody,
      body: JSON.parse(rawBody) as unknown,
      signature,
      responseStatus: outcome.status,
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
      at,
      redelivery,
    };
    deps.state.deliveries.push(delivery);
    return delivery;
  }
  return {
    post: (target, body) => deliver(target, metaJson(body), false),
    repost: (target, rawBody) => deliver(target, rawBody, true),
  };
}
