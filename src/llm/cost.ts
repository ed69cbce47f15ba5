/**
 * What a model call cost, in USD, from its token usage and the configured prices
 * (USD per million tokens). Cached input tokens are part of the input tokens (as the
 * providers and the AI SDK count them) and are billed at the cached price when there is one.
 */

export interface PricePerMillion {
  input: number;
  output: number;
  /** Price of cached input tokens; the input price when absent. */
  cached_input?: number;
}

export interface TokenUsage {
  /** All input tokens, cached ones included. */
  inputTokens: number;
  outputTokens: number;
  /** The part of `inputTokens` read from the provider's prompt cache. */
  cachedInputTokens: number;
}

const MILLION = 1_000_000;

export function costUsd(usage: TokenUsage, prices: PricePerMillion): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const uncached = usage.inputTokens - cached;
  const cachedPrice = prices.cached_input ?? prices.input;
  return (uncached * prices.input + cached * cachedPrice + usage.outputTokens * prices.output) / MILLION;
}
