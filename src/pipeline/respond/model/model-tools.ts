/**
 * The tools the economy and premium models may call: catalog search and product
 * comparison (the knowledge base's products), order lookup, booking availability, ticket
 * creation — and three that would change something (booking, cancelling a booking, a refund
 * request), which only *propose*: the proposal is kept in the turn and the customer gets
 * confirm / cancel buttons; nothing changes until the customer taps "confirm"
 * (src/pipeline/respond/confirm-action.ts). Every result is recorded as a source for the
 * claims check. A tool never throws: a failure is a result the model reads.
 */
import { tool, type ToolSet } from 'ai';
import { z } from 'zod';
import type { ModelToolName } from '../../../config/business-schema.ts';
import type { Integrations } from '../../../core/integrations.ts';
import type { KnowledgeMatch, KnowledgeSearch } from '../../../core/knowledge.ts';
import type { ProposedAction } from '../../../core/turn.ts';
import { foldText } from '../../../text/normalize-text.ts';

export interface ToolContext {
  language: string;
  /** The customer's WhatsApp number (wa_id digits): orders and bookings are looked up with it. */
  customerKey: string;
  conversationId: string;
  /** Idempotency keys of the calls that change something. */
  turnKey: string;
  knowledge?: KnowledgeSearch | undefined;
  integrations?: Partial<Integrations> | undefined;
  now: number;
  /** The business's time zone: slots are shown to the model (and the customer) in local time. */
  timeZone: string;
  /** The customer's message as stored (redacted): the first line of a ticket's transcript. */
  customerText?: string;
  /**
   * `centralino simulate`: the ports the business configures (`integrations:` keys), offered as
   * if they were connected (the simulated model calls no tool).
   */
  simulatedPorts?: ReadonlySet<string> | undefined;
}

/** What the tools saw and proposed during one model call. */
export interface ToolLog {
  /** What the business's systems answered, as text: sources for the claims check (never the model's own arguments). */
  sources: string[];
  /** Tool calls so far in this draft (at most MAX_TOOL_CALLS are carried out). */
  calls: number;
  proposals: ProposedAction[];
  /** Slots offered by booking_availability in this call, by the id the model books them with. */
  slots: Map<string, { serviceId: string; service: string; start: number; time: string }>;
}

export function newToolLog(): ToolLog {
  return { sources: [], proposals: [], slots: new Map(), calls: 0 };
}

/** Empties the log in place (the tools hold it): a new attempt starts from nothing. */
export function resetToolLog(log: ToolLog): void {
  log.sources.length = 0;
  log.proposals.length = 0;
  log.slots.clear();
  log.calls = 0;
}

const MAX_SLOTS = 6;
/** Tool calls carried out per draft; past it a call gets a short error: the prompt, and the budget's worst case, stay bounded. */
export const MAX_TOOL_CALLS = 4;
/** A tool result longer than this (in characters of JSON) is cut. */
const TOOL_RESULT_MAX_CHARS = 1600;
/** Tokens of a cut result as the model receives it: re-escaped inside its wrapper it may grow by a fifth or more. */
export const TOOL_RESULT_MAX_TOKENS = Math.ceil((TOOL_RESULT_MAX_CHARS * 1.3) / 4) + 20;
const DAY_MS = 86_400_000;

/** The tools of `names` whose system is configured (a tool over a missing port is left out). */
export function buildTools(names: readonly ModelToolName[], ctx: ToolContext, log: ToolLog): ToolSet {
  const all = toolDefinitions(ctx, log);
  const tools: ToolSet = {};
  for (const name of names) {
    const definition = all[name];
    if (definition && available(name, ctx)) tools[name] = definition;
  }
  return tools;
}

/** Every tool whose system is configured. */
export function availableTools(ctx: ToolPorts, names: readonly ModelToolName[]): ModelToolName[] {
  return names.filter((name) => available(name, ctx));
}

type ToolPorts = Pick<ToolContext, 'knowledge' | 'integrations' | 'simulatedPorts'>;

/** The port (or the knowledge base) each tool needs. */
const TOOL_PORTS: Record<ModelToolName, ReadonlyArray<'knowledge' | keyof Integrations>> = {
  catalog_search: ['knowledge'],
  compare_products: ['knowledge'],
  order_lookup: ['orders'],
  // The order is checked in the orders port; the request becomes a ticket for the staff.
  refund_request: ['orders', 'tickets'],
  booking_availability: ['bookings'],
  book_appointment: ['bookings'],
  cancel_booking: ['bookings'],
  create_ticket: ['tickets'],
};

function available(name: ModelToolName, ctx: ToolPorts): boolean {
  return TOOL_PORTS[name].every((port) => (port === 'knowledge' ? ctx.knowledge !== undefined : ctx.simulatedPorts ? ctx.simulatedPorts.has(port) : ctx.integrations?.[port] !== undefined));
}

type ToolOutput = Record<string, unknown>;

/**
 * What a system answered: kept as a source for the claims check, and given to the model cut
 * to TOOL_RESULT_MAX_CHARS. Only system data goes through here — a result that repeats the
 * model's own arguments (an error, "not found") is given with `reply` and is no source.
 */
function fromSystem<T>(log: ToolLog, name: string, result: T): T | { truncated: boolean; json: string } {
  const json = JSON.stringify(result);
  log.sources.push(`${name}: ${json}`);
  return json.length <= TOOL_RESULT_MAX_CHARS ? result : { truncated: true, json: json.slice(0, TOOL_RESULT_MAX_CHARS) };
}

function reply(result: ToolOutput): ToolOutput {
  return result;
}

/** Counts the call; past MAX_TOOL_CALLS the tool is not run. */
function overLimit(log: ToolLog): ToolOutput | undefined {
  log.calls += 1;
  return log.calls > MAX_TOOL_CALLS ? { error: `no more tool calls in this answer (at most ${MAX_TOOL_CALLS}): answer with what you have` } : undefined;
}

/** A change for the customer to confirm; its summary is built by the engine from system data, never by the model. */
function propose(log: ToolLog, ctx: ToolContext, kind: ProposedAction['kind'], args: Record<string, unknown>, summary: string): ToolOutput {
  const action: ProposedAction = { id: `${ctx.turnKey}:${log.proposals.length + 1}`, kind, args, summary };
  log.proposals.push(action);
  return reply({ status: "awaiting the customer's confirmation: the customer gets Confirm / Cancel buttons; do not say it is done", summary });
}

const REFUND_SUMMARY: Record<string, string> = { it: "Richiesta di rimborso per l'ordine {n}", de: 'Erstattungsantrag für die Bestellung {n}', en: 'Refund request for order {n}' };
const REASON_MAX = 300;

function toolDefinitions(ctx: ToolContext, log: ToolLog): Partial<Record<ModelToolName, ToolSet[string]>> {
  const { integrations } = ctx;
  return {
    catalog_search: tool({
      description: 'Search the product catalog. Returns products with name, description, price and sizes.',
      inputSchema: z.object({ query: z.string().describe('what the customer is looking for') }),
      execute: async ({ query }) => overLimit(log) ?? fromSystem(log, 'catalog_search', await products(ctx, query, 5)),
    }),
    compare_products: tool({
      description: 'Look up two to four products by name to compare them.',
      inputSchema: z.object({ names: z.array(z.string()).min(2).max(4) }),
      execute: async ({ names }) => {
        const over = overLimit(log);
        if (over) return over;
        const found = (await Promise.all(names.map(async (name) => (await products(ctx, name, 1))[0]))).filter((p) => p !== undefined);
        return { products: fromSystem(log, 'compare_products', found), not_found: names.length - found.length };
      },
    }),
    order_lookup: tool({
      description: "Status of one of the customer's orders by its number.",
      inputSchema: z.object({ order_number: z.string() }),
      execute: async ({ order_number }) => {
        const over = overLimit(log);
        if (over) return over;
        const result = await integrations?.orders?.getOrder({ orderNumber: order_number, phone: ctx.customerKey });
        return result?.ok ? fromSystem(log, 'order_lookup', result.value) : reply({ found: false, reason: result?.refusal?.code ?? result?.error?.code ?? 'unavailable' });
      },
    }),
    booking_availability: tool({
      description: 'Free appointment slots for a service in the coming days.',
      inputSchema: z.object({ service: z.string().describe('the service or treatment name'), days: z.number().int().min(1).max(14).default(7) }),
      execute: async ({ service, days }) => overLimit(log) ?? (await freeSlots(ctx, log, service, days)),
    }),
    book_appointment: tool({
      description: 'Propose booking one slot returned by booking_availability (by its slot id). The customer confirms with a button; it is not booked yet.',
      inputSchema: z.object({ slot_id: z.string() }),
      execute: ({ slot_id }): Promise<ToolOutput> => {
        const slot = log.slots.get(slot_id);
        const result = overLimit(log) ?? (slot ? propose(log, ctx, 'book_appointment', { serviceId: slot.serviceId, start: slot.start }, `${slot.service}, ${slot.time}`) : reply({ error: 'unknown slot id: call booking_availability and use one of the slot ids it gives' }));
        return Promise.resolve(result);
      },
    }),
    cancel_booking: tool({
      description: "Propose cancelling one of the customer's upcoming bookings. Without booking_id it lists them. The customer confirms with a button.",
      inputSchema: z.object({ booking_id: z.string().optional() }),
      execute: async ({ booking_id }): Promise<ToolOutput> => {
        const over = overLimit(log);
        if (over) return over;
        const upcoming = await integrations?.bookings?.upcomingBookings({ phone: ctx.customerKey });
        if (!upcoming?.ok) return reply({ error: 'bookings unavailable' });
        const services = await integrations?.bookings?.listServices();
        const nameOf = (id: string) => (services?.ok ? services.value.find((x) => x.id === id)?.name : undefined) ?? id;
        const listed = upcoming.value.map((b) => ({ booking_id: b.id, service: nameOf(b.serviceId), time: localTime(b.start, ctx.language, ctx.timeZone) }));
        const chosen = listed.find((b) => b.booking_id === booking_id);
        if (!chosen) return { upcoming_bookings: fromSystem(log, 'cancel_booking', listed) };
        return propose(log, ctx, 'cancel_booking', { bookingId: chosen.booking_id }, `${chosen.service}, ${chosen.time}`);
      },
    }),
    refund_request: tool({
      description: "Propose a refund request for one of the customer's orders (staff decide). The customer confirms with a button.",
      inputSchema: z.object({ order_number: z.string(), reason: z.string() }),
      execute: async ({ order_number, reason }): Promise<ToolOutput> => {
        const over = overLimit(log);
        if (over) return over;
        const order = await integrations?.orders?.getOrder({ orderNumber: order_number, phone: ctx.customerKey });
        if (!order?.ok) return reply({ error: "no order with this number for this customer: a refund can only be requested for the customer's own order" });
        const summary = (REFUND_SUMMARY[ctx.language] ?? REFUND_SUMMARY['en'] ?? '{n}').replace('{n}', order.value.number);
        return propose(log, ctx, 'refund_request', { orderNumber: order.value.number, reason: reason.slice(0, REASON_MAX) }, summary);
      },
    }),
    create_ticket: tool({
      description: 'Open a ticket for the staff (a complaint, a problem to follow up). Returns the ticket id.',
      inputSchema: z.object({ subject: z.string(), priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal') }),
      execute: async ({ subject, priority }) => {
        const over = overLimit(log);
        if (over) return over;
        const transcript = ctx.customerText ? [{ at: ctx.now, from: 'customer' as const, text: ctx.customerText }] : [];
        const result = await integrations?.tickets?.createTicket({ idempotencyKey: `${ctx.turnKey}:ticket`, subject: subject.slice(0, REASON_MAX), priority, phone: ctx.customerKey, conversationId: ctx.conversationId, transcript });
        return result?.ok ? fromSystem(log, 'create_ticket', { ticket: result.value.id, status: result.value.status }) : reply({ created: false, reason: result?.error?.code ?? 'unavailable' });
      },
    }),
  };
}

async function products(ctx: ToolContext, query: string, limit: number): Promise<Array<Record<string, unknown>>> {
  const matches = (await ctx.knowledge?.findSources(query, ctx.language, { limit: limit * 3 })) ?? [];
  return matches.filter((m: KnowledgeMatch) => m.kind === 'product').slice(0, limit).map((m) => ({ id: m.id, name: m.title, description: m.body }));
}

async function freeSlots(ctx: ToolContext, log: ToolLog, service: string, days: number): Promise<Record<string, unknown>> {
  const bookings = ctx.integrations?.bookings;
  const services = await bookings?.listServices();
  if (!bookings || !services?.ok) return reply({ available: false, reason: 'bookings unavailable' });
  const wanted = foldText(service);
  const match = services.value.find((s) => foldText(s.name).includes(wanted) || wanted.includes(foldText(s.name)));
  if (!match) return fromSystem(log, 'booking_availability', { available: false, reason: 'unknown service', services: services.value.map((s) => s.name) });
  const slots = await bookings.freeSlots({ serviceId: match.id, from: ctx.now, to: ctx.now + days * DAY_MS });
  if (!slots.ok) return reply({ available: false, reason: slots.refusal?.code ?? slots.error?.code });
  const offered = slots.value.slice(0, MAX_SLOTS).map((slot) => {
    const id = `slot-${log.slots.size + 1}`;
    const time = localTime(slot.start, ctx.language, ctx.timeZone);
    log.slots.set(id, { serviceId: match.id, service: match.name, start: slot.start, time });
    return { slot_id: id, time };
  });
  return fromSystem(log, 'booking_availability', { service: match.name, price: `${(match.price.cents / 100).toFixed(2)} ${match.price.currency}`, duration_minutes: match.durationMinutes, slots: offered });
}

/** "giovedì 27 novembre, 10:00" in the business's time zone and the customer's language. */
function localTime(epoch: number, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(epoch);
}
