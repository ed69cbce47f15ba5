/**
 * The `llm:` section of the business YAML: defaults, prices from the built-in table, and
 * every cross-field problem reported with the path that is wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { llmConfigSchema } from '../../src/config/llm-schema.ts';

function issues(input: unknown): string[] {
  const result = llmConfigSchema.safeParse(input);
  assert.equal(result.success, false, 'expected the config to be rejected');
  return result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
}

const mini = { provider: 'openai', model: 'gpt-4.1-mini' };
const sonnet = { provider: 'anthropic', model: 'claude-sonnet-4-5-20250929' };

describe('llm config schema', () => {
  it('fills the defaults and the prices of the built-in table', () => {
    const llm = llmConfigSchema.parse({ models: { economy: mini, premium: { ...sonnet, fallback: ['economy'] } }, economy: 'economy', premium: 'premium' });
    assert.deepEqual(llm.models.economy, {
      ...mini,
      price_per_million: { input: 0.4, output: 1.6, cached_input: 0.1 },
      timeout_ms: 20_000,
      retries: 1,
      fallback: [],
      max_output_tokens: 500,
    });
    assert.deepEqual(llm.models.premium?.price_per_million, { input: 3, output: 15, cached_input: 0.3 });
    assert.deepEqual(llm.models.premium?.fallback, ['economy']);
    assert.equal(llm.budgets, undefined);
  });

  it('configured prices win over the table', () => {
    const llm = llmConfigSchema.parse({ models: { cheap: { ...mini, price_per_million: { input: 0.3, output: 1.2 } } } });
    assert.deepEqual(llm.models.cheap?.price_per_million, { input: 0.3, output: 1.2 });
  });

  it('a model the table does not know needs its prices, named by path', () => {
    const local = { provider: 'openai-compatible', model: 'llama3.2', base_url: 'http://localhost:11434/v1' };
    assert.deepEqual(issues({ models: { local } }), [
      'models.local.price_per_million: is required: the built-in price table does not know the model "llama3.2" (give input and output, in USD per million tokens; 0 for a local model)',
    ]);
    const priced = llmConfigSchema.parse({ models: { local: { ...local, price_per_million: { input: 0, output: 0 } } } });
    assert.deepEqual(priced.models.local?.price_per_million, { input: 0, output: 0 });
  });

  it('openai-compatible needs base_url', () => {
    assert.deepEqual(issues({ models: { router: { provider: 'openai-compatible', model: 'openai/gpt-4.1-mini' } } }), [
      'models.router.base_url: is required when provider is openai-compatible',
    ]);
  });

  it('fallbacks: unknown names, the model itself, repeats', () => {
    const found = issues({ models: { a: { ...mini, fallback: ['a', 'nope', 'b', 'b'] }, b: mini } });
    assert.deepEqual(found, [
      'models.a.fallback.0: is "a" itself: a model cannot be its own fallback',
      'models.a.fallback.1: names the model "nope", which is not in llm.models',
      'models.a.fallback.3: names "b" twice',
    ]);
  });

  it('fallbacks: a cycle through two or more models', () => {
    const found = issues({ models: { a: { ...mini, fallback: ['b'] }, b: { ...mini, fallback: ['c'] }, c: { ...sonnet, fallback: ['a'] } } });
    assert.deepEqual(found, ['models.a.fallback: form a cycle: a → b → c → a']);
  });

  it('economy and premium must name a configured model', () => {
    assert.deepEqual(issues({ models: { fast: mini }, economy: 'fast', premium: 'smart' }), [
      'premium: names the model "smart", which is not in llm.models (fast)',
    ]);
  });

  it('rejects unknown keys, an unknown provider, no models, limits out of range', () => {
    assert.ok(issues({ models: { a: { ...mini, temperature: 0.2 } } }).some((i) => i.startsWith('models.a: Unrecognized key')));
    assert.ok(issues({ models: { a: { provider: 'mistral', model: 'mistral-small' } } }).some((i) => i.startsWith('models.a.provider:')));
    assert.deepEqual(issues({ models: {} }), ['models: must name at least one model']);
    assert.ok(issues({ models: { a: { ...mini, retries: 6 } } }).some((i) => i.startsWith('models.a.retries:')));
    assert.ok(issues({ models: { a: mini }, budgets: { per_day_usd: 0 } }).some((i) => i.startsWith('budgets.per_day_usd:')));
    assert.ok(issues({ models: { 'bad name': mini } }).some((i) => i.startsWith('models.bad name:') || i.startsWith('models:')));
  });

  it('budgets are kept as given', () => {
    const llm = llmConfigSchema.parse({ models: { a: mini }, budgets: { per_conversation_usd: 0.1, per_day_usd: 25 } });
    assert.deepEqual(llm.budgets, { per_conversation_usd: 0.1, per_day_usd: 25 });
  });
});
