/**
 * NLP.js peer: node-nlp 4.27.0's NlpManager for English, one addDocument per training
 * example, one process() per message. The top classification is the prediction (its
 * score the top score); NLP.js's own "None" (no intent) counts as out of scope. Its
 * built-in 0.5 threshold is not applied to the accuracy numbers (no other system gets a
 * threshold there); what that threshold would give is recorded under `extra`.
 * Sentiment analysis is switched off: only intent classification is compared.
 */
import { createRequire } from 'node:module';
import { OOS, type Row } from './datasets.ts';
import type { InProcessClassifier, TopLabel } from './in-process.ts';
import { inScopeAccuracy } from './metrics.ts';

interface NlpResult {
  intent: string;
  score: number;
  classifications?: { intent: string; score: number }[];
}

interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): unknown;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<NlpResult>;
  export(minified?: boolean): string;
}

type NlpManagerClass = new (settings: Record<string, unknown>) => NlpManagerLike;

const NONE = 'None';
export const NLPJS_SETTINGS = { languages: ['en'], nlu: { log: false }, autoSave: false, autoLoad: false, calculateSentiment: false };

export function createNlpjs(): InProcessClassifier {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as { NlpManager: NlpManagerClass };
  const manager = new NlpManager(structuredClone(NLPJS_SETTINGS));
  const ownIntents: string[] = [];
  return {
    settings: { library: 'node-nlp 4.27.0 NlpManager', constructor: NLPJS_SETTINGS, prediction: 'classifications[0] (None → oos)', score: 'classifications[0].score' },
    async train(rows: readonly Row[]): Promise<void> {
      for (const row of rows) manager.addDocument('en', row.text, row.label);
      await manager.train();
    },
    async classify(text: string): Promise<TopLabel> {
      const result = await manager.process('en', text);
      ownIntents.push(result.intent === NONE ? OOS : result.intent);
      const top = result.classifications?.[0] ?? { intent: result.intent, score: result.score };
      return { label: top.intent === NONE ? OOS : top.intent, score: top.score };
    },
    extra(test: readonly Row[]): Record<string, unknown> {
      // ownIntents holds the warm-up messages first; the last test.length are the test.
      const own = ownIntents.slice(ownIntents.length - test.length);
      return {
        in_scope_accuracy_with_own_0_5_threshold: inScopeAccuracy(test.map((row) => row.label), own),
        model_mb: Buffer.byteLength(manager.export(true)) / 2 ** 20,
      };
    },
  };
}
