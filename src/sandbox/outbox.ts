/**
 * The business side of the chats: accepted messages, their status webhooks
 * (sent → delivered → read, reactions only `sent`), pricing, the 24-hour window and
 * the business marking the customer's messages read.
 */
import type { Scheduler } from './scheduler.ts';
import type { ParsedSend } from './send-validation.ts';
import { advance, type OutboundRecord, type Pricing, type SandboxState } from './state.ts';
import type { TemplateCategory } from './types.ts';
import type { WebhookPoster } from './webhook-poster.ts';
import { statusNotification, type BusinessIdentity, type StatusName } from './webhook-payloads.ts';

const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface OutboxDeps {
  state: SandboxState;
  scheduler: Scheduler;
  poster: WebhookPoster;
  identity: BusinessIdentity;
  statusDelayMs: number;
  templateCategories: Record<string, TemplateCategory>;
}

export type MessageSend = Extract<ParsedSend, { kind: 'message' }>;

export interface Outbox {
  /** True when the user wrote less than 24 hours ago (by the sandbox clock). */
  windowOpen(recipient: string): boolean;
  accept(send: MessageSend, body: Record<string, unknown>, idempotencyKey?: string): OutboundRecord;
  /** The user reads every delivered business message: `read` webhooks. Returns their wamids. */
  readAll(user: string): Promise<string[]>;
  /** The business marked an inbound message (and the earlier ones) read. Unknown ids are ignored. */
  markInboundRead(wamid: string, typing: boolean): void;
}

function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Open while less than 24 hours have passed since the user's latest message: closed at exactly 24 h, as Meta does. */
function windowOpen(deps: OutboxDeps, recipient: string): boolean {
  const last = deps.state.users.get(recipient)?.lastInboundAt;
  return last !== undefined && deps.state.now() - last < WINDOW_MS;
}

function pricingFor(deps: OutboxDeps, send: MessageSend, body: Record<string, unknown>): Pricing {
  if (send.type !== 'template') return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
  const template = body['template'] as { name?: unknown } | undefined;
  const name = typeof template?.name === 'string' ? template.name : '';
  const category = deps.templateCategories[name] ?? 'utility';
  // Utility templates inside an open window are free (§4.1); everything else is charged.
  if (category === 'utility' && windowOpen(deps, send.recipient)) {
    return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category };
  }
  return { billable: true, pricing_model: 'PMP', type: 'regular', category };
}

async function emit(deps: OutboxDeps, message: OutboundRecord, status: StatusName): Promise<void> {
  const body = statusNotification(deps.identity, message, status, seconds(deps.state.now()));
  await deps.poster.post({ kind: 'status', messageId: message.wamid, status }, body);
}

async function statusFlow(deps: OutboxDeps, message: OutboundRecord): Promise<void> {
  const { scheduler } = deps;
  const generation = scheduler.generation;
  const stale = () => scheduler.generation !== generation;
  if (!(await scheduler.sleep(deps.statusDelayMs)) || stale()) return;
  if (advance(message, 'sent')) await emit(deps, message, 'sent');
  if (message.type === 'reaction') return;
  if (!(await scheduler.sleep(deps.statusDelayMs)) || stale()) return;
  if (advance(message, 'delivered')) await emit(deps, message, 'delivered');
}

function accept(deps: OutboxDeps, send: MessageSend, body: Record<string, unknown>, idempotencyKey?: string): OutboundRecord {
  const { state } = deps;
  const message: OutboundRecord = {
    wamid: state.nextWamid(),
    phoneNumberId: deps.identity.phoneNumberId,
    recipient: send.recipient,
    body,
    type: send.type,
    acceptedAt: state.now(),
    status: 'accepted',
    isBsuid: send.isBsuid,
    pricing: pricingFor(deps, send, body),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(send.callbackData === undefined ? {} : { callbackData: send.callbackData }),
    ...(send.contextId === undefined ? {} : { contextId: send.contextId }),
  };
  state.outbound.push(message);
  const user = state.users.get(send.recipient);
  if (user !== undefined && send.type !== 'reaction') delete user.typingUntil;
  deps.scheduler.spawn(() => statusFlow(deps, message));
  return message;
}

async function readAll(deps: OutboxDeps, user: string): Promise<string[]> {
  const unread = deps.state.outbound.filter((m) => m.recipient === user && m.type !== 'reaction' && m.status === 'delivered');
  for (const message of unread) {
    advance(message, 'read');
    await emit(deps, message, 'read');
  }
  return unread.map((message) => message.wamid);
}

function markInboundRead(deps: OutboxDeps, wamid: string, typing: boolean): void {
  const { state } = deps;
  const target = state.inbound.get(wamid);
  if (target === undefined) return;
  // Reading a message reads the earlier ones of the chat too (insertion order = arrival order).
  for (const message of state.inbound.values()) {
    if (message.user === target.user) advance(message, 'read');
    if (message === target) break;
  }
  if (typing) state.showTyping(target.user);
}

export function createOutbox(deps: OutboxDeps): Outbox {
  return {
    windowOpen: (recipient) => windowOpen(deps, recipient),
    accept: (send, body, idempotencyKey) => accept(deps, send, body, idempotencyKey),
    readAll: (user) => readAll(deps, user),
    markInboundRead: (wamid, typing) => markInboundRead(deps, wamid, typing),
  };
}
