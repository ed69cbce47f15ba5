/**
 * POST /:version/:phoneNumberId/messages, answered like the Cloud API: token (190),
 * phone number id (100/33), body validation (100/131008/131009), Idempotency-Key replay,
 * injected failures and hangs, the 24-hour window (131047, synchronously), then acceptance.
 */
import { parseJson } from '../core/json.ts';
import {
  hangTimeoutError,
  injectedError,
  invalidTokenError,
  reengagementError,
  unknownObjectError,
  unknownPathError,
  validationError,
} from './meta-errors.ts';
import type { MessageSend, Outbox } from './outbox.ts';
import type { Scheduler } from './scheduler.ts';
import { validateSend } from './send-validation.ts';
import type { SandboxState } from './state.ts';
import type { GraphAnswer, SendAttempt } from './types.ts';

export interface GraphRequest {
  version: string;
  phoneNumberId: string;
  authorization?: string;
  idempotencyKey?: string;
  rawBody: string;
}

export interface GraphApiDeps {
  state: SandboxState;
  outbox: Outbox;
  scheduler: Scheduler;
  accessToken: string;
  phoneNumberId: string;
  hangTimeoutMs: number;
}

const VERSION = /^v\d+\.\d+$/;

function successBody(send: MessageSend, wamid: string): Record<string, unknown> {
  const contact = send.isBsuid ? { input: send.input, user_id: send.recipient } : { input: send.input, wa_id: send.recipient };
  return { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id: wamid }] };
}

function record(deps: GraphApiDeps, request: GraphRequest, body: unknown, answer: GraphAnswer, outcome: SendAttempt['outcome']): GraphAnswer {
  deps.state.attempts.push({
    at: deps.state.now(),
    phoneNumberId: request.phoneNumberId,
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey }),
    body,
    httpStatus: answer.httpStatus,
    response: answer.body,
    outcome,
  });
  return answer;
}

function preflight(deps: GraphApiDeps, request: GraphRequest): GraphAnswer | undefined {
  if (!VERSION.test(request.version)) return unknownPathError(`/${request.version}/${request.phoneNumberId}/messages`);
  if (request.authorization !== `Bearer ${deps.accessToken}`) return invalidTokenError();
  if (request.phoneNumberId !== deps.phoneNumberId) return unknownObjectError(request.phoneNumberId);
  return undefined;
}

function acceptAndRemember(deps: GraphApiDeps, request: GraphRequest, send: MessageSend, body: Record<string, unknown>): GraphAnswer {
  const message = deps.outbox.accept(send, body, request.idempotencyKey);
  const answer: GraphAnswer = { httpStatus: 200, body: successBody(send, message.wamid) };
  if (request.idempotencyKey !== undefined) deps.state.idempotency.set(`${request.phoneNumberId}:${request.idempotencyKey}`, answer);
  return answer;
}

/** A send held by hang-next: optionally accepted, answered only on timeout, reset or close. */
async function hang(deps: GraphApiDeps, request: GraphRequest, send: MessageSend, body: Record<string, unknown>, accept: boolean): Promise<GraphAnswer> {
  if (accept) acceptAndRemember(deps, request, send, body);
  await deps.scheduler.sleep(deps.hangTimeoutMs);
  return record(deps, request, body, hangTimeoutError(), 'hung');
}

async function sendMessage(deps: GraphApiDeps, request: GraphRequest, send: MessageSend, body: Record<string, unknown>): Promise<GraphAnswer> {
  const { state, outbox } = deps;
  const key = request.idempotencyKey === undefined ? undefined : `${request.phoneNumberId}:${request.idempotencyKey}`;
  const replay = key === undefined ? undefined : state.idempotency.get(key);
  if (replay !== undefined) return record(deps, request, body, replay, 'replayed');
  const held = state.hangs.shift();
  if (held !== undefined) return hang(deps, request, send, body, held.accept);
  const failure = state.failures.shift();
  if (failure !== undefined) return record(deps, request, body, injectedError(failure), 'injected');
  if (send.type !== 'template' && !outbox.windowOpen(send.recipient)) return record(deps, request, body, reengagementError(), 'refused');
  return record(deps, request, body, acceptAndRemember(deps, request, send, body), 'accepted');
}

async function handle(deps: GraphApiDeps, request: GraphRequest): Promise<GraphAnswer> {
  const refused = preflight(deps, request);
  if (refused !== undefined) return record(deps, request, request.rawBody, refused, 'refused');
  const parsed = parseJson(request.rawBody);
  if (!parsed.ok) return record(deps, request, request.rawBody, validationError(100, 'The request body is not valid JSON.'), 'refused');
  const validation = validateSend(parsed.value);
  if (!validation.ok) return record(deps, request, parsed.value, validation.answer, 'refused');
  const body = parsed.value as Record<string, unknown>;
  if (validation.send.kind === 'read') {
    deps.outbox.markInboundRead(validation.send.messageId, validation.send.typing);
    return record(deps, request, body, { httpStatus: 200, body: { success: true } }, 'read');
  }
  return sendMessage(deps, request, validation.send, body);
}

export function createGraphApi(deps: GraphApiDeps): (request: GraphRequest) => Promise<GraphAnswer> {
  return (request) => handle(deps, request);
}
