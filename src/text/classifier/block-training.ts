/**
 * Training one softmax model per feature block (words, characters) and adding their
 * scores: the sum is again one linear model (its rows are disjoint), so prediction costs
 * nothing more, while each block has to explain the labels on its own — a regulariser
 * that measured better than one model over both blocks (bench/nlu-ours.ts --variants).
 */
import { trainSoftmax, type EpochCallback, type LinearModel, type SoftmaxConfig } from './softmax-regression.ts';
import type { CsrMatrix } from './sparse-matrix.ts';

/** The columns in [from, to) of `matrix`, same rows. */
export function columnSlice(matrix: CsrMatrix, from: number, to: number): CsrMatrix {
  const rowStart = new Int32Array(matrix.rows + 1);
  let kept = 0;
  for (let p = 0; p < matrix.columns.length; p++) {
    const c = matrix.columns[p] as number;
    if (c >= from && c < to) kept++;
  }
  const columns = new Int32Array(kept);
  const values = new Float32Array(kept);
  let at = 0;
  for (let r = 0; r < matrix.rows; r++) {
    for (let p = matrix.rowStart[r] as number; p < (matrix.rowStart[r + 1] as number); p++) {
      const c = matrix.columns[p] as number;
      if (c < from || c >= to) continue;
      columns[at] = c;
      values[at++] = matrix.values[p] as number;
    }
    rowStart[r + 1] = at;
  }
  return { rows: matrix.rows, rowStart, columns, values };
}

export function trainByBlocks(matrix: CsrMatrix, labels: Int32Array, features: number, classes: number, blockStarts: readonly number[], config: SoftmaxConfig, onEpoch?: EpochCallback): LinearModel {
  const sum: LinearModel = { features, classes, weights: new Float32Array(features * classes), bias: new Float32Array(classes) };
  const blocks = blockStarts.length;
  blockStarts.forEach((from, block) => {
    const to = blockStarts[block + 1] ?? features;
    if (to <= from) return;
    const part = trainSoftmax(columnSlice(matrix, from, to), labels, features, classes, { ...config, seed: config.seed + block }, (epoch, total) =>
      onEpoch?.(block * total + epoch, blocks * total),
    );
    sum.weights.set(part.weights.subarray(from * classes, to * classes), from * classes);
    for (let c = 0; c < classes; c++) sum.bias[c] = (sum.bias[c] as number) + (part.bias[c] as number);
  });
  return sum;
}
