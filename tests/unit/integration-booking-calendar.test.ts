import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellsOf, isBookable, parseClock, slotStarts, zonedEpoch } from '../../src/storage/sqlite/integrations/booking-calendar.ts';
import type { CalendarRules, DayInterval } from '../../src/storage/sqlite/integrations/booking-calendar.ts';

const RULES: CalendarRules = { timezone: 'Europe/Rome', slotStepMinutes: 30, minNoticeMinutes: 60, maxDaysAhead: 30 };
/** Saturday and Sunday 9:00-12:00. */
const WEEKEND: DayInterval[] = [6, 7].map((weekday) => ({ weekday, opens: 540, closes: 720 }));

describe('booking calendar', () => {
  it('turns local times into instants across the DST changes of Europe/Rome', () => {
    assert.equal(new Date(zonedEpoch({ year: 2026, month: 3, day: 28 }, 540, 'Europe/Rome')).toISOString(), '2026-03-28T08:00:00.000Z');
    assert.equal(new Date(zonedEpoch({ year: 2026, month: 3, day: 29 }, 540, 'Europe/Rome')).toISOString(), '2026-03-29T07:00:00.000Z');
    assert.equal(new Date(zonedEpoch({ year: 2026, month: 10, day: 25 }, 540, 'Europe/Rome')).toISOString(), '2026-10-25T08:00:00.000Z');
    assert.equal(new Date(zonedEpoch({ year: 2026, month: 7, day: 1 }, 600, 'America/New_York')).toISOString(), '2026-07-01T14:00:00.000Z');
  });

  it('lists the starts of a weekend across the spring DST change, in local time', () => {
    const now = Date.parse('2026-03-27T12:00:00Z');
    const starts = slotStarts(WEEKEND, RULES, 60, { from: now, to: Date.parse('2026-03-30T00:00:00Z') }, now);
    const local = starts.map((start) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(start));
    assert.deepEqual(local, ['Sat 09:00', 'Sat 09:30', 'Sat 10:00', 'Sat 10:30', 'Sat 11:00', 'Sun 09:00', 'Sun 09:30', 'Sun 10:00', 'Sun 10:30', 'Sun 11:00']);
  });

  it('respects the notice and the horizon', () => {
    const now = zonedEpoch({ year: 2026, month: 6, day: 6 }, 560, 'Europe/Rome');
    const starts = slotStarts(WEEKEND, RULES, 60, { from: now - 86_400_000, to: now + 86_400_000 * 60 }, now);
    assert.equal(starts[0], zonedEpoch({ year: 2026, month: 6, day: 6 }, 630, 'Europe/Rome'));
    assert.ok((starts.at(-1) ?? 0) <= now + 30 * 86_400_000);
    assert.equal(isBookable(WEEKEND, RULES, 60, zonedEpoch({ year: 2026, month: 6, day: 7 }, 600, 'Europe/Rome'), now), true);
    assert.equal(isBookable(WEEKEND, RULES, 60, zonedEpoch({ year: 2026, month: 6, day: 7 }, 615, 'Europe/Rome'), now), false);
    assert.equal(isBookable(WEEKEND, RULES, 60, zonedEpoch({ year: 2026, month: 6, day: 7 }, 690, 'Europe/Rome'), now), false);
  });

  it('covers a booking with 5-minute cells and parses HH:MM', () => {
    const start = Date.parse('2026-06-02T08:00:00Z');
    assert.equal(cellsOf(start, start + 30 * 60_000).length, 6);
    assert.deepEqual(cellsOf(start, start + 5 * 60_000), [start / 300_000]);
    assert.equal(parseClock('09:30'), 570);
    assert.equal(parseClock('24:00'), 1440);
    assert.equal(parseClock('24:30'), undefined);
    assert.equal(parseClock('9:30'), undefined);
  });
});
