/**
 * What Meta charges for one outbound message, in USD: from the pricing its status webhooks
 * carried (`billable`, `category`, `type`) and the recipient's country, read from the calling
 * code of the customer's wa_id. Rates come from the rate card `whatsapp-rates.json`.
 * Nothing is guessed: a message whose country or category has no rate is `unknown`, and one
 * with no pricing yet is `unpriced`; the cost report counts both and says so.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import rateCardFile from './whatsapp-rates.json' with { type: 'json' };

/** Rates per recipient country (ISO 3166 alpha-2), then per pricing category: USD per message. */
export type RateCard = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface MessagePricingFacts {
  billable?: boolean;
  category?: string;
  type?: string;
  /** The recipient's WhatsApp id (the digits of the phone number), when known. */
  waId?: string;
  /** When the message was sent (epoch ms): a rate can change on a date. */
  sentAt: number;
}

export type MessageFee =
  | { kind: 'billed'; usd: number; country: string; category: string }
  | { kind: 'free'; usd: 0 }
  /** No status webhook has told the pricing yet (or the message was never sent). */
  | { kind: 'unpriced' }
  /** Billable, but the rate card cannot price it: `reason` says why. */
  | { kind: 'unknown'; reason: string };

/** Pricing types Meta does not charge for (PMP): replies in the service window, entry points (ads, page buttons). */
export const FREE_PRICING_TYPES: readonly string[] = ['free_customer_service', 'free_entry_point'];

/** The countries of a rate card file: its two-letter keys whose values are numbers by category. */
export function rateCardFrom(file: Readonly<Record<string, unknown>>): RateCard {
  const card: Record<string, Record<string, number>> = {};
  for (const [country, rates] of Object.entries(file)) {
    if (!/^[A-Z]{2}$/.test(country) || typeof rates !== 'object' || rates === null) continue;
    card[country] = Object.fromEntries(Object.entries(rates).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  }
  return card;
}

export const WHATSAPP_RATES: RateCard = rateCardFrom(rateCardFile);

/** The recipient's country from a wa_id (digits only, with the calling code); undefined when it names none. */
export function countryOfWaId(waId: string | undefined): string | undefined {
  if (waId === undefined || !/^\d{6,15}$/.test(waId)) return undefined;
  return parsePhoneNumberFromString(`+${waId}`)?.country;
}

/** `2026_09_30` for a time on 30 September 2026 (UTC), as the rate card's `_until_` keys write days. */
function dayKey(time: number): string {
  return new Date(time).toISOString().slice(0, 10).replaceAll('-', '_');
}

/**
 * The rate of a category in one country's rates on a day: a `<category>_until_<day>` rate
 * still in force (the earliest such), else the category's rate, else, for `service`, the
 * utility rate (what Meta charges for service messages from 1 October 2026).
 */
export function rateFor(rates: Readonly<Record<string, number>>, category: string, sentAt: number): number | undefined {
  const prefix = `${category}_until_`;
  const day = dayKey(sentAt);
  const dated = Object.keys(rates)
    .filter((key) => key.startsWith(prefix) && key.slice(prefix.length) >= day)
    .sort()[0];
  if (dated !== undefined) return rates[dated];
  if (rates[category] !== undefined) return rates[category];
  return category === 'service' ? rates['utility'] : undefined;
}

function isFree(facts: MessagePricingFacts): boolean {
  return facts.billable === false || (facts.type !== undefined && FREE_PRICING_TYPES.includes(facts.type));
}

function isBilled(facts: MessagePricingFacts): boolean {
  return facts.billable === true || facts.type === 'regular';
}

/** The fee of one outbound message. */
export function whatsappFee(facts: MessagePricingFacts, card: RateCard = WHATSAPP_RATES): MessageFee {
  if (isFree(facts)) return { kind: 'free', usd: 0 };
  if (!isBilled(facts)) {
    const priced = facts.billable !== undefined || facts.category !== undefined || facts.type !== undefined;
    return priced ? { kind: 'unknown', reason: 'pricing does not say whether it is billable' } : { kind: 'unpriced' };
  }
  if (facts.category === undefined) return { kind: 'unknown', reason: 'billable without a category' };
  const country = countryOfWaId(facts.waId);
  if (country === undefined) return { kind: 'unknown', reason: 'recipient country unknown' };
  const rates = card[country];
  const usd = rates === undefined ? undefined : rateFor(rates, facts.category, facts.sentAt);
  if (usd === undefined) return { kind: 'unknown', reason: `no rate for ${facts.category} in ${country}` };
  return { kind: 'billed', usd, country, category: facts.category };
}
