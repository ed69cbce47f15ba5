/**
 * The built-in integrations on SQLite: the contract (in memory and on a file), the
 * migration, two connections to one file racing for a slot, and the demo seed.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { Booking, IntegrationResult, RefusalCode } from '../../src/core/integrations.ts';
import { createSqliteIntegrations } from '../../src/storage/sqlite/integrations/sqlite-integrations.ts';
import { integrationsContract } from '../contract/integrations.contract.ts';
import { GIULIA, MARCO, T0, TUESDAY, fillSalon, refusalOf, rome, settableClock, valueOf } from '../contract/integrations-fixtures.ts';

const LINK_BASE = 'https://pay.example/p';

integrationsContract('built-in, SQLite :memory:', async (clock) => {
  const integrations = createSqliteIntegrations({ path: ':memory:', clock, payments: { linkBaseUrl: LINK_BASE } });
  return { ports: integrations, catalogue: integrations.catalogue, linkBaseUrl: LINK_BASE, cleanup: async () => integrations.close() };
});

integrationsContract('built-in, SQLite file', async (clock) => {
  const folder = await mkdtemp(join(tmpdir(), 'centralino-integrations-'));
  const integrations = createSqliteIntegrations({ path: join(folder, 'data', 'centralino.sqlite'), clock, payments: { linkBaseUrl: `${LINK_BASE}/` } });
  return {
    ports: integrations,
    catalogue: integrations.catalogue,
    linkBaseUrl: LINK_BASE,
    cleanup: async () => {
      integrations.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
});

describe('built-in bookings on one database file from several connections', () => {
  let folder = '';
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'centralino-integrations-two-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lets exactly one of the concurrent requests of two connections for the same slot win', async () => {
    const path = join(folder, 'race.sqlite');
    const clock = settableClock(T0);
    const first = createSqliteIntegrations({ path, clock, payments: { linkBaseUrl: LINK_BASE } });
    const second = createSqliteIntegrations({ path, clock, payments: { linkBaseUrl: LINK_BASE } });
    try {
      fillSalon(first.catalogue);
      const start = rome(TUESDAY, '10:00');
      const requests = Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? first : second).bookings.book({ serviceId: 'colour', start, phone: i % 2 === 0 ? GIULIA : MARCO, idempotencyKey: `turn-${i}` }),
      );
      const results = await Promise.all(requests);
      assert.equal(results.filter((result) => result.ok).length, 1);
      assert.equal(results.filter((result) => result.refusal?.code === 'SLOT_TAKEN').length, 19);
      const winner = results.find((result) => result.ok)?.value;
      assert.ok(winner !== undefined);
      assert.deepEqual(valueOf(await second.bookings.getBooking({ bookingId: winner.id, phone: winner.phone })), winner);
      refusalOf(await second.bookings.book({ serviceId: 'colour', start, phone: MARCO, idempotencyKey: 'late' }), 'SLOT_TAKEN');
    } finally {
      first.close();
      second.close();
    }
  });

  it('lets exactly one of eight threads, each on its own connection, released at once, book the slot', async () => {
    const path = join(folder, 'threads.sqlite');
    const setup = createSqliteIntegrations({ path, payments: { linkBaseUrl: LINK_BASE } });
    fillSalon(setup.catalogue);
    setup.close();
    const barrier = new SharedArrayBuffer(8);
    const flags = new Int32Array(barrier);
    const start = rome(TUESDAY, '10:00');
    const workers = Array.from({ length: 8 }, (_, n) =>
      new Worker(new URL('./integrations-race-worker.ts', import.meta.url), {
        workerData: { path, now: T0, start, phone: `39333000000${n}`, key: `turn-${n}`, barrier },
      }),
    );
    const results = workers.map(
      (worker) =>
        new Promise<IntegrationResult<Booking, RefusalCode>>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    );
    while (Atomics.load(flags, 0) < workers.length) await new Promise((resolve) => setTimeout(resolve, 5));
    Atomics.store(flags, 1, 1);
    Atomics.notify(flags, 1);
    const outcomes = await Promise.all(results);
    assert.equal(outcomes.filter((outcome) => outcome.ok).length, 1, JSON.stringify(outcomes));
    assert.equal(outcomes.filter((outcome) => outcome.refusal?.code === 'SLOT_TAKEN').length, 7, JSON.stringify(outcomes));
  });
});

describe('built-in integrations with other rules (a reloaded configuration)', () => {
  it('applies the new booking grid and payment links on the same data, and refuses bad rules', async () => {
    const clock = settableClock(T0);
    const integrations = createSqliteIntegrations({ path: ':memory:', clock, payments: { linkBaseUrl: LINK_BASE } });
    try {
      fillSalon(integrations.catalogue);
      const query = { serviceId: 'cut', from: rome(TUESDAY, '09:00'), to: rome(TUESDAY, '10:00'), staffId: 'anna' };
      const starts = async (ports: { bookings: typeof integrations.bookings }) => valueOf(await ports.bookings.freeSlots(query)).map((slot) => slot.start);
      const quarter = await starts(integrations);
      const reloaded = integrations.withRules({ bookings: { slotStepMinutes: 30 }, payments: { linkBaseUrl: 'https://pay.other.example/x' } });
      const half = await starts(reloaded);
      assert.deepEqual(half, quarter.filter((start) => (start - rome(TUESDAY, '09:00')) % (30 * 60_000) === 0));
      assert.ok(half.length > 0 && half.length < quarter.length);
      const booked = valueOf(await reloaded.bookings.book({ serviceId: 'cut', start: half[0] as number, phone: GIULIA, idempotencyKey: 'reload-1' }));
      assert.equal(valueOf(await integrations.bookings.getBooking({ bookingId: booked.id, phone: GIULIA })).id, booked.id, 'one database under both');
      const link = valueOf(await reloaded.payments.createLink({ purpose: { kind: 'deposit', bookingId: booked.id }, amount: { cents: 2000, currency: 'EUR' }, phone: GIULIA, idempotencyKey: 'reload-pay' }));
      assert.ok(link.url.startsWith('https://pay.other.example/x/'), link.url);
      assert.throws(() => integrations.withRules({ bookings: { slotStepMinutes: 7 }, payments: { linkBaseUrl: LINK_BASE } }), /CONFIG_INVALID|slot step/);
    } finally {
      integrations.close();
    }
  });
});
