/**
 * A live reload of the business configuration also reaches the built-in integrations: new
 * booking rules apply to the next request, on the same data; a reload with bad rules fails
 * and leaves the running ones in place.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { startHarness } from '../helpers/engine-harness.ts';
import { demoBusiness } from '../helpers/demo-config.ts';
import { T0, TUESDAY, fillSalon, rome, settableClock, valueOf } from '../contract/integrations-fixtures.ts';

it('reloads booking rules into the built-in bookings and keeps them on a broken reload', async () => {
  const harness = await startHarness({ engineClock: settableClock(T0) });
  try {
    const { engine } = harness;
    fillSalon(engine.builtinIntegrations.catalogue);
    const query = { serviceId: 'cut', from: rome(TUESDAY, '09:00'), to: rome(TUESDAY, '11:00'), staffId: 'anna' };
    const gaps = async () => {
      const bookings = engine.integrations().bookings;
      assert.ok(bookings, 'the demo business has bookings');
      const starts = valueOf(await bookings.freeSlots(query)).map((slot) => slot.start);
      return new Set(starts.slice(1).map((start, i) => (start - (starts[i] ?? start)) / 60_000));
    };
    assert.deepEqual(await gaps(), new Set([15]), 'the default grid');

    const business = demoBusiness();
    const halfHours = structuredClone(business);
    halfHours.integrations.bookings = { ...builtinBookings(halfHours), slot_step_minutes: 30 };
    await engine.reload(halfHours);
    assert.deepEqual(await gaps(), new Set([30]), 'the reloaded grid');

    const broken = structuredClone(business);
    broken.integrations.bookings = { ...builtinBookings(broken), timezone: 'Mars/Olympus' };
    await assert.rejects(engine.reload(broken), /CONFIG_INVALID|time zone/);
    assert.deepEqual(await gaps(), new Set([30]), 'the running rules stay');
    assert.equal(builtinBookings(engine.business()).slot_step_minutes, 30, 'and so does the running configuration');
  } finally {
    await harness.close();
  }
});

function builtinBookings(business: ReturnType<typeof demoBusiness>) {
  const bookings = business.integrations.bookings;
  if (bookings?.adapter !== 'builtin') throw new Error('the demo business books with the built-in adapter');
  return bookings;
}
