/**
 * Every model of the business's `llm.models`, built once at start: the AI SDK model and
 * its resolved settings (prices, timeout, retries, fallbacks). Keys are read here, all at
 * once: every variable that is missing is named in one start-up error, with the model that
 * needs it, instead of a failure at the first customer message.
 */
import type { LanguageModel } from 'ai';
import { MODEL_DEFAULTS, type LlmConfig, type LlmProvider, type ModelConfig } from '../config/llm-schema.ts';
import { AppError } from '../core/errors.ts';
import type { PricePerMillion } from './cost.ts';
import { apiKeyVariable, createProviderModel, readApiKey, type Environment, type ProviderFactoryOptions } from './provider-factory.ts';

/** A configured model, resolved: what the router and generateWithFallback read. */
export interface ModelSpec {
  /** The business's name for it (the key in `llm.models`), as the cost ledger records it. */
  readonly name: string;
  readonly provider: LlmProvider;
  /** The provider's model id. */
  readonly model: string;
  /** USD per million tokens: the configured prices, else the built-in table's. */
  readonly prices: PricePerMillion;
  readonly timeoutMs: number;
  /** Retries on this model before its fallbacks. */
  readonly retries: number;
  /** Names of the models to try next, in order. */
  readonly fallback: readonly string[];
  readonly maxOutputTokens: number;
}

export interface ModelRegistry {
  /** Every configured name, in the config's order. */
  names(): string[];
  has(name: string): boolean;
  /** Throws NOT_FOUND for a name that is not configured. */
  spec(name: string): ModelSpec;
  /** Throws NOT_FOUND for a name that is not configured. */
  model(name: string): LanguageModel;
}

/** A spec for tests: a name and whatever differs from the defaults. */
export type ModelSpecInit = Pick<ModelSpec, 'name'> & Partial<Omit<ModelSpec, 'name'>>;

export function specFromConfig(name: string, config: ModelConfig): ModelSpec {
  return {
    name,
    provider: config.provider,
    model: config.model,
    prices: config.price_per_million,
    timeoutMs: config.timeout_ms,
    retries: config.retries,
    fallback: config.fallback,
    maxOutputTokens: config.max_output_tokens,
  };
}

/**
 * Builds every model of `llm.models`. Throws SETTINGS_INVALID naming every API-key variable
 * that is not set (and the models that read it), CONFIG_INVALID for a broken entry.
 */
export function createModelRegistry(llm: LlmConfig, env: Environment, options: ProviderFactoryOptions = {}): ModelRegistry {
  const entries = Object.entries(llm.models);
  const missing = missingKeys(entries, env);
  if (missing.size > 0) {
    const lines = [...missing].map(([variable, models]) => `${variable} is not set: ${models.join(', ')} read${models.length === 1 ? 's' : ''} its API key from it`);
    throw new AppError('SETTINGS_INVALID', lines.join('; '), { details: { variables: [...missing.keys()] } });
  }
  const specs = entries.map(([name, config]) => specFromConfig(name, config));
  const models: Record<string, LanguageModel> = {};
  for (const [name, config] of entries) {
    const variable = apiKeyVariable(config);
    const apiKey = variable === undefined ? undefined : readApiKey(variable, env);
    models[name] = createProviderModel(config, apiKey, options, `llm.models.${name}`);
  }
  return registryOf(specs, models);
}

/** Variable → the models (`llm.models.x (anthropic claude-…)`) that need it but find it unset. */
function missingKeys(entries: [string, ModelConfig][], env: Environment): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const [name, config] of entries) {
    const variable = apiKeyVariable(config);
    if (variable === undefined || readApiKey(variable, env) !== undefined) continue;
    const who = `llm.models.${name} (${config.provider} ${config.model})`;
    missing.set(variable, [...(missing.get(variable) ?? []), who]);
  }
  return missing;
}

/** A registry of given models (the AI SDK's mock models in tests), with default settings where a spec says nothing. */
export function createModelRegistryFromModels(specs: readonly ModelSpecInit[], models: Readonly<Record<string, LanguageModel>>): ModelRegistry {
  const full = specs.map((spec) => ({
    provider: 'openai-compatible' as const,
    model: spec.name,
    prices: { input: 0, output: 0 },
    timeoutMs: MODEL_DEFAULTS.timeout_ms,
    retries: MODEL_DEFAULTS.retries,
    fallback: [],
    maxOutputTokens: MODEL_DEFAULTS.max_output_tokens,
    ...spec,
  }));
  for (const spec of full) {
    if (!(spec.name in models)) throw new AppError('CONFIG_INVALID', `no model given for "${spec.name}"`);
  }
  return registryOf(full, models);
}

function registryOf(specs: readonly ModelSpec[], models: Readonly<Record<string, LanguageModel>>): ModelRegistry {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const known = (name: string): ModelSpec => {
    const spec = byName.get(name);
    if (!spec) throw new AppError('NOT_FOUND', `no model named "${name}" in llm.models (known: ${[...byName.keys()].join(', ') || 'none'})`);
    return spec;
  };
  return {
    names: () => [...byName.keys()],
    has: (name) => byName.has(name),
    spec: known,
    model: (name) => {
      known(name);
      const model = models[name];
      if (model === undefined) throw new AppError('NOT_FOUND', `no model built for "${name}"`);
      return model;
    },
  };
}
