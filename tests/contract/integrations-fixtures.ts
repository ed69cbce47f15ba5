/**
 * Fixtures for the integrations contract: a settable clock, a small hair salon catalogue
 * (not the demo's), a shop order, local-time helpers for Europe/Rome and result matchers.
 */
import assert from 'node:assert/strict';
import type { Integrations, IntegrationResult, OpeningInterval, RefusalCode, Service, StaffMember } from '../../src/core/integrations.ts';
import type { Clock } from '../../src/core/ports.ts';
import type { StoredOrder } from '../../src/storage/sqlite/integrations/orders.ts';

export interface SettableClock extends Clock {
  set(now: number): void;
  advance(ms: number): void;
}

export function settableClock(start: number): SettableClock {
  let now = start;
  return {
    now: () => now,
    set: (next) => void (now = next),
    advance: (ms) => void (now += ms),
  };
}

/** What a subject lets the contract fill: the remote system's own data. */
export interface Catalogue {
  putService(service: Service, position?: number): void;
  putStaff(member: StaffMember, position?: number): void;
  setOpeningHours(hours: readonly OpeningInterval[]): void;
  putOrder(order: StoredOrder, updatedAt: number): void;
}

export interface IntegrationsUnderTest {
  ports: Integrations;
  catalogue: Catalogue;
  /** The base URL payment links are made on. */
  linkBaseUrl: string;
  cleanup(): Promise<void>;
}

/** A fresh, empty subject whose time is `clock` (time zone Europe/Rome, default booking rules). */
export type MakeIntegrations = (clock: Clock) => Promise<IntegrationsUnderTest>;

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** An instant in Rome in June 2026 (UTC+2): `rome('2026-06-02', '10:00')`. */
export function rome(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+02:00`);
}

/** Monday 1 June 2026, 10:00 in Rome: the salon is closed on Mondays. */
export const T0 = rome('2026-06-01', '10:00');
export const TUESDAY = '2026-06-02';

export const SERVICES: Service[] = [
  { id: 'cut', name: 'Taglio', durationMinutes: 30, price: { cents: 2500, currency: 'EUR' } },
  { id: 'colour', name: 'Colore', durationMinutes: 90, price: { cents: 8000, currency: 'EUR' }, deposit: { cents: 2000, currency: 'EUR' } },
];
export const STAFF: StaffMember[] = [
  { id: 'anna', name: 'Anna', serviceIds: ['colour', 'cut'] },
  { id: 'bruno', name: 'Bruno', serviceIds: ['cut'] },
];
/** Tuesday to Saturday, 9-13 and 14-18. */
export const HOURS: OpeningInterval[] = [2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, opens: '09:00', closes: '13:00' },
  { weekday, opens: '14:00', closes: '18:00' },
]);

export const GIULIA = '393331234567';
export const MARCO = '393471112222';

export const ORDER: StoredOrder = {
  number: 'A-1001',
  phone: '+39 333 123 4567',
  status: 'shipped',
  placedAt: rome('2026-05-28', '18:30'),
  total: { cents: 12990, currency: 'EUR' },
  items: [{ name: 'Abito in lino', quantity: 1 }, { name: 'Foulard', quantity: 2 }],
  tracking: { carrier: 'BRT', code: '0845123', url: 'https://tracking.example/0845123' },
  estimatedDelivery: '2026-06-03',
};

export function fillSalon(catalogue: Catalogue): void {
  SERVICES.forEach((service, position) => catalogue.putService(service, position));
  STAFF.forEach((member, position) => catalogue.putStaff(member, position));
  catalogue.setOpeningHours(HOURS);
}

/** The value of a successful result (fails the test otherwise, showing the result). */
export function valueOf<T, C extends RefusalCode>(result: IntegrationResult<T, C>): T {
  if (!result.ok) assert.fail(`expected a value, got ${JSON.stringify(result)}`);
  return result.value;
}

/** Asserts a business refusal with this code and returns its details. */
export function refusalOf<T, C extends RefusalCode>(result: IntegrationResult<T, C>, code: C): Record<string, unknown> {
  assert.equal(result.ok, false, `expected refusal ${code}, got ${JSON.stringify(result)}`);
  assert.equal(result.refusal?.code, code, `expected refusal ${code}, got ${JSON.stringify(result)}`);
  return result.refusal?.details ?? {};
}

export function errorOf<T, C extends RefusalCode>(result: IntegrationResult<T, C>, code: string): { retryable: boolean; message: string } {
  assert.equal(result.ok, false, `expected error ${code}, got ${JSON.stringify(result)}`);
  assert.equal(result.error?.code, code, `expected error ${code}, got ${JSON.stringify(result)}`);
  return result.error as { retryable: boolean; message: string };
}
