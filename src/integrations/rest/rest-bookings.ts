/**
 * The REST bookings adapter: nine configured operations mapped into the bookings port.
 * The remote system enforces its own rules and conflicts (its 409/422 answers become
 * refusals through the configured rules); the adapter adds what must not depend on it:
 * a booking is read (and its phone checked) before it is shown, moved or cancelled, and a
 * TOO_LATE_TO_CHANGE refusal is given the notice hours of the remote schedule.
 */
import type { Booking, BookingsPort, IntegrationResult, OpeningInterval, RefusalCode, Schedule, Slot } from '../../core/integrations.ts';
import { phonesMatch, refuse } from '../../core/integrations.ts';
import { compact } from '../../core/json.ts';
import type { RestPortConfig } from '../integrations-config.ts';
import { PHONE_VARS, list, money, num, optMoney, optNum, optText, phoneVars, strings, text, timeVarNames, timeVars, toListResult, toResult } from './mapped-values.ts';
import { createRestOperation } from './rest-operation.ts';
import type { OperationSpec, RestDeps } from './rest-operation.ts';
import type { Mapped, Shape } from './response-mapping.ts';
import { opt, req } from './response-mapping.ts';

const SERVICE: Shape = { id: req('string'), name: req('string'), duration_minutes: req('integer'), price: req('money'), deposit: opt('money'), currency: opt('string') };
const STAFF: Shape = { id: req('string'), name: req('string'), service_ids: opt('strings') };
const SCHEDULE: Shape = {
  timezone: req('string'),
  cancellation_notice_hours: req('number'),
  move_notice_hours: opt('number'),
  hours: opt({ type: 'list', shape: { weekday: req('integer'), opens: req('clock'), closes: req('clock') } }),
};
const SLOT: Shape = { start: req('time'), end: req('time'), staff_ids: opt('strings') };
export const BOOKING_SHAPE: Shape = {
  id: req('string'),
  service_id: req('string'),
  staff_id: req('string'),
  start: req('time'),
  end: req('time'),
  phone: req('string'),
  name: opt('string'),
  status: req({ type: 'enum', values: ['confirmed', 'cancelled'] }),
  price: req('money'),
  deposit: opt('money'),
  currency: opt('string'),
};

const read = (name: string, variables: readonly string[], shape: Shape, list: boolean, notFound?: RefusalCode): OperationSpec =>
  compact({ name, variables, mutating: false, notFound, refusals: [], shape, list });
const write = (name: string, variables: readonly string[], notFound: RefusalCode, refusals: readonly RefusalCode[]): OperationSpec => ({
  name, variables, mutating: true, notFound, refusals, shape: BOOKING_SHAPE, list: false,
});

const SPECS = {
  listServices: read('list_services', [], SERVICE, true),
  listStaff: read('list_staff', [], STAFF, true),
  schedule: read('get_schedule', [], SCHEDULE, false),
  freeSlots: { ...read('free_slots', ['service_id', 'staff_id', ...timeVarNames('from'), ...timeVarNames('to')], SLOT, true, 'UNKNOWN_SERVICE'), refusals: ['UNKNOWN_SERVICE'] },
  getBooking: read('get_booking', ['booking_id', ...PHONE_VARS], BOOKING_SHAPE, false, 'BOOKING_NOT_FOUND'),
  upcoming: read('upcoming_bookings', [...PHONE_VARS], BOOKING_SHAPE, true),
  book: write('book', ['service_id', 'staff_id', 'name', ...timeVarNames('start'), ...PHONE_VARS], 'UNKNOWN_SERVICE', ['UNKNOWN_SERVICE', 'SLOT_TAKEN', 'SLOT_UNAVAILABLE']),
  move: write('move', ['booking_id', 'staff_id', ...timeVarNames('start'), ...PHONE_VARS], 'BOOKING_NOT_FOUND', ['TOO_LATE_TO_CHANGE', 'SLOT_TAKEN', 'SLOT_UNAVAILABLE']),
  cancel: write('cancel', ['booking_id', ...PHONE_VARS], 'BOOKING_NOT_FOUND', ['TOO_LATE_TO_CHANGE']),
} satisfies Record<string, OperationSpec>;

function toBooking(mapped: Mapped, currency: string): Booking {
  return compact({
    id: text(mapped, 'id'),
    serviceId: text(mapped, 'service_id'),
    staffId: text(mapped, 'staff_id'),
    start: num(mapped, 'start'),
    end: num(mapped, 'end'),
    phone: text(mapped, 'phone'),
    name: optText(mapped, 'name'),
    status: text(mapped, 'status') as Booking['status'],
    price: money(mapped, 'price', currency),
    deposit: optMoney(mapped, 'deposit', currency),
  });
}

function toSchedule(mapped: Mapped): Schedule {
  const cancellation = num(mapped, 'cancellation_notice_hours');
  const hours = list(mapped, 'hours').map((hour): OpeningInterval => ({ weekday: num(hour, 'weekday'), opens: text(hour, 'opens'), closes: text(hour, 'closes') }));
  return { timezone: text(mapped, 'timezone'), hours, cancellationNoticeHours: cancellation, moveNoticeHours: optNum(mapped, 'move_notice_hours') ?? cancellation };
}

export function createRestBookings(config: RestPortConfig, deps: RestDeps): BookingsPort {
  const op = Object.fromEntries(Object.entries(SPECS).map(([key, spec]) => [key, createRestOperation('bookings', spec, config, deps)])) as {
    [K in keyof typeof SPECS]: ReturnType<typeof createRestOperation>;
  };
  const currency = config.currency;
  const booking = (mapped: Mapped) => toBooking(mapped, currency);

  /** The booking when it is this customer's; BOOKING_NOT_FOUND otherwise. */
  async function ownBooking(bookingId: string, phone: string): Promise<IntegrationResult<Booking, 'BOOKING_NOT_FOUND'>> {
    const result = toResult<Booking, 'BOOKING_NOT_FOUND'>(await op.getBooking.run({ booking_id: bookingId, ...phoneVars(phone) }), booking);
    if (result.ok && !phonesMatch(phone, result.value.phone)) return refuse('BOOKING_NOT_FOUND', `bookings.get_booking: no booking ${bookingId} for this phone number`);
    return result;
  }

  /** Adds the remote schedule's notice hours to a TOO_LATE_TO_CHANGE refusal (best effort). */
  async function withNotice<C extends RefusalCode>(result: IntegrationResult<Booking, C>, which: 'cancellationNoticeHours' | 'moveNoticeHours'): Promise<IntegrationResult<Booking, C>> {
    if (result.refusal?.code !== 'TOO_LATE_TO_CHANGE') return result;
    const schedule = toResult(await op.schedule.run({}), toSchedule);
    return schedule.ok ? { ok: false, refusal: { ...result.refusal, details: { ...result.refusal.details, noticeHours: schedule.value[which] } } } : result;
  }

  return {
    listServices: async () =>
      toListResult(await op.listServices.runList({}), (mapped) =>
        compact({ id: text(mapped, 'id'), name: text(mapped, 'name'), durationMinutes: num(mapped, 'duration_minutes'), price: money(mapped, 'price', currency), deposit: optMoney(mapped, 'deposit', currency) }),
      ),
    listStaff: async () => toListResult(await op.listStaff.runList({}), (mapped) => ({ id: text(mapped, 'id'), name: text(mapped, 'name'), serviceIds: strings(mapped, 'service_ids') })),
    schedule: async () => toResult(await op.schedule.run({}), toSchedule),
    freeSlots: async (query) =>
      toListResult(
        await op.freeSlots.runList({ service_id: query.serviceId, staff_id: query.staffId, ...timeVars('from', query.from), ...timeVars('to', query.to) }),
        (mapped): Slot => ({ start: num(mapped, 'start'), end: num(mapped, 'end'), staffIds: strings(mapped, 'staff_ids') }),
      ),
    book: async (request) =>
      toResult(
        await op.book.run({ service_id: request.serviceId, staff_id: request.staffId, name: request.name, ...timeVars('start', request.start), ...phoneVars(request.phone) }, request.idempotencyKey),
        booking,
      ),
    getBooking: (query) => ownBooking(query.bookingId, query.phone),
    upcomingBookings: async (query) => {
      const result = toListResult<Booking, never>(await op.upcoming.runList(phoneVars(query.phone)), booking);
      return result.ok ? { ok: true, value: result.value.filter((item) => phonesMatch(query.phone, item.phone)) } : result;
    },
    async move(request) {
      const own = await ownBooking(request.bookingId, request.phone);
      if (!own.ok) return own;
      const vars = { booking_id: request.bookingId, staff_id: request.staffId, ...timeVars('start', request.start), ...phoneVars(request.phone) };
      return withNotice(toResult(await op.move.run(vars, request.idempotencyKey), booking), 'moveNoticeHours');
    },
    async cancel(request) {
      const own = await ownBooking(request.bookingId, request.phone);
      if (!own.ok) return own;
      const result = toResult<Booking, 'BOOKING_NOT_FOUND' | 'TOO_LATE_TO_CHANGE'>(await op.cancel.run({ booking_id: request.bookingId, ...phoneVars(request.phone) }, request.idempotencyKey), booking);
      return withNotice(result, 'cancellationNoticeHours');
    },
  };
}
