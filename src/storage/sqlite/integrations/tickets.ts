/**
 * The built-in tickets port: a ticket per handed-over conversation, with the (redacted)
 * transcript as numbered lines; updates change status or priority and append lines.
 */
import { compact } from '../../../core/json.ts';
import type { Ticket, TicketPriority, TicketStatus, TicketsPort, TranscriptLine } from '../../../core/integrations.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES, TRANSCRIPT_AUTHORS, fail, phoneDigits, refuse, succeed } from '../../../core/integrations.ts';
import type { Clock } from '../../../core/ports.ts';
import type { Connection } from '../connection.ts';
import { num, optText, text } from '../rows.ts';
import { mutatingCall, readCall } from './builtin-call.ts';

function readTicket(db: Connection, ticketId: string): Ticket | undefined {
  if (!/^\d+$/.test(ticketId)) return undefined;
  const row = db.get('SELECT * FROM tickets WHERE id = ?', Number(ticketId));
  if (row === undefined) return undefined;
  const transcript = db.all('SELECT at, author, text FROM ticket_lines WHERE ticket_id = ? ORDER BY seq', Number(ticketId)).map(
    (line): TranscriptLine => ({ at: num(line, 'at'), from: text(line, 'author') as TranscriptLine['from'], text: text(line, 'text') }),
  );
  return compact({
    id: String(num(row, 'id')),
    subject: text(row, 'subject'),
    status: text(row, 'status') as TicketStatus,
    priority: text(row, 'priority') as TicketPriority,
    phone: text(row, 'phone'),
    name: optText(row, 'name'),
    conversationId: optText(row, 'conversation_id'),
    transcript,
  });
}

function appendLines(db: Connection, ticketId: number, lines: readonly TranscriptLine[]): void {
  const row = db.get('SELECT coalesce(max(seq), 0) AS last FROM ticket_lines WHERE ticket_id = ?', ticketId);
  let seq = row === undefined ? 0 : num(row, 'last');
  for (const line of lines) {
    seq += 1;
    db.run('INSERT INTO ticket_lines (ticket_id, seq, at, author, text) VALUES (?, ?, ?, ?, ?)', ticketId, seq, line.at, line.from, line.text);
  }
}

/** What is wrong with the request's values, before anything is written. */
function invalid(operation: string, request: { status?: string; priority?: string; lines?: readonly TranscriptLine[]; subject?: string }) {
  const problems = [
    request.subject !== undefined && request.subject.trim() === '' ? 'the subject is empty' : undefined,
    request.status !== undefined && !(TICKET_STATUSES as readonly string[]).includes(request.status) ? `unknown status "${request.status}"` : undefined,
    request.priority !== undefined && !(TICKET_PRIORITIES as readonly string[]).includes(request.priority) ? `unknown priority "${request.priority}"` : undefined,
    (request.lines ?? []).some((line) => !(TRANSCRIPT_AUTHORS as readonly string[]).includes(line.from) || !Number.isFinite(line.at))
      ? 'a transcript line has an unknown author or time'
      : undefined,
  ].filter((problem) => problem !== undefined);
  return problems.length === 0 ? undefined : fail('INTEGRATION_REJECTED', `${operation}: ${problems.join('; ')}`, false);
}

export function createBuiltinTickets(db: Connection, clock: Clock): TicketsPort {
  return {
    createTicket: (request) => {
      const problem = invalid('tickets.create_ticket', { ...request, lines: request.transcript });
      if (problem !== undefined) return Promise.resolve(problem);
      return mutatingCall(db, clock, 'tickets.create_ticket', request, () => {
        const now = clock.now();
        const { lastRowid } = db.run(
          'INSERT INTO tickets (subject, status, priority, phone, name, conversation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          request.subject, 'open', request.priority ?? 'normal', phoneDigits(request.phone), request.name ?? null, request.conversationId ?? null, now, now,
        );
        appendLines(db, lastRowid, request.transcript);
        return succeed(readTicket(db, String(lastRowid)) as Ticket);
      });
    },
    updateTicket: (request) => {
      const problem = invalid('tickets.update_ticket', { ...request, lines: request.append });
      if (problem !== undefined) return Promise.resolve(problem);
      return mutatingCall(db, clock, 'tickets.update_ticket', request, () => {
        if (readTicket(db, request.ticketId) === undefined) return refuse('TICKET_NOT_FOUND', `no ticket ${request.ticketId}`);
        const id = Number(request.ticketId);
        db.run(
          'UPDATE tickets SET status = coalesce(?, status), priority = coalesce(?, priority), updated_at = ? WHERE id = ?',
          request.status ?? null, request.priority ?? null, clock.now(), id,
        );
        appendLines(db, id, request.append ?? []);
        return succeed(readTicket(db, request.ticketId) as Ticket);
      });
    },
    getTicket: (query) =>
      readCall('read a ticket', () => {
        const ticket = readTicket(db, query.ticketId);
        return ticket === undefined ? refuse('TICKET_NOT_FOUND', `no ticket ${query.ticketId}`) : succeed(ticket);
      }),
  };
}
