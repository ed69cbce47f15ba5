/**
 * The built-in integrations on the embedded SQLite database (migration 3): all five ports
 * plus the catalogue to fill them, on their own connection to the store's file (WAL lets
 * them share it, also with other processes). Rules come from the business configuration.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import type { Integrations } from '../../../core/integrations.ts';
import type { Clock } from '../../../core/ports.ts';
import { systemClock } from '../../../core/ports.ts';
import { openConnection } from '../connection.ts';
import type { Connection } from '../connection.ts';
import { storeFailure } from '../sqlite-store.ts';
import { isTimeZone } from './booking-calendar.ts';
import { createBuiltinBookings } from './bookings.ts';
import type { BookingRules } from './bookings.ts';
import { createCatalogue } from './catalogue.ts';
import type { BuiltinCatalogue } from './catalogue.ts';
import { createBuiltinCrm } from './crm.ts';
import { createBuiltinOrders } from './orders.ts';
import { createBuiltinPayments } from './payments.ts';
import type { BuiltinPaymentOptions } from './payments.ts';
import { createBuiltinTickets } from './tickets.ts';

export interface SqliteIntegrationsOptions {
  /** The store's database file, or ':memory:'. */
  path: string;
  busyTimeoutMs?: number;
  clock?: Clock;
  /** Defaults: Europe/Rome, 15-minute grid, 60 minutes' notice, 90 days ahead, 24 hours to cancel or move. */
  bookings?: Partial<BookingRules>;
  payments: BuiltinPaymentOptions;
}

export interface SqliteIntegrations extends Integrations {
  catalogue: BuiltinCatalogue;
  /**
   * The same database with other booking and payment rules (a reloaded configuration). Throws
   * CONFIG_INVALID for bad booking rules (payment links are checked by the config schema), so
   * the running rules stay; the connection is shared, so `close()` on the original closes it.
   */
  withRules(rules: Pick<SqliteIntegrationsOptions, 'bookings' | 'payments'>): Integrations;
  close(): void;
}

export const DEFAULT_BOOKING_RULES: BookingRules = {
  timezone: 'Europe/Rome',
  slotStepMinutes: 15,
  minNoticeMinutes: 60,
  maxDaysAhead: 90,
  cancellationNoticeHours: 24,
  moveNoticeHours: 24,
};

function checkRules(rules: BookingRules): BookingRules {
  const problems = [
    isTimeZone(rules.timezone) ? undefined : `unknown time zone "${rules.timezone}"`,
    Number.isInteger(rules.slotStepMinutes) && rules.slotStepMinutes > 0 && rules.slotStepMinutes % 5 === 0 ? undefined : 'the slot step must be a positive multiple of 5 minutes',
    [rules.minNoticeMinutes, rules.maxDaysAhead, rules.cancellationNoticeHours, rules.moveNoticeHours].every((n) => Number.isFinite(n) && n >= 0)
      ? undefined
      : 'notice, horizon and notice hours must be zero or more',
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new AppError('CONFIG_INVALID', `built-in bookings: ${problems.join('; ')}`);
  return rules;
}

/** The defaults with the configured rules on top, checked. */
function bookingRules(configured: Partial<BookingRules> | undefined): BookingRules {
  return checkRules({ ...DEFAULT_BOOKING_RULES, ...configured });
}

function connect(options: SqliteIntegrationsOptions): Connection {
  try {
    return openConnection({ path: options.path, busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
  } catch (error) {
    throw storeFailure(`open ${options.path}`, error);
  }
}

/** Opens (and migrates) the database. Throws CONFIG_INVALID for bad rules, STORE_FAILURE when it cannot open. */
export function createSqliteIntegrations(options: SqliteIntegrationsOptions): SqliteIntegrations {
  const rules = bookingRules(options.bookings);
  const clock = options.clock ?? systemClock;
  const db = connect(options);
  const orders = createBuiltinOrders(db);
  const crm = createBuiltinCrm(db, clock);
  const tickets = createBuiltinTickets(db, clock);
  return {
    orders,
    bookings: createBuiltinBookings(db, clock, rules, randomUUID),
    crm,
    tickets,
    payments: createBuiltinPayments(db, clock, options.payments),
    catalogue: createCatalogue(db),
    withRules: (next) => ({
      orders,
      bookings: createBuiltinBookings(db, clock, bookingRules(next.bookings), randomUUID),
      crm,
      tickets,
      payments: createBuiltinPayments(db, clock, next.payments),
    }),
    close: () => db.close(),
  };
}
