/**
 * The customer's answer to a change a model proposed (a booking, a cancellation, a refund
 * request): "confirm" carries it out through the business's system, with the proposal id
 * as the idempotency key (a second tap changes nothing twice); "cancel" drops it. The
 * proposal is found in the conversation's recent turns, so only a proposal made to this
 * customer in this conversation can be confirmed, and only while it is recent.
 */
import type { Integrations } from '../../core/integrations.ts';
import type { Reply } from '../../core/reply.ts';
import { CONFIRM_PAYLOAD_PREFIX, DECLINE_PAYLOAD_PREFIX, type ProposedAction, type TurnRecord, type TurnResult } from '../../core/turn.ts';

export interface ActionAnswer {
  decision: NonNullable<TurnResult['actionOutcome']>['decision'];
  action?: ProposedAction;
  /** What the system said, for the turn record and the claims check. */
  result?: string;
  /** False when the system could not do it: a person takes over. */
  done: boolean;
}

/** A proposal older than this is not carried out on a late tap. */
export const PROPOSAL_TTL_MS = 24 * 60 * 60 * 1000;

export function actionPayload(id: string | undefined): { confirm: boolean; actionId: string } | undefined {
  if (id?.startsWith(CONFIRM_PAYLOAD_PREFIX)) return { confirm: true, actionId: id.slice(CONFIRM_PAYLOAD_PREFIX.length) };
  if (id?.startsWith(DECLINE_PAYLOAD_PREFIX)) return { confirm: false, actionId: id.slice(DECLINE_PAYLOAD_PREFIX.length) };
  return undefined;
}

export interface FoundProposal {
  action: ProposedAction;
  /** Made within PROPOSAL_TTL_MS. */
  fresh: boolean;
  /** What the customer already answered to it, when they did. */
  settled?: 'confirmed' | 'declined';
  /** A newer proposal was made in the conversation since: this one no longer stands. */
  superseded: boolean;
}

/** The proposal in the conversation's recent turns (newest first), with what happened to it since. */
export function findProposal(turns: readonly TurnRecord[], actionId: string, now: number): FoundProposal | undefined {
  let settled: FoundProposal['settled'];
  let newerProposal = false;
  for (const turn of turns) {
    const action = turn.proposedActions?.find((a) => a.id === actionId);
    if (action) return { action, fresh: now - turn.createdAt <= PROPOSAL_TTL_MS, superseded: newerProposal, ...(settled ? { settled } : {}) };
    const outcome = turn.actionOutcome;
    if (outcome?.id === actionId && settled === undefined && (outcome.decision === 'confirmed' || outcome.decision === 'declined')) settled = outcome.decision;
    if ((turn.proposedActions?.length ?? 0) > 0) newerProposal = true;
  }
  return undefined;
}

export async function carryOut(action: ProposedAction, phone: string, integrations: Partial<Integrations> | undefined): Promise<ActionAnswer> {
  const key = { idempotencyKey: action.id };
  const args = action.args;
  let outcome: { ok: boolean; text: string } | undefined;
  if (action.kind === 'book_appointment' && integrations?.bookings) {
    const r = await integrations.bookings.book({ ...key, serviceId: String(args['serviceId']), start: Number(args['start']), phone });
    outcome = r.ok ? { ok: true, text: `booked ${r.value.id}` } : { ok: false, text: r.refusal?.code ?? r.error?.code ?? 'failed' };
  } else if (action.kind === 'cancel_booking' && integrations?.bookings) {
    const r = await integrations.bookings.cancel({ ...key, bookingId: String(args['bookingId']), phone });
    outcome = r.ok ? { ok: true, text: `cancelled ${r.value.id}` } : { ok: false, text: r.refusal?.code ?? r.error?.code ?? 'failed' };
  } else if (action.kind === 'refund_request' && integrations?.tickets) {
    const subject = `Refund request ${String(args['orderNumber'])}: ${String(args['reason'])}`;
    const r = await integrations.tickets.createTicket({ ...key, subject, priority: 'normal', phone, transcript: [] });
    outcome = r.ok ? { ok: true, text: `refund request ticket ${r.value.id}` } : { ok: false, text: r.error?.code ?? 'failed' };
  }
  if (!outcome) return { decision: 'confirmed', action, result: 'no system configured for it', done: false };
  return { decision: 'confirmed', action, result: outcome.text, done: outcome.ok };
}

type DoneTexts = Record<'done' | 'declined' | 'expired' | 'alreadyDone', string>;

/** In the business's form of address (tu / Lei, du / Sie). */
const DONE: Record<'informal' | 'formal', Record<string, DoneTexts>> = {
  informal: {
    it: { done: 'Fatto ✅ {s}', declined: 'Va bene, non faccio nulla.', expired: 'Questa richiesta non è più valida: scrivimi di nuovo cosa ti serve.', alreadyDone: 'Questa richiesta è già stata eseguita: {s}. Se vuoi cambiarla, scrivimi.' },
    de: { done: 'Erledigt ✅ {s}', declined: 'In Ordnung, ich unternehme nichts.', expired: 'Diese Anfrage ist nicht mehr gültig: Schreib mir bitte noch einmal, was du brauchst.', alreadyDone: 'Diese Anfrage ist bereits erledigt: {s}. Wenn du etwas ändern möchtest, schreib mir.' },
    en: { done: 'Done ✅ {s}', declined: 'All right, nothing has been changed.', expired: 'This request is no longer valid: please tell me again what you need.', alreadyDone: 'This request has already been carried out: {s}. If you want to change it, just write.' },
  },
  formal: {
    it: { done: 'Fatto: {s}', declined: 'Va bene, non è stato modificato nulla.', expired: 'Questa richiesta non è più valida: mi scriva di nuovo di che cosa ha bisogno.', alreadyDone: 'Questa richiesta è già stata eseguita: {s}. Se desidera modificarla, mi scriva.' },
    de: { done: 'Erledigt: {s}', declined: 'In Ordnung, es wurde nichts geändert.', expired: 'Diese Anfrage ist nicht mehr gültig: Bitte schreiben Sie mir erneut, was Sie benötigen.', alreadyDone: 'Diese Anfrage ist bereits erledigt: {s}. Wenn Sie etwas ändern möchten, schreiben Sie mir.' },
    en: { done: 'Done: {s}', declined: 'Very well, nothing has been changed.', expired: 'This request is no longer valid: please tell me again what you need.', alreadyDone: 'This request has already been carried out: {s}. If you would like to change it, please write.' },
  },
};

/** The reply to a confirmation tap; undefined when a person must take over (the handoff text). */
export function actionReplies(answer: ActionAnswer, language: string, tone: 'formal' | 'informal'): Reply[] | undefined {
  const texts = DONE[tone][language] ?? DONE[tone]['en'];
  if (!texts) return undefined;
  if (answer.decision === 'declined') return [{ kind: 'text', body: texts.declined }];
  if (answer.decision === 'already_done') return [{ kind: 'text', body: texts.alreadyDone.replace('{s}', answer.action?.summary ?? '') }];
  if (answer.decision === 'expired' || answer.decision === 'unknown') return [{ kind: 'text', body: texts.expired }];
  if (!answer.done || !answer.action) return undefined;
  return [{ kind: 'text', body: texts.done.replace('{s}', answer.action.summary) }];
}
