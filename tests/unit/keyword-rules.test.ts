import assert from 'node:assert/strict';
import { it } from 'node:test';
import { businessSchema } from '../../src/config/business-schema.ts';
import { compileKeywordRules } from '../../src/pipeline/understand/keyword-rules.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

it('a keyword listed under several languages is one hit, so it cannot outvote another intent', () => {
  const demo = demoBusiness();
  const prices = demo.intents.prices;
  assert.ok(prices);
  const config = businessSchema.parse({ ...demo, intents: { ...demo.intents, prices: { ...prices, keywords: { it: ['pin'], en: ['pin'] } } } });
  const hits = compileKeywordRules(config).match('il PIN per favore').filter((h) => h.intent === 'prices');
  assert.equal(hits.length, 1);
});
