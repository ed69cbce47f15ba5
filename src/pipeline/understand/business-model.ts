/**
 * The business's own intent model: trained at start-up from the intents' examples (all
 * languages), its out-of-scope threshold chosen by cross-validation for the business's
 * precision target, and cached by a content hash of the examples — the same examples never
 * train twice; changed examples train anew.
 */
import { createHash } from 'node:crypto';
import type { BusinessConfig } from '../../config/business-schema.ts';
import type { ModelCache } from '../../core/model-cache.ts';
import { backgroundOutOfScope } from './background-out-of-scope.ts';
import { crossValidate, type IntentReport, type TrainFn } from '../../text/classifier/cross-validation.ts';
import { loadIntentModel, trainIntentModel } from '../../text/classifier/intent-model.ts';
import { chooseThreshold } from '../../text/classifier/threshold.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample, type TrainProgress } from '../../text/classifier/types.ts';

/** Bump when features or training change: cached models of older versions are trained again. */
export const MODEL_VERSION = 'intent-model-2';

export interface BusinessModelReport {
  folds: number;
  targetPrecision: number;
  /** Precision and coverage of the chosen threshold on the held-out folds. */
  precision: number;
  coverage: number;
  /** False when the target precision could not be reached: the best threshold is used. */
  met: boolean;
  intents: IntentReport[];
  trainSeconds: number;
}

export interface BusinessModel {
  model: IntentModel;
  threshold: number;
  hash: string;
  fromCache: boolean;
  report: BusinessModelReport;
}

export interface BusinessModelOptions {
  cache: ModelCache;
  onProgress?: (progress: TrainProgress) => void;
  train?: TrainFn;
  load?: (json: unknown) => IntentModel;
}

/** Every example of every intent in every language, plus the out-of-scope examples as `oos` (the business's own and the background ones). */
export function businessExamples(config: BusinessConfig): LabelledExample[] {
  const inScope = Object.entries(config.intents).flatMap(([intent, def]) =>
    Object.values(def.examples).flatMap((texts) => texts.map((text) => ({ text, label: intent }))),
  );
  const outOfScope = Object.values(config.understanding.out_of_scope).flatMap((texts) => texts.map((text) => ({ text, label: OOS_LABEL })));
  return [...inScope, ...outOfScope, ...backgroundOutOfScope(config)];
}

/** A classifier needs at least two intents with at least two examples each. */
export function canTrain(examples: readonly LabelledExample[]): boolean {
  const counts = new Map<string, number>();
  for (const e of examples) if (e.label !== OOS_LABEL) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  return [...counts.values()].filter((n) => n >= 2).length >= 2;
}

export function examplesHash(examples: readonly LabelledExample[], targetPrecision: number): string {
  const canonical = JSON.stringify({ version: MODEL_VERSION, targetPrecision, examples: [...examples].sort((a, b) => (a.label + a.text).localeCompare(b.label + b.text)) });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

export async function loadOrTrainBusinessModel(config: BusinessConfig, options: BusinessModelOptions): Promise<BusinessModel | undefined> {
  const examples = businessExamples(config);
  if (!canTrain(examples)) return undefined;
  const targetPrecision = config.understanding.target_precision;
  const hash = examplesHash(examples, targetPrecision);
  const cached = readCached(await options.cache.get(cacheKey(hash)), hash, options.load ?? loadIntentModel);
  if (cached) return cached;
  const trained = trainBusinessModel(examples, targetPrecision, hash, options);
  await saveBusinessModel(options.cache, trained);
  return trained;
}

function cacheKey(hash: string): string {
  return `intent-${hash}`;
}

export async function saveBusinessModel(cache: ModelCache, trained: BusinessModel): Promise<void> {
  await cache.put(cacheKey(trained.hash), { version: MODEL_VERSION, hash: trained.hash, threshold: trained.threshold, report: trained.report, model: trained.model.toJSON() });
}

export function trainBusinessModel(examples: LabelledExample[], targetPrecision: number, hash: string, options: Pick<BusinessModelOptions, 'onProgress' | 'train'> = {}): BusinessModel {
  const train = options.train ?? trainIntentModel;
  const started = performance.now();
  const cv = crossValidate(examples, train, { onFold: (done, total) => options.onProgress?.({ phase: 'cross-validation', done, total: total + 1 }) });
  const choice = chooseThreshold(cv.scored, { precision: targetPrecision });
  const report = options.onProgress;
  const model = train(examples, report ? { onProgress: (p) => report({ phase: 'final model', done: cv.folds + (p.total > 0 ? p.done / p.total : 0), total: cv.folds + 1 }) } : {});
  options.onProgress?.({ phase: 'done', done: cv.folds + 1, total: cv.folds + 1 });
  const summary: BusinessModelReport = {
    folds: cv.folds,
    targetPrecision,
    precision: choice.precision,
    coverage: choice.coverage,
    met: choice.met,
    intents: cv.intents,
    trainSeconds: (performance.now() - started) / 1000,
  };
  return { model, threshold: choice.threshold, hash, fromCache: false, report: summary };
}

function readCached(value: unknown, hash: string, load: (json: unknown) => IntentModel): BusinessModel | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as { version?: unknown; hash?: unknown; threshold?: unknown; report?: unknown; model?: unknown };
  if (entry.version !== MODEL_VERSION || entry.hash !== hash || typeof entry.threshold !== 'number') return undefined;
  try {
    return { model: load(entry.model), threshold: entry.threshold, hash, fromCache: true, report: entry.report as BusinessModelReport };
  } catch {
    return undefined;
  }
}
