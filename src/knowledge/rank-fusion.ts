/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): several ranked lists merged
 * by Σ 1 / (k + rank), so that full-text and embedding results, whose scores are on
 * different scales, can be combined without calibrating them. k = 60 as in the paper.
 */

export const RRF_K = 60;

export interface Fused {
  id: string;
  score: number;
}

/** The ids of every list, best first by fused score (ties keep the first list's order). */
export function fuseRanks(lists: ReadonlyArray<readonly string[]>, k = RRF_K): Fused[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
