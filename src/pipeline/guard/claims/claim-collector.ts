/**
 * Where the claim extractors put what they find. Extractors run in a fixed order (codes,
 * money, percentages, dates, durations, times, weekdays, keyword figures, commitments) and
 * a match is kept only when its span does not overlap one kept before, so "SCONTO20" is a
 * code and not also 20 of something, and "in 48 ore" is a duration and not the time 48.
 * One match may yield several claims (the two ends of "3-5 giorni", the days of "lun-ven").
 */
import type { Claim, ClaimType } from '../guard-types.ts';

export class ClaimCollector {
  readonly text: string;
  readonly language: string | undefined;
  readonly claims: Claim[] = [];
  private readonly taken: number[] = [];

  constructor(text: string, language?: string) {
    this.text = text;
    this.language = language;
  }

  /** True when no kept match overlaps [start, end). */
  isFree(start: number, end: number): boolean {
    const taken = this.taken;
    for (let i = 0; i < taken.length; i += 2) {
      if (start < (taken[i + 1] as number) && (taken[i] as number) < end) return false;
    }
    return true;
  }

  /** Keeps a match and its claims (one per normalised value) unless it overlaps; true if kept. */
  add(start: number, end: number, type: ClaimType, normalized: readonly string[]): boolean {
    if (normalized.length === 0 || !this.isFree(start, end)) return false;
    this.taken.push(start, end);
    const text = this.text.slice(start, end);
    for (const value of normalized) this.claims.push({ start, end, type, text, normalized: value });
    return true;
  }
}

/** The claims in text order (extractors run by kind, not by position). */
export function inTextOrder(claims: Claim[]): Claim[] {
  return claims.sort((a, b) => a.start - b.start || a.end - b.end);
}
