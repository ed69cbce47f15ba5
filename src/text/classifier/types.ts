/**
 * The contract of tier 1's trained intent classifier (issue 3). The model is trained
 * from a business's own examples at start-up, runs embedded on the CPU, and returns
 * calibrated probabilities; thresholds and out-of-scope decisions are made by the caller.
 */

export interface LabelledExample {
  text: string;
  /** An intent id; `oos` marks an out-of-scope example. */
  label: string;
}

export interface Prediction {
  label: string;
  /** Calibrated probability, 0..1; the scores of one prediction sum to 1. */
  score: number;
}

export interface TrainProgress {
  phase: string;
  done: number;
  total: number;
}

export interface TrainOptions {
  /** Called now and then during training (for a progress bar). */
  onProgress?: (progress: TrainProgress) => void;
  /** Seed for any randomness, so training is reproducible. Default 1. */
  seed?: number;
}

export interface IntentModel {
  /** Every label the model can predict (including `oos` when it was trained with it). */
  readonly labels: readonly string[];
  /** All labels with probabilities, best first. */
  predict(text: string): Prediction[];
  /** A JSON-serialisable form for the training cache; `loadIntentModel` reads it back. */
  toJSON(): unknown;
}

export const OOS_LABEL = 'oos';
