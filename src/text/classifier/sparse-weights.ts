/**
 * A trained weight matrix pruned to its largest weights and stored feature by feature
 * (CSR): scoring a text touches only the classes a feature says something about. Keeping
 * the largest 15 % of weights costs no measurable accuracy (bench/nlu-ours.ts --variants)
 * and makes scoring several times faster and the model several times smaller.
 */
import type { LinearModel } from './softmax-regression.ts';

export interface SparseLinear {
  features: number;
  classes: number;
  /** Weights of feature j: positions rowStart[j] .. rowStart[j+1]-1. */
  rowStart: Int32Array;
  classIndex: Uint16Array;
  weights: Float32Array;
  bias: Float32Array;
}

/** The magnitude below which weights are dropped so that about `keep` of them remain. */
function pruneThreshold(weights: Float32Array, keep: number): number {
  if (keep >= 1) return 0;
  const stride = Math.max(1, Math.floor(weights.length / 200_000));
  const sample: number[] = [];
  for (let i = 0; i < weights.length; i += stride) sample.push(Math.abs(weights[i] as number));
  sample.sort((a, b) => a - b);
  return sample[Math.min(sample.length - 1, Math.floor((1 - keep) * sample.length))] ?? 0;
}

export function toSparse(model: LinearModel, keep: number): SparseLinear {
  if (model.classes > 0xffff) throw new Error(`too many classes for the sparse weights: ${model.classes}`);
  const threshold = pruneThreshold(model.weights, keep);
  const { features, classes, weights } = model;
  const rowStart = new Int32Array(features + 1);
  let kept = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w !== 0 && Math.abs(w) >= threshold) kept++;
  }
  const classIndex = new Uint16Array(kept);
  const values = new Float32Array(kept);
  let at = 0;
  for (let j = 0; j < features; j++) {
    for (let c = 0; c < classes; c++) {
      const w = weights[j * classes + c] as number;
      if (w === 0 || Math.abs(w) < threshold) continue;
      classIndex[at] = c;
      values[at++] = w;
    }
    rowStart[j + 1] = at;
  }
  return { features, classes, rowStart, classIndex, weights: values, bias: Float32Array.from(model.bias) };
}

/** scores[k] = bias[k] + Σ x_j W[j,k] over the kept weights. */
export function sparseScores(model: SparseLinear, indices: Int32Array, values: Float32Array, count: number, scores: Float64Array): void {
  const { rowStart, classIndex, weights, bias } = model;
  for (let c = 0; c < model.classes; c++) scores[c] = bias[c] as number;
  for (let p = 0; p < count; p++) {
    const x = values[p] as number;
    const feature = indices[p] as number;
    const end = rowStart[feature + 1] as number;
    for (let q = rowStart[feature] as number; q < end; q++) {
      const c = classIndex[q] as number;
      scores[c] = (scores[c] as number) + x * (weights[q] as number);
    }
  }
}

export function sparseBytes(model: SparseLinear): number {
  return model.rowStart.byteLength + model.classIndex.byteLength + model.weights.byteLength + model.bias.byteLength;
}
