/**
 * An AI SDK language model from the business configuration: OpenAI (`@ai-sdk/openai`)
 * or any OpenAI-compatible server (`@ai-sdk/openai-compatible`: Ollama, vLLM, OpenRouter…).
 * The API key is read from the environment passed in, never from the YAML; a configured
 * key that is not set is a start-up error that names the variable.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { BusinessConfig } from '../config/business-schema.ts';
import { AppError } from '../core/errors.ts';

export type LlmClassifierConfig = NonNullable<BusinessConfig['understanding']['llm_classifier']>;
/** The part of a model's configuration that says where and how to reach it. */
export type LlmEndpointConfig = Pick<LlmClassifierConfig, 'provider' | 'model' | 'base_url' | 'api_key_env'>;
export type Environment = Readonly<Record<string, string | undefined>>;

export interface ProviderFactoryOptions {
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

export const DEFAULT_OPENAI_KEY_ENV = 'OPENAI_API_KEY';

/** The environment variable holding the key: the configured one, OPENAI_API_KEY for openai, none otherwise (e.g. a local Ollama). */
export function apiKeyVariable(config: LlmEndpointConfig): string | undefined {
  return config.api_key_env ?? (config.provider === 'openai' ? DEFAULT_OPENAI_KEY_ENV : undefined);
}

export function createLanguageModel(config: LlmEndpointConfig, env: Environment, options: ProviderFactoryOptions = {}): LanguageModel {
  const apiKey = readApiKey(config, env);
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  if (config.provider === 'openai') {
    const openai = createOpenAI({ apiKey, ...fetchOption, ...(config.base_url ? { baseURL: config.base_url } : {}) });
    // Chat Completions, not Responses: nothing of the customer's is stored at OpenAI by default
    // (Responses store every call unless told not to), and the wire format is the one tested.
    return openai.chat(config.model);
  }
  if (!config.base_url) {
    throw new AppError('CONFIG_INVALID', 'understanding.llm_classifier.base_url is required when provider is openai-compatible');
  }
  const compatible = createOpenAICompatible({
    name: 'openai-compatible',
    baseURL: config.base_url,
    ...(apiKey === undefined ? {} : { apiKey }),
    // Send the JSON schema (response_format json_schema), not just "some JSON".
    supportsStructuredOutputs: true,
    ...fetchOption,
  });
  return compatible.chatModel(config.model);
}

function readApiKey(config: LlmEndpointConfig, env: Environment): string | undefined {
  const variable = apiKeyVariable(config);
  if (variable === undefined) return undefined;
  const value = env[variable]?.trim();
  if (!value) {
    throw new AppError(
      'SETTINGS_INVALID',
      `${variable} is not set: understanding.llm_classifier (provider ${config.provider}, model ${config.model}) reads its API key from it`,
      { details: { variable } },
    );
  }
  return value;
}
