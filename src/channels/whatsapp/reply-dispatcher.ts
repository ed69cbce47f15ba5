/**
 * The WhatsApp ReplyDispatcher: for each reply of a turn, checks the 24-hour window, builds
 * the Cloud API body (enforcing the limits), records the outbound message, sends it with
 * retries under its idempotency key, and records the outcome. Refusals and failures are
 * recorded, never thrown.
 *
 * Window closed (by our clock, or a 131047 from the API): the free-form replies are recorded
 * as refused and the business's re-engagement template is sent once in their place.
 * Resumed turns (ids `<turnId>:<index>`) skip what already went out; a message that may have
 * been in flight when the process died is re-sent only if no status webhook has confirmed it
 * within `unconfirmedWaitMs`.
 */
import { randomUUID } from 'node:crypto';
import { isAppError } from '../../core/errors.ts';
import type { Clock, DispatchTarget, Logger, ReplyDispatcher } from '../../core/ports.ts';
import { silentLogger } from '../../core/ports.ts';
import { isFreeForm } from '../../core/reply.ts';
import type { Reply } from '../../core/reply.ts';
import type { Contact, Store, StoredOutbound } from '../../core/store.ts';
import { DEFAULT_UNCONFIRMED_WAIT_MS, type CloudApiClient } from './cloud-api-client.ts';
import { isWindowOpen } from './customer-window.ts';
import { GRAPH_CODE } from './graph-errors.ts';
import { buildSendBody } from './send-builders.ts';
import type { SendRecipient } from './send-builders.ts';

export interface WhatsAppDispatcherDeps {
  store: Store;
  client: CloudApiClient;
  clock: Clock;
  logger?: Logger;
  /** The template sent once in place of free-form replies when the window is closed; undefined: refuse only. */
  templateFallback?: (target: DispatchTarget, language?: string) => Reply | undefined;
  /** Outbound ids (also the idempotency keys) when the target has no turnId. Default: crypto.randomUUID(). With a turnId the ids are `<turnId>:<index>`, so a resumed turn finds what it already sent. */
  newId?: () => string;
  /** How long a message that may have been in flight waits for a status webhook before it is sent again. */
  unconfirmedWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const WINDOW_CLOSED_TITLE =
  'customer service window closed: more than 24 hours since the customer last wrote, only a template may be sent';

type Deps = Required<Omit<WhatsAppDispatcherDeps, 'templateFallback'>> & Pick<WhatsAppDispatcherDeps, 'templateFallback'>;

/** What one turn has learnt so far while its replies go out. */
interface TurnState {
  target: DispatchTarget;
  contact: Contact | undefined;
  windowOpen: boolean;
  needTemplate: boolean;
  markedRead: boolean;
}

export function createWhatsAppDispatcher(deps: WhatsAppDispatcherDeps): ReplyDispatcher {
  const resolved: Deps = {
    logger: silentLogger,
    newId: randomUUID,
    unconfirmedWaitMs: DEFAULT_UNCONFIRMED_WAIT_MS,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ...deps,
  };
  return {
    dispatch: (target, replies) => dispatchTurn(resolved, target, replies),
    markRead: (phoneNumberId, messageId, typing) => markRead(resolved, phoneNumberId, messageId, typing),
  };
}

async function dispatchTurn(d: Deps, target: DispatchTarget, replies: Reply[]): Promise<StoredOutbound[]> {
  const contact = await d.store.getContact(target.phoneNumberId, target.customerKey);
  const turn: TurnState = { target, contact, windowOpen: isWindowOpen(contact?.lastInboundAt, d.clock.now()), needTemplate: false, markedRead: false };
  const records: StoredOutbound[] = [];
  for (const [index, reply] of replies.entries()) {
    const id = target.turnId === undefined ? d.newId() : `${target.turnId}:${index}`;
    records.push(await dispatchOne(d, turn, reply, id));
  }
  if (turn.needTemplate) {
    const template = await sendTemplateInstead(d, turn);
    if (template) records.push(template);
  }
  if (target.inReplyTo && !turn.markedRead) await markRead(d, target.phoneNumberId, target.inReplyTo, false);
  return records;
}

async function dispatchOne(d: Deps, turn: TurnState, reply: Reply, id: string): Promise<StoredOutbound> {
  const existing = await d.store.getOutbound(id);
  if (existing && existing.status !== 'queued') return alreadyDone(turn, existing);
  if (isFreeForm(reply) && !turn.windowOpen) {
    turn.needTemplate = true;
    return refuse(d, turn.target, id, reply, existing, { code: GRAPH_CODE.WINDOW_CLOSED, title: WINDOW_CLOSED_TITLE });
  }
  let body: Record<string, unknown>;
  try {
    body = buildSendBody(recipientOf(turn.target, turn.contact), reply, { callbackData: id });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refuse(d, turn.target, id, reply, existing, { title: `${error.code}: ${error.message}` });
  }
  const record = existing ?? (await create(d, turn.target, id, reply.kind, body));
  if (turn.target.inReplyTo && !turn.markedRead) {
    // Read receipt and typing indicator only when a reply is really on its way.
    await markRead(d, turn.target.phoneNumberId, turn.target.inReplyTo, true);
    turn.markedRead = true;
  }
  const sent = await send(d, record, body);
  if (sent.errorCode === GRAPH_CODE.WINDOW_CLOSED) {
    turn.windowOpen = false;
    turn.needTemplate = true;
  }
  return sent;
}

/** A reply of a resumed turn that already went out (or was refused): never send it twice. */
function alreadyDone(turn: TurnState, existing: StoredOutbound): StoredOutbound {
  turn.markedRead = true;
  if (existing.errorCode === GRAPH_CODE.WINDOW_CLOSED) turn.needTemplate = true;
  return existing;
}

/** The re-engagement template, once per turn, in place of the refused free-form replies. */
async function sendTemplateInstead(d: Deps, turn: TurnState): Promise<StoredOutbound | undefined> {
  const { target } = turn;
  const language = (await d.store.getConversation(target.conversationId))?.language;
  const template = d.templateFallback?.(target, language);
  if (template?.kind !== 'template') return undefined;
  const id = target.turnId === undefined ? d.newId() : `${target.turnId}:template`;
  const existing = await d.store.getOutbound(id);
  if (existing && existing.status !== 'queued') return existing;
  let body: Record<string, unknown>;
  try {
    body = buildSendBody(recipientOf(target, turn.contact), template, { callbackData: id });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refuse(d, target, id, template, existing, { title: `${error.code}: ${error.message}` });
  }
  return send(d, existing ?? (await create(d, target, id, template.kind, body)), body);
}

/** The contact's addresses; without a stored contact, the key tells (digits: wa_id, else BSUID). */
function recipientOf(target: DispatchTarget, contact: Contact | undefined): SendRecipient {
  if (contact?.waId || contact?.userId) return { waId: contact.waId, userId: contact.userId };
  return /^\+?\d+$/.test(target.customerKey) ? { waId: target.customerKey } : { userId: target.customerKey };
}

function create(d: Deps, target: DispatchTarget, id: string, kind: string, body: Record<string, unknown>): Promise<StoredOutbound> {
  const outbound = { id, conversationId: target.conversationId, phoneNumberId: target.phoneNumberId, customerKey: target.customerKey, body, kind };
  return d.store.createOutbound(target.turnId === undefined ? outbound : { ...outbound, turnId: target.turnId }, d.clock.now());
}

/** Records a reply that is not sent. Its body is the channel-neutral reply: no valid send body exists. */
async function refuse(
  d: Deps,
  target: DispatchTarget,
  id: string,
  reply: Reply,
  existing: StoredOutbound | undefined,
  reason: { code?: number; title: string },
): Promise<StoredOutbound> {
  d.logger.warn({ outboundId: id, errorCode: reason.code, reason: reason.title }, 'reply refused');
  if (!existing) await create(d, target, id, reply.kind, { reply });
  return d.store.updateOutbound(id, { status: 'refused', errorCode: reason.code ?? null, errorTitle: reason.title }, d.clock.now());
}

async function send(d: Deps, record: StoredOutbound, body: Record<string, unknown>): Promise<StoredOutbound> {
  const { id } = record;
  if (record.attempts > 0) {
    // The process died with this message possibly in flight: re-send only if no status confirmed it.
    await d.sleep(d.unconfirmedWaitMs);
    const confirmed = await d.store.getOutbound(id);
    if (confirmed && (confirmed.wamid !== undefined || confirmed.status !== 'queued')) return confirmed;
  }
  await d.store.updateOutbound(id, { attempts: record.attempts + 1 }, d.clock.now());
  const confirm = async () => (await d.store.getOutbound(id))?.wamid;
  const result = await d.client.send(record.phoneNumberId, body, { idempotencyKey: id, confirm });
  const attempts = record.attempts + result.attempts;
  if (result.ok) return d.store.updateOutbound(id, { wamid: result.wamid, status: 'accepted', attempts }, d.clock.now());
  const { error } = result;
  d.logger.warn({ outboundId: id, code: error.code, httpStatus: error.httpStatus, attempts }, 'reply failed');
  const errorTitle = error.details ? `${error.message} (${error.details})` : error.message;
  return d.store.updateOutbound(id, { status: 'failed', errorCode: error.code ?? null, errorTitle, attempts }, d.clock.now());
}

async function markRead(d: Deps, phoneNumberId: string, messageId: string, typing: boolean): Promise<void> {
  try {
    const result = await d.client.markRead(phoneNumberId, messageId, typing);
    if (!result.ok) d.logger.warn({ messageId, code: result.error.code, reason: result.error.message }, 'mark read failed');
  } catch (error) {
    d.logger.warn({ messageId, err: error }, 'mark read failed');
  }
}
