/**
 * The product's own intent classifier (issue 3): hashed word and character n-grams →
 * TF-IDF → multinomial logistic regression trained by SGD, with an out-of-scope stage
 * (see confidence.ts). Everything is typed arrays; a prediction allocates only its result.
 * Method and numbers: docs/decisions/0006-intent-classifier.md.
 */
import { scoresToProbabilities } from './confidence.ts';
import type { HashIndex } from './hash-index.ts';
import { DEFAULT_MODEL_CONFIG, epochsFor, type ModelConfig } from './model-config.ts';
import { modelToJson, parseModelJson, type ModelParts } from './model-json.ts';
import { trainByBlocks } from './block-training.ts';
import { addCentroids } from './centroids.ts';
import { createRanker, rank } from './ranking.ts';
import { trainBagged } from './bagging.ts';
import { trainSoftmax } from './softmax-regression.ts';
import { sparseBytes, sparseScores, toSparse, type SparseLinear } from './sparse-weights.ts';
import { vectorizeAll } from './sparse-matrix.ts';
import { createSparseVector, fitVectorizer, vectorize, type Vectorizer } from './tfidf-vectorizer.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample, type Prediction, type TrainOptions } from './types.ts';

/** What a trained model holds; exported for the benchmark's memory figures. */
export interface ModelState {
  config: ModelConfig;
  labels: string[];
  vectorizer: Vectorizer;
  linear: SparseLinear;
}

function checkExamples(examples: readonly LabelledExample[]): string[] {
  if (examples.length === 0) throw new Error('cannot train an intent model without examples');
  for (const e of examples) {
    if (typeof e.text !== 'string' || typeof e.label !== 'string' || e.label === '') throw new Error('every example needs a text and a non-empty label');
  }
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error(`an intent model needs at least two labels, got ${labels.length}`);
  return labels;
}

export function trainIntentModel(examples: LabelledExample[], options: TrainOptions = {}): IntentModel {
  return trainIntentModelWith(examples, DEFAULT_MODEL_CONFIG, options);
}

/** `trainIntentModel` with other settings (for experiments and the benchmark's variants). */
export function trainIntentModelWith(examples: LabelledExample[], config: ModelConfig, options: TrainOptions = {}): IntentModel {
  const labels = checkExamples(examples);
  const report = options.onProgress ?? (() => undefined);
  const texts = examples.map((e) => e.text);
  report({ phase: 'features', done: 0, total: texts.length });
  const vectorizer = fitVectorizer(texts, config.vectorizer);
  const matrix = vectorizeAll(vectorizer, texts);
  report({ phase: 'features', done: texts.length, total: texts.length });
  const index = new Map(labels.map((label, i) => [label, i]));
  const targets = Int32Array.from(examples, (e) => index.get(e.label) as number);
  const epochs = epochsFor(config, examples.length);
  const training = { ...config.training, epochs, seed: options.seed ?? 1 };
  const onEpoch = (done: number, total: number) => report({ phase: 'training', done, total });
  const bags = examples.length <= config.bagBelow ? config.bags : 1;
  const linear = trainBagged(bags, (seed, progress) =>
    config.separateBlocks
      ? trainByBlocks(matrix, targets, vectorizer.idf.length, labels.length, vectorizer.blockStarts, { ...training, seed }, progress)
      : trainSoftmax(matrix, targets, vectorizer.idf.length, labels.length, { ...training, seed }, progress),
  training.seed, onEpoch);
  addCentroids(linear, matrix, targets, config.centroidWeight);
  return createModel({ config, labels, vectorizer, linear: toSparse(linear, config.keepWeights) });
}

export function loadIntentModel(json: unknown): IntentModel {
  const parts = parseModelJson(json);
  const index: HashIndex = { keys: parts.hashKeys, slots: parts.hashSlots, size: parts.features };
  return createModel({
    config: parts.config,
    labels: parts.labels,
    vectorizer: { config: parts.config.vectorizer, index, idf: parts.idf, unknownIdf: parts.unknownIdf, blockStarts: parts.blockStarts },
    linear: { features: parts.features, classes: parts.labels.length, rowStart: parts.rowStart, classIndex: parts.classIndex, weights: parts.weights, bias: parts.bias },
  });
}

/** Approximate bytes held by the model's typed arrays. */
export function modelBytes(model: IntentModel): number {
  const state = (model as IntentModel & { state?: ModelState }).state;
  if (!state) return Number.NaN;
  const { vectorizer, linear } = state;
  return vectorizer.index.keys.byteLength + vectorizer.index.slots.byteLength + vectorizer.idf.byteLength + sparseBytes(linear);
}

function createModel(state: ModelState): IntentModel & { state: ModelState } {
  const { labels, vectorizer, linear, config } = state;
  const oosIndex = labels.indexOf(OOS_LABEL);
  const vector = createSparseVector();
  const scores = new Float64Array(labels.length);
  const ranker = createRanker(labels.length);
  return {
    state,
    labels,
    predict(text: string): Prediction[] {
      vectorize(vectorizer, text, vector);
      sparseScores(linear, vector.indices, vector.values, vector.nnz, scores);
      scoresToProbabilities(scores, oosIndex, vector.unknownShare, config);
      return rank(ranker, labels, scores);
    },
    toJSON(): unknown {
      const parts: ModelParts = {
        config,
        labels,
        features: linear.features,
        unknownIdf: vectorizer.unknownIdf,
        blockStarts: vectorizer.blockStarts,
        hashKeys: vectorizer.index.keys,
        hashSlots: vectorizer.index.slots,
        idf: vectorizer.idf,
        rowStart: linear.rowStart,
        classIndex: linear.classIndex,
        weights: linear.weights,
        bias: linear.bias,
      };
      return modelToJson(parts);
    },
  };
}
