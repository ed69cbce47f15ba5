/**
 * The WhatsApp ReplyDispatcher: for each reply, checks the 24-hour window (falling back to
 * a template when one is configured), builds the Cloud API body (enforcing the limits),
 * records the outbound message, sends it with retries under its idempotency key, and
 * records the outcome. Refusals and failures are recorded, never thrown.
 */
import { randomUUID } from 'node:crypto';
import { isAppError } from '../../core/errors.ts';
import type { Clock, DispatchTarget, Logger, ReplyDispatcher } from '../../core/ports.ts';
import { silentLogger } from '../../core/ports.ts';
import { isFreeForm } from '../../core/reply.ts';
import type { Reply } from '../../core/reply.ts';
import type { Contact, OutboundPatch, Store, StoredOutbound } from '../../core/store.ts';
import type { CloudApiClient } from './cloud-api-client.ts';
import { isWindowOpen } from './customer-window.ts';
import { GRAPH_CODE } from './graph-errors.ts';
import { buildSendBody } from './send-builders.ts';
import type { SendRecipient } from './send-builders.ts';

export interface WhatsAppDispatcherDeps {
  store: Store;
  client: CloudApiClient;
  clock: Clock;
  logger?: Logger;
  /** A template to send instead of a free-form reply when the window is closed; undefined: refuse. */
  templateFallback?: (target: DispatchTarget, language?: string) => Reply | undefined;
  /** Outbound ids (also the idempotency keys) when the target has no turnId. Default: crypto.randomUUID(). With a turnId the ids are `<turnId>:<index>`, so a resumed turn finds what it already sent. */
  newId?: () => string;
}

export const WINDOW_CLOSED_TITLE =
  'customer service window closed: more than 24 hours since the customer last wrote, only a template may be sent';

/** What to do with one reply: send this body, or record a refusal. */
type Plan =
  | { action: 'send'; reply: Reply; body: Record<string, unknown> }
  | { action: 'refuse'; reply: Reply; body: Record<string, unknown>; errorCode?: number; errorTitle: string };

/** The contact's addresses; without a stored contact, the key tells (digits: wa_id, else BSUID). */
function recipientOf(target: DispatchTarget, contact: Contact | undefined): SendRecipient {
  if (contact?.waId || contact?.userId) return { waId: contact.waId, userId: contact.userId };
  return /^\+?\d+$/.test(target.customerKey) ? { waId: target.customerKey } : { userId: target.customerKey };
}

export function createWhatsAppDispatcher(deps: WhatsAppDispatcherDeps): ReplyDispatcher {
  const { store, client, clock } = deps;
  const logger = deps.logger ?? silentLogger;
  const newId = deps.newId ?? randomUUID;

  async function windowReply(target: DispatchTarget, contact: Contact | undefined, reply: Reply): Promise<Reply | undefined> {
    if (!isFreeForm(reply) || isWindowOpen(contact?.lastInboundAt, clock.now())) return reply;
    if (!deps.templateFallback) return undefined;
    const language = (await store.getConversation(target.conversationId))?.language;
    const fallback = deps.templateFallback(target, language);
    return fallback?.kind === 'template' ? fallback : undefined;
  }

  async function plan(target: DispatchTarget, contact: Contact | undefined, reply: Reply, id: string): Promise<Plan> {
    const chosen = await windowReply(target, contact, reply);
    if (chosen === undefined) {
      const body = { reply };
      return { action: 'refuse', reply, body, errorCode: GRAPH_CODE.WINDOW_CLOSED, errorTitle: WINDOW_CLOSED_TITLE };
    }
    try {
      return { action: 'send', reply: chosen, body: buildSendBody(recipientOf(target, contact), chosen, { callbackData: id }) };
    } catch (error) {
      if (!isAppError(error)) throw error;
      // Not buildable: keep the channel-neutral reply for inspection instead of a send body.
      return { action: 'refuse', reply: chosen, body: { reply: chosen }, errorTitle: `${error.code}: ${error.message}` };
    }
  }

  async function record(target: DispatchTarget, id: string, step: Plan): Promise<StoredOutbound> {
    const outbound = {
      id,
      conversationId: target.conversationId,
      phoneNumberId: target.phoneNumberId,
      customerKey: target.customerKey,
      body: step.body,
      kind: step.reply.kind,
    };
    return store.createOutbound(target.turnId === undefined ? outbound : { ...outbound, turnId: target.turnId }, clock.now());
  }

  async function refuse(id: string, step: Extract<Plan, { action: 'refuse' }>): Promise<StoredOutbound> {
    logger.warn({ outboundId: id, errorCode: step.errorCode, reason: step.errorTitle }, 'reply refused');
    const patch: OutboundPatch = { status: 'refused', errorCode: step.errorCode ?? null, errorTitle: step.errorTitle, attempts: 0 };
    return store.updateOutbound(id, patch, clock.now());
  }

  async function send(target: DispatchTarget, id: string, body: Record<string, unknown>): Promise<StoredOutbound> {
    const result = await client.send(target.phoneNumberId, body, { idempotencyKey: id });
    if (result.ok) {
      const patch: OutboundPatch = { wamid: result.wamid, status: 'accepted', attempts: result.attempts };
      return store.updateOutbound(id, patch, clock.now());
    }
    const { error } = result;
    logger.warn({ outboundId: id, code: error.code, httpStatus: error.httpStatus, attempts: result.attempts }, 'reply failed');
    const patch: OutboundPatch = {
      status: 'failed',
      errorCode: error.code ?? null,
      errorTitle: error.details ? `${error.message} (${error.details})` : error.message,
      attempts: result.attempts,
    };
    return store.updateOutbound(id, patch, clock.now());
  }

  async function markRead(phoneNumberId: string, messageId: string, typing: boolean): Promise<void> {
    try {
      const result = await client.markRead(phoneNumberId, messageId, typing);
      if (!result.ok) logger.warn({ messageId, code: result.error.code, reason: result.error.message }, 'mark read failed');
    } catch (error) {
      logger.warn({ messageId, err: error }, 'mark read failed');
    }
  }

  return {
    async dispatch(target, replies) {
      const contact = await store.getContact(target.phoneNumberId, target.customerKey);
      const records: StoredOutbound[] = [];
      let markedRead = false;
      for (const [index, reply] of replies.entries()) {
        const id = target.turnId === undefined ? newId() : `${target.turnId}:${index}`;
        const existing = await store.getOutbound(id);
        if (existing && existing.status !== 'queued') {
          // Resumed after a restart: this reply already went out (or was refused); never send it twice.
          records.push(existing);
          markedRead = true;
          continue;
        }
        const step = await plan(target, contact, reply, id);
        if (!existing) await record(target, id, step);
        if (step.action === 'refuse') {
          records.push(await refuse(id, step));
          continue;
        }
        if (target.inReplyTo && !markedRead) {
          // Read receipt and typing indicator only when a reply is really on its way.
          await markRead(target.phoneNumberId, target.inReplyTo, true);
          markedRead = true;
        }
        records.push(await send(target, id, step.body));
      }
      if (target.inReplyTo && !markedRead) await markRead(target.phoneNumberId, target.inReplyTo, false);
      return records;
    },
    markRead,
  };
}
