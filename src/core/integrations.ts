/**
 * The integration ports: orders, bookings, CRM, tickets and payments, one interface each.
 * Built-in adapters live in src/storage/sqlite/integrations (the embedded store), generic
 * REST adapters in src/integrations/rest. Contract: tests/contract/integrations.contract.ts.
 *
 * Every method resolves, never rejects: a value, a business refusal as data (slot taken,
 * too late to cancel, order not found) or a failure of the system behind the port
 * (unavailable, rejected, bad response) that the respond tier turns into a clear reply and,
 * when needed, a handoff. Every call that changes something takes an idempotency key (e.g.
 * the turn id): a retry with the same key returns the first result and changes nothing
 * twice; the same key with a different request is rejected. Times are epoch milliseconds;
 * money is in minor units (cents); phones are the customer's WhatsApp number (wa_id digits).
 */
import type { ErrorCode } from './errors.ts';

/** Business refusals: the system answered, and the answer is no. Also AppError codes (docs/errors.md). */
export const REFUSAL_CODES = [
  'ORDER_NOT_FOUND',
  'UNKNOWN_SERVICE',
  'SLOT_TAKEN',
  'SLOT_UNAVAILABLE',
  'TOO_LATE_TO_CHANGE',
  'BOOKING_NOT_FOUND',
  'CONTACT_NOT_FOUND',
  'TICKET_NOT_FOUND',
  'PAYMENT_NOT_FOUND',
] as const satisfies readonly ErrorCode[];
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Failures of the system behind a port: nothing was decided. */
export const INTEGRATION_ERROR_CODES = ['INTEGRATION_UNAVAILABLE', 'INTEGRATION_REJECTED', 'INTEGRATION_BAD_RESPONSE'] as const satisfies readonly ErrorCode[];
export type IntegrationErrorCode = (typeof INTEGRATION_ERROR_CODES)[number];

export interface IntegrationError {
  code: IntegrationErrorCode;
  /** True when the same call may succeed later (timeout, 5xx, a busy database). */
  retryable: boolean;
  /** For logs and operators, never for the customer. */
  message: string;
  details?: Record<string, unknown>;
}

export interface Refusal<C extends RefusalCode> {
  code: C;
  message: string;
  /** Facts for the reply, e.g. `{ noticeHours: 24 }`. */
  details?: Record<string, unknown>;
}

export type IntegrationResult<T, C extends RefusalCode = never> =
  | { ok: true; value: T; refusal?: never; error?: never }
  | { ok: false; refusal: Refusal<C>; value?: never; error?: never }
  | { ok: false; error: IntegrationError; value?: never; refusal?: never };

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function refuse<C extends RefusalCode>(code: C, message: string, details?: Record<string, unknown>): { ok: false; refusal: Refusal<C> } {
  return { ok: false, refusal: details === undefined ? { code, message } : { code, message, details } };
}

export function fail(code: IntegrationErrorCode, message: string, retryable: boolean, details?: Record<string, unknown>): { ok: false; error: IntegrationError } {
  return { ok: false, error: details === undefined ? { code, retryable, message } : { code, retryable, message, details } };
}

export interface Money {
  /** Minor units: 2050 is 20.50. */
  cents: number;
  /** ISO 4217, e.g. EUR. */
  currency: string;
}

/** Every mutating call carries one: the turn id, or `<turn id>:<n>` for several calls in one turn. */
export interface Idempotent {
  idempotencyKey: string;
}

// ── orders ─────────────────────────────────────────────────────────────────────────────

export const ORDER_STATUSES = ['pending', 'paid', 'processing', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'returned', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Order {
  number: string;
  status: OrderStatus;
  placedAt?: number;
  total?: Money;
  items: { name: string; quantity: number }[];
  tracking?: { carrier?: string; code?: string; url?: string };
  /** Local date, YYYY-MM-DD. */
  estimatedDelivery?: string;
}

export interface OrdersPort {
  /** ORDER_NOT_FOUND also when the phone is not the order's: another customer's order is never revealed. */
  getOrder(query: { orderNumber: string; phone: string }): Promise<IntegrationResult<Order, 'ORDER_NOT_FOUND'>>;
}

// ── bookings ───────────────────────────────────────────────────────────────────────────

export interface Service {
  id: string;
  name: string;
  durationMinutes: number;
  price: Money;
  /** Paid in advance (payments port) to hold the appointment. */
  deposit?: Money;
}

export interface StaffMember {
  id: string;
  name: string;
  serviceIds: string[];
}

export interface OpeningInterval {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** Local time, HH:MM. */
  opens: string;
  closes: string;
}

export interface Schedule {
  /** IANA time zone the opening hours are in, e.g. Europe/Rome. */
  timezone: string;
  hours: OpeningInterval[];
  /** A booking can be cancelled until this many hours before it starts. */
  cancellationNoticeHours: number;
  /** A booking can be moved until this many hours before it starts. */
  moveNoticeHours: number;
}

export interface Slot {
  start: number;
  end: number;
  /** Staff free for the whole slot, in the adapter's order of preference. */
  staffIds: string[];
}

export type BookingStatus = 'confirmed' | 'cancelled';

export interface Booking {
  id: string;
  serviceId: string;
  staffId: string;
  start: number;
  end: number;
  phone: string;
  name?: string;
  status: BookingStatus;
  price: Money;
  deposit?: Money;
}

export interface BookRequest extends Idempotent {
  serviceId: string;
  start: number;
  /** Any qualified staff member when absent. */
  staffId?: string;
  phone: string;
  name?: string;
}

export interface MoveRequest extends Idempotent {
  bookingId: string;
  phone: string;
  start: number;
  staffId?: string;
}

export interface CancelRequest extends Idempotent {
  bookingId: string;
  phone: string;
}

export interface BookingsPort {
  listServices(): Promise<IntegrationResult<Service[]>>;
  listStaff(): Promise<IntegrationResult<StaffMember[]>>;
  schedule(): Promise<IntegrationResult<Schedule>>;
  /** Bookable starts in [from, to), earliest first. */
  freeSlots(query: { serviceId: string; from: number; to: number; staffId?: string }): Promise<IntegrationResult<Slot[], 'UNKNOWN_SERVICE'>>;
  /** Exactly one of several concurrent requests for the same slot wins; the others get SLOT_TAKEN. */
  book(request: BookRequest): Promise<IntegrationResult<Booking, 'UNKNOWN_SERVICE' | 'SLOT_TAKEN' | 'SLOT_UNAVAILABLE'>>;
  /** BOOKING_NOT_FOUND also when the phone is not the booking's. */
  getBooking(query: { bookingId: string; phone: string }): Promise<IntegrationResult<Booking, 'BOOKING_NOT_FOUND'>>;
  /** Confirmed bookings of a customer that have not started yet, earliest first. */
  upcomingBookings(query: { phone: string }): Promise<IntegrationResult<Booking[]>>;
  move(request: MoveRequest): Promise<IntegrationResult<Booking, 'BOOKING_NOT_FOUND' | 'TOO_LATE_TO_CHANGE' | 'SLOT_TAKEN' | 'SLOT_UNAVAILABLE'>>;
  /** Cancelling a cancelled booking returns it unchanged. */
  cancel(request: CancelRequest): Promise<IntegrationResult<Booking, 'BOOKING_NOT_FOUND' | 'TOO_LATE_TO_CHANGE'>>;
}

// ── CRM ────────────────────────────────────────────────────────────────────────────────

export const CONSENT_TOPICS = ['marketing'] as const;
export type ConsentTopic = (typeof CONSENT_TOPICS)[number];

export interface Consent {
  granted: boolean;
  /** When the customer gave or withdrew it. */
  at: number;
  /** e.g. `whatsapp:<message id>`. */
  source?: string;
}

export interface CrmNote {
  id: string;
  text: string;
  author?: string;
  at: number;
}

export interface CrmContact {
  phone: string;
  name?: string;
  email?: string;
  language?: string;
  /** Sorted, no duplicates. */
  tags: string[];
  consents: Partial<Record<ConsentTopic, Consent>>;
  /** Oldest first. */
  notes: CrmNote[];
}

export interface CrmPort {
  getContact(query: { phone: string }): Promise<IntegrationResult<CrmContact, 'CONTACT_NOT_FOUND'>>;
  /** Creates the contact or updates the given fields; absent fields keep their value. */
  upsertContact(request: Idempotent & { phone: string; name?: string; email?: string; language?: string }): Promise<IntegrationResult<CrmContact>>;
  /** Adds, then removes tags (creating the contact when needed). */
  updateTags(request: Idempotent & { phone: string; add?: string[]; remove?: string[] }): Promise<IntegrationResult<CrmContact>>;
  /** Records an opt-in or opt-out; an older `at` than the one on record does not change the current state. */
  setConsent(request: Idempotent & { phone: string; topic: ConsentTopic; granted: boolean; at: number; source?: string }): Promise<IntegrationResult<CrmContact>>;
  addNote(request: Idempotent & { phone: string; text: string; author?: string }): Promise<IntegrationResult<CrmNote>>;
}

// ── tickets ────────────────────────────────────────────────────────────────────────────

export const TICKET_STATUSES = ['open', 'pending', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TRANSCRIPT_AUTHORS = ['customer', 'bot', 'agent'] as const;

export interface TranscriptLine {
  at: number;
  from: (typeof TRANSCRIPT_AUTHORS)[number];
  /** Redacted text, as the store keeps it. */
  text: string;
}

export interface Ticket {
  id: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  phone: string;
  name?: string;
  conversationId?: string;
  /** Oldest first. */
  transcript: TranscriptLine[];
}

export interface TicketsPort {
  createTicket(request: Idempotent & { subject: string; priority?: TicketPriority; phone: string; name?: string; conversationId?: string; transcript: TranscriptLine[] }): Promise<IntegrationResult<Ticket>>;
  /** Changes status or priority and appends transcript lines. */
  updateTicket(request: Idempotent & { ticketId: string; status?: TicketStatus; priority?: TicketPriority; append?: TranscriptLine[] }): Promise<IntegrationResult<Ticket, 'TICKET_NOT_FOUND'>>;
  getTicket(query: { ticketId: string }): Promise<IntegrationResult<Ticket, 'TICKET_NOT_FOUND'>>;
}

// ── payments ───────────────────────────────────────────────────────────────────────────

export type PaymentPurpose = { kind: 'deposit'; bookingId: string } | { kind: 'order'; orderNumber: string };
export const PAYMENT_STATUSES = ['open', 'paid', 'expired', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface PaymentLink {
  id: string;
  url: string;
  amount: Money;
  purpose: PaymentPurpose;
  phone: string;
  description?: string;
  status: PaymentStatus;
  expiresAt?: number;
}

export interface PaymentsPort {
  createLink(request: Idempotent & { purpose: PaymentPurpose; amount: Money; phone: string; description?: string }): Promise<IntegrationResult<PaymentLink>>;
  getLink(query: { linkId: string }): Promise<IntegrationResult<PaymentLink, 'PAYMENT_NOT_FOUND'>>;
}

export interface Integrations {
  orders: OrdersPort;
  bookings: BookingsPort;
  crm: CrmPort;
  tickets: TicketsPort;
  payments: PaymentsPort;
}

// ── phones ─────────────────────────────────────────────────────────────────────────────

/** Digits only, without the international `00` prefix: `+39 333 123 4567` → `393331234567`. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('00') ? digits.slice(2) : digits;
}

/**
 * Whether the customer's WhatsApp number is the number on record. A number on record with
 * its country code (`+`, `00`, or digits only) must be equal; one written nationally
 * (`333 1234567`, `0151 2345678`) must be the customer's number after a 1–3 digit country
 * code, with or without its trunk `0`.
 */
export function phonesMatch(customer: string, onRecord: string): boolean {
  const mine = phoneDigits(customer);
  const theirs = phoneDigits(onRecord);
  if (mine.length < 6 || theirs.length < 6) return false;
  if (mine === theirs) return true;
  if (/^\s*(\+|00)/.test(onRecord)) return false;
  const national = [theirs, theirs.startsWith('0') ? theirs.slice(1) : undefined];
  return national.some((tail) => tail !== undefined && tail.length >= 6 && mine.endsWith(tail) && mine.length - tail.length >= 1 && mine.length - tail.length <= 3);
}
