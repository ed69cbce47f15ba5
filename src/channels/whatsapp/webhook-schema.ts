/**
 * zod schemas for Cloud API webhook notifications (API digest §1.3–§1.6).
 *
 * The schemas are layered so that one bad item never sinks the notification: the
 * envelope only checks the walkable structure (`object`, `entry[]`, `changes[]`);
 * each change value, message, status and error is then parsed on its own, and each
 * message's type payload (`text`, `image`, `interactive`…) is parsed by its own schema.
 * What fails there is kept (as an unsupported message or an OtherEvent), never dropped.
 *
 * Objects are loose: unknown extra keys are accepted (and stay in `raw`).
 */
import { z } from 'zod';

// ---------------------------------------------------------------- scalars

/** Unix seconds: a string in messages and statuses, an integer in some fixtures and in entry.time. */
export const unixSecondsSchema = z
  .union([z.number().nonnegative(), z.string().trim().regex(/^\d+$/, 'must be Unix seconds')])
  .transform(Number);

/** A number that some producers send as a numeric string (coordinates, prices, quantities). */
const numberLikeSchema = z
  .union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'must be a number')])
  .transform(Number);

const optionalString = z.string().optional();

// ---------------------------------------------------------------- envelope

function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return JSON.stringify(input);
  return Array.isArray(input) ? 'an array' : typeof input;
}

export const changeSchema = z.looseObject(
  {
    /** Kept unknown: a change without a (string) field must still be walked. */
    field: z.unknown().optional(),
    value: z.unknown().optional(),
  },
  { error: 'must be an object' },
);

export const entrySchema = z.looseObject(
  {
    id: z.union([z.string(), z.number()]).optional().catch(undefined),
    time: unixSecondsSchema.optional().catch(undefined),
    changes: z.array(changeSchema, { error: 'must be an array' }),
  },
  { error: 'must be an object' },
);

export const envelopeSchema = z.looseObject(
  {
    object: z.literal('whatsapp_business_account', {
      error: (issue) => `must be "whatsapp_business_account" (got ${describe(issue.input)})`,
    }),
    entry: z.array(entrySchema, { error: 'must be an array' }),
  },
  { error: 'must be a JSON object' },
);

export type Envelope = z.infer<typeof envelopeSchema>;
export type Change = z.infer<typeof changeSchema>;

// ---------------------------------------------------------------- value of a `messages` change

export const metadataSchema = z.looseObject({
  phone_number_id: optionalString,
  display_phone_number: optionalString,
});

/** Items stay unknown here: each message, status and error is parsed on its own. */
export const messagesValueSchema = z.looseObject({
  messaging_product: optionalString.catch(undefined),
  /** Some fixtures (Chatwoot) lack metadata; a malformed one must not sink the change. */
  metadata: metadataSchema.optional().catch(undefined),
  contacts: z.array(z.unknown()).optional().catch(undefined),
  messages: z.array(z.unknown(), { error: 'must be an array' }).optional(),
  statuses: z.array(z.unknown(), { error: 'must be an array' }).optional(),
  errors: z.array(z.unknown(), { error: 'must be an array' }).optional(),
});

export type MessagesValue = z.infer<typeof messagesValueSchema>;

/** `contacts[]` of a messages change: the profile of the user (§1.4: wa_id may be missing). */
export const contactSchema = z.looseObject({
  wa_id: optionalString,
  user_id: optionalString,
  parent_user_id: optionalString,
  profile: z.looseObject({ name: optionalString, username: optionalString }).optional(),
});

export type WebhookContact = z.infer<typeof contactSchema>;

// ---------------------------------------------------------------- errors

/** `{code, title, message, error_data:{details}, href}`; some producers put `details` at the top. */
export const errorSchema = z.looseObject({
  code: z.union([z.number().int(), z.string().trim().regex(/^-?\d+$/).transform(Number)]),
  title: optionalString,
  message: optionalString,
  details: optionalString,
  error_data: z.looseObject({ details: optionalString }).optional(),
  href: optionalString,
});

export type WebhookError = z.infer<typeof errorSchema>;

// ---------------------------------------------------------------- messages

export const contextSchema = z.looseObject({
  from: optionalString,
  id: optionalString,
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.looseObject({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
});

/** The fields every message carries; `from`/`id` may be missing (BSUID users, trimmed fixtures). */
export const messageBaseSchema = z.looseObject({
  id: optionalString,
  from: optionalString,
  from_user_id: optionalString,
  from_parent_user_id: optionalString,
  timestamp: unixSecondsSchema,
  type: z.string(),
  context: contextSchema.optional(),
  referral: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export type MessageBase = z.infer<typeof messageBaseSchema>;

export const textSchema = z.looseObject({ body: z.string() });

export const mediaSchema = z.looseObject({
  id: optionalString,
  mime_type: optionalString,
  sha256: optionalString,
  caption: optionalString,
  filename: optionalString,
  url: optionalString,
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

export const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const locationSchema = z.looseObject({
  latitude: numberLikeSchema,
  longitude: numberLikeSchema,
  name: optionalString,
  address: optionalString,
  url: optionalString,
});

export const sharedContactSchema = z.looseObject({
  name: z.looseObject({ formatted_name: optionalString }).optional(),
  phones: z.array(z.looseObject({ phone: optionalString, wa_id: optionalString, type: optionalString })).optional(),
});

export const contactsPayloadSchema = z.array(sharedContactSchema);

/** An empty or missing emoji means the reaction was removed. */
export const reactionSchema = z.looseObject({ message_id: z.string(), emoji: optionalString });

/** Template quick-reply button tap (`type: "button"`). */
export const templateButtonSchema = z.looseObject({ payload: z.string(), text: z.string() });

export const orderSchema = z.looseObject({
  catalog_id: optionalString,
  text: optionalString,
  product_items: z.array(
    z.looseObject({
      product_retailer_id: z.string(),
      quantity: numberLikeSchema,
      item_price: numberLikeSchema.optional(),
      currency: optionalString,
    }),
  ),
});

export const systemSchema = z.looseObject({
  body: optionalString,
  type: optionalString,
  wa_id: optionalString,
  customer: optionalString,
});

/** `interactive.type` selects the reply object; unknown types are kept as unsupported. */
export const interactiveSchema = z.looseObject({ type: z.string() });

export const buttonReplySchema = z.looseObject({ id: z.string(), title: z.string() });

export const listReplySchema = z.looseObject({ id: z.string(), title: z.string(), description: optionalString });

/** Flow completion; `response_json` is a JSON string, parsed defensively by the normaliser. */
export const nfmReplySchema = z.looseObject({ name: optionalString, body: optionalString, response_json: optionalString });

/** `edit.message` is the edited message without id/from/timestamp: `{type, <type>: {...}}`. */
export const editSchema = z.looseObject({
  original_message_id: z.string(),
  message: z.looseObject({ type: z.string() }).optional(),
});

export const revokeSchema = z.looseObject({ original_message_id: z.string() });

/** `type: "unsupported"` may name what the user sent: `unsupported: {type: "pool"}`. */
export const unsupportedSchema = z.looseObject({ type: optionalString });

// ---------------------------------------------------------------- statuses

export const conversationSchema = z.looseObject({
  id: optionalString,
  expiration_timestamp: unixSecondsSchema.optional(),
  origin: z.looseObject({ type: optionalString }).optional(),
});

export const pricingSchema = z.looseObject({
  billable: z.boolean().optional(),
  pricing_model: optionalString,
  type: optionalString,
  category: optionalString,
});

/**
 * A status of an outbound message. `recipient_id` is missing when the message was sent to a
 * BSUID; the parent BSUID has two spellings in the wild (§1.4); `conversation` and `pricing`
 * are optional (v24+).
 */
export const statusSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: unixSecondsSchema,
  recipient_id: optionalString,
  recipient_user_id: optionalString,
  parent_recipient_user_id: optionalString,
  recipient_parent_user_id: optionalString,
  recipient_type: optionalString,
  recipient_participant_id: optionalString,
  biz_opaque_callback_data: optionalString,
  conversation: conversationSchema.optional(),
  pricing: pricingSchema.optional(),
  errors: z.array(z.unknown()).optional(),
});

export type WebhookStatus = z.infer<typeof statusSchema>;

// ---------------------------------------------------------------- issue formatting

/** `entry[0].changes` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * The first issue of a failed parse as `where what`, e.g. `entry[0].changes must be an array`.
 * `root` names the parsed value: used alone when the issue is at the top, or as the start of
 * the path when `under` is true (`location.latitude must be a number`).
 */
export function describeIssue(error: z.ZodError, root: string, under = false): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${root} is invalid`;
  const path = formatPath(issue.path);
  const where = under && path !== '' ? `${root}${path.startsWith('[') ? '' : '.'}${path}` : path;
  const separator = issue.message.startsWith('must') ? ' ' : ': ';
  return `${where === '' ? root : where}${separator}${issue.message}`;
}
