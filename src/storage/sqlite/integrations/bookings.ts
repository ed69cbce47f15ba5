/**
 * The built-in bookings port: services, staff and opening hours from the catalogue tables,
 * free slots on the grid of the opening hours, and book / move / cancel under the
 * business's rules. Every change runs in one `BEGIN IMMEDIATE` transaction and occupies
 * 5-minute cells whose primary key (staff, cell) makes overlapping bookings impossible:
 * of concurrent requests for one slot, from any number of connections, exactly one wins.
 */
import type { Booking, BookingsPort, IntegrationResult, Service } from '../../../core/integrations.ts';
import { fail, phoneDigits, phonesMatch, refuse, succeed } from '../../../core/integrations.ts';
import type { Clock } from '../../../core/ports.ts';
import type { Connection } from '../connection.ts';
import { num, text } from '../rows.ts';
import { cellsOf, isBookable, slotStarts } from './booking-calendar.ts';
import type { CalendarRules } from './booking-calendar.ts';
import { dayIntervals, getService, listServices, listStaff, openingHours, staffFor, toBooking } from './booking-catalog.ts';
import { mutatingCall, readCall } from './builtin-call.ts';

export interface BookingRules extends CalendarRules {
  cancellationNoticeHours: number;
  moveNoticeHours: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const CONFLICTS = `SELECT count(*) AS n FROM booking_cells
  WHERE staff_id = ? AND booking_id <> ? AND cell IN (SELECT value FROM json_each(?))`;
const INSERT_BOOKING = `INSERT INTO bookings
  (id, service_id, staff_id, start_at, end_at, phone, name, status, price_cents, deposit_cents, currency, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)`;

function isFree(db: Connection, staffId: string, cells: number[], exceptBooking = ''): boolean {
  const row = db.get(CONFLICTS, staffId, exceptBooking, JSON.stringify(cells));
  return row !== undefined && num(row, 'n') === 0;
}

function occupy(db: Connection, bookingId: string, staffId: string, cells: number[]): void {
  for (const cell of cells) db.run('INSERT INTO booking_cells (staff_id, cell, booking_id) VALUES (?, ?, ?)', staffId, cell, bookingId);
}

function readBooking(db: Connection, id: string): Booking | undefined {
  const row = db.get('SELECT * FROM bookings WHERE id = ?', id);
  return row === undefined ? undefined : toBooking(row);
}

/** Qualified staff, the requested one only when given, the preferred one first. */
function candidates(db: Connection, serviceId: string, requested?: string, preferred?: string): string[] {
  const qualified = staffFor(db, serviceId);
  if (requested !== undefined) return qualified.filter((id) => id === requested);
  return preferred !== undefined && qualified.includes(preferred) ? [preferred, ...qualified.filter((id) => id !== preferred)] : qualified;
}

function slotProblem(db: Connection, rules: BookingRules, service: Service, start: number, now: number, staff: string[]): string | undefined {
  if (!Number.isSafeInteger(start) || !isBookable(dayIntervals(db), rules, service.durationMinutes, start, now)) {
    return `${new Date(start).toISOString()} is not a bookable start for ${service.id} (opening hours, slot grid, notice or horizon)`;
  }
  if (staff.length === 0) return `no staff member does ${service.id}`;
  return undefined;
}

function noticeRefusal(booking: Booking, noticeHours: number, action: string, now: number) {
  if (booking.start - now >= noticeHours * HOUR_MS) return undefined;
  return refuse('TOO_LATE_TO_CHANGE', `booking ${booking.id} starts in less than ${noticeHours} hours and can no longer be ${action}`, {
    noticeHours,
    start: booking.start,
  });
}

/** The active booking of this customer, or the refusal to give. */
function ownBooking(db: Connection, bookingId: string, phone: string) {
  const booking = readBooking(db, bookingId);
  if (booking === undefined || !phonesMatch(phone, booking.phone)) return refuse('BOOKING_NOT_FOUND', `no booking ${bookingId} for this phone number`);
  return succeed(booking);
}

export function createBuiltinBookings(db: Connection, clock: Clock, rules: BookingRules, newId: () => string): BookingsPort {
  const book: BookingsPort['book'] = (request) =>
    mutatingCall(db, clock, 'bookings.book', request, () => {
      const service = getService(db, request.serviceId);
      if (service === undefined) return refuse('UNKNOWN_SERVICE', `no service ${request.serviceId}`);
      const phone = phoneDigits(request.phone);
      if (phone.length < 6) return fail('INTEGRATION_REJECTED', `bookings.book: "${request.phone}" is not a phone number`, false);
      const now = clock.now();
      const staff = candidates(db, service.id, request.staffId);
      const problem = slotProblem(db, rules, service, request.start, now, staff);
      if (problem !== undefined) return refuse('SLOT_UNAVAILABLE', problem);
      const end = request.start + service.durationMinutes * MINUTE_MS;
      const cells = cellsOf(request.start, end);
      const staffId = staff.find((id) => isFree(db, id, cells));
      if (staffId === undefined) return refuse('SLOT_TAKEN', `${new Date(request.start).toISOString()} for ${service.id} has just been taken`);
      const id = newId();
      db.run(INSERT_BOOKING, id, service.id, staffId, request.start, end, phone, request.name ?? null, service.price.cents, service.deposit?.cents ?? null, service.price.currency, now, now);
      occupy(db, id, staffId, cells);
      return succeed(readBooking(db, id) as Booking);
    });

  const move: BookingsPort['move'] = (request) =>
    mutatingCall(db, clock, 'bookings.move', request, (): IntegrationResult<Booking, 'BOOKING_NOT_FOUND' | 'TOO_LATE_TO_CHANGE' | 'SLOT_TAKEN' | 'SLOT_UNAVAILABLE'> => {
      const found = ownBooking(db, request.bookingId, request.phone);
      if (!found.ok) return found;
      const booking = found.value;
      if (booking.status === 'cancelled') return refuse('BOOKING_NOT_FOUND', `booking ${booking.id} is cancelled`);
      const now = clock.now();
      const late = noticeRefusal(booking, rules.moveNoticeHours, 'moved', now);
      if (late !== undefined) return late;
      const service = getService(db, booking.serviceId) as Service;
      const staff = candidates(db, service.id, request.staffId, booking.staffId);
      const problem = slotProblem(db, rules, service, request.start, now, staff);
      if (problem !== undefined) return refuse('SLOT_UNAVAILABLE', problem);
      const end = request.start + service.durationMinutes * MINUTE_MS;
      const cells = cellsOf(request.start, end);
      const staffId = staff.find((id) => isFree(db, id, cells, booking.id));
      if (staffId === undefined) return refuse('SLOT_TAKEN', `${new Date(request.start).toISOString()} for ${service.id} is taken`);
      db.run('DELETE FROM booking_cells WHERE booking_id = ?', booking.id);
      occupy(db, booking.id, staffId, cells);
      db.run('UPDATE bookings SET start_at = ?, end_at = ?, staff_id = ?, updated_at = ? WHERE id = ?', request.start, end, staffId, now, booking.id);
      return succeed(readBooking(db, booking.id) as Booking);
    });

  const cancel: BookingsPort['cancel'] = (request) =>
    mutatingCall(db, clock, 'bookings.cancel', request, (): IntegrationResult<Booking, 'BOOKING_NOT_FOUND' | 'TOO_LATE_TO_CHANGE'> => {
      const found = ownBooking(db, request.bookingId, request.phone);
      if (!found.ok || found.value.status === 'cancelled') return found;
      const now = clock.now();
      const late = noticeRefusal(found.value, rules.cancellationNoticeHours, 'cancelled', now);
      if (late !== undefined) return late;
      db.run('DELETE FROM booking_cells WHERE booking_id = ?', found.value.id);
      db.run("UPDATE bookings SET status = 'cancelled', updated_at = ? WHERE id = ?", now, found.value.id);
      return succeed(readBooking(db, found.value.id) as Booking);
    });

  return {
    listServices: () => readCall('list services', () => succeed(listServices(db))),
    listStaff: () => readCall('list staff', () => succeed(listStaff(db))),
    schedule: () =>
      readCall('read the schedule', () =>
        succeed({ timezone: rules.timezone, hours: openingHours(db), cancellationNoticeHours: rules.cancellationNoticeHours, moveNoticeHours: rules.moveNoticeHours }),
      ),
    freeSlots: (query) => readCall('list free slots', () => freeSlots(db, clock, rules, query)),
    book,
    getBooking: (query) => readCall('read a booking', () => ownBooking(db, query.bookingId, query.phone)),
    upcomingBookings: (query) =>
      readCall('list upcoming bookings', () => {
        const rows = db.all(
          "SELECT * FROM bookings WHERE phone = ? AND status = 'confirmed' AND start_at > ? ORDER BY start_at, id",
          phoneDigits(query.phone),
          clock.now(),
        );
        return succeed(rows.map(toBooking));
      }),
    move,
    cancel,
  };
}

function freeSlots(db: Connection, clock: Clock, rules: BookingRules, query: Parameters<BookingsPort['freeSlots']>[0]) {
  const service = getService(db, query.serviceId);
  if (service === undefined) return refuse('UNKNOWN_SERVICE', `no service ${query.serviceId}`);
  const staff = candidates(db, service.id, query.staffId);
  const starts = slotStarts(dayIntervals(db), rules, service.durationMinutes, query, clock.now());
  const first = starts[0];
  const last = starts.at(-1);
  if (staff.length === 0 || first === undefined || last === undefined) return succeed([]);
  const duration = service.durationMinutes * MINUTE_MS;
  const range = cellsOf(first, last + duration);
  const busy = new Set(
    db
      .all('SELECT staff_id, cell FROM booking_cells WHERE cell BETWEEN ? AND ?', range[0] ?? 0, range.at(-1) ?? 0)
      .map((row) => `${text(row, 'staff_id')}:${num(row, 'cell')}`),
  );
  const slots = starts.map((start) => {
    const cells = cellsOf(start, start + duration);
    const staffIds = staff.filter((id) => cells.every((cell) => !busy.has(`${id}:${cell}`)));
    return { start, end: start + duration, staffIds };
  });
  return succeed(slots.filter((slot) => slot.staffIds.length > 0));
}
