/**
 * Filling the built-in integrations with the business's own data: services, staff, opening
 * hours and shop orders. Synchronous and idempotent (upserts); used by the demo seed, by
 * tests and by stand-in servers. Throws an AppError (CONFIG_INVALID) for a malformed item.
 */
import { AppError } from '../../../core/errors.ts';
import type { OpeningInterval, Service, StaffMember } from '../../../core/integrations.ts';
import { ORDER_STATUSES } from '../../../core/integrations.ts';
import type { Connection } from '../connection.ts';
import { parseClock } from './booking-calendar.ts';
import { findOrder } from './orders.ts';
import type { StoredOrder } from './orders.ts';

export interface BuiltinCatalogue {
  /** Adds or replaces a service; `position` orders the lists (default 0, then id). */
  putService(service: Service, position?: number): void;
  /** Adds or replaces a staff member and the services they do. */
  putStaff(member: StaffMember, position?: number): void;
  /** Replaces every opening interval. */
  setOpeningHours(hours: readonly OpeningInterval[]): void;
  /** Adds or replaces an order, with the customer's phone as the shop has it. */
  putOrder(order: StoredOrder, updatedAt: number): void;
  /** The order whatever the phone: never give this to a customer. */
  findOrder(number: string): StoredOrder | undefined;
}

function invalid(message: string): AppError {
  return new AppError('CONFIG_INVALID', `built-in integrations: ${message}`);
}

function checkService(service: Service): void {
  if (!Number.isInteger(service.durationMinutes) || service.durationMinutes <= 0 || service.durationMinutes % 5 !== 0) {
    throw invalid(`service ${service.id}: the duration must be a positive multiple of 5 minutes`);
  }
  if (service.deposit !== undefined && service.deposit.currency !== service.price.currency) {
    throw invalid(`service ${service.id}: the deposit and the price must be in the same currency`);
  }
}

function minutesOf(clock: string, where: string): number {
  const minutes = parseClock(clock);
  if (minutes === undefined || minutes % 5 !== 0) throw invalid(`${where}: "${clock}" is not a time HH:MM on a 5-minute mark`);
  return minutes;
}

export function createCatalogue(db: Connection): BuiltinCatalogue {
  return {
    putService(service, position = 0) {
      checkService(service);
      db.run(
        `INSERT INTO booking_services (id, name, duration_minutes, price_cents, deposit_cents, currency, position) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, duration_minutes = excluded.duration_minutes, price_cents = excluded.price_cents,
           deposit_cents = excluded.deposit_cents, currency = excluded.currency, position = excluded.position`,
        service.id, service.name, service.durationMinutes, service.price.cents, service.deposit?.cents ?? null, service.price.currency, position,
      );
    },
    putStaff(member, position = 0) {
      db.transaction(() => {
        db.run(
          'INSERT INTO booking_staff (id, name, position) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position',
          member.id, member.name, position,
        );
        db.run('DELETE FROM booking_staff_services WHERE staff_id = ?', member.id);
        for (const serviceId of member.serviceIds) db.run('INSERT INTO booking_staff_services (staff_id, service_id) VALUES (?, ?)', member.id, serviceId);
      });
    },
    setOpeningHours(hours) {
      const rows = hours.map((interval, index) => {
        const where = `opening hours ${index + 1}`;
        if (!Number.isInteger(interval.weekday) || interval.weekday < 1 || interval.weekday > 7) throw invalid(`${where}: the weekday must be 1 (Monday) to 7 (Sunday)`);
        const opens = minutesOf(interval.opens, where);
        const closes = minutesOf(interval.closes, where);
        if (opens >= closes) throw invalid(`${where}: opens at ${interval.opens}, after closing at ${interval.closes}`);
        return [interval.weekday, opens, closes] as const;
      });
      db.transaction(() => {
        db.run('DELETE FROM booking_hours');
        for (const [weekday, opens, closes] of rows) db.run('INSERT INTO booking_hours (weekday, opens, closes) VALUES (?, ?, ?)', weekday, opens, closes);
      });
    },
    putOrder(order, updatedAt) {
      if (!(ORDER_STATUSES as readonly string[]).includes(order.status)) throw invalid(`order ${order.number}: unknown status "${order.status}"`);
      db.run(
        `INSERT INTO shop_orders (number, phone, status, placed_at, total_cents, currency, items, carrier, tracking_code, tracking_url, estimated_delivery, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (number) DO UPDATE SET phone = excluded.phone, status = excluded.status, placed_at = excluded.placed_at,
           total_cents = excluded.total_cents, currency = excluded.currency, items = excluded.items, carrier = excluded.carrier,
           tracking_code = excluded.tracking_code, tracking_url = excluded.tracking_url, estimated_delivery = excluded.estimated_delivery,
           updated_at = excluded.updated_at`,
        order.number, order.phone, order.status, order.placedAt ?? null, order.total?.cents ?? null, order.total?.currency ?? null,
        JSON.stringify(order.items), order.tracking?.carrier ?? null, order.tracking?.code ?? null, order.tracking?.url ?? null,
        order.estimatedDelivery ?? null, updatedAt,
      );
    },
    findOrder: (number) => findOrder(db, number),
  };
}
