/**
 * The demo seed: Aurora Beauty Lab's services, staff and hours and the fashion shop's
 * orders land in the built-in adapters, agree with the salon's business file, and can be
 * seeded on every start.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { parse } from 'yaml';
import { DEMO_SERVICES, seedDemoIntegrations } from '../../src/storage/sqlite/integrations/demo-seed.ts';
import { createSqliteIntegrations } from '../../src/storage/sqlite/integrations/sqlite-integrations.ts';
import { refusalOf, rome, settableClock, valueOf } from '../contract/integrations-fixtures.ts';

const SIMULATOR_CUSTOMER = '393331234567';

function salonPrices(): string {
  const business = parse(readFileSync(new URL('../../examples/beauty-salon/business.yaml', import.meta.url), 'utf8')) as { intents: { prices: { answer: { it: string } } } };
  return business.intents.prices.answer.it;
}

it('seeds the salon and the shop, twice without harm, consistently with the business file', async () => {
  const now = rome('2026-06-01', '12:00');
  const integrations = createSqliteIntegrations({ path: ':memory:', clock: settableClock(now), payments: { linkBaseUrl: 'http://127.0.0.1:3000/pay' } });
  try {
    seedDemoIntegrations(integrations.catalogue, now);
    seedDemoIntegrations(integrations.catalogue, now);
    const { bookings, orders } = integrations;
    assert.deepEqual(valueOf(await bookings.listServices()), DEMO_SERVICES);
    const prices = salonPrices();
    for (const service of DEMO_SERVICES) assert.ok(prices.includes(`${service.price.cents / 100} €`), `${service.name}: ${service.price.cents / 100} € is not in the price list`);
    assert.equal(valueOf(await bookings.listStaff()).length, 3);
    const schedule = valueOf(await bookings.schedule());
    assert.deepEqual(schedule.hours.map((hour) => `${hour.weekday} ${hour.opens}-${hour.closes}`), ['2 09:30-19:30', '3 09:30-19:30', '4 09:30-19:30', '5 09:30-19:30', '6 09:00-18:00']);
    const tuesday = valueOf(await bookings.freeSlots({ serviceId: 'gel_polish', from: rome('2026-06-02', '00:00'), to: rome('2026-06-03', '00:00') }));
    assert.equal(tuesday[0]?.start, rome('2026-06-02', '09:30'));
    assert.deepEqual(tuesday[0]?.staffIds, ['chiara', 'elena']);
    const monday = valueOf(await bookings.freeSlots({ serviceId: 'gel_polish', from: rome('2026-06-01', '00:00'), to: rome('2026-06-02', '00:00') }));
    assert.deepEqual(monday, []);
    const order = valueOf(await orders.getOrder({ orderNumber: 'LM-10421', phone: SIMULATOR_CUSTOMER }));
    assert.equal(order.status, 'shipped');
    assert.equal(order.tracking?.carrier, 'BRT');
    refusalOf(await orders.getOrder({ orderNumber: 'LM-10455', phone: SIMULATOR_CUSTOMER }), 'ORDER_NOT_FOUND');
  } finally {
    integrations.close();
  }
});
