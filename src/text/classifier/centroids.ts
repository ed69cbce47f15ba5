/**
 * Adds λ × (normalised class centroid) to each class's weights: a nearest-centroid
 * (cosine) classifier over the same TF-IDF vectors, folded into the linear model so it
 * costs nothing at prediction time.
 */
import type { LinearModel } from './softmax-regression.ts';
import type { CsrMatrix } from './sparse-matrix.ts';

export function addCentroids(model: LinearModel, matrix: CsrMatrix, labels: Int32Array, weight: number): void {
  if (weight === 0) return;
  const { classes, features } = model;
  const sums = new Float32Array(features * classes);
  for (let r = 0; r < matrix.rows; r++) {
    const label = labels[r] as number;
    for (let p = matrix.rowStart[r] as number; p < (matrix.rowStart[r + 1] as number); p++) {
      const at = (matrix.columns[p] as number) * classes + label;
      sums[at] = (sums[at] as number) + (matrix.values[p] as number);
    }
  }
  const norms = new Float64Array(classes);
  for (let i = 0; i < sums.length; i++) norms[i % classes] = (norms[i % classes] as number) + (sums[i] as number) ** 2;
  for (let i = 0; i < sums.length; i++) {
    const norm = Math.sqrt(norms[i % classes] as number);
    if (norm > 0) model.weights[i] = (model.weights[i] as number) + (weight * (sums[i] as number)) / norm;
  }
}
