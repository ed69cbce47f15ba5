/**
 * Scores for `centralino guard eval`: precision, recall, F1 and false-positive rate, overall,
 * per language and per type. Binary modes (injection, claims) count messages; the PII mode
 * counts entities for precision and recall and messages for the false-positive rate.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Negative messages: nothing to find. */
  negatives: number;
  /** Negative messages where something was found anyway. */
  falseAlarms: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  fpr: number;
  support: { positives: number; negatives: number };
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, negatives: 0, falseAlarms: 0 };
}

export function addCounts(into: Counts, more: Counts): void {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
  into.negatives += more.negatives;
  into.falseAlarms += more.falseAlarms;
}

/** One binary decision: `actual` and `predicted` are "positive" (injection, block). */
export function binaryCounts(actual: boolean, predicted: boolean): Counts {
  return {
    tp: actual && predicted ? 1 : 0,
    fp: !actual && predicted ? 1 : 0,
    fn: actual && !predicted ? 1 : 0,
    negatives: actual ? 0 : 1,
    falseAlarms: !actual && predicted ? 1 : 0,
  };
}

export interface TypedSpan {
  type: string;
  start: number;
  end: number;
}

/**
 * Entity counts for one message: a labelled span is found when a predicted span of the same
 * type overlaps it; a predicted span overlapping no labelled span of its type is a false positive.
 */
export function entityCounts(labelled: readonly TypedSpan[], predicted: readonly TypedSpan[]): Counts {
  const overlaps = (a: TypedSpan, b: TypedSpan) => a.type === b.type && a.start < b.end && b.start < a.end;
  const tp = labelled.filter((l) => predicted.some((p) => overlaps(l, p))).length;
  const fp = predicted.filter((p) => !labelled.some((l) => overlaps(l, p))).length;
  const negative = labelled.length === 0;
  return { tp, fp, fn: labelled.length - tp, negatives: negative ? 1 : 0, falseAlarms: negative && predicted.length > 0 ? 1 : 0 };
}

/** Ratios from counts; a ratio with nothing to count is NaN (printed as "—", JSON null). */
export function scores(c: Counts): Scores {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = Number.isNaN(precision) || Number.isNaN(recall) || precision + recall === 0 ? Number.NaN : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, fpr: ratio(c.falseAlarms, c.negatives), support: { positives: c.tp + c.fn, negatives: c.negatives } };
}

function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : a / b;
}

/** Adds counts under a key of a grouping (per language, per type). */
export function addTo(groups: Map<string, Counts>, key: string, counts: Counts): void {
  let group = groups.get(key);
  if (!group) {
    group = emptyCounts();
    groups.set(key, group);
  }
  addCounts(group, counts);
}
