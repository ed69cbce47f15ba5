/**
 * The models `centralino simulate` routes to: the business's own `llm:` section when it has
 * one (names, prices, fallbacks), else an assumed economy and premium model priced from the
 * built-in table (`--economy`, `--premium`). Every model is an estimating model
 * (llm/estimating-model.ts): no network, usage estimated from the real prompt.
 */
import type { BusinessConfig } from '../../config/business-schema.ts';
import { llmConfigSchema } from '../../config/llm-schema.ts';
import { AppError } from '../../core/errors.ts';
import { estimatingModel } from '../../llm/estimating-model.ts';
import { createModelRegistryFromModels, specFromConfig, type ModelRegistry } from '../../llm/model-registry.ts';
import { defaultPrice } from '../../llm/price-table.ts';

export const DEFAULT_ECONOMY_MODEL = 'gpt-4.1-mini';
export const DEFAULT_PREMIUM_MODEL = 'claude-sonnet-4.5';

export interface SimulatedModels {
  config: BusinessConfig;
  registry: ModelRegistry;
  /** The provider model ids the economy and premium routes use, and whether the config named them. */
  economy: string;
  premium: string;
  assumed: boolean;
  /** The configured names of the economy and premium models (as the turn records them). */
  economyName: string | undefined;
  premiumName: string | undefined;
}

export function simulatedModels(config: BusinessConfig, flags: { economy?: string | undefined; premium?: string | undefined }, onCall?: Parameters<typeof estimatingModel>[1]): SimulatedModels {
  const llm = config.llm?.economy && config.llm.premium && !flags.economy && !flags.premium ? config.llm : assumedLlm(config, flags);
  const specs = Object.entries(llm.models).map(([name, model]) => specFromConfig(name, model));
  const registry = createModelRegistryFromModels(specs, Object.fromEntries(specs.map((spec) => [spec.name, estimatingModel(spec.model, onCall)])));
  const modelId = (name: string | undefined) => (name === undefined ? '' : (llm.models[name]?.model ?? name));
  return { config: { ...config, llm }, registry, economy: modelId(llm.economy), premium: modelId(llm.premium), assumed: llm !== config.llm, economyName: llm.economy, premiumName: llm.premium };
}

function assumedLlm(config: BusinessConfig, flags: { economy?: string | undefined; premium?: string | undefined }): NonNullable<BusinessConfig['llm']> {
  const economy = flags.economy ?? DEFAULT_ECONOMY_MODEL;
  const premium = flags.premium ?? DEFAULT_PREMIUM_MODEL;
  for (const model of [economy, premium]) {
    if (!defaultPrice(model)) throw new AppError('DATA_INVALID', `no price known for model "${model}": name one of the built-in price table (src/llm/default-prices.json) or configure llm: in the business file`);
  }
  return llmConfigSchema.parse({
    models: { economy: { provider: 'openai-compatible', base_url: 'http://simulated.invalid/v1', model: economy }, premium: { provider: 'openai-compatible', base_url: 'http://simulated.invalid/v1', model: premium } },
    economy: 'economy',
    premium: 'premium',
    ...(config.llm?.budgets ? { budgets: config.llm.budgets } : {}),
  });
}
