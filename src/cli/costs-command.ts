/**
 * `centralino costs [--since 7d|2026-11-01] [--by intent|route|model|conversation] [--json]
 * [--config …] [--data-dir …]`: the cost ledger of `<data dir>/centralino.db` — LLM cost and
 * WhatsApp fees, per conversation and per intent, premium and human shares, escalation rate
 * and the saving against sending every message to the premium model.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBusinessConfig } from '../config/load-business.ts';
import { DEFAULT_DATA_DIR } from '../config/settings.ts';
import { AppError } from '../core/errors.ts';
import { buildCostReport, GROUPINGS, type Grouping } from '../metrics/cost-report.ts';
import { createSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import { formatCostReport } from './costs-format.ts';

export interface CostsFlags {
  since?: string;
  by?: string;
  json?: boolean;
  config?: string;
  dataDir?: string;
}

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const RELATIVE = /^(\d+)([mhd])$/;
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The start of the period in epoch ms: `30m`, `24h`, `7d` before `now`, or an ISO date
 * (midnight UTC) or date-time (local time unless it names a zone). Undefined: everything.
 */
export function parseSince(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const relative = RELATIVE.exec(text);
  if (relative !== null) return now - Number(relative[1]) * (UNIT_MS[relative[2] ?? ''] ?? 0);
  const time = ISO.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isFinite(time)) return time;
  throw new AppError('DATA_INVALID', `--since must be an ISO date or date-time (2026-11-01, 2026-11-01T08:00Z) or a duration back from now (30m, 24h, 7d), got ${JSON.stringify(value)}`);
}

export function parseGrouping(value: string | undefined): Grouping {
  const by = value ?? 'intent';
  if (!(GROUPINGS as readonly string[]).includes(by)) {
    throw new AppError('DATA_INVALID', `--by must be one of ${GROUPINGS.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return by as Grouping;
}

/** The business's name when a business file is named (--config or CENTRALINO_CONFIG); the ledger itself does not need it. */
function businessName(flags: CostsFlags, env: Readonly<Record<string, string | undefined>>): string | null {
  const file = flags.config ?? env.CENTRALINO_CONFIG;
  return file === undefined || file === '' ? null : loadBusinessConfig(file).profile.name;
}

export async function costsCommand(flags: CostsFlags, env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  const since = parseSince(flags.since, Date.now());
  const by = parseGrouping(flags.by);
  const business = businessName(flags, env);
  const database = join(flags.dataDir ?? env.CENTRALINO_DATA_DIR ?? DEFAULT_DATA_DIR, 'centralino.db');
  if (!existsSync(database)) throw new AppError('DATA_INVALID', `no database at ${database}: point --data-dir (or CENTRALINO_DATA_DIR) at the engine's data folder`);
  const store = createSqliteStore({ path: database });
  try {
    const ledger = await store.costLedger(since === undefined ? {} : { since });
    const report = { business, ...buildCostReport(ledger, { by, ...(since === undefined ? {} : { since }) }) };
    console.log(flags.json ? JSON.stringify(report) : formatCostReport(report));
  } finally {
    await store.close();
  }
}
