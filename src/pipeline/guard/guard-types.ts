/**
 * The contract between the rails of tier 2 and the code that runs them (rails.ts, the
 * `centralino guard eval` command, the benchmark). Each detector is a pure function of its
 * text: no network, no exceptions for bad input, results as data.
 */
import type { PiiType } from '../../core/personal-data.ts';
import type { Span } from '../../core/turn.ts';

export { NEVER_RESTORED, PII_TYPES, type PiiType } from '../../core/personal-data.ts';

export interface PiiSpan extends Span {
  type: PiiType;
}

/** What the injection rail says of one customer message. */
export interface InjectionFinding {
  injection: boolean;
  /** 0..1, higher is more likely an injection. */
  score: number;
  /** Stable name of the rule or model that decided, e.g. `override_instructions` or `model`. */
  rule: string;
  /** The parts of the text that triggered it (empty when only the model decided). */
  spans: Span[];
}

export const ABUSE_KINDS = ['insult', 'threat', 'self_harm'] as const;
export type AbuseKind = (typeof ABUSE_KINDS)[number];

export interface AbuseFinding {
  kind: AbuseKind;
  rule: string;
  spans: Span[];
}

export const CLAIM_TYPES = ['price', 'amount', 'percentage', 'code', 'date', 'deadline', 'duration', 'commitment'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** A checkable statement in a draft reply: a figure, a code, a date, a promise. */
export interface Claim extends Span {
  type: ClaimType;
  /** The text as written in the draft. */
  text: string;
  /** A normalised form used to look it up in the sources (e.g. `25.00 EUR`, `2026-12-03`, `refund`). */
  normalized: string;
}

export interface ClaimCheck {
  /** Every claim found in the draft. */
  claims: Claim[];
  /** The claims no source supports; the draft may go out only when this is empty. */
  unsupported: Claim[];
}

export type Formality = 'formal' | 'informal';

/** A place where a reply breaks the business's form of address or WhatsApp's formatting. */
export interface ToneIssue extends Span {
  rule: string;
  /** What was found, e.g. `tu` in a formal Italian reply. */
  found: string;
}
