/**
 * The JSON of the stand-in remote API (integrations-remote-server.ts): deliberately not our
 * field names, units or status words, so that the REST adapter's mappings are exercised —
 * nested paths, amounts in major units, times as ISO text or epoch seconds, integer ids,
 * status tables both ways.
 */
import type { Booking, CrmContact, CrmNote, Order, PaymentLink, Schedule, Service, Slot, StaffMember, Ticket } from '../../src/core/integrations.ts';

const iso = (epoch: number): string => new Date(epoch).toISOString();
const major = (cents: number): string => (cents / 100).toFixed(2);

export const ORDER_STATES = { PENDING: 'pending', PAID: 'paid', PROCESSING: 'processing', SHIPPED: 'shipped', OUT_FOR_DELIVERY: 'out_for_delivery', DELIVERED: 'delivered', CANCELLED: 'cancelled', RETURNED: 'returned', REFUNDED: 'refunded' };
export const APPOINTMENT_STATES = { BOOKED: 'confirmed', CANCELLED: 'cancelled' };
export const TICKET_STATES = { NEW: 'open', WAITING: 'pending', RESOLVED: 'solved', CLOSED: 'closed' };
export const URGENCIES = { '1': 'low', '2': 'normal', '3': 'high', '4': 'urgent' };
export const LINK_STATES = { OPEN: 'open', PAID: 'paid', EXPIRED: 'expired', CANCELLED: 'cancelled' };

export function theirs(table: Record<string, string>, ours: string): string {
  return Object.entries(table).find(([, value]) => value === ours)?.[0] ?? ours;
}

export function ours(table: Record<string, string>, remote: unknown): string | undefined {
  return typeof remote === 'string' || typeof remote === 'number' ? table[String(remote)] : undefined;
}

export function orderJson(order: Order & { phone: string }): unknown {
  return {
    data: {
      order: {
        id: order.number,
        state: theirs(ORDER_STATES, order.status),
        customer: { phone: order.phone },
        created_at: order.placedAt === undefined ? null : iso(order.placedAt),
        totals: order.total === undefined ? null : { gross: major(order.total.cents), currency: order.total.currency },
        lines: order.items.map((item) => ({ title: item.name, qty: item.quantity })),
        shipment: order.tracking === undefined ? null : { carrier: order.tracking.carrier, tracking_number: order.tracking.code, tracking_url: order.tracking.url, eta: order.estimatedDelivery },
      },
    },
  };
}

export const serviceJson = (service: Service) => ({
  code: service.id, title: service.name, minutes: service.durationMinutes, price_cents: service.price.cents, deposit_cents: service.deposit?.cents, currency: service.price.currency,
});

export const staffJson = (member: StaffMember) => ({ code: member.id, display_name: member.name, skills: member.serviceIds });

export const scheduleJson = (schedule: Schedule) => ({
  schedule: {
    tz: schedule.timezone, cancel_hours: schedule.cancellationNoticeHours, move_hours: schedule.moveNoticeHours,
    opening: schedule.hours.map((hour) => ({ day: hour.weekday, from: `${hour.opens}:00`, to: `${hour.closes}:00` })),
  },
});

export const slotJson = (slot: Slot) => ({ begins_at: iso(slot.start), ends_at: iso(slot.end), staff: slot.staffIds });

export const appointmentJson = (booking: Booking) => ({
  ref: booking.id, service: booking.serviceId, staff: booking.staffId, begins_at: iso(booking.start), ends_at: booking.end / 1000,
  customer: { phone: booking.phone, name: booking.name }, state: theirs(APPOINTMENT_STATES, booking.status),
  price: { cents: booking.price.cents, currency: booking.price.currency }, deposit: booking.deposit === undefined ? undefined : { cents: booking.deposit.cents },
});

export const noteJson = (note: CrmNote) => ({ id: Number(note.id), body: note.text, by: note.author, created: iso(note.at) });

export const contactJson = (contact: CrmContact) => ({
  contact: {
    msisdn: contact.phone, full_name: contact.name, mail: contact.email, locale: contact.language, labels: contact.tags,
    marketing: contact.consents.marketing === undefined ? undefined : { opted_in: contact.consents.marketing.granted, changed_at: contact.consents.marketing.at, channel: contact.consents.marketing.source },
    notes: contact.notes.map(noteJson),
  },
});

export const ticketJson = (ticket: Ticket) => ({
  ticket: {
    number: Number(ticket.id), title: ticket.subject, state: theirs(TICKET_STATES, ticket.status), urgency: Number(theirs(URGENCIES, ticket.priority)),
    requester: { phone: ticket.phone, name: ticket.name }, conversation: ticket.conversationId,
    messages: ticket.transcript.map((line) => ({ sent_at: iso(line.at), author: line.from, body: line.text })),
  },
});

export const linkJson = (link: PaymentLink) => ({
  link: {
    token: link.id, href: link.url, amount: { value: major(link.amount.cents), currency: link.amount.currency },
    reference: link.purpose.kind === 'deposit' ? { type: 'deposit', booking: link.purpose.bookingId } : { type: 'order', order: link.purpose.orderNumber },
    customer_phone: link.phone, memo: link.description, state: theirs(LINK_STATES, link.status), expires: link.expiresAt === undefined ? undefined : iso(link.expiresAt),
  },
});
