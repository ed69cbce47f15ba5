/**
 * Token counts estimated from text, shared by the budgets' worst cases, the all-premium
 * baseline and the estimating model of `centralino simulate`: about four characters a token
 * for Latin-script languages (OpenAI's rule of thumb; within about 15 % of real tokenizers on
 * it/de/en chat text), plus a small overhead per message and per offered tool's schema.
 */
export const CHARS_PER_TOKEN = 4;
export const MESSAGE_OVERHEAD_TOKENS = 8;
export const TOOL_SCHEMA_TOKENS = 80;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
