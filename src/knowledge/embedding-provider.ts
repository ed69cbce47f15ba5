/**
 * The embedding model of `knowledge.embeddings`, through the AI SDK: OpenAI
 * (`@ai-sdk/openai`) or any OpenAI-compatible server (`@ai-sdk/openai-compatible`, e.g.
 * Ollama's `/v1/embeddings`). The key is read from the environment variable the config
 * names (OPENAI_API_KEY by default for openai), never from the YAML.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { EmbeddingModel } from 'ai';
import type { BusinessConfig } from '../config/business-schema.ts';
import { AppError } from '../core/errors.ts';
import { aiSdkEmbedder, type Embedder } from './embeddings.ts';

export type EmbeddingsConfig = NonNullable<BusinessConfig['knowledge']['embeddings']>;
export type Environment = Readonly<Record<string, string | undefined>>;

function apiKey(config: EmbeddingsConfig, env: Environment): string | undefined {
  const variable = config.api_key_env ?? (config.provider === 'openai' ? 'OPENAI_API_KEY' : undefined);
  if (variable === undefined) return undefined;
  const value = env[variable]?.trim();
  if (!value) {
    throw new AppError('SETTINGS_INVALID', `${variable} is not set: knowledge.embeddings (provider ${config.provider}, model ${config.model}) reads its API key from it`, {
      details: { variable },
    });
  }
  return value;
}

export function createEmbeddingModel(config: EmbeddingsConfig, env: Environment, options: { fetch?: typeof fetch } = {}): EmbeddingModel {
  const key = apiKey(config, env);
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  if (config.provider === 'openai') {
    return createOpenAI({ ...(key === undefined ? {} : { apiKey: key }), ...fetchOption, ...(config.base_url ? { baseURL: config.base_url } : {}) }).embedding(config.model);
  }
  if (!config.base_url) throw new AppError('CONFIG_INVALID', 'knowledge.embeddings.base_url is required when provider is openai-compatible');
  return createOpenAICompatible({ name: 'openai-compatible', baseURL: config.base_url, ...(key === undefined ? {} : { apiKey: key }), ...fetchOption }).embeddingModel(config.model);
}

/** The name vectors are stored under: provider, model and size. */
export function embeddingModelId(config: EmbeddingsConfig): string {
  return `${config.provider}:${config.model}${config.dimensions === undefined ? '' : `@${config.dimensions}`}`;
}

/** The configured embedder, or undefined when `knowledge.embeddings` is not set (the default: offline). */
export function embedderFromConfig(business: BusinessConfig, env: Environment, options: { fetch?: typeof fetch } = {}): Embedder | undefined {
  const config = business.knowledge.embeddings;
  if (config === undefined) return undefined;
  return aiSdkEmbedder(createEmbeddingModel(config, env, options), { modelId: embeddingModelId(config), ...(config.dimensions === undefined ? {} : { dimensions: config.dimensions }) });
}
