/**
 * Tier 1: what does the customer want? Reply-button and list payloads first, then small
 * talk (no model), then the business's keyword rules, then the classifier. Below the
 * classifier's threshold the turn is `out_of_scope` with the most likely candidates, so
 * the responder can ask.
 */
import type { BusinessConfig } from '../../config/business-schema.ts';
import { INTENT_PAYLOAD_PREFIX, OUT_OF_SCOPE, SMALL_TALK_INTENT, type IntentCandidate, type TurnInput, type Understanding } from '../../core/turn.ts';
import { OOS_LABEL } from '../../text/classifier/types.ts';
import { detectLanguage } from '../../text/detect-language.ts';
import type { IntentClassifier } from './intent-classifier.ts';
import type { KeywordHit, KeywordRules } from './keyword-rules.ts';
import { detectSmallTalk, type SmallTalkKind } from '../../text/small-talk.ts';

/** Small talk that is answered without a model; yes/no depend on the question asked, so they go on to the classifier. */
const ANSWERED_SMALL_TALK: ReadonlySet<SmallTalkKind> = new Set(['greeting', 'thanks', 'goodbye', 'ack', 'laugh', 'emoji']);
/** Candidates below this are not offered in a clarifying question. */
const CANDIDATE_MIN = 0.2;
const KEYWORD_CONFIDENCE = 0.9;

export interface UnderstandDeps {
  config: BusinessConfig;
  keywords: KeywordRules;
  classifier: IntentClassifier;
}

export function understand(input: TurnInput, deps: UnderstandDeps): Understanding {
  const fromPayload = understandPayload(input, deps.config);
  if (fromPayload) return fromPayload;
  const hits = deps.keywords.match(input.text);
  const language = chooseLanguage(input, hits, deps.config);
  const smallTalk = understandSmallTalk(input.text, deps.config);
  if (smallTalk) return { ...smallTalk, language };
  const scores = deps.classifier.classify(input.text);
  // The message is more than small talk ("ciao, il gel si è già rovinato"): a greeting's or a
  // thanks' keyword says nothing about what it asks.
  const smallTalkIntents = smallTalkIntentIds(deps.config);
  const byKeyword = decideByKeywords(hits.filter((hit) => !smallTalkIntents.has(hit.intent)), scores);
  if (byKeyword) return { ...byKeyword, language };
  return { ...decideByClassifier(scores, deps.classifier.threshold), language };
}

/** A whole message of greetings, thanks, "ok" or emoji: the business's mapped intent, or plain small talk. */
function understandSmallTalk(text: string, config: BusinessConfig): Omit<Understanding, 'language'> | undefined {
  const found = detectSmallTalk(text);
  if (!found || !ANSWERED_SMALL_TALK.has(found.kind)) return undefined;
  const mapped = config.small_talk[found.kind as keyof BusinessConfig['small_talk']];
  const intent = mapped ?? (found.kind in config.intents ? found.kind : SMALL_TALK_INTENT);
  return { intent, confidence: 1, source: 'small_talk', candidates: [{ intent, score: 1 }], smallTalk: { kind: found.kind, emoji: found.emoji } };
}

/** Intents that answer small talk: those `small_talk` maps to, and those named after a small-talk kind (`greeting`, `thanks`). */
function smallTalkIntentIds(config: BusinessConfig): Set<string> {
  const mapped = Object.values(config.small_talk).filter((id): id is string => id !== undefined);
  return new Set([...mapped, ...[...ANSWERED_SMALL_TALK].filter((kind) => kind in config.intents)]);
}

function understandPayload(input: TurnInput, config: BusinessConfig): Understanding | undefined {
  const id = input.payload?.id;
  if (!id?.startsWith(INTENT_PAYLOAD_PREFIX)) return undefined;
  const intent = id.slice(INTENT_PAYLOAD_PREFIX.length);
  if (!(intent in config.intents)) return undefined;
  return {
    intent,
    confidence: 1,
    source: input.payload?.kind === 'list' ? 'list' : 'button',
    language: input.previousLanguage ?? config.profile.default_language,
    candidates: [{ intent, score: 1 }],
  };
}

function chooseLanguage(input: TurnInput, hits: KeywordHit[], config: BusinessConfig): string {
  const { languages, default_language } = config.profile;
  const detected = detectLanguage(input.text, languages);
  if (detected) return detected;
  const hitLanguages = new Set(hits.map((h) => h.language));
  if (hitLanguages.size === 1) return [...hitLanguages][0] ?? default_language;
  return input.previousLanguage ?? default_language;
}

/** The intent with the most keyword hits wins; a tie is broken by the classifier, or left to a question. */
function decideByKeywords(hits: KeywordHit[], scores: IntentCandidate[]): Omit<Understanding, 'language'> | undefined {
  if (hits.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit.intent, (counts.get(hit.intent) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const tied = [...counts.entries()].filter(([, n]) => n === top).map(([intent]) => intent);
  const scoreOf = (intent: string) => scores.find((s) => s.intent === intent)?.score ?? 0;
  const ranked = tied.map((intent) => ({ intent, score: scoreOf(intent) })).sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (!first) return undefined;
  const candidates = mergeCandidates(ranked.map((c) => ({ intent: c.intent, score: KEYWORD_CONFIDENCE })), scores);
  if (second && first.score === second.score) {
    return { intent: OUT_OF_SCOPE, confidence: 0.5, source: 'keyword', candidates };
  }
  return { intent: first.intent, confidence: KEYWORD_CONFIDENCE, source: 'keyword', candidates };
}

function decideByClassifier(scores: IntentCandidate[], threshold: number): Omit<Understanding, 'language'> {
  const [first] = scores;
  const candidates = scores.filter((s) => s.intent !== OOS_LABEL && s.score >= CANDIDATE_MIN).slice(0, 3);
  if (first && first.intent !== OOS_LABEL && first.score >= threshold) {
    return { intent: first.intent, confidence: first.score, source: 'classifier', candidates };
  }
  return { intent: OUT_OF_SCOPE, confidence: first?.score ?? 0, source: candidates.length > 0 ? 'classifier' : 'none', candidates };
}

function mergeCandidates(primary: IntentCandidate[], rest: IntentCandidate[]): IntentCandidate[] {
  const seen = new Set(primary.map((c) => c.intent));
  return [...primary, ...rest.filter((c) => c.intent !== OOS_LABEL && c.score >= CANDIDATE_MIN && !seen.has(c.intent))].slice(0, 3);
}
