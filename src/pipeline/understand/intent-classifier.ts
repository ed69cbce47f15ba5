/**
 * The classifier seam of tier 1: the business's trained intent model (business-model.ts)
 * or, when a business has too few examples to train one, a nearest-example matcher over
 * the intents' examples (token overlap with light stemming).
 */
import type { BusinessConfig } from '../../config/business-schema.ts';
import type { IntentCandidate } from '../../core/turn.ts';
import type { IntentModel } from '../../text/classifier/types.ts';
import { tokenize } from '../../text/normalize-text.ts';

export interface IntentClassifier {
  /** Candidates sorted best first, scores in 0..1; `oos` is the out-of-scope class when the model has one. */
  classify(text: string): IntentCandidate[];
  /** The top candidate is accepted when its score reaches this; below, the customer is asked. */
  readonly threshold: number;
}

/** The trained model behind the seam, with the threshold chosen for the business's precision target. */
export function modelClassifier(model: IntentModel, threshold: number): IntentClassifier {
  return { threshold, classify: (text) => model.predict(text).map((p) => ({ intent: p.label, score: p.score })) };
}

/** Nearest-example matcher: used when there are too few examples to train a model. */
const EXAMPLE_MATCH_THRESHOLD = 0.6;

const STEM_LENGTH = 5;
const STOP_WORDS = new Set([
  'il', 'lo', 'la', 'le', 'gli', 'un', 'una', 'di', 'da', 'per', 'con', 'che', 'mi', 'ti', 'ci', 'si', 'e', 'a', 'in', 'al', 'del', 'io',
  'the', 'a', 'an', 'is', 'are', 'you', 'i', 'my', 'me', 'to', 'for', 'of', 'and', 'do', 'can', 'on', 'at', 'it',
  'der', 'die', 'das', 'ein', 'eine', 'ich', 'und', 'zu', 'es',
]);

function stems(text: string): Set<string> {
  return new Set(tokenize(text).filter((t) => !STOP_WORDS.has(t)).map((t) => t.slice(0, STEM_LENGTH)));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function createExampleMatcher(config: BusinessConfig): IntentClassifier {
  const examples = Object.entries(config.intents).flatMap(([intent, def]) =>
    Object.values(def.examples).flatMap((list) => list.map((text) => ({ intent, stems: stems(text) }))),
  );
  return {
    threshold: EXAMPLE_MATCH_THRESHOLD,
    classify(text) {
      const input = stems(text);
      const best = new Map<string, number>();
      for (const example of examples) {
        const score = dice(input, example.stems);
        if (score > (best.get(example.intent) ?? 0)) best.set(example.intent, score);
      }
      return [...best.entries()].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
    },
  };
}
