/**
 * The abuse and distress rail of tier 2: `detectAbuse(text)` finds insults aimed at the
 * staff or the assistant, threats of violence, and signals of self-harm, in Italian,
 * German and English, on a normalised form of the text that undoes WhatsApp spellings and
 * censoring ("c*glione", "f@ck", "stronzoooo"). Lexicon and phrase rules: fast (a few µs)
 * and explainable (the spans point at the words).
 *
 * Self-harm outranks a threat, a threat an insult: the most urgent kind is reported.
 * Complaints are not abuse: frustration ("che schifo di servizio", "this is ridiculous",
 * "unmöglich!"), swearing at things ("servizio di merda") and legal threats ("vi
 * denuncio", "I'll sue you") give no finding.
 */
import type { AbuseFinding, AbuseKind } from '../guard-types.ts';
import { runRules, type InjectionRule } from '../injection/rule-engine.ts';
import { prepareAbuseText } from './abuse-text.ts';
import { INSULT_RULES } from './insult-rules.ts';
import { SELF_HARM_RULES, THREAT_RULES } from './threat-rules.ts';

const BY_URGENCY: readonly [AbuseKind, readonly InjectionRule[]][] = [
  ['self_harm', SELF_HARM_RULES],
  ['threat', THREAT_RULES],
  ['insult', INSULT_RULES],
];

export function detectAbuse(text: string): AbuseFinding | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const prepared = prepareAbuseText(text);
  for (const [kind, rules] of BY_URGENCY) {
    const hits = runRules(rules, prepared);
    const first = hits[0];
    if (first) return { kind, rule: first.rule, spans: hits.map((h) => ({ ...h.span, type: kind })) };
  }
  return undefined;
}
