/**
 * All the hand-written injection rules, run together: on the prepared text (override,
 * extraction, persona, jailbreak, notes to the AI), on the raw text (chat-template markup)
 * and on any base64 in the message, decoded. Returns every hit, strongest family first.
 */
import { ADDRESSED_RULES, decodedRuns, markupHits } from './embedded-rules.ts';
import { EXTRACTION_RULES } from './extraction-rules.ts';
import { prepareText, type PreparedText } from './injection-text.ts';
import { JAILBREAK_RULES, rawJailbreakHits } from './jailbreak-rules.ts';
import { OVERRIDE_RULES } from './override-rules.ts';
import { newIdentityHit, PERSONA_RULES } from './persona-rules.ts';
import { PARAPHRASE_RULES } from './paraphrase-rules.ts';
import { dictatedReplyHit, namedPersonaHit, quotedOrderHit, INDIRECT_ATTACK_RULES } from './indirect-attack-rules.ts';
import { runRules, type InjectionRule, type RuleHit } from './rule-engine.ts';

export const INJECTION_RULES: readonly InjectionRule[] = [...OVERRIDE_RULES, ...EXTRACTION_RULES, ...PERSONA_RULES, ...JAILBREAK_RULES, ...ADDRESSED_RULES, ...PARAPHRASE_RULES, ...INDIRECT_ATTACK_RULES];

/** Words that, spelled out letter by letter ("S a y t h a t …"), only an attack would contain. */
const SPELLED_TRIGGER = /ignor|instruc|istruz|anweis|prompt|forget|dimentic|vergiss|saythat|sayyou|youhate|pretend|jailbreak|developer|sviluppator|entwickler|password|system/;

/** A word written letter by letter ("i.g.n.o.r.e", or a whole sentence joined into one long word) with an attack's word in it. */
function spelledHits(prepared: PreparedText, hits: RuleHit[]): void {
  for (const m of prepared.text.matchAll(/[a-z]{5,}/g)) {
    const start = prepared.starts[m.index] ?? 0;
    const end = prepared.ends[m.index] ?? 0;
    // only words written with gaps between the letters (end − start well above the length)
    if (end - start >= 2 * m[0].length - 1 && SPELLED_TRIGGER.test(m[0])) {
      hits.push({ rule: 'obfuscated_instruction', span: { start, end, type: 'obfuscated_instruction' } });
      return;
    }
  }
}

/** The rules that fire on one message (empty when none does). */
export function injectionRuleHits(text: string, prepared: PreparedText = prepareText(text)): RuleHit[] {
  const hits = runRules(INJECTION_RULES, prepared);
  markupHits(text, hits);
  rawJailbreakHits(text, hits);
  const identity = newIdentityHit(text);
  if (identity) hits.push(identity);
  const named = namedPersonaHit(text);
  if (named) hits.push(named);
  const quoted = quotedOrderHit(text);
  if (quoted) hits.push(quoted);
  const dictated = dictatedReplyHit(text);
  if (dictated) hits.push(dictated);
  spelledHits(prepared, hits);
  for (const run of decodedRuns(text)) {
    if (runRules(INJECTION_RULES, prepareText(run.text)).length > 0) hits.push({ rule: 'encoded_instruction', span: run.span });
  }
  return hits;
}
