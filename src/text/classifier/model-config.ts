/**
 * The settings of the intent model, with the values chosen by `bench/nlu-ours.ts`
 * (docs/decisions/0006-intent-classifier.md). Kept in the model's JSON, so a cached model
 * is read back with the settings it was trained with.
 */
import type { SoftmaxConfig } from './softmax-regression.ts';
import type { VectorizerConfig } from './tfidf-vectorizer.ts';

export interface ModelConfig {
  vectorizer: VectorizerConfig;
  training: Omit<SoftmaxConfig, 'seed'>;
  /** Small data sets get more epochs: at least this many SGD updates in all (up to `maxEpochs`). */
  minUpdates: number;
  maxEpochs: number;
  /** How much an unseen share of the text lowers the confidence (logit units per unit of share). */
  novelty: number;
  /** Added to the in-scope log-odds (a prior against `oos` as the top label). */
  inScopeBias: number;
  /** Weight of the best intent's lead over the runner-up in the in-scope log-odds (gap confidence; confidence.ts). Absent in older models = 0. */
  margin?: number;
  /** Data sets of at most `bagBelow` examples train `bags` models (seeds differ) and average them. */
  bags: number;
  bagBelow: number;
  /** Weight of the nearest-centroid scores folded into the model (centroids.ts); 0 = off. */
  centroidWeight: number;
  /** One softmax per feature block, scores added (block-training.ts). */
  separateBlocks: boolean;
  /** product: P(in scope) × softmax among intents; gap: the best intent gets P(in scope). */
  confidence: 'product' | 'gap';
  /** Share of the weights kept after training (the largest in magnitude). */
  keepWeights: number;
}

export const DEFAULT_MODEL_CONFIG: ModelConfig = {
  vectorizer: { wordNgrams: 2, charMin: 2, charMax: 4, sublinearTf: true, minDf: 1, wordWeight: 1, charWeight: 1 },
  training: { epochs: 40, learningRate: 2, l2: 0, skipBelow: 1e-4, loss: 'softmax', dropout: 0.5, optimizer: 'sgd' },
  minUpdates: 20_000,
  maxEpochs: 200,
  novelty: 10,
  keepWeights: 0.15,
  inScopeBias: 2,
  margin: 1,
  confidence: 'gap',
  separateBlocks: false,
  centroidWeight: 0,
  bags: 1,
  bagBelow: 0,
};

/** A copy of the default settings with some of them replaced (for experiments). */
export function withOverrides(overrides: { vectorizer?: Partial<VectorizerConfig>; training?: Partial<ModelConfig['training']>; minUpdates?: number; maxEpochs?: number; novelty?: number; keepWeights?: number; inScopeBias?: number; margin?: number; confidence?: 'product' | 'gap'; separateBlocks?: boolean; centroidWeight?: number; bags?: number; bagBelow?: number } = {}): ModelConfig {
  return {
    ...DEFAULT_MODEL_CONFIG,
    ...overrides,
    vectorizer: { ...DEFAULT_MODEL_CONFIG.vectorizer, ...overrides.vectorizer },
    training: { ...DEFAULT_MODEL_CONFIG.training, ...overrides.training },
  };
}

export function epochsFor(config: ModelConfig, examples: number): number {
  const wanted = Math.ceil(config.minUpdates / Math.max(1, examples));
  return Math.min(config.maxEpochs, Math.max(config.training.epochs, wanted));
}
