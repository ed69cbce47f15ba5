/** Sums, counts and rounding shared by the cost report's parts. */

/** Rounds money to nano-dollars and ratios to six places: sums of floats print without noise. */
export const usd = (value: number): number => Math.round(value * 1e9) / 1e9;
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1e6) / 1e6);
export const sum = <T>(items: readonly T[], value: (item: T) => number): number => items.reduce((total, item) => total + value(item), 0);

export function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

export function sortedCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
