/**
 * Free slots without a model: when an intent's tools include `booking_availability` and no
 * model answers it, the service named in the customer's words is looked up in the bookings
 * port and its first free slots come back as a WhatsApp list. Tapping a row (`slot:<service
 * id>:<start>`) proposes that booking; the customer confirms with a button before anything
 * is booked (src/pipeline/confirm-turn.ts). A message that names no single service gets the
 * intent's approved text instead.
 */
import type { BookingsPort, Service } from '../../../core/integrations.ts';
import type { Reply } from '../../../core/reply.ts';
import { LIST_ROW_TITLE_MAX } from '../../../core/reply-limits.ts';
import { foldText } from '../../../text/normalize-text.ts';
import type { ToolAnswer } from './order-status.ts';

export const SLOT_PAYLOAD_PREFIX = 'slot:';

const DAYS_AHEAD = 7;
const DAY_MS = 86_400_000;
const MAX_ROWS = 10;
/** Words of service names too common to pick a service by ("mani", "del", "in"…). */
const MIN_WORD = 4;

/** In the business's form of address (tu / Lei, du / Sie). */
const TEXTS: Record<'informal' | 'formal', Record<string, { body: string; button: string }>> = {
  informal: {
    it: { body: 'Ecco i primi orari liberi per *{s}*: scegline uno e te lo confermo 👇', button: 'Orari liberi' },
    de: { body: 'Die nächsten freien Termine für *{s}*: Wähl einen aus 👇', button: 'Freie Termine' },
    en: { body: 'Here are the next free times for *{s}*: pick one and I will confirm it 👇', button: 'Free times' },
  },
  formal: {
    it: { body: 'Ecco i primi orari liberi per *{s}*: ne scelga uno e glielo confermo.', button: 'Orari liberi' },
    de: { body: 'Die nächsten freien Termine für *{s}*: Bitte wählen Sie einen aus.', button: 'Freie Termine' },
    en: { body: 'Here are the next available times for *{s}*: please choose one and I will confirm it.', button: 'Available times' },
  },
};

/** The one service whose name shares the most words with the message, if one clearly does. */
export function serviceIn(words: string, services: readonly Service[]): Service | undefined {
  const said = new Set(foldText(words).split(' '));
  const scored = services
    .map((service) => ({ service, score: foldText(service.name).split(' ').filter((w) => w.length >= MIN_WORD && said.has(w)).length }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (!first || (second && second.score === first.score)) return undefined;
  return first.service;
}

/** "sab 28 nov, 10:00" in the business's zone and the customer's language (≤ 24 characters). */
export function slotTitle(start: number, language: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(language, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(start);
  return text.length <= LIST_ROW_TITLE_MAX ? text : text.slice(0, LIST_ROW_TITLE_MAX);
}

export async function freeSlotsAnswer(words: string, bookings: BookingsPort, context: { language: string; timeZone: string; now: number; tone: 'formal' | 'informal' }): Promise<ToolAnswer | undefined> {
  const services = await bookings.listServices();
  if (!services.ok) return undefined;
  const service = serviceIn(words, services.value);
  if (!service) return undefined;
  const slots = await bookings.freeSlots({ serviceId: service.id, from: context.now, to: context.now + DAYS_AHEAD * DAY_MS });
  if (!slots.ok || slots.value.length === 0) return undefined;
  const texts = TEXTS[context.tone][context.language] ?? TEXTS[context.tone]['en'] ?? { body: '{s}', button: 'Slots' };
  const rows = slots.value.slice(0, MAX_ROWS).map((slot) => ({ id: `${SLOT_PAYLOAD_PREFIX}${service.id}:${slot.start}`, title: slotTitle(slot.start, context.language, context.timeZone) }));
  const reply: Reply = { kind: 'list', body: texts.body.replace('{s}', service.name), button: texts.button, sections: [{ rows }] };
  return { replies: [reply], handoff: false, sources: [service.name, ...rows.map((r) => r.title)] };
}

/** A tapped slot row: the service and start it names. */
export function slotPayload(id: string | undefined): { serviceId: string; start: number } | undefined {
  if (!id?.startsWith(SLOT_PAYLOAD_PREFIX)) return undefined;
  const rest = id.slice(SLOT_PAYLOAD_PREFIX.length);
  const cut = rest.lastIndexOf(':');
  const start = Number(rest.slice(cut + 1));
  if (cut <= 0 || !Number.isSafeInteger(start)) return undefined;
  return { serviceId: rest.slice(0, cut), start };
}
