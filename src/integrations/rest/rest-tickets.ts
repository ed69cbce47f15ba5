/**
 * The REST tickets adapter: create, update and read a ticket. The transcript goes to the
 * templates both as a list (`{transcript}`: `{at, from, text}` items) and as one text
 * block (`{transcript_text}`), for helpdesks that take a single comment body.
 */
import type { Ticket, TicketsPort, TranscriptLine } from '../../core/integrations.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES, TRANSCRIPT_AUTHORS } from '../../core/integrations.ts';
import { compact } from '../../core/json.ts';
import type { RestPortConfig } from '../integrations-config.ts';
import { PHONE_VARS, list, num, optText, phoneVars, text, toResult } from './mapped-values.ts';
import { createRestOperation } from './rest-operation.ts';
import type { OperationSpec, RestDeps } from './rest-operation.ts';
import type { Mapped, Shape } from './response-mapping.ts';
import { opt, req } from './response-mapping.ts';

const TICKET: Shape = {
  id: req('string'),
  subject: req('string'),
  status: req({ type: 'enum', values: TICKET_STATUSES }),
  priority: req({ type: 'enum', values: TICKET_PRIORITIES }),
  phone: req('string'),
  name: opt('string'),
  conversation_id: opt('string'),
  transcript: opt({ type: 'list', shape: { at: req('time'), from: req({ type: 'enum', values: TRANSCRIPT_AUTHORS }), text: req('string') } }),
};

const SPECS = {
  create: { name: 'create_ticket', variables: ['subject', 'priority', 'name', 'conversation_id', 'transcript', 'transcript_text', ...PHONE_VARS], mutating: true, refusals: [], shape: TICKET, list: false },
  update: { name: 'update_ticket', variables: ['ticket_id', 'status', 'priority', 'append', 'append_text'], mutating: true, notFound: 'TICKET_NOT_FOUND', refusals: [], shape: TICKET, list: false },
  get: { name: 'get_ticket', variables: ['ticket_id'], mutating: false, notFound: 'TICKET_NOT_FOUND', refusals: [], shape: TICKET, list: false },
} satisfies Record<string, OperationSpec>;

function linesVar(lines: readonly TranscriptLine[]): { at: string; from: string; text: string }[] {
  return lines.map((line) => ({ at: new Date(line.at).toISOString(), from: line.from, text: line.text }));
}

function linesText(lines: readonly TranscriptLine[]): string {
  return lines.map((line) => `[${new Date(line.at).toISOString().slice(0, 16).replace('T', ' ')} UTC] ${line.from}: ${line.text}`).join('\n');
}

function toTicket(mapped: Mapped): Ticket {
  return compact({
    id: text(mapped, 'id'),
    subject: text(mapped, 'subject'),
    status: text(mapped, 'status') as Ticket['status'],
    priority: text(mapped, 'priority') as Ticket['priority'],
    phone: text(mapped, 'phone'),
    name: optText(mapped, 'name'),
    conversationId: optText(mapped, 'conversation_id'),
    transcript: list(mapped, 'transcript').map((line): TranscriptLine => ({ at: num(line, 'at'), from: text(line, 'from') as TranscriptLine['from'], text: text(line, 'text') })),
  });
}

export function createRestTickets(config: RestPortConfig, deps: RestDeps): TicketsPort {
  const create = createRestOperation('tickets', SPECS.create as OperationSpec, config, deps);
  const update = createRestOperation('tickets', SPECS.update as OperationSpec, config, deps);
  const get = createRestOperation('tickets', SPECS.get as OperationSpec, config, deps);
  return {
    createTicket: async (request) =>
      toResult(
        await create.run(
          {
            subject: request.subject, priority: request.priority ?? 'normal', name: request.name, conversation_id: request.conversationId,
            transcript: linesVar(request.transcript), transcript_text: linesText(request.transcript), ...phoneVars(request.phone),
          },
          request.idempotencyKey,
        ),
        toTicket,
      ),
    updateTicket: async (request) =>
      toResult(
        await update.run(
          { ticket_id: request.ticketId, status: request.status, priority: request.priority, append: linesVar(request.append ?? []), append_text: linesText(request.append ?? []) },
          request.idempotencyKey,
        ),
        toTicket,
      ),
    getTicket: async (query) => toResult(await get.run({ ticket_id: query.ticketId }), toTicket),
  };
}
