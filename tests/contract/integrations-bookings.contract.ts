/**
 * The bookings part of the integrations contract: catalogue, free slots on the opening
 * hours, book / move / cancel under the rules (24 hours' notice to move or cancel, 60
 * minutes' notice to book), conflicts, concurrency and idempotent retries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BookingsPort } from '../../src/core/integrations.ts';
import type { IntegrationsUnderTest, SettableClock } from './integrations-fixtures.ts';
import { GIULIA, HOUR, HOURS, MARCO, MINUTE, SERVICES, STAFF, TUESDAY, errorOf, fillSalon, refusalOf, rome, valueOf } from './integrations-fixtures.ts';

type Current = () => { subject: IntegrationsUnderTest; clock: SettableClock };

const TEN = rome(TUESDAY, '10:00');

function bookColour(bookings: BookingsPort, key: string, start = TEN, phone = GIULIA) {
  return bookings.book({ serviceId: 'colour', start, phone, name: 'Giulia', idempotencyKey: key });
}

function catalogueAndSlots(current: Current): void {
  it('lists services, staff and the schedule with its rules', async () => {
    const { subject } = current();
    fillSalon(subject.catalogue);
    const { bookings } = subject.ports;
    assert.deepEqual(valueOf(await bookings.listServices()), SERVICES);
    assert.deepEqual(valueOf(await bookings.listStaff()), STAFF.map((member) => ({ ...member, serviceIds: [...member.serviceIds].sort() })));
    assert.deepEqual(valueOf(await bookings.schedule()), { timezone: 'Europe/Rome', hours: HOURS, cancellationNoticeHours: 24, moveNoticeHours: 24 });
  });

  it('offers the starts that fit in the opening hours, with the staff who do the service', async () => {
    const { subject } = current();
    fillSalon(subject.catalogue);
    const day = { from: rome(TUESDAY, '00:00'), to: rome('2026-06-03', '00:00') };
    const colour = valueOf(await subject.ports.bookings.freeSlots({ serviceId: 'colour', ...day }));
    assert.equal(colour.length, 22);
    assert.deepEqual(colour[0], { start: rome(TUESDAY, '09:00'), end: rome(TUESDAY, '10:30'), staffIds: ['anna'] });
    assert.equal(colour[10]?.start, rome(TUESDAY, '11:30'));
    assert.equal(colour[11]?.start, rome(TUESDAY, '14:00'));
    assert.equal(colour.at(-1)?.start, rome(TUESDAY, '16:30'));
    const cut = valueOf(await subject.ports.bookings.freeSlots({ serviceId: 'cut', ...day }));
    assert.deepEqual(cut[0]?.staffIds, ['anna', 'bruno']);
    const bruno = valueOf(await subject.ports.bookings.freeSlots({ serviceId: 'cut', staffId: 'bruno', ...day }));
    assert.deepEqual(new Set(bruno.flatMap((slot) => slot.staffIds)), new Set(['bruno']));
    const monday = valueOf(await subject.ports.bookings.freeSlots({ serviceId: 'cut', from: rome('2026-06-01', '00:00'), to: rome(TUESDAY, '00:00') }));
    assert.deepEqual(monday, []);
    refusalOf(await subject.ports.bookings.freeSlots({ serviceId: 'nails', ...day }), 'UNKNOWN_SERVICE');
  });

  it('offers nothing sooner than the booking notice', async () => {
    const { subject, clock } = current();
    fillSalon(subject.catalogue);
    clock.set(rome(TUESDAY, '09:40'));
    const slots = valueOf(await subject.ports.bookings.freeSlots({ serviceId: 'cut', from: rome(TUESDAY, '00:00'), to: rome(TUESDAY, '13:00') }));
    assert.equal(slots[0]?.start, rome(TUESDAY, '10:45'));
  });
}

function booking(current: Current): void {
  it('books a slot with the price and deposit of the service; the slot is then no longer free', async () => {
    const { subject } = current();
    fillSalon(subject.catalogue);
    const { bookings } = subject.ports;
    const booked = valueOf(await bookColour(bookings, 'turn-1'));
    assert.deepEqual({ ...booked, id: 'x' }, {
      id: 'x', serviceId: 'colour', staffId: 'anna', start: TEN, end: rome(TUESDAY, '11:30'), phone: GIULIA, name: 'Giulia',
      status: 'confirmed', price: { cents: 8000, currency: 'EUR' }, deposit: { cents: 2000, currency: 'EUR' },
    });
    assert.deepEqual(valueOf(await bookings.getBooking({ bookingId: booked.id, phone: '+39 333 1234567' })), booked);
    const slots = valueOf(await bookings.freeSlots({ serviceId: 'cut', from: rome(TUESDAY, '09:00'), to: rome(TUESDAY, '12:00') }));
    const staffAt = (time: string) => slots.find((slot) => slot.start === rome(TUESDAY, time))?.staffIds;
    assert.deepEqual(staffAt('09:30'), ['anna', 'bruno']);
    assert.deepEqual(staffAt('09:45'), ['bruno']);
    assert.deepEqual(staffAt('11:15'), ['bruno']);
    assert.deepEqual(staffAt('11:30'), ['anna', 'bruno']);
    refusalOf(await bookColour(bookings, 'turn-2', rome(TUESDAY, '11:00'), MARCO), 'SLOT_TAKEN');
    const cut = valueOf(await bookings.book({ serviceId: 'cut', start: TEN, phone: MARCO, idempotencyKey: 'turn-3' }));
    assert.equal(cut.staffId, 'bruno');
    refusalOf(await bookings.book({ serviceId: 'cut', start: TEN, phone: MARCO, idempotencyKey: 'turn-4' }), 'SLOT_TAKEN');
  });

  it('refuses times that are not bookable and services that do not exist', async () => {
    const { subject } = current();
    fillSalon(subject.catalogue);
    const { bookings } = subject.ports;
    refusalOf(await bookColour(bookings, 'k1', rome('2026-06-01', '15:00')), 'SLOT_UNAVAILABLE');
    refusalOf(await bookColour(bookings, 'k2', rome(TUESDAY, '12:00')), 'SLOT_UNAVAILABLE');
    refusalOf(await bookColour(bookings, 'k3', rome(TUESDAY, '10:05')), 'SLOT_UNAVAILABLE');
    refusalOf(await bookColour(bookings, 'k4', rome('2026-05-26', '10:00')), 'SLOT_UNAVAILABLE');
    refusalOf(await bookings.book({ serviceId: 'colour', staffId: 'bruno', start: TEN, phone: GIULIA, idempotencyKey: 'k5' }), 'SLOT_UNAVAILABLE');
    refusalOf(await bookings.book({ serviceId: 'nails', start: TEN, phone: GIULIA, idempotencyKey: 'k6' }), 'UNKNOWN_SERVICE');
    assert.deepEqual(valueOf(await bookings.upcomingBookings({ phone: GIULIA })), []);
  });

  it('returns the first result for a retried request and books once; refuses the key for another request', async () => {
    const { subject } = current();
    fillSalon(subject.catalogue);
    const { bookings } = subject.ports;
    const first = valueOf(await bookColour(bookings, 'turn-1'));
    const retries = await Promise.all([bookColour(bookings, 'turn-1'), bookColour(bookings, 'turn-1')]);
    for (const retry of retries) assert.deepEqual(valueOf(retry), first);
    assert.deepEqual(valueOf(await bookings.upcomingBookings({ phone: GIULIA })), [first]);
    const reused = errorOf(await bookColour(bookings, 'turn-1', rome(TUESDAY, '14:00')), 'INTEGRATION_REJECTED');
    assert.equal(reused.retryable, false);
    const refused = await bookColour(bookings, 'turn-2', TEN, MARCO);
    refusalOf(refused, 'SLOT_TAKEN');
    assert.deepEqual(await bookColour(bookings, 'turn-2', TEN, MARCO), refused);
  });

  it('lets exactly one of many concurrent requests for the same slot win', async () => {
    const { subject } = current();
    fillSalon(subject.catalogue);
    const requests = Array.from({ length: 25 }, (_, i) => bookColour(subject.ports.bookings, `turn-${i}`, TEN, `3933300000${String(i).padStart(2, '0')}`));
    const results = await Promise.all(requests);
    assert.equal(results.filter((result) => result.ok).length, 1);
    assert.equal(results.filter((result) => result.refusal?.code === 'SLOT_TAKEN').length, 24);
  });
}

function moveAndCancel(current: Current): void {
  it('moves a booking to a free slot, freeing the old one; refuses a taken slot and another phone', async () => {
    const { subject } = current();
    fillSalon(subject.catalogue);
    const { bookings } = subject.ports;
    const booked = valueOf(await bookColour(bookings, 'turn-1'));
    const other = valueOf(await bookColour(bookings, 'turn-2', rome(TUESDAY, '14:00'), MARCO));
    refusalOf(await bookings.move({ bookingId: booked.id, phone: MARCO, start: rome(TUESDAY, '16:00'), idempotencyKey: 'm0' }), 'BOOKING_NOT_FOUND');
    refusalOf(await bookings.move({ bookingId: booked.id, phone: GIULIA, start: rome(TUESDAY, '15:00'), idempotencyKey: 'm1' }), 'SLOT_TAKEN');
    refusalOf(await bookings.move({ bookingId: booked.id, phone: GIULIA, start: rome(TUESDAY, '12:00'), idempotencyKey: 'm2' }), 'SLOT_UNAVAILABLE');
    const moved = valueOf(await bookings.move({ bookingId: booked.id, phone: GIULIA, start: rome(TUESDAY, '16:00'), idempotencyKey: 'm3' }));
    assert.deepEqual(moved, { ...booked, start: rome(TUESDAY, '16:00'), end: rome(TUESDAY, '17:30') });
    assert.deepEqual(valueOf(await bookings.move({ bookingId: booked.id, phone: GIULIA, start: rome(TUESDAY, '16:00'), idempotencyKey: 'm3' })), moved);
    valueOf(await bookColour(bookings, 'turn-3', TEN, MARCO));
    assert.deepEqual(valueOf(await bookings.upcomingBookings({ phone: MARCO })).map((b) => b.id).includes(other.id), true);
  });

  it('cancels with enough notice and frees the slot; a retry or a second cancel changes nothing', async () => {
    const { subject, clock } = current();
    fillSalon(subject.catalogue);
    const { bookings } = subject.ports;
    const booked = valueOf(await bookColour(bookings, 'turn-1'));
    refusalOf(await bookings.cancel({ bookingId: booked.id, phone: MARCO, idempotencyKey: 'c0' }), 'BOOKING_NOT_FOUND');
    clock.set(TEN - 24 * HOUR);
    const cancelled = valueOf(await bookings.cancel({ bookingId: booked.id, phone: GIULIA, idempotencyKey: 'c1' }));
    assert.deepEqual(cancelled, { ...booked, status: 'cancelled' });
    assert.deepEqual(valueOf(await bookings.cancel({ bookingId: booked.id, phone: GIULIA, idempotencyKey: 'c1' })), cancelled);
    assert.deepEqual(valueOf(await bookings.cancel({ bookingId: booked.id, phone: GIULIA, idempotencyKey: 'c2' })), cancelled);
    assert.deepEqual(valueOf(await bookings.upcomingBookings({ phone: GIULIA })), []);
    refusalOf(await bookings.move({ bookingId: booked.id, phone: GIULIA, start: rome(TUESDAY, '16:00'), idempotencyKey: 'm1' }), 'BOOKING_NOT_FOUND');
    valueOf(await bookColour(bookings, 'turn-2', TEN, MARCO));
  });

  it('refuses to cancel or move later than the notice, saying how many hours it is', async () => {
    const { subject, clock } = current();
    fillSalon(subject.catalogue);
    const { bookings } = subject.ports;
    const booked = valueOf(await bookColour(bookings, 'turn-1'));
    clock.set(TEN - 24 * HOUR + MINUTE);
    const late = refusalOf(await bookings.cancel({ bookingId: booked.id, phone: GIULIA, idempotencyKey: 'c1' }), 'TOO_LATE_TO_CHANGE');
    assert.equal(late['noticeHours'], 24);
    refusalOf(await bookings.move({ bookingId: booked.id, phone: GIULIA, start: rome(TUESDAY, '16:00'), idempotencyKey: 'm1' }), 'TOO_LATE_TO_CHANGE');
    assert.deepEqual(valueOf(await bookings.getBooking({ bookingId: booked.id, phone: GIULIA })), booked);
    clock.set(TEN + HOUR);
    assert.deepEqual(valueOf(await bookings.upcomingBookings({ phone: GIULIA })), []);
  });
}

export function bookingsContract(current: Current): void {
  describe('bookings', () => {
    catalogueAndSlots(current);
    booking(current);
    moveAndCancel(current);
  });
}
