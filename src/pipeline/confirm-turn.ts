/**
 * Taps that answer a proposal, with no model, before anything else: a free-slot row (it
 * proposes that booking, with confirm / cancel buttons), and the confirm / cancel buttons of
 * a change a model or a slot row proposed. Unknown or stale proposals get a clear reply; a
 * system that cannot do it hands the turn to a person.
 */
import type { ProposedAction, TurnInput, Understanding } from '../core/turn.ts';
import { slotPayload, slotTitle } from './respond/tools/booking-slots.ts';
import { confirmationReply } from './respond/model/draft-reply.ts';
import { actionPayload, actionReplies, carryOut, findProposal, type ActionAnswer } from './respond/confirm-action.ts';
import { ReplyComposer } from './respond/compose-replies.ts';
import type { Answered } from './respond-turn.ts';
import type { TurnDeps } from './run-turn.ts';

const RECENT = 'the customer answered a proposed change';

export async function answerTap(input: TurnInput, understanding: Understanding, deps: TurnDeps): Promise<Answered | undefined> {
  const slot = slotPayload(input.payload?.id);
  if (slot) return proposeSlot(slot, input, understanding, deps);
  const payload = actionPayload(input.payload?.id);
  if (!payload) return undefined;
  const now = deps.now();
  const turns = deps.recentTurns ? await deps.recentTurns(input.conversationId) : [];
  const found = findProposal(turns, payload.actionId, now);
  let answer: ActionAnswer;
  if (!found) answer = { decision: 'unknown', done: false };
  else if (!payload.confirm) answer = { decision: 'declined', action: found.action, done: true };
  else if (!found.fresh) answer = { decision: 'expired', action: found.action, done: false };
  else answer = await carryOut(found.action, input.customerKey, deps.integrations);
  const replies = actionReplies(answer, understanding.language) ?? new ReplyComposer(deps.config, understanding.language).handoff();
  const route = actionReplies(answer, understanding.language) ? 'tool' : 'human';
  const sources = [...replies.map((r) => (r.kind === 'text' ? r.body : '')), answer.result ?? ''].filter((s) => s !== '');
  return {
    drafted: { route, replies, origin: 'approved', sources, citations: [] },
    route,
    routing: { planned: 'tool', because: RECENT, taken: route },
    calls: [],
    actionOutcome: { id: payload.actionId, kind: found?.action.kind ?? 'book_appointment', decision: answer.decision, ...(answer.result ? { result: answer.result } : {}) },
  };
}

/** A tapped free-slot row: the booking is proposed; nothing is booked before "confirm". */
async function proposeSlot(slot: { serviceId: string; start: number }, input: TurnInput, understanding: Understanding, deps: TurnDeps): Promise<Answered> {
  const services = await deps.integrations?.bookings?.listServices();
  const service = services?.ok ? services.value.find((s) => s.id === slot.serviceId) : undefined;
  const compose = new ReplyComposer(deps.config, understanding.language);
  if (!service) {
    const replies = compose.handoff();
    return { drafted: { route: 'human', replies, origin: 'approved', sources: [], citations: [] }, route: 'human', routing: { planned: 'tool', because: 'a free slot was chosen', taken: 'human', fallbackReason: 'the bookings system does not know this service' }, calls: [] };
  }
  const action: ProposedAction = {
    id: `turn:${input.messageIds[0] ?? input.conversationId}:1`,
    kind: 'book_appointment',
    args: { serviceId: service.id, start: slot.start },
    summary: `${service.name}, ${slotTitle(slot.start, understanding.language, deps.config.profile.timezone)}`,
  };
  const replies = [confirmationReply(action, understanding.language)];
  return {
    drafted: { route: 'tool', replies, origin: 'approved', sources: [action.summary, input.payload?.title ?? ''], citations: [] },
    route: 'tool',
    routing: { planned: 'tool', because: 'a free slot was chosen', taken: 'tool' },
    calls: [],
    proposals: [action],
  };
}
