/** The shape of a classifier that runs inside a Node worker process (ours, NLP.js). */
import type { Row } from './datasets.ts';

export interface TopLabel {
  label: string;
  score: number;
}

export interface InProcessClassifier {
  settings: Record<string, unknown>;
  train(rows: readonly Row[], seed: number): Promise<void>;
  /** Sync or async, as the library offers it. */
  classify(text: string): TopLabel | Promise<TopLabel>;
  /** Extra facts after testing (model size, a library's own decisions…). */
  extra?(test: readonly Row[]): Record<string, unknown>;
}
