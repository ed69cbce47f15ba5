/**
 * The business YAML's `llm:` section: the models tier 3 may call, by a name the business
 * chooses, which of them the `economy` and `premium` routes use, and the spending caps.
 * Keys come from the environment (`api_key_env`), never from the YAML. A model's prices
 * default to the built-in price table (src/llm/price-table.ts); after parsing every model
 * has `price_per_million`, so a model the table does not know must state its prices.
 */
import { z } from 'zod';
import { defaultPrice } from '../llm/price-table.ts';

export const LLM_PROVIDERS = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** Defaults of a model's optional settings. */
export const MODEL_DEFAULTS = { timeout_ms: 20_000, retries: 1, max_output_tokens: 500 } as const;

const modelName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'must start with a letter and hold only letters, digits, _, . and -');
const usd = z.number().nonnegative();

export const pricePerMillionSchema = z.strictObject({
  input: usd,
  output: usd,
  /** Cached input tokens (default: the input price). */
  cached_input: usd.optional(),
});

const modelFields = z.strictObject({
  provider: z.enum(LLM_PROVIDERS),
  /** The provider's model id (`gpt-4.1-mini`, `claude-sonnet-4-5`, `gemini-2.5-flash`, `llama3.2`). */
  model: z.string().min(1),
  /** The API root (a proxy, Ollama's http://localhost:11434/v1 …); required for openai-compatible. */
  base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** The environment variable holding the key (defaults per provider; none for openai-compatible). */
  api_key_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable').optional(),
  /** USD per million tokens (default: the built-in price table, by `model`). */
  price_per_million: pricePerMillionSchema.optional(),
  timeout_ms: z.number().int().min(100).max(300_000).default(MODEL_DEFAULTS.timeout_ms),
  /** Retries on the same model (timeouts, network errors, 5xx) before the fallbacks. */
  retries: z.number().int().min(0).max(5).default(MODEL_DEFAULTS.retries),
  /** Other models (names in `models`) to try in order when this one fails. */
  fallback: z.array(modelName).default([]),
  max_output_tokens: z.number().int().min(1).max(100_000).default(MODEL_DEFAULTS.max_output_tokens),
});

export const llmConfigSchema = z
  .strictObject({
    models: z.record(modelName, modelFields).refine((models) => Object.keys(models).length > 0, 'must name at least one model'),
    /** The model (a name in `models`) of the economy route. */
    economy: modelName.optional(),
    /** The model (a name in `models`) of the premium route. */
    premium: modelName.optional(),
    budgets: z
      .strictObject({
        per_conversation_usd: z.number().positive().optional(),
        per_day_usd: z.number().positive().optional(),
      })
      .optional(),
  })
  .superRefine((llm, ctx) => {
    for (const issue of [...modelIssues(llm.models), ...routeIssues(llm), ...fallbackIssues(llm.models)]) ctx.addIssue({ code: 'custom', ...issue });
  })
  .transform((llm, ctx) => {
    const models: Record<string, ModelFields & { price_per_million: PricePerMillionConfig }> = {};
    for (const [name, model] of Object.entries(llm.models)) {
      const prices = model.price_per_million ?? defaultPrice(model.model);
      if (prices === undefined) {
        // Reported by modelIssues already; kept so that the type says every model has prices.
        ctx.issues.push({ code: 'custom', input: model, path: ['models', name, 'price_per_million'], message: 'is required' });
        return z.NEVER;
      }
      models[name] = { ...model, price_per_million: prices };
    }
    return { ...llm, models };
  });

export type LlmConfig = z.infer<typeof llmConfigSchema>;
/** One model after parsing: defaults filled, prices resolved. */
export type ModelConfig = LlmConfig['models'][string];
export type PricePerMillionConfig = z.infer<typeof pricePerMillionSchema>;

interface Issue {
  path: (string | number)[];
  message: string;
}

type ModelFields = z.infer<typeof modelFields>;

/** Per model: base_url for openai-compatible, prices for a model the table does not know. */
function modelIssues(models: Readonly<Record<string, ModelFields>>): Issue[] {
  const issues: Issue[] = [];
  for (const [name, model] of Object.entries(models)) {
    if (model.provider === 'openai-compatible' && model.base_url === undefined) {
      issues.push({ path: ['models', name, 'base_url'], message: 'is required when provider is openai-compatible' });
    }
    if (model.price_per_million === undefined && defaultPrice(model.model) === undefined) {
      issues.push({
        path: ['models', name, 'price_per_million'],
        message: `is required: the built-in price table does not know the model "${model.model}" (give input and output, in USD per million tokens; 0 for a local model)`,
      });
    }
  }
  return issues;
}

/** `economy` and `premium` name configured models. */
function routeIssues(llm: { models: Readonly<Record<string, unknown>>; economy?: string | undefined; premium?: string | undefined }): Issue[] {
  const known = Object.keys(llm.models);
  return (['economy', 'premium'] as const).flatMap((route) => {
    const name = llm[route];
    if (name === undefined || known.includes(name)) return [];
    return [{ path: [route], message: `names the model "${name}", which is not in llm.models (${known.join(', ')})` }];
  });
}

/** Fallback names that are unknown, the model itself, repeated, or part of a cycle. */
function fallbackIssues(models: Readonly<Record<string, { fallback: readonly string[] }>>): Issue[] {
  const issues: Issue[] = [];
  for (const [name, model] of Object.entries(models)) {
    model.fallback.forEach((target, index) => {
      const path = ['models', name, 'fallback', index];
      if (target === name) issues.push({ path, message: `is "${name}" itself: a model cannot be its own fallback` });
      else if (!(target in models)) issues.push({ path, message: `names the model "${target}", which is not in llm.models` });
      else if (model.fallback.indexOf(target) !== index) issues.push({ path, message: `names "${target}" twice` });
    });
  }
  const cycle = findCycle(models);
  if (cycle) issues.push({ path: ['models', cycle[0] ?? '', 'fallback'], message: `form a cycle: ${cycle.join(' → ')}` });
  return issues;
}

/** A cycle of two or more models through their fallbacks (`a → b → a`), or undefined. */
function findCycle(models: Readonly<Record<string, { fallback: readonly string[] }>>): string[] | undefined {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    const seen = path.indexOf(name);
    if (seen >= 0) return [...path.slice(seen), name];
    if (done.has(name)) return undefined;
    for (const next of models[name]?.fallback ?? []) {
      if (next === name || !(next in models)) continue;
      const cycle = visit(next, [...path, name]);
      if (cycle) return cycle;
    }
    done.add(name);
    return undefined;
  };
  for (const name of Object.keys(models)) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}
