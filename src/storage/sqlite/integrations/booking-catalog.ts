/**
 * Reading the booking catalogue of the built-in adapter: services, staff and who does
 * what, opening hours. Rows become the port's types (money in cents, HH:MM hours).
 */
import { compact } from '../../../core/json.ts';
import type { Booking, BookingStatus, OpeningInterval, Service, StaffMember } from '../../../core/integrations.ts';
import type { Connection, Row } from '../connection.ts';
import { num, optNum, optText, text } from '../rows.ts';
import { formatClock } from './booking-calendar.ts';
import type { DayInterval } from './booking-calendar.ts';

function toService(row: Row): Service {
  const currency = text(row, 'currency');
  const deposit = optNum(row, 'deposit_cents');
  return compact({
    id: text(row, 'id'),
    name: text(row, 'name'),
    durationMinutes: num(row, 'duration_minutes'),
    price: { cents: num(row, 'price_cents'), currency },
    deposit: deposit === undefined ? undefined : { cents: deposit, currency },
  });
}

export function listServices(db: Connection): Service[] {
  return db.all('SELECT * FROM booking_services ORDER BY position, id').map(toService);
}

export function getService(db: Connection, id: string): Service | undefined {
  const row = db.get('SELECT * FROM booking_services WHERE id = ?', id);
  return row === undefined ? undefined : toService(row);
}

export function listStaff(db: Connection): StaffMember[] {
  const links = db.all('SELECT staff_id, service_id FROM booking_staff_services ORDER BY service_id');
  return db.all('SELECT * FROM booking_staff ORDER BY position, id').map((row) => {
    const id = text(row, 'id');
    const serviceIds = links.filter((link) => text(link, 'staff_id') === id).map((link) => text(link, 'service_id'));
    return { id, name: text(row, 'name'), serviceIds };
  });
}

/** Staff ids who do the service, in order of preference (position, then id). */
export function staffFor(db: Connection, serviceId: string): string[] {
  const rows = db.all(
    `SELECT s.id FROM booking_staff s JOIN booking_staff_services l ON l.staff_id = s.id
     WHERE l.service_id = ? ORDER BY s.position, s.id`,
    serviceId,
  );
  return rows.map((row) => text(row, 'id'));
}

export function dayIntervals(db: Connection): DayInterval[] {
  return db.all('SELECT weekday, opens, closes FROM booking_hours ORDER BY weekday, opens').map((row) => ({
    weekday: num(row, 'weekday'),
    opens: num(row, 'opens'),
    closes: num(row, 'closes'),
  }));
}

export function openingHours(db: Connection): OpeningInterval[] {
  return dayIntervals(db).map((interval) => ({ weekday: interval.weekday, opens: formatClock(interval.opens), closes: formatClock(interval.closes) }));
}

export function toBooking(row: Row): Booking {
  const currency = text(row, 'currency');
  const deposit = optNum(row, 'deposit_cents');
  return compact({
    id: text(row, 'id'),
    serviceId: text(row, 'service_id'),
    staffId: text(row, 'staff_id'),
    start: num(row, 'start_at'),
    end: num(row, 'end_at'),
    phone: text(row, 'phone'),
    name: optText(row, 'name'),
    status: text(row, 'status') as BookingStatus,
    price: { cents: num(row, 'price_cents'), currency },
    deposit: deposit === undefined ? undefined : { cents: deposit, currency },
  });
}
