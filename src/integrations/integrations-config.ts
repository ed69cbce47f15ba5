/**
 * The `integrations:` section of the business configuration (hooked into the business
 * schema as key `integrations`): per port, the built-in adapter on the embedded store or a
 * REST adapter made of URL templates, headers (secrets only from environment variables),
 * JSON body templates, field mappings and refusal rules. A port left out is not offered.
 */
import { z } from 'zod';
import { REFUSAL_CODES } from '../core/integrations.ts';
import { isJsonPath } from './rest/json-path.ts';

/** The operations each REST port must configure. */
export const REST_OPERATIONS = {
  orders: ['get_order'],
  bookings: ['list_services', 'list_staff', 'get_schedule', 'free_slots', 'book', 'get_booking', 'upcoming_bookings', 'move', 'cancel'],
  crm: ['get_contact', 'upsert_contact', 'update_tags', 'set_consent', 'add_note'],
  tickets: ['create_ticket', 'update_ticket', 'get_ticket'],
  payments: ['create_link', 'get_link'],
} as const;
export type PortName = keyof typeof REST_OPERATIONS;

const jsonPath = z.string().refine(isJsonPath, { error: 'must be a path such as data.order.status or items[0].name' });
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name such as SHOP_API_TOKEN');

/** Header names that carry credentials: their value must come from the environment. */
const SECRET_HEADER = /auth|token|key|secret|password|cookie|signature|session/i;

const headers = z
  .record(z.string().regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name'), z.union([z.string(), z.strictObject({ env: envName, prefix: z.string().default('') })]))
  .superRefine((record, ctx) => {
    for (const [name, value] of Object.entries(record)) {
      if (typeof value === 'string' && SECRET_HEADER.test(name)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `carries a credential: give it as { env: VARIABLE_NAME } (and prefix: "Bearer " if needed), never inline` });
      }
    }
  });

export interface FieldMappingConfig {
  path: string;
  /** Remote value → ours, e.g. `{ SHIPPED: shipped }` (the status mapping table). */
  map?: Record<string, string>;
  /** Money: `minor` (cents, default) or `major` (49.90). Times given as numbers: `ms` (default) or `s`. */
  unit?: 'major' | 'minor' | 'ms' | 's';
  /** For a list field: the mapping of each item's fields. */
  fields?: Record<string, FieldMapping>;
}
export type FieldMapping = string | FieldMappingConfig;

const fieldMapping: z.ZodType<FieldMapping> = z.lazy(() =>
  z.union([
    jsonPath,
    z.strictObject({
      path: jsonPath,
      map: z.record(z.string(), z.string()).optional(),
      unit: z.enum(['major', 'minor', 'ms', 's']).optional(),
      fields: z.record(z.string(), fieldMapping).optional(),
    }),
  ]),
);

const refusalRule = z
  .strictObject({
    status: z.number().int().min(400).max(499),
    /** Only when the answer's JSON has this value at this path. */
    path: jsonPath.optional(),
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    code: z.enum(REFUSAL_CODES),
  })
  .refine((rule) => (rule.path === undefined) === (rule.equals === undefined), { error: 'give path and equals together, or neither' });

const operation = z
  .strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    /** Absolute, or relative to base_url; `{name}` placeholders, e.g. /api/orders/{order_number}. */
    url: z.string().min(1),
    /** JSON body template with `{name}` placeholders. */
    body: z.unknown().optional(),
    result: z.strictObject({ path: jsonPath.default(''), fields: z.record(z.string(), fieldMapping).default({}) }).default({ path: '', fields: {} }),
    /** 4xx answers that are business refusals; 404 is the operation's not-found refusal unless listed. */
    refusals: z.array(refusalRule).default([]),
  })
  .refine((op) => op.method !== 'GET' || op.body === undefined, { error: 'a GET request has no body', path: ['body'] });
export type OperationConfig = z.infer<typeof operation>;

function restPort<P extends PortName>(port: P) {
  const operations = Object.fromEntries(REST_OPERATIONS[port].map((name) => [name, operation])) as Record<(typeof REST_OPERATIONS)[P][number], typeof operation>;
  return z.strictObject({
    adapter: z.literal('rest'),
    base_url: z.url({ protocol: /^https?$/ }).optional(),
    headers: headers.default({}),
    /** Per attempt. */
    timeout_ms: z.number().int().positive().max(60_000).default(5000),
    /** Extra attempts after a timeout, network error, 408, 429 or 5xx: GET always, other methods only with idempotency_header. */
    retries: z.number().int().min(0).max(5).default(2),
    /** e.g. Idempotency-Key: sent with the call's idempotency key on every mutating request. */
    idempotency_header: z.string().regex(/^[A-Za-z0-9-]+$/).optional(),
    /** When the remote JSON names no currency. */
    currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
    operations: z.strictObject(operations),
  });
}
export type HeadersConfig = z.infer<typeof headers>;
/** A REST port's settings; `operations` holds the port's own operation names. */
export type RestPortConfig = Omit<z.infer<ReturnType<typeof restPort<PortName>>>, 'operations' | 'headers'> & {
  headers: HeadersConfig;
  operations: Record<string, OperationConfig>;
};

const builtin = z.strictObject({ adapter: z.literal('builtin') });

const builtinBookings = z.strictObject({
  adapter: z.literal('builtin'),
  /** Defaults to the business's profile.timezone. */
  timezone: z.string().optional(),
  slot_step_minutes: z.number().int().positive().multipleOf(5).default(15),
  min_notice_minutes: z.number().int().min(0).default(60),
  max_days_ahead: z.number().int().positive().default(90),
  cancellation_notice_hours: z.number().min(0).default(24),
  /** Defaults to cancellation_notice_hours. */
  move_notice_hours: z.number().min(0).optional(),
});

const builtinPayments = z.strictObject({
  adapter: z.literal('builtin'),
  /** Links are <link_base_url>/<id>: the business's payment page. */
  link_base_url: z.url({ protocol: /^https?$/ }),
  expires_after_hours: z.number().positive().default(48),
});

export const integrationsConfigSchema = z.strictObject({
  orders: z.discriminatedUnion('adapter', [builtin, restPort('orders')]).optional(),
  bookings: z.discriminatedUnion('adapter', [builtinBookings, restPort('bookings')]).optional(),
  crm: z.discriminatedUnion('adapter', [builtin, restPort('crm')]).optional(),
  tickets: z.discriminatedUnion('adapter', [builtin, restPort('tickets')]).optional(),
  payments: z.discriminatedUnion('adapter', [builtinPayments, restPort('payments')]).optional(),
});
export type IntegrationsConfig = z.infer<typeof integrationsConfigSchema>;

/** Options for the built-in adapters (createSqliteIntegrations), from the config. */
export interface BuiltinOptions {
  bookings: {
    timezone: string;
    slotStepMinutes: number;
    minNoticeMinutes: number;
    maxDaysAhead: number;
    cancellationNoticeHours: number;
    moveNoticeHours: number;
  };
  payments: { linkBaseUrl: string; expiresAfterHours: number };
}

/** The built-in adapters' options; `timezone` is the business's profile.timezone. Payment links default to `fallbackLinkBaseUrl` when payments are not built-in. */
export function builtinOptions(config: IntegrationsConfig, timezone: string, fallbackLinkBaseUrl = 'http://127.0.0.1/pay'): BuiltinOptions {
  const bookings = config.bookings?.adapter === 'builtin' ? config.bookings : builtinBookings.parse({ adapter: 'builtin' });
  const payments = config.payments?.adapter === 'builtin' ? config.payments : { link_base_url: fallbackLinkBaseUrl, expires_after_hours: 48 };
  return {
    bookings: {
      timezone: bookings.timezone ?? timezone,
      slotStepMinutes: bookings.slot_step_minutes,
      minNoticeMinutes: bookings.min_notice_minutes,
      maxDaysAhead: bookings.max_days_ahead,
      cancellationNoticeHours: bookings.cancellation_notice_hours,
      moveNoticeHours: bookings.move_notice_hours ?? bookings.cancellation_notice_hours,
    },
    payments: { linkBaseUrl: payments.link_base_url, expiresAfterHours: payments.expires_after_hours },
  };
}
