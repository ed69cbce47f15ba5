/**
 * The `integrations:` configuration that points the REST adapters at the stand-in remote
 * API (integrations-remote-server.ts), written as it would be in the business YAML and
 * parsed with the real schema. The token comes from REMOTE_API_TOKEN.
 */
import { integrationsConfigSchema } from '../../src/integrations/integrations-config.ts';
import type { IntegrationsConfig } from '../../src/integrations/integrations-config.ts';
import { APPOINTMENT_STATES, LINK_STATES, ORDER_STATES, TICKET_STATES, URGENCIES } from './integrations-remote-json.ts';

const common = (baseUrl: string) => ({
  adapter: 'rest',
  base_url: baseUrl,
  headers: { Authorization: { env: 'REMOTE_API_TOKEN', prefix: 'Bearer ' }, 'X-Client': 'centralino' },
  timeout_ms: 2000,
  retries: 2,
  idempotency_header: 'Idempotency-Key',
});

const APPOINTMENT_FIELDS = {
  id: 'ref', service_id: 'service', staff_id: 'staff', start: 'begins_at', end: { path: 'ends_at', unit: 's' }, phone: 'customer.phone', name: 'customer.name',
  status: { path: 'state', map: APPOINTMENT_STATES }, price: 'price.cents', currency: 'price.currency', deposit: 'deposit.cents',
};
const appointment = { path: 'appointment', fields: APPOINTMENT_FIELDS };
const CHANGE_REFUSALS = [
  { status: 409, code: 'SLOT_TAKEN' },
  { status: 422, path: 'error.code', equals: 'slot_unavailable', code: 'SLOT_UNAVAILABLE' },
  { status: 422, path: 'error.code', equals: 'too_late', code: 'TOO_LATE_TO_CHANGE' },
];

const bookings = {
  list_services: { url: '/api/services', result: { path: 'services', fields: { id: 'code', name: 'title', duration_minutes: 'minutes', price: 'price_cents', deposit: 'deposit_cents' } } },
  list_staff: { url: '/api/staff', result: { path: 'staff', fields: { id: 'code', name: 'display_name', service_ids: 'skills' } } },
  get_schedule: {
    url: '/api/schedule',
    result: { path: 'schedule', fields: { timezone: 'tz', cancellation_notice_hours: 'cancel_hours', move_notice_hours: 'move_hours', hours: { path: 'opening', fields: { weekday: 'day', opens: 'from', closes: 'to' } } } },
  },
  free_slots: { url: '/api/availability?service={service_id}&staff={staff_id}&from={from}&to={to}', result: { path: 'slots', fields: { start: 'begins_at', end: 'ends_at', staff_ids: 'staff' } } },
  book: {
    method: 'POST', url: '/api/appointments', body: { service: '{service_id}', staff: '{staff_id}', start: '{start}', customer: { phone: '{phone}', name: '{name}' } },
    result: appointment, refusals: CHANGE_REFUSALS.slice(0, 2),
  },
  get_booking: { url: '/api/appointments/{booking_id}?phone={phone}', result: appointment },
  upcoming_bookings: { url: '/api/appointments?phone={phone}', result: { path: 'appointments', fields: APPOINTMENT_FIELDS } },
  move: { method: 'PATCH', url: '/api/appointments/{booking_id}', body: { start: '{start}', staff: '{staff_id}', phone: '{phone}' }, result: appointment, refusals: CHANGE_REFUSALS },
  cancel: { method: 'POST', url: '/api/appointments/{booking_id}/cancel', body: { phone: '{phone}' }, result: appointment, refusals: CHANGE_REFUSALS.slice(2) },
};

const NOTE_FIELDS = { id: 'id', text: 'body', author: 'by', at: 'created' };
const contact = {
  path: 'contact',
  fields: {
    phone: 'msisdn', name: 'full_name', email: 'mail', language: 'locale', tags: 'labels', marketing_granted: 'marketing.opted_in', marketing_at: 'marketing.changed_at',
    marketing_source: 'marketing.channel', notes: { path: 'notes', fields: NOTE_FIELDS },
  },
};

const crm = {
  get_contact: { url: '/api/contacts/{phone}', result: contact },
  upsert_contact: { method: 'PUT', url: '/api/contacts/{phone}', body: { full_name: '{name}', mail: '{email}', locale: '{language}' }, result: contact },
  update_tags: { method: 'POST', url: '/api/contacts/{phone}/labels', body: { add: '{add}', remove: '{remove}' }, result: contact },
  set_consent: { method: 'POST', url: '/api/contacts/{phone}/consents', body: { topic: '{topic}', opted_in: '{granted}', changed_at: '{at}', channel: '{source}' }, result: contact },
  add_note: { method: 'POST', url: '/api/contacts/{phone}/notes', body: { body: '{text}', by: '{author}' }, result: { path: 'note', fields: NOTE_FIELDS } },
};

const ticket = {
  path: 'ticket',
  fields: {
    id: 'number', subject: 'title', status: { path: 'state', map: TICKET_STATES }, priority: { path: 'urgency', map: URGENCIES }, phone: 'requester.phone', name: 'requester.name',
    conversation_id: 'conversation', transcript: { path: 'messages', fields: { at: 'sent_at', from: 'author', text: 'body' } },
  },
};

const tickets = {
  create_ticket: {
    method: 'POST', url: '/api/tickets', result: ticket,
    body: { title: '{subject}', urgency: '{priority}', requester: { phone: '{phone}', name: '{name}' }, conversation: '{conversation_id}', messages: '{transcript}' },
  },
  update_ticket: { method: 'PATCH', url: '/api/tickets/{ticket_id}', body: { state: '{status}', urgency: '{priority}', messages: '{append}' }, result: ticket },
  get_ticket: { url: '/api/tickets/{ticket_id}', result: ticket },
};

const link = {
  path: 'link',
  fields: {
    id: 'token', url: 'href', amount: { path: 'amount.value', unit: 'major' }, currency: 'amount.currency', purpose_kind: 'reference.type', booking_id: 'reference.booking',
    order_number: 'reference.order', phone: 'customer_phone', description: 'memo', status: { path: 'state', map: LINK_STATES }, expires_at: 'expires',
  },
};

const payments = {
  create_link: {
    method: 'POST', url: '/api/payment-links', result: link,
    body: { amount_cents: '{amount_cents}', currency: '{currency}', reference: { type: '{purpose_kind}', id: '{purpose_ref}' }, customer_phone: '{phone}', memo: '{description}' },
  },
  get_link: { url: '/api/payment-links/{link_id}', result: link },
};

/** The raw YAML-shaped section, before parsing. */
export function remoteConfigRaw(baseUrl: string): Record<string, unknown> {
  return {
    orders: {
      ...common(baseUrl),
      operations: {
        get_order: {
          url: `${baseUrl}/api/orders/{order_number}`,
          result: {
            path: 'data.order',
            fields: {
              number: 'id', status: { path: 'state', map: ORDER_STATES }, phone: 'customer.phone', placed_at: 'created_at', total: { path: 'totals.gross', unit: 'major' },
              currency: 'totals.currency', items: { path: 'lines', fields: { name: 'title', quantity: 'qty' } }, carrier: 'shipment.carrier',
              tracking_code: 'shipment.tracking_number', tracking_url: 'shipment.tracking_url', estimated_delivery: 'shipment.eta',
            },
          },
        },
      },
    },
    bookings: { ...common(baseUrl), operations: bookings },
    crm: { ...common(baseUrl), operations: crm },
    tickets: { ...common(baseUrl), operations: tickets },
    payments: { ...common(baseUrl), operations: payments },
  };
}

export function remoteConfig(baseUrl: string): IntegrationsConfig {
  return integrationsConfigSchema.parse(remoteConfigRaw(baseUrl));
}
