/**
 * The pieces the injection rules are written with, and the loop that runs them. Rules are
 * regular expressions over `prepareText`'s form (folded words, single spaces, " . " between
 * sentences), so "a word" is `[^ .]+` and a gap of words can never cross a sentence.
 */
import type { Span } from '../../../core/turn.ts';
import type { PreparedText } from './injection-text.ts';

export interface InjectionRule {
  /** Stable name reported in `InjectionFinding.rule`. */
  name: string;
  pattern: RegExp;
  /** The match does not count when this matches the words around it (cheaper than a lookbehind). */
  unless?: RegExp;
}

/** How far around a match `unless` looks, in characters of the prepared text. */
const UNLESS_BEFORE = 48;
const UNLESS_AFTER = 32;

export interface RuleHit {
  rule: string;
  span: Span;
}

/** `(?:a|b|c)` from a list of alternatives (regex source, not escaped). */
export function oneOf(alternatives: readonly string[]): string {
  return `(?:${alternatives.join('|')})`;
}

/** Up to `max` words, none of which is one of `except` (e.g. the customer's own "my"). */
export function gap(max: number, except: readonly string[] = []): string {
  const word = except.length === 0 ? '[^ .]+' : `(?!${oneOf(except)}\\b)[^ .]+`;
  return `(?: ${word}){0,${max}}`;
}

/** A whole-word pattern: `\b` on both sides; `unless`, if given, is a pattern for the words around a match. */
export function rule(name: string, source: string, unless?: string): InjectionRule {
  return { name, pattern: new RegExp(`\\b${source}\\b`), ...(unless === undefined ? {} : { unless: new RegExp(`\\b${unless}\\b`) }) };
}

/** The original span of characters [from, to) of the prepared text. */
export function spanOf(prepared: PreparedText, from: number, to: number, type: string): Span {
  const last = Math.max(from, to - 1);
  return { start: prepared.starts[from] ?? 0, end: prepared.ends[last] ?? 0, type };
}

/** Every rule that matches, with the span of its first match; in the order of `rules`. */
export function runRules(rules: readonly InjectionRule[], prepared: PreparedText, hits: RuleHit[] = []): RuleHit[] {
  for (const r of rules) {
    const m = r.pattern.exec(prepared.text);
    if (!m) continue;
    if (r.unless && r.unless.test(prepared.text.slice(Math.max(0, m.index - UNLESS_BEFORE), m.index + m[0].length + UNLESS_AFTER))) continue;
    hits.push({ rule: r.name, span: spanOf(prepared, m.index, m.index + m[0].length, r.name) });
  }
  return hits;
}
