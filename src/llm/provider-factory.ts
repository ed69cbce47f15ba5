/**
 * AI SDK language models from the business configuration: OpenAI (`@ai-sdk/openai`, Chat
 * Completions), Anthropic (`@ai-sdk/anthropic`), Google Gemini (`@ai-sdk/google`) and any
 * OpenAI-compatible server (`@ai-sdk/openai-compatible`: Ollama, vLLM, llama.cpp server,
 * OpenRouter…). API keys are read from the environment passed in, never from the YAML; a
 * configured key that is not set is a start-up error that names the variable.
 */
import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogle } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { BusinessConfig } from '../config/business-schema.ts';
import type { LlmProvider } from '../config/llm-schema.ts';
import { AppError } from '../core/errors.ts';

export type LlmClassifierConfig = NonNullable<BusinessConfig['understanding']['llm_classifier']>;
/** The part of a model's configuration that says where and how to reach it. */
export interface ModelEndpoint {
  provider: LlmProvider;
  /** The provider's model id. */
  model: string;
  base_url?: string | undefined;
  api_key_env?: string | undefined;
}
/** The tier-1 classifier's endpoint (openai or openai-compatible). */
export type LlmEndpointConfig = Pick<LlmClassifierConfig, 'provider' | 'model' | 'base_url' | 'api_key_env'>;
export type Environment = Readonly<Record<string, string | undefined>>;

export interface ProviderFactoryOptions {
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

export const DEFAULT_OPENAI_KEY_ENV = 'OPENAI_API_KEY';

/** The variable each provider reads its key from unless the config names another; none for openai-compatible (a local Ollama needs none). */
export const DEFAULT_KEY_ENV: Readonly<Record<LlmProvider, string | undefined>> = {
  openai: DEFAULT_OPENAI_KEY_ENV,
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GOOGLE_GENERATIVE_AI_API_KEY',
  'openai-compatible': undefined,
};

/** The environment variable holding the key: the configured one, else the provider's default (none for openai-compatible). */
export function apiKeyVariable(config: ModelEndpoint): string | undefined {
  return config.api_key_env ?? DEFAULT_KEY_ENV[config.provider];
}

/** The key's value, trimmed; undefined when the variable is unset or blank. */
export function readApiKey(variable: string, env: Environment): string | undefined {
  const value = env[variable]?.trim();
  return value ? value : undefined;
}

/** The tier-1 classifier's model (`understanding.llm_classifier`): its key must be set. */
export function createLanguageModel(config: LlmEndpointConfig, env: Environment, options: ProviderFactoryOptions = {}): LanguageModel {
  const variable = apiKeyVariable(config);
  const apiKey = variable === undefined ? undefined : readApiKey(variable, env);
  if (variable !== undefined && apiKey === undefined) {
    throw new AppError(
      'SETTINGS_INVALID',
      `${variable} is not set: understanding.llm_classifier (provider ${config.provider}, model ${config.model}) reads its API key from it`,
      { details: { variable } },
    );
  }
  return createProviderModel(config, apiKey, options, 'understanding.llm_classifier');
}

/**
 * The AI SDK model of one configured endpoint, with the key already read (undefined: send
 * none). `where` names the config entry in errors (`llm.models.economy`).
 */
export function createProviderModel(config: ModelEndpoint, apiKey: string | undefined, options: ProviderFactoryOptions = {}, where = 'llm model'): LanguageModel {
  const common = { ...(apiKey === undefined ? {} : { apiKey }), ...(options.fetch ? { fetch: options.fetch } : {}) };
  const baseURL = config.base_url ? { baseURL: config.base_url } : {};
  switch (config.provider) {
    case 'openai':
      // Chat Completions, not Responses: nothing of the customer's is stored at OpenAI by default
      // (Responses store every call unless told not to), and the wire format is the one tested.
      return createOpenAI({ ...common, ...baseURL }).chat(config.model);
    case 'anthropic':
      return createAnthropic({ ...common, ...baseURL }).messages(config.model);
    case 'google':
      return createGoogle({ ...common, ...baseURL }).languageModel(config.model);
    case 'openai-compatible':
      if (!config.base_url) throw new AppError('CONFIG_INVALID', `${where}.base_url is required when provider is openai-compatible`);
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: config.base_url,
        ...common,
        // Send the JSON schema (response_format json_schema), not just "some JSON".
        supportsStructuredOutputs: true,
        // Ask for the usage chunk at the end of a stream (OpenAI's stream_options.include_usage).
        includeUsage: true,
      }).chatModel(config.model);
  }
}
