/**
 * Ours: tier 1's trained intent classifier (src/pipeline/understand/classifier), trained
 * on every example of the set and asked one message at a time. The top prediction is the
 * label and its calibrated probability the score.
 */
import { existsSync } from 'node:fs';
import type * as IntentModelModule from '../../src/text/classifier/intent-model.ts';
import type { IntentModel } from '../../src/text/classifier/types.ts';
import type { Row } from './datasets.ts';
import type { InProcessClassifier, TopLabel } from './in-process.ts';

export const INTENT_MODEL_URL = new URL('../../src/text/classifier/intent-model.ts', import.meta.url);

export function oursUnavailable(): string | null {
  return existsSync(INTENT_MODEL_URL) ? null : 'not available yet (src/text/classifier/intent-model.ts does not exist)';
}

export async function createOurs(): Promise<InProcessClassifier> {
  // Imported by URL at run time, so the harness still runs (without ours) when the file is absent.
  const loaded = (await import(INTENT_MODEL_URL.href)) as Partial<typeof IntentModelModule>;
  const { trainIntentModel, modelBytes } = loaded;
  if (typeof trainIntentModel !== 'function') throw new Error('intent-model.ts does not export trainIntentModel');
  let model: IntentModel | null = null;
  return {
    settings: { entry: 'trainIntentModel(examples, { seed }) from src/text/classifier/intent-model.ts', prediction: 'predict(text)[0]', score: 'predict(text)[0].score (calibrated probability)' },
    async train(rows: readonly Row[], seed: number): Promise<void> {
      let lastPhase = '';
      model = await trainIntentModel(
        rows.map((row) => ({ text: row.text, label: row.label })),
        {
          seed,
          onProgress: (progress) => {
            if (progress.phase !== lastPhase) {
              lastPhase = progress.phase;
              process.stderr.write(`    ours: ${progress.phase}\n`);
            }
          },
        },
      );
    },
    classify(text: string): TopLabel {
      if (model === null) throw new Error('not trained');
      const top = model.predict(text)[0];
      return top ? { label: top.label, score: top.score } : { label: '', score: 0 };
    },
    extra(): Record<string, unknown> {
      if (model === null) return {};
      return {
        labels: model.labels.length,
        ...(typeof modelBytes === 'function' ? { model_typed_arrays_mb: modelBytes(model) / 2 ** 20 } : {}),
        model_mb: Buffer.byteLength(JSON.stringify(model.toJSON())) / 2 ** 20,
      };
    },
  };
}
