/**
 * The business configuration: one YAML file per business. Parsed once at start with
 * this schema; src/config/load-business.ts turns problems into messages that name the
 * file, the path and what is wrong.
 */
import { z } from 'zod';
import { NEVER_RESTORED, PII_TYPES } from '../core/personal-data.ts';
import { integrationsConfigSchema } from '../integrations/integrations-config.ts';
import { planRoute } from '../llm/route-policy.ts';
import { llmConfigSchema } from './llm-schema.ts';
import { BUTTONS_BODY_MAX, BUTTON_TITLE_MAX, LIST_ROW_DESCRIPTION_MAX, TEXT_BODY_MAX, charCount } from '../core/reply-limits.ts';

const language = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code such as it, en or de');
const intentId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be lower_snake_case (a-z, 0-9, _), starting with a letter');

const chars = (max: number, what: string) =>
  z.string().min(1, 'must not be empty').refine((s) => charCount(s) <= max, {
    error: (issue) => `is ${charCount(String(issue.input))} characters; ${what} allows at most ${max}`,
  });

/** A text in several languages: `{ it: "…", en: "…" }`. */
const localized = (max: number, what: string) => z.record(language, chars(max, what));
const localizedList = z.record(language, z.array(z.string().min(1)).min(1));

export const ROUTES = ['approved_text', 'knowledge', 'economy', 'premium', 'secure_flow', 'human'] as const;

/**
 * Tools the model routes may offer the model. Those that change something (`book_appointment`,
 * `cancel_booking`, `refund_request`) only propose: the customer confirms in the chat first.
 */
export const MODEL_TOOLS = ['catalog_search', 'compare_products', 'order_lookup', 'booking_availability', 'book_appointment', 'cancel_booking', 'refund_request', 'create_ticket'] as const;
export type ModelToolName = (typeof MODEL_TOOLS)[number];

const level = z.enum(['low', 'medium', 'high']);
/** What the golden rule reads when an intent names no route (src/llm/route-policy.ts). */
const traitsSchema = z.strictObject({
  frequency: level.optional(),
  value: level.optional(),
  risk: level.optional(),
  complexity: level.optional(),
  latency: z.enum(['fast', 'normal', 'relaxed']).optional(),
});

const intentSchema = z.strictObject({
  description: z.string().min(1),
  /** Button or list-row title. */
  title: localized(BUTTON_TITLE_MAX, 'a WhatsApp button title'),
  /** List-row description in menus. */
  summary: localized(LIST_ROW_DESCRIPTION_MAX, 'a WhatsApp list-row description').optional(),
  /** The route; when absent, chosen by the golden rule over `traits` (an intent with neither and an answer: approved_text). */
  route: z.enum(ROUTES).optional(),
  /** Frequency, value, risk, complexity and latency of the intent, for the golden rule. */
  traits: traitsSchema.optional(),
  /** Why the intent has its route: written by the loader (a parsed config parses again unchanged). */
  route_because: z.string().optional(),
  /** Economy route only: a draft that fails the output rails or the self-check escalates (to `escalate_to`). */
  cascade: z.boolean().default(false),
  /** Where a cascade escalates. */
  escalate_to: z.enum(['premium', 'human']).default('premium'),
  /** Tools the model may call on economy and premium routes (default: none for economy, every configured one for premium). */
  tools: z.array(z.enum(MODEL_TOOLS)).optional(),
  examples: localizedList.default({}),
  /** Words or phrases; a trailing `*` matches any ending (`prezz*` → prezzo, prezzi). */
  keywords: localizedList.default({}),
  /** The approved answer per language. */
  answer: localized(TEXT_BODY_MAX, 'a WhatsApp text message').optional(),
  /** Intents offered as reply buttons after the answer (at most 3). */
  follow_up: z.array(intentId).max(3, 'WhatsApp allows at most 3 reply buttons').default([]),
  /** Show this menu after the answer instead of follow-up buttons. */
  menu: z.string().optional(),
  /** A locked topic (card block, disputes, balance): answered only by the approved text or a secure-flow link, never by a model. */
  locked: z.boolean().default(false),
  /**
   * Answered from the business's system with no model: `order_status` asks the orders port,
   * `free_slots` lists the free slots of the service the customer names (bookings port). On an
   * economy or premium route, only when no model is configured for it.
   */
  tool: z.enum(['order_status', 'free_slots']).optional(),
});

/** Routes a locked intent may take: nothing that generates text. */
export const LOCKED_ROUTES = ['approved_text', 'secure_flow', 'human'] as const;

/** The route is always set after parsing: the config's, or the golden rule's (with the reason). */
const routedIntentSchema = intentSchema.transform((intent) => {
  const planned = intent.route !== undefined && intent.route_because !== undefined ? { route: intent.route, because: intent.route_because } : planRoute(intent);
  return { ...intent, route: planned.route, route_because: planned.because };
});

const checkedIntentSchema = routedIntentSchema.superRefine((intent, ctx) => {
  if (intent.cascade && intent.route !== 'economy') {
    ctx.addIssue({ code: 'custom', path: ['cascade'], message: `applies to the economy route only (this intent's route is ${intent.route})` });
  }
  if (intent.tools !== undefined && intent.tools.length > 0 && intent.route !== 'economy' && intent.route !== 'premium') {
    ctx.addIssue({ code: 'custom', path: ['tools'], message: `are offered to a model: the route must be economy or premium (it is ${intent.route})` });
  }
  if (!intent.locked) return;
  if (!(LOCKED_ROUTES as readonly string[]).includes(intent.route)) {
    ctx.addIssue({ code: 'custom', path: ['route'], message: `is ${intent.route}, but a locked intent may only use ${LOCKED_ROUTES.join(', ')}` });
  }
  if (intent.route !== 'human' && intent.answer === undefined) {
    ctx.addIssue({ code: 'custom', path: ['answer'], message: 'is required: a locked intent is answered only by its approved text (or goes to a person with route: human)' });
  }
});

const menuSchema = z.strictObject({
  body: localized(TEXT_BODY_MAX, 'a WhatsApp list body'),
  button: localized(BUTTON_TITLE_MAX, 'a WhatsApp list button'),
  items: z.array(intentId).min(1).max(10, 'a WhatsApp list holds at most 10 rows'),
});

const templateSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]+$/, 'must be the approved template name (lower case, digits, _)'),
  /** Template locale per conversation language, e.g. `{ it: it, en: en_US }`. */
  languages: z.record(language, z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/, 'must be a locale such as it, en_US or de')),
});

const textsSchema = z.strictObject({
  /** Asked when the message is unclear; followed by buttons of the most likely intents. */
  clarify: localized(BUTTONS_BODY_MAX, 'a WhatsApp reply-button body'),
  /** When nothing matches at all; followed by the main menu. */
  fallback: localized(TEXT_BODY_MAX, 'a WhatsApp text message'),
  /** When the turn goes to a person. */
  handoff: localized(TEXT_BODY_MAX, 'a WhatsApp text message'),
  /** Answer to images, voice notes, stickers and other content the bot cannot read. */
  unsupported: localized(TEXT_BODY_MAX, 'a WhatsApp text message'),
  /** Sent first when the customer wrote personal data (cards, IBAN, codes, secrets): it is redacted and never echoed. */
  personal_data_warning: localized(TEXT_BODY_MAX, 'a WhatsApp text message').optional(),
  /** Sent before the handoff when a message shows distress (self-harm signals): e.g. a helpline. */
  distress: localized(TEXT_BODY_MAX, 'a WhatsApp text message').optional(),
});

/** Personal data an LLM reply may give back (its placeholder restored); never secrets, cards or IBANs. */
const RESTORABLE = PII_TYPES.filter((type) => !NEVER_RESTORED.includes(type));

/** Data nobody should send on WhatsApp; a phone number or an e-mail address is normal to share. */
const DEFAULT_WARN_ABOUT = ['CREDIT_CARD', 'IBAN', 'SECRET', 'IT_FISCAL_CODE', 'DE_TAX_ID'] as const;

const guardSchema = z.strictObject({
  /** What a prompt-injection attempt gets: no model sees it; `block` answers model-free, `handoff` calls a person. */
  injection: z.enum(['block', 'handoff']).default('block'),
  personal_data: z
    .strictObject({
      /** Kinds that make the bot send `texts.personal_data_warning` (and, with nothing else understood, call a person). */
      warn_about: z.array(z.enum(PII_TYPES)).default([...DEFAULT_WARN_ABOUT]),
      restore_in_reply: z.array(z.enum(RESTORABLE, { error: `must be one of ${RESTORABLE.join(', ')} (secrets, cards and IBANs are never given back)` })).default([]),
    })
    .default({ warn_about: [...DEFAULT_WARN_ABOUT], restore_in_reply: [] }),
});

export const SMALL_TALK_KINDS = ['greeting', 'thanks', 'goodbye', 'ack', 'laugh', 'emoji'] as const;

const understandingSchema = z.strictObject({
  /** Answered intents must be at least this precise on held-out examples; below the threshold the customer is asked. */
  target_precision: z.number().gt(0).lt(1).default(0.9),
  /** Messages the business does not handle, per language: they teach the classifier what to refuse. */
  out_of_scope: localizedList.default({}),
  /**
   * Generic off-topic messages (trivia, news, homework, spam, …) added as out-of-scope examples:
   * `auto` for the languages where `out_of_scope` lists none, `always` for every language, `never`.
   */
  background_out_of_scope: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Optional: a cheap LLM asked once, only when the tiers above end out of scope. Off unless configured. */
  llm_classifier: z
    .strictObject({
      provider: z.enum(['openai', 'openai-compatible']),
      model: z.string().min(1),
      /** The API root, e.g. http://localhost:11434/v1 for Ollama; required for openai-compatible. */
      base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
      /** Name of the environment variable holding the API key (openai: OPENAI_API_KEY by default). */
      api_key_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable').optional(),
      /** USD per million tokens, for the cost ledger. */
      price_per_million: z.strictObject({
        input: z.number().nonnegative(),
        output: z.number().nonnegative(),
        /** Cached input tokens (default: the input price). */
        cached_input: z.number().nonnegative().optional(),
      }),
      timeout_ms: z.number().int().min(100).max(60_000).default(4000),
      /** Offer the LLM only the N intents the classifier ranks highest (default: all intents). */
      max_candidates: z.number().int().min(1).optional(),
    })
    .superRefine((llm, ctx) => {
      if (llm.provider === 'openai-compatible' && llm.base_url === undefined) {
        ctx.addIssue({ code: 'custom', path: ['base_url'], message: 'is required when provider is openai-compatible' });
      }
    })
    .optional(),
});

/** The knowledge base (src/knowledge): search synonyms and optional embedding search. */
const knowledgeConfigSchema = z.strictObject({
  /** Words customers use for the same thing, per language: `{ it: [[reso, restituzione, rimborso]] }`. */
  synonyms: z.record(language, z.array(z.array(z.string().min(1)).min(2, 'a synonym group needs at least two words'))).default({}),
  /** Optional: embedding search merged with full-text search. Off (fully offline) unless configured. */
  embeddings: z
    .strictObject({
      provider: z.enum(['openai', 'openai-compatible']),
      model: z.string().min(1),
      base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
      api_key_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable').optional(),
      /** Ask the model for vectors of this size (models that support it, e.g. text-embedding-3-*). */
      dimensions: z.number().int().min(1).max(8192).optional(),
      /** Embedding the customer's text; past it the search answers from full text alone. */
      timeout_ms: z.number().int().min(100).max(60_000).default(2000),
    })
    .superRefine((embeddings, ctx) => {
      if (embeddings.provider === 'openai-compatible' && embeddings.base_url === undefined) {
        ctx.addIssue({ code: 'custom', path: ['base_url'], message: 'is required when provider is openai-compatible' });
      }
    })
    .optional(),
});

export const businessSchema = z.strictObject({
  profile: z.strictObject({
    name: z.string().min(1),
    languages: z.array(language).min(1),
    default_language: language,
    tone: z.enum(['formal', 'informal']),
    timezone: z.string().default('Europe/Rome'),
  }),
  texts: textsSchema,
  intents: z.record(intentId, checkedIntentSchema).refine((m) => Object.keys(m).length > 0, 'must define at least one intent'),
  menus: z.record(z.string(), menuSchema).default({}),
  understanding: understandingSchema.default({ target_precision: 0.9, out_of_scope: {}, background_out_of_scope: 'auto' }),
  /** Small talk answered with no model: kind → the intent whose approved answer is sent. Unmapped kinds get a 👍 reaction. */
  small_talk: z.partialRecord(z.enum(SMALL_TALK_KINDS), intentId).default({}),
  templates: z.strictObject({ reengagement: templateSchema.optional() }).default({}),
  guard: guardSchema.default({ injection: 'block', personal_data: { warn_about: [...DEFAULT_WARN_ABOUT], restore_in_reply: [] } }),
  knowledge: knowledgeConfigSchema.default({ synonyms: {} }),
  /** The business's systems (orders, bookings, CRM, tickets, payments): built-in or REST; a port left out is not offered. */
  integrations: integrationsConfigSchema.default({}),
  /** Language models by name, which ones the economy and premium routes use, budgets. Absent: no model, every route answers model-free. */
  llm: llmConfigSchema.optional(),
});

export type BusinessConfig = z.output<typeof businessSchema>;
export type IntentConfig = BusinessConfig['intents'][string];
export type MenuConfig = BusinessConfig['menus'][string];
export type Localized = Record<string, string>;
