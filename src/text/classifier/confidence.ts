/**
 * Class scores → probabilities that also say how likely the text is out of scope.
 *
 * With an `oos` class ("gap", the default): the best intent gets
 *   P = σ(z_best − z_oos + margin·(z_best − z_second) − novelty·unseen + inScopeBias),
 * where z_second is the runner-up intent's score (a text torn between two intents is less
 * likely in scope: with margin 1 the in-scope accuracy at 90 % oos recall on CLINC150 test
 * rises by about 1 point, docs/decisions/0006-intent-classifier.md) and `unseen` is the share
 * of the text's TF-IDF mass on n-grams never seen in training;
 * the other labels (`oos` included) share 1 − P by their softmax. ("product": P(in scope)
 * from the same σ, times each intent's softmax among the intents; `oos` gets the rest.)
 * Without an `oos` class the softmax (temperature ½) is shrunk towards uniform by
 * √(familiar share), so an unfamiliar text has a low top score. The constants gave the
 * lowest calibration error across CLINC150 full and 10-shot (valid) and BANKING77 10-shot
 * (docs/decisions/0006-intent-classifier.md).
 */

const NO_OOS_TEMPERATURE = 0.5;
const NO_OOS_FAMILIAR_POWER = 0.5;

export interface ConfidenceSettings {
  novelty: number;
  inScopeBias: number;
  /** Weight of the best intent's lead over the runner-up intent in the in-scope log-odds ("gap" only); absent = 0. */
  margin?: number;
  confidence: 'product' | 'gap';
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Softmax over every class but `skip`, in place; `skip` is left as it was. Returns the max score. */
function softmaxExcept(scores: Float64Array, skip: number, temperature = 1): number {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (c !== skip) max = Math.max(max, scores[c] as number);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    if (c === skip) continue;
    const e = Math.exp(((scores[c] as number) - max) / temperature);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) if (c !== skip) scores[c] = (scores[c] as number) / sum;
  return max;
}

function bestExcept(scores: Float64Array, skip: number): number {
  let best = skip === 0 ? 1 : 0;
  for (let c = 0; c < scores.length; c++) if (c !== skip && (scores[c] as number) > (scores[best] as number)) best = c;
  return best;
}

/** The best intent's lead over the runner-up (0 with a single intent); `oos` is not an intent. */
function leadOver(scores: Float64Array, oosIndex: number, best: number): number {
  let second = -Infinity;
  for (let c = 0; c < scores.length; c++) {
    const s = scores[c] as number;
    if (s > second && c !== oosIndex && c !== best) second = s;
  }
  return second === -Infinity ? 0 : (scores[best] as number) - second;
}

function gapProbabilities(scores: Float64Array, oosIndex: number, inScopeLogOdds: number, margin: number): void {
  const best = bestExcept(scores, oosIndex);
  const z = scores[best] as number;
  const lead = margin === 0 ? 0 : margin * leadOver(scores, oosIndex, best);
  const top = sigmoid(z - (scores[oosIndex] as number) + lead + inScopeLogOdds);
  softmaxExcept(scores, best);
  for (let c = 0; c < scores.length; c++) if (c !== best) scores[c] = (scores[c] as number) * (1 - top);
  scores[best] = top;
}

function productProbabilities(scores: Float64Array, oosIndex: number, inScopeLogOdds: number): void {
  const oosScore = scores[oosIndex] as number;
  const best = softmaxExcept(scores, oosIndex);
  const inScope = sigmoid(best - oosScore + inScopeLogOdds);
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) * inScope;
  scores[oosIndex] = 1 - inScope;
}

/** In place: class scores → probabilities summing to 1. `oosIndex` is −1 when the model has no `oos` class. */
export function scoresToProbabilities(scores: Float64Array, oosIndex: number, unseenShare: number, settings: ConfidenceSettings): void {
  if (oosIndex >= 0) {
    const logOdds = settings.inScopeBias - settings.novelty * unseenShare;
    if (settings.confidence === 'gap') gapProbabilities(scores, oosIndex, logOdds, settings.margin ?? 0);
    else productProbabilities(scores, oosIndex, logOdds);
    return;
  }
  softmaxExcept(scores, -1, NO_OOS_TEMPERATURE);
  const familiar = Math.max(0, 1 - unseenShare) ** NO_OOS_FAMILIAR_POWER;
  const uniform = (1 - familiar) / scores.length;
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) * familiar + uniform;
}
