/**
 * Settings from the environment (and an optional .env, loaded by the CLI).
 * Validated once at start; an error names the variable and says what is wrong.
 */
import { z } from 'zod';
import { AppError } from '../core/errors.ts';

const port = z.coerce.number().int().min(0).max(65535);
const url = z.url({ protocol: /^https?$/ });

/** Where the embedded store and trained models live, unless CENTRALINO_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = './data';
/** The demo business, the default CENTRALINO_CONFIG. */
export const DEFAULT_BUSINESS_CONFIG = 'examples/beauty-salon/business.yaml';

const settingsSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CENTRALINO_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  CENTRALINO_CONFIG: z.string().min(1).default(DEFAULT_BUSINESS_CONFIG),
  WHATSAPP_APP_SECRET: z.string().min(8, 'must be the app secret from the Meta App Dashboard (at least 8 characters)'),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1, 'must be the verify token set in the Meta App Dashboard'),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1, 'must be a system-user or business access token'),
  WHATSAPP_API_BASE_URL: url.default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must look like v25.0').default('v25.0'),
  /** After a send with no answer (timeout, dropped connection), how long to wait for a status webhook before sending it again. */
  WHATSAPP_UNCONFIRMED_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Text messages of a conversation this close together are one turn; an unfinished opener ("ciao", "volevo chiedere") waits this long for the rest. 0: off. */
  CENTRALINO_MERGE_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(4_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Values of these variables are never printed, not even when they are invalid. */
const SECRET = /(SECRET|TOKEN|KEY|PASSWORD)$/;

export function loadSettings(env: Record<string, string | undefined>): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = settingsSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const value = cleaned[name];
    if (value === undefined) return `${name} is not set: ${issue.message}`;
    const shown = SECRET.test(name) ? '' : `=${JSON.stringify(value)}`;
    return `${name}${shown} is invalid: ${issue.message}`;
  });
  throw new AppError('SETTINGS_INVALID', `Invalid settings:\n  - ${problems.join('\n  - ')}`, {
    details: { problems },
  });
}
