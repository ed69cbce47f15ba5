/**
 * Taps that answer a proposal, with no model, before anything else: a free-slot row (it
 * proposes that booking, with confirm / cancel buttons), and the confirm / cancel buttons of
 * a change a model or a slot row proposed. Unknown or stale proposals get a clear reply; a
 * system that cannot do it hands the turn to a person.
 */
import type { ProposedAction, TurnInput, Understanding } from '../core/turn.ts';
import { freeSlotsAnswer, slotPayload, slotTitle } from './respond/tools/booking-slots.ts';
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
  else if (!payload.confirm) answer = { decision: found.settled === 'confirmed' ? 'already_done' : 'declined', action: found.action, done: true };
  else if (!found.fresh || found.superseded || found.settled === 'declined') answer = { decision: 'expired', action: found.action, done: false };
  // Confirmed before: carried out again with the same idempotency key, which changes nothing twice.
  else answer = await carryOut(found.action, input.customerKey, deps.integrations);
  const composed = actionReplies(answer, understanding.language, deps.config.profile.tone);
  const replies = composed ?? new ReplyComposer(deps.config, understanding.language).handoff();
  const route = composed ? 'tool' : 'human';
  // The engine's own words around the proposal's summary, which the engine built from system data.
  const sources = [found?.action.summary ?? '', answer.result ?? ''].filter((s) => s !== '');
  return {
    drafted: { route, replies, origin: 'approved', sources, citations: [] },
    route,
    routing: { planned: 'tool', because: RECENT, taken: route },
    calls: [],
    actionOutcome: { id: payload.actionId, kind: found?.action.kind ?? 'book_appointment', decision: answer.decision, ...(answer.result ? { result: answer.result } : {}) },
  };
}

/** How far ahead a tapped slot may be: farther (or in the past) it was not one the engine offered. */
const SLOT_HORIZON_MS = 60 * 86_400_000;

/**
 * A tapped free-slot row: the booking is proposed, nothing is booked before "confirm". The
 * row is checked first: the service must exist and the slot must still be free now (a stale
 * list, or a forged row, gets the current free slots instead).
 */
async function proposeSlot(slot: { serviceId: string; start: number }, input: TurnInput, understanding: Understanding, deps: TurnDeps): Promise<Answered> {
  const bookings = deps.integrations?.bookings;
  const now = deps.now();
  const services = await bookings?.listServices();
  const service = services?.ok ? services.value.find((s) => s.id === slot.serviceId) : undefined;
  const plausible = slot.start >= now && slot.start <= now + SLOT_HORIZON_MS;
  const free = bookings && service && plausible ? await bookings.freeSlots({ serviceId: service.id, from: slot.start, to: slot.start + 1 }) : undefined;
  if (!bookings || !service || !free?.ok || !free.value.some((s) => s.start === slot.start)) {
    const fresh = bookings && service ? await freeSlotsAnswer(service.name, bookings, { language: understanding.language, timeZone: deps.config.profile.timezone, now, tone: deps.config.profile.tone }) : undefined;
    const replies = fresh?.replies ?? new ReplyComposer(deps.config, understanding.language).handoff();
    const route = fresh ? 'tool' : 'human';
    const reason = !service ? 'the bookings system does not know this service' : 'the chosen slot is not free (any more)';
    return { drafted: { route, replies, origin: 'approved', sources: fresh?.sources ?? [], citations: [] }, route, routing: { planned: 'tool', because: 'a free slot was chosen', taken: route, fallbackReason: reason }, calls: [] };
  }
  const action: ProposedAction = {
    id: `turn:${input.messageIds[0] ?? input.conversationId}:1`,
    kind: 'book_appointment',
    args: { serviceId: service.id, start: slot.start },
    summary: `${service.name}, ${slotTitle(slot.start, understanding.language, deps.config.profile.timezone)}`,
  };
  return {
    drafted: { route: 'tool', replies: [confirmationReply(action, understanding.language, deps.config.profile.tone)], origin: 'approved', sources: [action.summary], citations: [] },
    route: 'tool',
    routing: { planned: 'tool', because: 'a free slot was chosen', taken: 'tool' },
    calls: [],
    proposals: [action],
  };
}
