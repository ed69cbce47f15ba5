/**
 * Bagging by seed: train several models that differ only in their random seed (shuffle
 * order, dropout) and average their weights, which is again one linear model, so the
 * prediction cost does not change. Off by default: it measured no better (ADR 0006).
 */
import type { LinearModel } from './softmax-regression.ts';

/** Trains `bags` models from consecutive seeds and averages their weights (one linear model). */
export function trainBagged(bags: number, trainOne: (seed: number, onEpoch: (done: number, total: number) => void) => LinearModel, seed: number, onEpoch: (done: number, total: number) => void): LinearModel {
  let sum: LinearModel | undefined;
  for (let bag = 0; bag < bags; bag++) {
    const model = trainOne(seed + 1000 * bag, (done, total) => onEpoch(bag * total + done, bags * total));
    if (!sum) {
      sum = model;
      continue;
    }
    for (let i = 0; i < sum.weights.length; i++) sum.weights[i] = (sum.weights[i] as number) + (model.weights[i] as number);
    for (let i = 0; i < sum.bias.length; i++) sum.bias[i] = (sum.bias[i] as number) + (model.bias[i] as number);
  }
  const model = sum as LinearModel;
  if (bags > 1) {
    for (let i = 0; i < model.weights.length; i++) model.weights[i] = (model.weights[i] as number) / bags;
    for (let i = 0; i < model.bias.length; i++) model.bias[i] = (model.bias[i] as number) / bags;
  }
  return model;
}
