/**
 * Everything the sandbox remembers, in memory: users (the fake phones), their chats,
 * accepted messages, every send attempt and webhook delivery, idempotency answers,
 * injected failures and the clock offset.
 */
import { randomUUID } from 'node:crypto';
import { isRecord } from '../core/json.ts';
import type {
  ChatItem,
  ChatStatus,
  ChatView,
  FailNextSpec,
  GraphAnswer,
  SendAttempt,
  SentMessage,
  WebhookDelivery,
} from './types.ts';

/** How long a typing indicator stays up unless the business answers (§2.7). */
const TYPING_MS = 25_000;

export interface Pricing {
  billable: boolean;
  pricing_model: 'PMP';
  type: 'free_customer_service' | 'regular';
  category: string;
}

export interface OutboundRecord extends SentMessage {
  isBsuid: boolean;
  callbackData?: string;
  contextId?: string;
  pricing: Pricing;
}

export interface InboundRecord {
  wamid: string;
  user: string;
  at: number;
  kind: string;
  text?: string;
  interactive?: unknown;
  contextId?: string;
  status: ChatStatus;
  /** The signed webhook as first POSTed, for redelivery. */
  rawBody?: string;
}

export interface UserRecord {
  key: string;
  name?: string;
  lastInboundAt?: number;
  typingUntil?: number;
}

const STATUS_RANK: Record<ChatStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3 };

/** Moves a status forward only (sent < delivered < read). Returns true when it changed. */
export function advance(record: { status: ChatStatus }, status: ChatStatus): boolean {
  if (STATUS_RANK[status] <= STATUS_RANK[record.status]) return false;
  record.status = status;
  return true;
}

export class SandboxState {
  users = new Map<string, UserRecord>();
  outbound: OutboundRecord[] = [];
  inbound = new Map<string, InboundRecord>();
  attempts: SendAttempt[] = [];
  deliveries: WebhookDelivery[] = [];
  idempotency = new Map<string, GraphAnswer>();
  /** Injected failures, one entry per send still to fail. */
  failures: FailNextSpec[] = [];
  hangs: { accept: boolean }[] = [];
  clockOffsetMs = 0;
  #sequence = 0;
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  now(): number {
    return this.#clock() + this.clockOffsetMs;
  }

  /** A unique message id shaped like Meta's (`wamid.` + base64). */
  nextWamid(): string {
    this.#sequence += 1;
    const seed = `${this.#sequence.toString(16).padStart(6, '0')}${randomUUID().replaceAll('-', '').toUpperCase()}`;
    return `wamid.HBgM${Buffer.from(seed, 'utf8').toString('base64')}`;
  }

  user(key: string): UserRecord {
    let user = this.users.get(key);
    if (user === undefined) {
      user = { key };
      this.users.set(key, user);
    }
    return user;
  }

  findOutbound(wamid: string): OutboundRecord | undefined {
    return this.outbound.find((message) => message.wamid === wamid);
  }

  chat(key: string): ChatView {
    const user = this.users.get(key);
    const now = this.now();
    const items = [...this.#inboundItems(key), ...this.#outboundItems(key)].sort((a, b) => a.at - b.at);
    return {
      user: key,
      name: user?.name ?? defaultName(key),
      typing: user?.typingUntil !== undefined && user.typingUntil > now,
      messages: items,
    };
  }

  showTyping(key: string): void {
    this.user(key).typingUntil = this.now() + TYPING_MS;
  }

  reset(): void {
    this.users.clear();
    this.outbound = [];
    this.inbound.clear();
    this.attempts = [];
    this.deliveries = [];
    this.idempotency.clear();
    this.failures = [];
    this.hangs = [];
    this.clockOffsetMs = 0;
  }

  #inboundItems(key: string): ChatItem[] {
    return [...this.inbound.values()]
      .filter((message) => message.user === key)
      .map((message) => ({
        id: message.wamid,
        direction: 'in' as const,
        at: message.at,
        kind: message.kind,
        ...(message.text === undefined ? {} : { text: message.text }),
        ...(message.interactive === undefined ? {} : { interactive: message.interactive }),
        ...(message.contextId === undefined ? {} : { contextId: message.contextId }),
        status: message.status,
      }));
  }

  #outboundItems(key: string): ChatItem[] {
    return this.outbound.filter((message) => message.recipient === key).map(outboundItem);
  }
}

export function defaultName(key: string): string {
  return `Customer ${key.slice(-4)}`;
}

function outboundItem(message: OutboundRecord): ChatItem {
  const payload = message.body[message.type];
  const item: ChatItem = {
    id: message.wamid,
    direction: 'out',
    at: message.acceptedAt,
    kind: message.type,
    status: message.status,
    body: message.body,
  };
  if (message.contextId !== undefined) item.contextId = message.contextId;
  if (message.type === 'text' && isRecord(payload) && typeof payload['body'] === 'string') item.text = payload['body'];
  if (message.type === 'interactive') item.interactive = payload;
  if (message.type === 'template') item.template = payload;
  if (message.type === 'reaction') item.reaction = payload;
  return item;
}
