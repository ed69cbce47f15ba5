/**
 * The golden rule, as code: which route an intent takes when its config names no route but
 * describes the intent instead (frequency, value, risk, complexity, latency). Frequent and
 * low-risk → approved texts, the knowledge base and the economy model; demanding and worth
 * it → premium; high risk → only approved text or a person. Everything still passes the
 * guard rails. Pure: the config schema calls it once per intent at load time.
 */

export const MODEL_FREE_ROUTES = ['approved_text', 'knowledge', 'secure_flow', 'human'] as const;
export const MODEL_ROUTES = ['economy', 'premium'] as const;
export type IntentRoute = (typeof MODEL_FREE_ROUTES)[number] | (typeof MODEL_ROUTES)[number];

export type Level = 'low' | 'medium' | 'high';

export interface IntentTraits {
  /** How often customers ask it: frequent intents should be cheap. */
  frequency: Level;
  /** What a good answer is worth to the business (a sale, a kept customer). */
  value: Level;
  /** What a wrong answer costs (money, trust, the law). */
  risk: Level;
  /** How much reasoning or how many steps a good answer needs. */
  complexity: Level;
  /** How fast the answer must come. */
  latency: 'fast' | 'normal' | 'relaxed';
}

export const DEFAULT_TRAITS: IntentTraits = { frequency: 'medium', value: 'low', risk: 'low', complexity: 'low', latency: 'normal' };

export interface PlannedRoute {
  route: IntentRoute;
  /** Shown in the developer view and the turn record. */
  because: string;
}

export function isModelRoute(route: string): route is (typeof MODEL_ROUTES)[number] {
  return (MODEL_ROUTES as readonly string[]).includes(route);
}

/** The route of an intent: the one its config names, else the rule over its traits. */
export function planRoute(intent: { route?: IntentRoute | undefined; traits?: Partial<IntentTraits> | undefined; answer?: unknown; locked?: boolean }): PlannedRoute {
  if (intent.route !== undefined) return { route: intent.route, because: 'route set in the config' };
  if (intent.locked) return intent.answer === undefined ? { route: 'human', because: 'locked topic with no approved text: a person' } : { route: 'approved_text', because: 'locked topic: approved text only' };
  return ruleRoute({ ...DEFAULT_TRAITS, ...intent.traits }, intent.answer !== undefined);
}

function ruleRoute(t: IntentTraits, hasAnswer: boolean): PlannedRoute {
  if (t.risk === 'high') {
    return hasAnswer ? { route: 'approved_text', because: 'high risk: approved text only' } : { route: 'human', because: 'high risk and no approved text: a person' };
  }
  const demanding = t.complexity === 'high' || t.value === 'high';
  if (!demanding && t.complexity === 'low') {
    return hasAnswer ? { route: 'approved_text', because: 'simple, with an approved text' } : { route: 'knowledge', because: 'simple, no approved text: the knowledge base' };
  }
  if (demanding && t.frequency !== 'high' && t.latency !== 'fast') return { route: 'premium', because: 'demanding and not frequent: the premium model' };
  return { route: 'economy', because: demanding ? 'demanding but frequent or urgent: the economy model' : 'medium complexity: the economy model' };
}
