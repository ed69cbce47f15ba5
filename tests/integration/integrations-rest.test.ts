/**
 * The REST adapters pass the integrations contract against a loopback server that
 * implements a remote API with its own JSON (tests/contract/integrations-remote-server.ts),
 * configured only through the `integrations:` schema: URL templates, body templates,
 * field mappings, status tables, refusal rules, a Bearer token from the environment.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIntegrations } from '../../src/integrations/create-integrations.ts';
import { createSqliteIntegrations } from '../../src/storage/sqlite/integrations/sqlite-integrations.ts';
import type { Integrations } from '../../src/core/integrations.ts';
import type { Clock } from '../../src/core/ports.ts';
import { integrationsContract } from '../contract/integrations.contract.ts';
import { GIULIA, T0, TUESDAY, fillSalon, rome, settableClock, valueOf } from '../contract/integrations-fixtures.ts';
import { remoteConfig } from '../contract/integrations-remote-config.ts';
import { startRemoteServer } from '../contract/integrations-remote-server.ts';

const LINK_BASE = 'https://pay.example/p';
const TOKEN = 'remote-secret-token';
const noWait = async () => {};

async function restSubject(clock: Clock) {
  const backend = createSqliteIntegrations({ path: ':memory:', clock, payments: { linkBaseUrl: LINK_BASE } });
  const server = await startRemoteServer(backend, TOKEN);
  const ports = createIntegrations(remoteConfig(server.baseUrl), { env: { REMOTE_API_TOKEN: TOKEN }, sleep: noWait }) as Integrations;
  return { backend, server, ports };
}

integrationsContract('REST against a loopback remote API', async (clock) => {
  const { backend, server, ports } = await restSubject(clock);
  return {
    ports,
    catalogue: backend.catalogue,
    linkBaseUrl: LINK_BASE,
    cleanup: async () => {
      await server.close();
      backend.close();
    },
  };
});

describe('REST adapter requests', () => {
  it('sends the token from the environment, the idempotency key on mutating calls, and our status words mapped back', async () => {
    const { backend, server, ports } = await restSubject(settableClock(T0));
    try {
      fillSalon(backend.catalogue);
      const booked = valueOf(await ports.bookings.book({ serviceId: 'colour', start: rome(TUESDAY, '10:00'), phone: GIULIA, idempotencyKey: 'turn-7' }));
      const ticket = valueOf(await ports.tickets.createTicket({ subject: 'Reclamo', priority: 'urgent', phone: GIULIA, transcript: [], idempotencyKey: 'turn-8' }));
      valueOf(await ports.tickets.updateTicket({ ticketId: ticket.id, status: 'pending', idempotencyKey: 'turn-9' }));
      assert.ok(server.calls.every((call) => call.authorization === `Bearer ${TOKEN}`));
      const post = server.calls.find((call) => call.method === 'POST' && call.path === '/api/appointments');
      assert.equal(post?.idempotencyKey, 'turn-7');
      assert.deepEqual(post?.body, { service: 'colour', start: '2026-06-02T08:00:00.000Z', customer: { phone: GIULIA } });
      assert.equal(server.calls.find((call) => call.path === '/api/services'), undefined);
      assert.deepEqual(server.calls.find((call) => call.method === 'POST' && call.path === '/api/tickets')?.body, { title: 'Reclamo', urgency: '4', requester: { phone: GIULIA }, messages: [] });
      assert.deepEqual(server.calls.find((call) => call.method === 'PATCH')?.body, { state: 'WAITING', messages: [] });
      assert.equal(booked.phone, GIULIA);
    } finally {
      await server.close();
      backend.close();
    }
  });
});
