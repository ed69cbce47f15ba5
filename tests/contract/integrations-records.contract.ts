/**
 * The CRM, tickets and payments part of the integrations contract: upserts, tags, consent
 * with timestamps, notes, tickets with transcripts, payment links, idempotent retries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TranscriptLine } from '../../src/core/integrations.ts';
import type { IntegrationsUnderTest, SettableClock } from './integrations-fixtures.ts';
import { GIULIA, HOUR, MARCO, T0, errorOf, refusalOf, valueOf } from './integrations-fixtures.ts';

type Current = () => { subject: IntegrationsUnderTest; clock: SettableClock };

export function crmContract(current: Current): void {
  describe('CRM', () => {
    it('creates and updates a contact; absent fields keep their value', async () => {
      const { crm } = current().subject.ports;
      refusalOf(await crm.getContact({ phone: GIULIA }), 'CONTACT_NOT_FOUND');
      const created = valueOf(await crm.upsertContact({ phone: '+39 333 123 4567', name: 'Giulia', language: 'it', idempotencyKey: 'u1' }));
      assert.deepEqual(created, { phone: GIULIA, name: 'Giulia', language: 'it', tags: [], consents: {}, notes: [] });
      const updated = valueOf(await crm.upsertContact({ phone: GIULIA, email: 'giulia@example.com', idempotencyKey: 'u2' }));
      assert.deepEqual(updated, { ...created, email: 'giulia@example.com' });
      assert.deepEqual(valueOf(await crm.getContact({ phone: GIULIA })), updated);
    });

    it('adds and removes tags, sorted and without duplicates', async () => {
      const { crm } = current().subject.ports;
      valueOf(await crm.updateTags({ phone: GIULIA, add: ['vip', 'colour', 'vip'], idempotencyKey: 't1' }));
      const tagged = valueOf(await crm.updateTags({ phone: GIULIA, add: ['nails'], remove: ['colour'], idempotencyKey: 't2' }));
      assert.deepEqual(tagged.tags, ['nails', 'vip']);
    });

    it('records marketing opt-in and opt-out with their time; an older change does not win', async () => {
      const { crm } = current().subject.ports;
      const optIn = valueOf(await crm.setConsent({ phone: MARCO, topic: 'marketing', granted: true, at: T0, source: 'whatsapp:wamid.1', idempotencyKey: 'c1' }));
      assert.deepEqual(optIn.consents, { marketing: { granted: true, at: T0, source: 'whatsapp:wamid.1' } });
      const optOut = valueOf(await crm.setConsent({ phone: MARCO, topic: 'marketing', granted: false, at: T0 + HOUR, idempotencyKey: 'c2' }));
      assert.deepEqual(optOut.consents, { marketing: { granted: false, at: T0 + HOUR } });
      const stale = valueOf(await crm.setConsent({ phone: MARCO, topic: 'marketing', granted: true, at: T0 + 1, idempotencyKey: 'c3' }));
      assert.deepEqual(stale.consents, { marketing: { granted: false, at: T0 + HOUR } });
    });

    it('adds a note once however often the call is retried', async () => {
      const { crm } = current().subject.ports;
      const note = valueOf(await crm.addNote({ phone: GIULIA, text: 'Preferisce il sabato', author: 'bot', idempotencyKey: 'n1' }));
      assert.deepEqual(valueOf(await crm.addNote({ phone: GIULIA, text: 'Preferisce il sabato', author: 'bot', idempotencyKey: 'n1' })), note);
      assert.deepEqual({ ...note, id: 'x' }, { id: 'x', text: 'Preferisce il sabato', author: 'bot', at: T0 });
      assert.deepEqual(valueOf(await crm.getContact({ phone: GIULIA })).notes, [note]);
    });
  });
}

const TRANSCRIPT: TranscriptLine[] = [
  { at: T0, from: 'customer', text: 'Il mio ordine non è arrivato' },
  { at: T0 + 1000, from: 'bot', text: 'Ti passo a una persona del nostro staff' },
];

export function ticketsContract(current: Current): void {
  describe('tickets', () => {
    it('creates a ticket with the transcript and reads it back', async () => {
      const { tickets } = current().subject.ports;
      const ticket = valueOf(await tickets.createTicket({ subject: 'Ordine in ritardo', phone: GIULIA, name: 'Giulia', conversationId: 'pn:393331234567', transcript: TRANSCRIPT, idempotencyKey: 'turn-1' }));
      assert.deepEqual({ ...ticket, id: 'x' }, {
        id: 'x', subject: 'Ordine in ritardo', status: 'open', priority: 'normal', phone: GIULIA, name: 'Giulia', conversationId: 'pn:393331234567', transcript: TRANSCRIPT,
      });
      assert.deepEqual(valueOf(await tickets.getTicket({ ticketId: ticket.id })), ticket);
      assert.deepEqual(valueOf(await tickets.createTicket({ subject: 'Ordine in ritardo', phone: GIULIA, name: 'Giulia', conversationId: 'pn:393331234567', transcript: TRANSCRIPT, idempotencyKey: 'turn-1' })), ticket);
      refusalOf(await tickets.getTicket({ ticketId: '999999' }), 'TICKET_NOT_FOUND');
    });

    it('updates status and priority and appends lines once per idempotency key', async () => {
      const { tickets } = current().subject.ports;
      const ticket = valueOf(await tickets.createTicket({ subject: 'Reclamo', priority: 'high', phone: MARCO, transcript: TRANSCRIPT.slice(0, 1), idempotencyKey: 'turn-1' }));
      const line: TranscriptLine = { at: T0 + 5000, from: 'agent', text: 'Ci scusiamo, verifichiamo subito' };
      const request = { ticketId: ticket.id, status: 'pending' as const, priority: 'urgent' as const, append: [line], idempotencyKey: 'turn-2' };
      const updated = valueOf(await tickets.updateTicket(request));
      assert.deepEqual(updated, { ...ticket, status: 'pending', priority: 'urgent', transcript: [TRANSCRIPT[0], line] });
      assert.deepEqual(valueOf(await tickets.updateTicket(request)), updated);
      assert.deepEqual(valueOf(await tickets.getTicket({ ticketId: ticket.id })), updated);
      refusalOf(await tickets.updateTicket({ ticketId: '999999', status: 'solved', idempotencyKey: 'turn-3' }), 'TICKET_NOT_FOUND');
    });
  });
}

export function paymentsContract(current: Current): void {
  describe('payments', () => {
    it('makes one payment link per idempotency key on the configured base URL', async () => {
      const { subject } = current();
      const { payments } = subject.ports;
      const request = { purpose: { kind: 'deposit' as const, bookingId: 'b-1' }, amount: { cents: 2000, currency: 'EUR' }, phone: GIULIA, description: 'Acconto colore', idempotencyKey: 'turn-1' };
      const link = valueOf(await payments.createLink(request));
      assert.ok(link.url.startsWith(`${subject.linkBaseUrl}/`), link.url);
      assert.deepEqual({ ...link, id: 'x', url: 'u', expiresAt: 0 }, {
        id: 'x', url: 'u', amount: { cents: 2000, currency: 'EUR' }, purpose: { kind: 'deposit', bookingId: 'b-1' }, phone: GIULIA, description: 'Acconto colore', status: 'open', expiresAt: 0,
      });
      assert.deepEqual(valueOf(await payments.createLink(request)), link);
      assert.deepEqual(valueOf(await payments.getLink({ linkId: link.id })), link);
      const order = valueOf(await payments.createLink({ purpose: { kind: 'order', orderNumber: 'A-1001' }, amount: { cents: 12990, currency: 'EUR' }, phone: GIULIA, idempotencyKey: 'turn-2' }));
      assert.notEqual(order.id, link.id);
      assert.deepEqual(order.purpose, { kind: 'order', orderNumber: 'A-1001' });
      refusalOf(await payments.getLink({ linkId: 'pl_none' }), 'PAYMENT_NOT_FOUND');
    });

    it('reads an open link past its expiry as expired and rejects an invalid amount', async () => {
      const { subject, clock } = current();
      const { payments } = subject.ports;
      const link = valueOf(await payments.createLink({ purpose: { kind: 'order', orderNumber: 'A-1001' }, amount: { cents: 500, currency: 'EUR' }, phone: GIULIA, idempotencyKey: 'turn-1' }));
      assert.ok(link.expiresAt !== undefined && link.expiresAt > T0);
      clock.set((link.expiresAt ?? T0) + 1);
      assert.equal(valueOf(await payments.getLink({ linkId: link.id })).status, 'expired');
      errorOf(await payments.createLink({ purpose: { kind: 'order', orderNumber: 'A-1001' }, amount: { cents: -5, currency: 'EUR' }, phone: GIULIA, idempotencyKey: 'turn-2' }), 'INTEGRATION_REJECTED');
    });
  });
}
