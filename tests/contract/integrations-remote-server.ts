/**
 * A stand-in remote system for the REST adapter tests: a loopback HTTP server (Hono on
 * @hono/node-server) speaking its own JSON (integrations-remote-json.ts), backed by the
 * built-in adapters so that the REST adapter can pass the same contract. It checks a Bearer
 * token, honours Idempotency-Key, answers refusals with 404/409/422, and records requests.
 * Orders are looked up by number only: the phone check is the REST adapter's job.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { IntegrationResult, RefusalCode, TranscriptLine } from '../../src/core/integrations.ts';
import type { SqliteIntegrations } from '../../src/storage/sqlite/integrations/sqlite-integrations.ts';
import * as remote from './integrations-remote-json.ts';

export interface RecordedCall {
  method: string;
  path: string;
  idempotencyKey?: string;
  authorization?: string;
  body?: unknown;
}

export interface RemoteServer {
  baseUrl: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

const REFUSAL_ANSWERS: Record<RefusalCode, [404 | 409 | 422, string]> = {
  ORDER_NOT_FOUND: [404, 'not_found'], UNKNOWN_SERVICE: [404, 'unknown_service'], BOOKING_NOT_FOUND: [404, 'not_found'], CONTACT_NOT_FOUND: [404, 'not_found'],
  TICKET_NOT_FOUND: [404, 'not_found'], PAYMENT_NOT_FOUND: [404, 'not_found'], SLOT_TAKEN: [409, 'slot_taken'], SLOT_UNAVAILABLE: [422, 'slot_unavailable'], TOO_LATE_TO_CHANGE: [422, 'too_late'],
};

type Json = Record<string, unknown>;

function answer<T>(c: Context, result: IntegrationResult<T, RefusalCode>, shape: (value: T) => unknown, status: 200 | 201 = 200): Response {
  if (result.ok) return c.json(shape(result.value) as Json, status);
  if (result.refusal !== undefined) {
    const [code, reason] = REFUSAL_ANSWERS[result.refusal.code];
    return c.json({ error: { code: reason, message: result.refusal.message } }, code);
  }
  return c.json({ error: { code: result.error.code === 'INTEGRATION_REJECTED' ? 'rejected' : 'unavailable', message: result.error.message } }, result.error.retryable ? 503 : 422);
}

const key = (c: Context): string => c.req.header('idempotency-key') ?? '';
const time = (value: unknown): number => Date.parse(String(value));
const optional = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function lines(value: unknown): TranscriptLine[] {
  return (Array.isArray(value) ? (value as Json[]) : []).map((line) => ({ at: time(line['at']), from: line['from'] as TranscriptLine['from'], text: String(line['text']) }));
}

function ordersAndBookings(app: Hono, backend: SqliteIntegrations): void {
  app.get('/api/orders/:number', (c) => {
    const order = backend.catalogue.findOrder(c.req.param('number'));
    return order === undefined ? c.json({ error: { code: 'not_found' } }, 404) : c.json(remote.orderJson(order) as Json);
  });
  const { bookings } = backend;
  app.get('/api/services', async (c) => answer(c, await bookings.listServices(), (list) => ({ services: list.map(remote.serviceJson) })));
  app.get('/api/staff', async (c) => answer(c, await bookings.listStaff(), (list) => ({ staff: list.map(remote.staffJson) })));
  app.get('/api/schedule', async (c) => answer(c, await bookings.schedule(), remote.scheduleJson));
  app.get('/api/availability', async (c) => {
    const query = { serviceId: c.req.query('service') ?? '', staffId: optional(c.req.query('staff')), from: time(c.req.query('from')), to: time(c.req.query('to')) };
    return answer(c, await bookings.freeSlots(query), (slots) => ({ slots: slots.map(remote.slotJson) }));
  });
  app.post('/api/appointments', async (c) => {
    const body = await c.req.json<Json>();
    const customer = body['customer'] as Json;
    const request = { serviceId: String(body['service']), staffId: optional(body['staff']), start: time(body['start']), phone: String(customer['phone']), name: optional(customer['name']), idempotencyKey: key(c) };
    return answer(c, await bookings.book(request), (booking) => ({ appointment: remote.appointmentJson(booking) }), 201);
  });
  app.get('/api/appointments', async (c) => answer(c, await bookings.upcomingBookings({ phone: c.req.query('phone') ?? '' }), (list) => ({ appointments: list.map(remote.appointmentJson) })));
  app.get('/api/appointments/:id', async (c) =>
    answer(c, await bookings.getBooking({ bookingId: c.req.param('id'), phone: c.req.query('phone') ?? '' }), (booking) => ({ appointment: remote.appointmentJson(booking) })),
  );
  app.patch('/api/appointments/:id', async (c) => {
    const body = await c.req.json<Json>();
    const request = { bookingId: c.req.param('id'), phone: String(body['phone']), start: time(body['start']), staffId: optional(body['staff']), idempotencyKey: key(c) };
    return answer(c, await bookings.move(request), (booking) => ({ appointment: remote.appointmentJson(booking) }));
  });
  app.post('/api/appointments/:id/cancel', async (c) => {
    const body = await c.req.json<Json>();
    return answer(c, await bookings.cancel({ bookingId: c.req.param('id'), phone: String(body['phone']), idempotencyKey: key(c) }), (booking) => ({ appointment: remote.appointmentJson(booking) }));
  });
}

function records(app: Hono, backend: SqliteIntegrations): void {
  const { crm, tickets, payments } = backend;
  app.get('/api/contacts/:phone', async (c) => answer(c, await crm.getContact({ phone: c.req.param('phone') }), remote.contactJson));
  app.put('/api/contacts/:phone', async (c) => {
    const body = await c.req.json<Json>();
    const request = { phone: c.req.param('phone'), name: optional(body['full_name']), email: optional(body['mail']), language: optional(body['locale']), idempotencyKey: key(c) };
    return answer(c, await crm.upsertContact(request), remote.contactJson);
  });
  app.post('/api/contacts/:phone/labels', async (c) => {
    const body = await c.req.json<Json>();
    return answer(c, await crm.updateTags({ phone: c.req.param('phone'), add: body['add'] as string[], remove: body['remove'] as string[], idempotencyKey: key(c) }), remote.contactJson);
  });
  app.post('/api/contacts/:phone/consents', async (c) => {
    const body = await c.req.json<Json>();
    const request = { phone: c.req.param('phone'), topic: 'marketing' as const, granted: body['opted_in'] === true, at: time(body['changed_at']), source: optional(body['channel']), idempotencyKey: key(c) };
    return answer(c, await crm.setConsent(request), remote.contactJson);
  });
  app.post('/api/contacts/:phone/notes', async (c) => {
    const body = await c.req.json<Json>();
    return answer(c, await crm.addNote({ phone: c.req.param('phone'), text: String(body['body']), author: optional(body['by']), idempotencyKey: key(c) }), (note) => ({ note: remote.noteJson(note) }));
  });
  app.post('/api/tickets', async (c) => {
    const body = await c.req.json<Json>();
    const requester = body['requester'] as Json;
    const request = {
      subject: String(body['title']), priority: remote.ours(remote.URGENCIES, body['urgency']) as 'normal', phone: String(requester['phone']), name: optional(requester['name']),
      conversationId: optional(body['conversation']), transcript: lines(body['messages']), idempotencyKey: key(c),
    };
    return answer(c, await tickets.createTicket(request), remote.ticketJson, 201);
  });
  app.patch('/api/tickets/:number', async (c) => {
    const body = await c.req.json<Json>();
    const request = {
      ticketId: c.req.param('number'), status: remote.ours(remote.TICKET_STATES, body['state']) as 'open' | undefined, priority: remote.ours(remote.URGENCIES, body['urgency']) as 'normal' | undefined,
      append: lines(body['messages']), idempotencyKey: key(c),
    };
    return answer(c, await tickets.updateTicket(request), remote.ticketJson);
  });
  app.get('/api/tickets/:number', async (c) => answer(c, await tickets.getTicket({ ticketId: c.req.param('number') }), remote.ticketJson));
  app.post('/api/payment-links', async (c) => {
    const body = await c.req.json<Json>();
    const reference = body['reference'] as Json;
    const id = String(reference['id']);
    const request = {
      purpose: reference['type'] === 'deposit' ? { kind: 'deposit' as const, bookingId: id } : { kind: 'order' as const, orderNumber: id },
      amount: { cents: Number(body['amount_cents']), currency: String(body['currency']) }, phone: String(body['customer_phone']), description: optional(body['memo']), idempotencyKey: key(c),
    };
    return answer(c, await payments.createLink(request), remote.linkJson, 201);
  });
  app.get('/api/payment-links/:token', async (c) => answer(c, await payments.getLink({ linkId: c.req.param('token') }), remote.linkJson));
}

export async function startRemoteServer(backend: SqliteIntegrations, token: string): Promise<RemoteServer> {
  const calls: RecordedCall[] = [];
  const app = new Hono();
  app.use('*', async (c, next) => {
    const body = c.req.method === 'GET' ? undefined : await c.req.raw.clone().json().catch(() => undefined);
    calls.push({ method: c.req.method, path: new URL(c.req.url).pathname, idempotencyKey: c.req.header('idempotency-key'), authorization: c.req.header('authorization'), body });
    if (c.req.header('authorization') !== `Bearer ${token}`) return c.json({ error: { code: 'unauthorized' } }, 401);
    return next();
  });
  ordersAndBookings(app, backend);
  records(app, backend);
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
