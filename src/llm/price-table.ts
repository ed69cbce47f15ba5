/**
 * The built-in LLM price table: list prices in USD per million tokens, shipped with the
 * engine (default-prices.json, a copy of the `llm` rows of the project's shared price table)
 * so that a deployed engine knows them without any other file. A model's configured
 * `price_per_million` always wins; these are only the defaults.
 */
import table from './default-prices.json' with { type: 'json' };
import type { PricePerMillion } from './cost.ts';

export interface PriceRow {
  model: string;
  provider: string;
  input_usd_per_mtok: number;
  output_usd_per_mtok: number;
  cache_read_usd_per_mtok: number | null;
}

/** Where the prices come from and how old they are (the table's own note). */
export const PRICE_TABLE_SOURCE: string = table.about;
export const PRICE_ROWS: readonly PriceRow[] = table.llm;

/** Table ids as looked up: `mistral-small (latest alias)` → `mistral-small`; the first row of an id wins. */
const byModel = new Map<string, PriceRow>();
for (const row of PRICE_ROWS) {
  const id = row.model.replace(/\s*\(.*\)\s*$/, '').toLowerCase();
  if (!byModel.has(id)) byModel.set(id, row);
}

/**
 * The default price of a provider's model id, or undefined when the table does not know it.
 * Tries the exact id, then without a provider or `models/` prefix (`openai/gpt-4.1-mini`,
 * `models/gemini-2.5-flash`), then without a date or `-latest` suffix
 * (`gpt-4.1-mini-2025-04-14`, `claude-sonnet-4-5-20250929`), with Anthropic's API spelling
 * mapped to the table's (`claude-sonnet-4-5` → `claude-sonnet-4.5`,
 * `claude-3-5-haiku` → `claude-haiku-3.5`).
 */
export function defaultPrice(model: string): PricePerMillion | undefined {
  for (const id of candidateIds(model)) {
    const row = byModel.get(id);
    if (row) return pricesOf(row);
  }
  return undefined;
}

function candidateIds(model: string): string[] {
  const exact = model.trim().toLowerCase();
  const bare = exact.slice(exact.lastIndexOf('/') + 1);
  const undated = bare.replace(/(?:[-@]\d{4}-?\d{2}-?\d{2}|-latest)$/, '');
  const anthropic = undated
    .replace(/^claude-(\d+)-(\d+)-([a-z]+)$/, 'claude-$3-$1.$2')
    .replace(/^(claude-[a-z]+-\d+)-(\d)$/, '$1.$2');
  return [...new Set([exact, bare, undated, anthropic])];
}

function pricesOf(row: PriceRow): PricePerMillion {
  const prices: PricePerMillion = { input: row.input_usd_per_mtok, output: row.output_usd_per_mtok };
  if (row.cache_read_usd_per_mtok !== null) prices.cached_input = row.cache_read_usd_per_mtok;
  return prices;
}
