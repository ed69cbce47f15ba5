/**
 * Every checkable claim in a text (a draft reply or a source), in text order. The
 * extractors run from the most specific to the least, and a later match that overlaps an
 * earlier one is dropped (see claim-collector.ts):
 *
 *   codes → 24/7 → money → percentages → dates → durations and deadlines → times →
 *   weekdays → figures named by a key word → commitments
 *
 * Numbers that are none of these are not claims: list numbering ("1."), phone numbers,
 * house numbers, order numbers, quantities of things ("2 paia").
 */
import type { Claim } from '../guard-types.ts';
import { ClaimCollector, inTextOrder } from './claim-collector.ts';
import { extractCodes } from './code-claims.ts';
import { extractCommitments } from './commitment-claims.ts';
import { extractDates } from './date-claims.ts';
import { extractAlwaysOpen, extractDurations } from './duration-claims.ts';
import { extractKeywordFigures } from './keyword-figures.ts';
import { extractMoney, extractPercentages } from './money-claims.ts';
import { extractTimes, extractWeekdays } from './time-claims.ts';

const EXTRACTORS: readonly ((collector: ClaimCollector) => void)[] = [
  extractCodes,
  extractAlwaysOpen,
  extractMoney,
  extractPercentages,
  extractDates,
  extractDurations,
  extractTimes,
  extractWeekdays,
  extractKeywordFigures,
  extractCommitments,
];

/**
 * The claims of a text. `language` (`it`, `de`, `en`, `en-US`) only changes how numeric
 * dates are read (`en-US`: month first); the vocabulary of all three languages is always
 * used, since a reply may quote a source written in another language.
 */
export function extractClaims(text: string, language?: string): Claim[] {
  const collector = new ClaimCollector(text, language);
  for (const extract of EXTRACTORS) extract(collector);
  return inTextOrder(collector.claims);
}
