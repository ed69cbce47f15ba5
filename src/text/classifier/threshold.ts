/**
 * Out-of-scope thresholds. A prediction is answered when its top score reaches the
 * threshold; below it the message is `out_of_scope` and goes to the fallback route.
 * The threshold is chosen on held-out examples (cross-validation folds or a validation
 * file), for a target the business sets.
 */
import { OOS_LABEL, type Prediction } from './types.ts';

/** One held-out example: its gold label and the model's best prediction. */
export interface Scored {
  gold: string;
  top: Prediction;
}

export type ThresholdTarget =
  /** The smallest threshold whose answered in-scope predictions are at least this precise. */
  | { precision: number }
  /** The threshold maximising the mean of in-scope accuracy and out-of-scope recall. */
  | 'balanced';

export interface ThresholdChoice {
  threshold: number;
  /** Of the answered predictions, the fraction that were right. */
  precision: number;
  /** Fraction of in-scope examples answered (right or wrong). */
  coverage: number;
  /** In-scope examples answered with the right label, over all in-scope examples. */
  inScopeAccuracy: number;
  /** Out-of-scope examples rejected, over all out-of-scope examples (NaN without any). */
  oosRecall: number;
  /** False when no threshold reaches the precision target (the best available is returned). */
  met: boolean;
}

export function isAnswered(top: Prediction, threshold: number): boolean {
  return top.label !== OOS_LABEL && top.score >= threshold;
}

export function evaluateThreshold(scored: readonly Scored[], threshold: number): Omit<ThresholdChoice, 'met'> {
  let answered = 0;
  let right = 0;
  let inScope = 0;
  let inScopeAnswered = 0;
  let inScopeRight = 0;
  let oos = 0;
  let oosRejected = 0;
  for (const { gold, top } of scored) {
    const answers = isAnswered(top, threshold);
    if (gold === OOS_LABEL) {
      oos++;
      if (!answers) oosRejected++;
    } else {
      inScope++;
      if (answers) inScopeAnswered++;
      if (answers && top.label === gold) inScopeRight++;
    }
    if (answers) {
      answered++;
      if (top.label === gold) right++;
    }
  }
  return {
    threshold,
    precision: answered === 0 ? 1 : right / answered,
    coverage: inScope === 0 ? 0 : inScopeAnswered / inScope,
    inScopeAccuracy: inScope === 0 ? 0 : inScopeRight / inScope,
    oosRecall: oos === 0 ? Number.NaN : oosRejected / oos,
  };
}

/** Candidate thresholds: 0 and every distinct top score (a threshold between scores changes nothing). */
function candidates(scored: readonly Scored[]): number[] {
  return [0, ...new Set(scored.map((s) => s.top.score))].sort((a, b) => a - b);
}

export function chooseThreshold(scored: readonly Scored[], target: ThresholdTarget): ThresholdChoice {
  const options = candidates(scored).map((t) => evaluateThreshold(scored, t));
  if (target === 'balanced') {
    const balance = (o: (typeof options)[number]) => (Number.isNaN(o.oosRecall) ? o.inScopeAccuracy : (o.inScopeAccuracy + o.oosRecall) / 2);
    const best = options.reduce((a, b) => (balance(b) > balance(a) ? b : a));
    return { ...best, met: true };
  }
  const meeting = options.find((o) => o.precision >= target.precision);
  if (meeting) return { ...meeting, met: true };
  // Unreachable: the classifier never answers alone (threshold above every score); it still
  // ranks the intents offered in a clarifying question. Asking beats guessing.
  return { ...evaluateThreshold(scored, NEVER), met: false };
}

/** A threshold no probability reaches. */
export const NEVER = 1.000001;
