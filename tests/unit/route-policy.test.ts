/**
 * The golden rule: an intent's route from its traits when the config names none, with the
 * reason recorded; a route set in the config always wins; a locked intent never gets a model.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { businessSchema } from '../../src/config/business-schema.ts';
import { planRoute } from '../../src/llm/route-policy.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

const answer = { it: 'Testo approvato.' };

describe('the golden rule', () => {
  const cases: Array<[string, Parameters<typeof planRoute>[0], string, RegExp]> = [
    ['route set in the config wins', { route: 'premium', traits: { risk: 'high' } }, 'premium', /set in the config/],
    ['high risk with an answer → approved text', { traits: { risk: 'high', complexity: 'high', value: 'high' }, answer }, 'approved_text', /high risk/],
    ['high risk without an answer → a person', { traits: { risk: 'high' } }, 'human', /a person/],
    ['simple with an answer → approved text', { traits: { complexity: 'low' }, answer }, 'approved_text', /simple/],
    ['simple without an answer → knowledge', { traits: { complexity: 'low' } }, 'knowledge', /knowledge/],
    ['no traits, an answer → approved text', { answer }, 'approved_text', /simple/],
    ['demanding, not frequent, not urgent → premium', { traits: { complexity: 'high', frequency: 'low' } }, 'premium', /demanding and not frequent/],
    ['high value alone → premium', { traits: { value: 'high' } }, 'premium', /premium/],
    ['demanding but frequent → economy', { traits: { complexity: 'high', frequency: 'high' } }, 'economy', /frequent or urgent/],
    ['demanding but urgent → economy', { traits: { value: 'high', latency: 'fast' } }, 'economy', /frequent or urgent/],
    ['medium complexity → economy', { traits: { complexity: 'medium' } }, 'economy', /medium complexity/],
    ['locked without a route → approved text', { traits: { complexity: 'high', value: 'high' }, answer, locked: true }, 'approved_text', /locked/],
  ];
  for (const [name, intent, route, because] of cases) {
    it(name, () => {
      const planned = planRoute(intent);
      assert.equal(planned.route, route);
      assert.match(planned.because, because);
    });
  }

  it('the parsed config carries the route and its reason, and parses again unchanged', () => {
    const base = demoBusiness();
    const config = businessSchema.parse({ ...base, intents: { ...base.intents, advice: { description: 'Advice.', title: { it: 'Consigli', en: 'Advice' }, traits: { complexity: 'high', frequency: 'low' }, answer: { it: 'Ti passo a una persona.', en: 'A person will reply.' } } } });
    assert.equal(config.intents.advice?.route, 'premium');
    assert.match(config.intents.advice?.route_because ?? '', /demanding/);
    assert.deepEqual(businessSchema.parse(config).intents.advice, config.intents.advice);
  });

  it('cascade and tools belong to model routes: a clear config error otherwise', () => {
    const base = demoBusiness();
    const bad = businessSchema.safeParse({ ...base, intents: { ...base.intents, prices: { ...base.intents.prices, cascade: true, tools: ['catalog_search'] } } });
    assert.equal(bad.success, false);
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') ?? '';
    assert.match(messages, /intents\.prices\.cascade: applies to the economy route only/);
    assert.match(messages, /intents\.prices\.tools: are offered to a model/);
  });
});
