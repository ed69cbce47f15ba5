/**
 * The users' fake phones: a message typed or tapped on a phone becomes a signed inbound
 * webhook in Meta's exact shape; the phone reads business messages (`read` statuses)
 * and shows the chat with its ticks.
 */
import { isRecord } from '../core/json.ts';
import type { Outbox } from './outbox.ts';
import { advance, defaultName, type InboundRecord, type SandboxState } from './state.ts';
import type { ChatView, PhoneInput, PhoneSendResult } from './types.ts';
import type { WebhookPoster } from './webhook-poster.ts';
import { inboundNotification, type BusinessIdentity, type InboundContent } from './webhook-payloads.ts';

export interface PhoneDeps {
  state: SandboxState;
  outbox: Outbox;
  poster: WebhookPoster;
  identity: BusinessIdentity;
}

export interface Phone {
  send(user: string, input: PhoneInput): Promise<PhoneSendResult>;
  /** POSTs the webhook of an inbound message again, byte for byte. Undefined when unknown. */
  redeliver(user: string, wamid: string): Promise<PhoneSendResult | undefined>;
  read(user: string): Promise<string[]>;
  chat(user: string): ChatView;
}

interface Described {
  kind: string;
  text: string;
  content: InboundContent;
  /** The reply id or payload, to find the business message it answers. */
  choice?: string;
}

function describe(input: PhoneInput): Described {
  if ('button_reply' in input) {
    const reply = input.button_reply;
    const payload = { type: 'button_reply', button_reply: { id: reply.id, title: reply.title } };
    return { kind: 'button_reply', text: reply.title, choice: reply.id, content: { type: 'interactive', payload } };
  }
  if ('list_reply' in input) {
    const reply = input.list_reply;
    const row = { id: reply.id, title: reply.title, ...(reply.description === undefined ? {} : { description: reply.description }) };
    return { kind: 'list_reply', text: reply.title, choice: reply.id, content: { type: 'interactive', payload: { type: 'list_reply', list_reply: row } } };
  }
  if ('template_button' in input) {
    const button = input.template_button;
    const payload = { payload: button.payload, text: button.text };
    return { kind: 'button', text: button.text, choice: button.payload, content: { type: 'button', payload } };
  }
  return { kind: 'text', text: input.text, content: { type: 'text', payload: { body: input.text } } };
}

/** True when a send body offers this reply id (button, list row) or quick-reply payload. */
function offers(value: unknown, choice: string): boolean {
  if (Array.isArray(value)) return value.some((item) => offers(item, choice));
  if (!isRecord(value)) return false;
  if (value['id'] === choice || value['payload'] === choice) return true;
  return Object.values(value).some((item) => offers(item, choice));
}

/** WhatsApp quotes the message whose button was tapped; find it when the caller did not say. */
function contextFor(state: SandboxState, user: string, input: PhoneInput, choice: string | undefined): string | undefined {
  if ('context_id' in input && input.context_id !== undefined) return input.context_id;
  if (choice === undefined) return undefined;
  const offering = state.outbound.filter((m) => m.recipient === user && offers(m.body[m.type], choice)).at(-1);
  return offering?.wamid;
}

async function post(deps: PhoneDeps, record: InboundRecord, rawBody: string | undefined, body: Record<string, unknown> | undefined): Promise<PhoneSendResult> {
  const target = { kind: 'message' as const, messageId: record.wamid };
  const delivery = rawBody === undefined ? await deps.poster.post(target, body ?? {}) : await deps.poster.repost(target, rawBody);
  record.rawBody ??= delivery.rawBody;
  if (delivery.responseStatus === 200) advance(record, 'delivered');
  return {
    wamid: record.wamid,
    engineStatus: delivery.responseStatus,
    status: record.status,
    ...(delivery.error === undefined ? {} : { error: delivery.error }),
  };
}

async function send(deps: PhoneDeps, user: string, input: PhoneInput): Promise<PhoneSendResult> {
  const { state } = deps;
  const profile = state.user(user);
  const name = input.name?.trim();
  if (name !== undefined && name !== '') profile.name = name;
  const described = describe(input);
  const contextId = contextFor(state, user, input, described.choice);
  const record: InboundRecord = {
    wamid: state.nextWamid(),
    user,
    at: state.now(),
    kind: described.kind,
    text: described.text,
    status: 'sent',
    ...(described.content.type === 'interactive' ? { interactive: described.content.payload } : {}),
    ...(contextId === undefined ? {} : { contextId }),
  };
  state.inbound.set(record.wamid, record);
  profile.lastInboundAt = record.at;
  const body = inboundNotification(deps.identity, {
    wamid: record.wamid,
    from: user,
    name: profile.name ?? defaultName(user),
    timestampSeconds: Math.floor(record.at / 1000),
    content: described.content,
    ...(contextId === undefined ? {} : { contextId }),
  });
  return post(deps, record, undefined, body);
}

async function redeliver(deps: PhoneDeps, user: string, wamid: string): Promise<PhoneSendResult | undefined> {
  const record = deps.state.inbound.get(wamid);
  if (record === undefined || record.user !== user || record.rawBody === undefined) return undefined;
  return post(deps, record, record.rawBody, undefined);
}

export function createPhone(deps: PhoneDeps): Phone {
  return {
    send: (user, input) => send(deps, user, input),
    redeliver: (user, wamid) => redeliver(deps, user, wamid),
    read: (user) => deps.outbox.readAll(user),
    chat: (user) => deps.state.chat(user),
  };
}
