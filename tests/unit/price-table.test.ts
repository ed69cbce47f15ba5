/**
 * The built-in LLM price table: a copy of the shared table's `llm` rows, looked up by the
 * ids providers really use (dated, prefixed, Anthropic's dashes).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import shipped from '../../src/llm/default-prices.json' with { type: 'json' };
import { defaultPrice, PRICE_ROWS, PRICE_TABLE_SOURCE } from '../../src/llm/price-table.ts';

const SHARED = new URL('../../../shared/pricing/prices.json', import.meta.url);

describe('built-in LLM price table', () => {
  it('equals the llm rows (and note) of ../shared/pricing/prices.json', (t) => {
    if (!existsSync(SHARED)) {
      t.skip(`${SHARED.pathname} is not here (a checkout without the shared folder): nothing to compare`);
      return;
    }
    const shared = JSON.parse(readFileSync(SHARED, 'utf8')) as { about: string; llm: unknown[] };
    assert.deepEqual(shipped.llm, shared.llm, 'src/llm/default-prices.json is out of date: copy the llm rows of the shared table');
    assert.equal(shipped.about, shared.about);
  });

  it('keeps the source note and every row', () => {
    assert.match(PRICE_TABLE_SOURCE, /USD per 1,000,000 tokens/);
    assert.equal(PRICE_ROWS.length, shipped.llm.length);
  });

  it('exact ids', () => {
    assert.deepEqual(defaultPrice('gpt-4.1-mini'), { input: 0.4, output: 1.6, cached_input: 0.1 });
    assert.deepEqual(defaultPrice('claude-sonnet-4.5'), { input: 3, output: 15, cached_input: 0.3 });
    assert.deepEqual(defaultPrice('gemini-2.5-flash'), { input: 0.3, output: 2.5, cached_input: 0.03 });
    assert.deepEqual(defaultPrice('GPT-4o-mini'), { input: 0.15, output: 0.6, cached_input: 0.075 });
  });

  it('dated ids, Anthropic spellings, prefixes and -latest', () => {
    assert.deepEqual(defaultPrice('gpt-4.1-mini-2025-04-14'), defaultPrice('gpt-4.1-mini'));
    assert.deepEqual(defaultPrice('gpt-4o-2024-08-06'), defaultPrice('gpt-4o'));
    assert.deepEqual(defaultPrice('claude-sonnet-4-5-20250929'), defaultPrice('claude-sonnet-4.5'));
    assert.deepEqual(defaultPrice('claude-sonnet-4-5'), defaultPrice('claude-sonnet-4.5'));
    assert.deepEqual(defaultPrice('claude-haiku-4-5@20251001'), defaultPrice('claude-haiku-4.5'));
    assert.deepEqual(defaultPrice('claude-sonnet-4-20250514'), defaultPrice('claude-sonnet-4'));
    assert.deepEqual(defaultPrice('claude-3-5-haiku-20241022'), defaultPrice('claude-haiku-3.5'));
    assert.deepEqual(defaultPrice('models/gemini-2.5-pro'), defaultPrice('gemini-2.5-pro'));
    assert.deepEqual(defaultPrice('openai/gpt-5-mini'), defaultPrice('gpt-5-mini'));
    assert.deepEqual(defaultPrice('mistral-small-latest'), { input: 0.06, output: 0.18 });
  });

  it('unknown models, and no guessing by prefix', () => {
    assert.equal(defaultPrice('llama3.2'), undefined);
    assert.equal(defaultPrice('gpt-4.1-mini-fast'), undefined);
    assert.equal(defaultPrice('gpt-4'), undefined);
    assert.equal(defaultPrice(''), undefined);
  });
});
