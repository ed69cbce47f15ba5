/**
 * Zod schemas of the Cloud API send bodies the sandbox accepts, written from the API
 * digest (§2.2–2.7) independently of the channel's own builders, so each checks the other.
 *
 * Lengths are counted in Unicode code points: Meta says "characters" and the digest leaves
 * open how emoji count ([VERIFY]); code points are the natural reading of "characters".
 */
import { z } from 'zod';

/** A string of min..max characters (code points). */
export function chars(max: number, min = 1): z.ZodType<string> {
  return z.string().superRefine((value, ctx) => {
    const length = [...value].length;
    if (length > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters (got ${length})` });
    else if (length < min) ctx.addIssue({ code: 'custom', message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` });
  });
}

const httpLink = z.string().regex(/^https?:\/\/\S+$/, { error: 'must be an http(s) URL' });

/** Uploaded media id or a public link (§2.1). */
export const mediaObject = z
  .object({ id: z.string().min(1).optional(), link: httpLink.optional(), caption: chars(1024, 0).optional(), filename: z.string().optional() })
  .superRefine((media, ctx) => {
    if (media.id === undefined && media.link === undefined) ctx.addIssue({ code: 'custom', message: 'either id or link is required' });
  });

export const textPayload = z.object({ body: chars(4096), preview_url: z.boolean().optional() });

const footer = z.object({ text: chars(60) });

const HEADER_TYPES = ['text', 'image', 'video', 'document'] as const;

/** Reply-button header: text (≤60) or media. */
const buttonHeader = z
  .object({
    type: z.enum(HEADER_TYPES),
    text: chars(60).optional(),
    image: mediaObject.optional(),
    video: mediaObject.optional(),
    document: mediaObject.optional(),
  })
  .superRefine((header, ctx) => {
    if (header[header.type] === undefined) ctx.addIssue({ code: 'custom', path: [header.type], message: `is required for a ${header.type} header` });
  });

/** List header: text only (§2.4). */
const listHeader = z.object({
  type: z.literal('text', { error: 'a list header must be of type text' }),
  text: chars(60),
});

const replyButton = z.object({
  type: z.literal('reply'),
  reply: z.object({
    id: chars(256).refine((id) => id.trim() === id, { error: 'must not start or end with spaces' }),
    title: chars(20),
  }),
});

function addDuplicateIssues(values: string[], what: string, ctx: z.RefinementCtx, pathOf: (index: number) => (string | number)[]): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: pathOf(index), message: `${what} "${value}" is not unique` });
    seen.add(value);
  });
}

const buttonAction = z
  .object({
    buttons: z
      .array(replyButton)
      .min(1, { error: 'at least 1 button is required' })
      .max(3, { error: 'at most 3 buttons are allowed' }),
  })
  .superRefine((action, ctx) => {
    const path = (field: string) => (index: number) => ['buttons', index, 'reply', field];
    addDuplicateIssues(action.buttons.map((b) => b.reply.title), 'button title', ctx, path('title'));
    addDuplicateIssues(action.buttons.map((b) => b.reply.id), 'button id', ctx, path('id'));
  });

const listRow = z.object({ id: chars(200), title: chars(24), description: chars(72, 0).optional() });

const listSection = z.object({
  title: chars(24).optional(),
  rows: z.array(listRow).min(1, { error: 'a section needs at least 1 row' }),
});

const MAX_LIST_ROWS = 10;

const listAction = z
  .object({
    button: chars(20),
    sections: z
      .array(listSection)
      .min(1, { error: 'at least 1 section is required' })
      .max(10, { error: 'at most 10 sections are allowed' }),
  })
  .superRefine((action, ctx) => {
    const total = action.sections.reduce((sum, section) => sum + section.rows.length, 0);
    if (total > MAX_LIST_ROWS) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `at most ${MAX_LIST_ROWS} rows in total are allowed (got ${total})` });
    }
    // The list page calls the section title required; whatsapp-api-js only when there are several sections.
    if (action.sections.length > 1) {
      action.sections.forEach((section, index) => {
        if (section.title === undefined) ctx.addIssue({ code: 'custom', path: ['sections', index, 'title'], message: 'is required when there are several sections' });
      });
    }
    const ids = action.sections.flatMap((section, s) => section.rows.map((row, r) => ({ id: row.id, path: ['sections', s, 'rows', r, 'id'] })));
    addDuplicateIssues(ids.map((row) => row.id), 'row id', ctx, (index) => ids[index]?.path ?? ['sections']);
  });

export const buttonInteractive = z.object({
  type: z.string(),
  header: buttonHeader.optional(),
  body: z.object({ text: chars(1024) }),
  footer: footer.optional(),
  action: buttonAction,
});

export const listInteractive = z.object({
  type: z.string(),
  header: listHeader.optional(),
  body: z.object({ text: chars(4096) }),
  footer: footer.optional(),
  action: listAction,
});

const PARAMETER_FIELD: Record<string, string> = {
  text: 'text',
  currency: 'currency',
  date_time: 'date_time',
  image: 'image',
  document: 'document',
  video: 'video',
  location: 'location',
  payload: 'payload',
  coupon_code: 'coupon_code',
  action: 'action',
};

const templateParameter = z
  .object({
    type: z.enum(Object.keys(PARAMETER_FIELD) as [string, ...string[]]),
    parameter_name: z.string().optional(),
    text: chars(32768).optional(),
    payload: chars(256).optional(),
    coupon_code: chars(20).optional(),
    currency: z.object({ fallback_value: z.string(), code: z.string().length(3), amount_1000: z.number().int() }).optional(),
    date_time: z.object({ fallback_value: z.string() }).loose().optional(),
    image: mediaObject.optional(),
    document: mediaObject.optional(),
    video: mediaObject.optional(),
    location: z.object({ latitude: z.number(), longitude: z.number() }).loose().optional(),
    action: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((parameter, ctx) => {
    const field = PARAMETER_FIELD[parameter.type] ?? parameter.type;
    if (!(field in parameter) || (parameter as Record<string, unknown>)[field] === undefined) {
      ctx.addIssue({ code: 'custom', path: [field], message: `is required for a ${parameter.type} parameter` });
    }
  });

const templateComponent = z
  .object({
    type: z.enum(['header', 'body', 'button', 'footer']),
    sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm', 'voice_call']).optional(),
    index: z.union([z.number().int().min(0).max(9), z.string().regex(/^\d$/)]).optional(),
    parameters: z.array(templateParameter).optional(),
  })
  .superRefine((component, ctx) => {
    if (component.type !== 'button') return;
    if (component.sub_type === undefined) ctx.addIssue({ code: 'custom', path: ['sub_type'], message: 'is required for a button component' });
    if (component.index === undefined) ctx.addIssue({ code: 'custom', path: ['index'], message: 'is required for a button component' });
  });

export const templatePayload = z.object({
  name: chars(512),
  language: z.object({ code: chars(15), policy: z.literal('deterministic').optional() }),
  components: z.array(templateComponent).optional(),
});

export const reactionPayload = z.object({ message_id: chars(256), emoji: z.string() });

export const locationPayload = z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() });

export const contactsPayload = z.array(z.record(z.string(), z.unknown())).min(1, { error: 'at least 1 contact is required' });

/** Fields shared by every message send (§2.1). */
export const envelope = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).optional(),
  to: z.string().optional(),
  recipient: z.string().optional(),
  type: z.enum(['text', 'interactive', 'template', 'reaction', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts']).optional(),
  context: z.object({ message_id: chars(256) }).optional(),
  biz_opaque_callback_data: chars(512).optional(),
});

/** Mark as read, optionally with the typing indicator (§2.7). */
export const markReadBody = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: chars(256),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

/** The payload schema of each message `type` (the object under the key of the same name). */
export const PAYLOAD_SCHEMAS: Record<string, z.ZodType> = {
  text: textPayload,
  template: templatePayload,
  reaction: reactionPayload,
  image: mediaObject,
  video: mediaObject,
  audio: mediaObject,
  document: mediaObject,
  sticker: mediaObject,
  location: locationPayload,
  contacts: contactsPayload,
};
