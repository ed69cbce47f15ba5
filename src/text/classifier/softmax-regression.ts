/**
 * Multinomial logistic regression over sparse vectors, trained by SGD over shuffled
 * epochs. The default is plain SGD with a learning rate decaying linearly to 0 and feature
 * dropout; AdaGrad steps, L2 decay (on the rows an example touches) and a one-vs-rest
 * squared hinge loss (a linear SVM) are there for the benchmark's variants. Classes whose
 * gradient is negligible are skipped, which makes late epochs cheap. Weights are
 * feature-major (row j holds the K class weights of feature j), so scoring a sparse
 * vector reads contiguous memory.
 */
import { createRandom, shuffleInPlace, type Random } from './prng.ts';
import type { CsrMatrix } from './sparse-matrix.ts';

export interface SoftmaxConfig {
  epochs: number;
  learningRate: number;
  /** L2 weight decay per step on the weights an example updates. */
  l2: number;
  seed: number;
  /** Class gradients below this are skipped. */
  skipBelow: number;
  /** softmax = multinomial logistic; hinge = one-vs-rest squared hinge (a linear SVM). */
  loss: 'softmax' | 'hinge';
  /** Share of an example's features dropped at random at each step (dropout as regularisation). */
  dropout: number;
  /** adagrad = per-feature adaptive steps; sgd = plain steps, learning rate decaying linearly to 0. */
  optimizer: 'adagrad' | 'sgd';
}

export interface LinearModel {
  features: number;
  classes: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** scores[k] = bias[k] + Σ x_j W[j,k] */
export function linearScores(model: LinearModel, indices: Int32Array, values: Float32Array, from: number, to: number, scores: Float64Array): void {
  const k = model.classes;
  const w = model.weights;
  for (let c = 0; c < k; c++) scores[c] = model.bias[c] as number;
  for (let p = from; p < to; p++) {
    const x = values[p] as number;
    const row = (indices[p] as number) * k;
    for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + x * (w[row + c] as number);
  }
}

/** In place: scores → probabilities. */
export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c] as number);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp((scores[c] as number) - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
}

export type EpochCallback = (epoch: number, total: number) => void;

interface Workspace {
  gradient: Float64Array;
  active: Int32Array;
  activeGradient: Float64Array;
  squares: Float32Array;
  biasSquares: Float64Array;
  /** The current example after dropout. */
  columns: Int32Array;
  values: Float32Array;
  random: Random;
  rate: number;
}

/** Turns `ws.gradient` (scores) into the gradient w.r.t. the scores; keeps the classes above the skip level. Returns their count and squared norm. */
function lossGradient(ws: Workspace, label: number, config: SoftmaxConfig): { count: number; norm: number } {
  const { gradient } = ws;
  if (config.loss === 'hinge') {
    // Σ_c max(0, 1 − t_c s_c)², t = +1 for the label, −1 otherwise.
    for (let c = 0; c < gradient.length; c++) {
      const t = c === label ? 1 : -1;
      const slack = 1 - t * (gradient[c] as number);
      gradient[c] = slack > 0 ? -t * slack : 0;
    }
  } else {
    softmaxInPlace(gradient);
    gradient[label] = (gradient[label] as number) - 1;
  }
  let count = 0;
  let norm = 0;
  for (let c = 0; c < gradient.length; c++) {
    const g = gradient[c] as number;
    if (g > config.skipBelow || g < -config.skipBelow) {
      ws.active[count] = c;
      ws.activeGradient[count++] = g;
      norm += g * g;
    }
  }
  return { count, norm };
}

/** Copies row `row` into the workspace, dropping features at random; returns the count kept. */
function dropFeatures(x: CsrMatrix, row: number, ws: Workspace, dropout: number): number {
  const scale = 1 / (1 - dropout);
  let kept = 0;
  for (let p = x.rowStart[row] as number; p < (x.rowStart[row + 1] as number); p++) {
    if (dropout > 0 && ws.random() < dropout) continue;
    ws.columns[kept] = x.columns[p] as number;
    ws.values[kept++] = (x.values[p] as number) * scale;
  }
  return kept;
}

function updateBias(model: LinearModel, ws: Workspace, count: number, adagrad: boolean): void {
  for (let a = 0; a < count; a++) {
    const c = ws.active[a] as number;
    const g = ws.activeGradient[a] as number;
    ws.biasSquares[c] = (ws.biasSquares[c] as number) + g * g;
    model.bias[c] = (model.bias[c] as number) - (ws.rate * g) / (adagrad ? Math.sqrt(ws.biasSquares[c] as number) : 1);
  }
}

function sgdStep(model: LinearModel, data: CsrMatrix, row: number, label: number, ws: Workspace, config: SoftmaxConfig): void {
  const length = dropFeatures(data, row, ws, config.dropout);
  linearScores(model, ws.columns, ws.values, 0, length, ws.gradient);
  const { count, norm } = lossGradient(ws, label, config);
  if (count === 0) return;
  const adagrad = config.optimizer === 'adagrad';
  updateBias(model, ws, count, adagrad);
  const { weights: w, classes } = model;
  const { active, activeGradient, squares } = ws;
  const decay = 1 - ws.rate * config.l2;
  for (let p = 0; p < length; p++) {
    const value = ws.values[p] as number;
    const feature = ws.columns[p] as number;
    let step = ws.rate * value;
    if (adagrad) {
      const s = (squares[feature] as number) + value * value * norm;
      squares[feature] = s;
      step /= Math.sqrt(s);
    }
    const base = feature * classes;
    for (let a = 0; a < count; a++) {
      const at = base + (active[a] as number);
      w[at] = (w[at] as number) * decay - step * (activeGradient[a] as number);
    }
  }
}

function maxRowLength(x: CsrMatrix): number {
  let max = 0;
  for (let r = 0; r < x.rows; r++) max = Math.max(max, (x.rowStart[r + 1] as number) - (x.rowStart[r] as number));
  return max;
}

export function trainSoftmax(x: CsrMatrix, labels: Int32Array, features: number, classes: number, config: SoftmaxConfig, onEpoch?: EpochCallback): LinearModel {
  const model: LinearModel = { features, classes, weights: new Float32Array(features * classes), bias: new Float32Array(classes) };
  const ws: Workspace = {
    gradient: new Float64Array(classes),
    active: new Int32Array(classes),
    activeGradient: new Float64Array(classes),
    squares: new Float32Array(config.optimizer === 'adagrad' ? features : 0).fill(1e-6),
    biasSquares: new Float64Array(classes).fill(1e-6),
    columns: new Int32Array(maxRowLength(x)),
    values: new Float32Array(maxRowLength(x)),
    random: createRandom(config.seed + 1),
    rate: config.learningRate,
  };
  const order = Int32Array.from({ length: x.rows }, (_, i) => i);
  const random = createRandom(config.seed);
  const totalSteps = config.epochs * x.rows;
  let step = 0;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const row of order) {
      if (config.optimizer === 'sgd') ws.rate = config.learningRate * (1 - step++ / totalSteps);
      sgdStep(model, x, row, labels[row] as number, ws, config);
    }
    onEpoch?.(epoch + 1, config.epochs);
  }
  return model;
}
