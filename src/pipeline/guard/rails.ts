/**
 * Tier 2 seam: input rails run on what the customer wrote, output rails on every draft
 * reply. Each rail returns a Verdict (data, never an exception). Issue 4 adds the other
 * rails (PII, injection, claims, locked topics, tone) behind these two functions.
 */
import type { Reply } from '../../core/reply.ts';
import { replyText } from '../../core/reply.ts';
import type { Span, Verdict } from '../../core/turn.ts';
import { CARD_PLACEHOLDER, findCardNumbers, redactSpans } from './card-numbers.ts';

export interface InputGuardResult {
  verdicts: Verdict[];
  /** The text with sensitive spans replaced: what is stored, logged and passed on. */
  text: string;
}

export function guardInput(text: string): InputGuardResult {
  const spans = findCardNumbers(text);
  const redacted = redactSpans(text, spans, CARD_PLACEHOLDER);
  const placeholders = placeholderSpans(redacted);
  if (placeholders.length === 0) return { verdicts: [{ action: 'allow', rail: 'card_numbers' }], text };
  const reason =
    spans.length > 0
      ? `${spans.length} payment card number(s) redacted before storing`
      : `${placeholders.length} payment card number(s) were redacted when the webhook was stored`;
  return {
    text: redacted,
    verdicts: [{ action: 'rewrite', rail: 'card_numbers', rule: 'luhn_card_number', reason, spans: placeholders, text: redacted }],
  };
}

/** Where the placeholders are in the redacted text (the stored form; the original spans are gone). */
function placeholderSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(CARD_PLACEHOLDER); at !== -1; at = text.indexOf(CARD_PLACEHOLDER, at + 1)) {
    spans.push({ start: at, end: at + CARD_PLACEHOLDER.length, type: 'CREDIT_CARD' });
  }
  return spans;
}

export interface OutputGuardResult {
  verdicts: Verdict[];
  /** Replies that passed; blocked ones are removed (the responder supplies the fallback). */
  replies: Reply[];
  blocked: boolean;
}

export function guardOutput(replies: Reply[]): OutputGuardResult {
  const verdicts: Verdict[] = [];
  const passed: Reply[] = [];
  for (const reply of replies) {
    const spans = findCardNumbers(replyText(reply));
    if (spans.length > 0) {
      verdicts.push({ action: 'block', rail: 'no_card_echo', rule: 'luhn_card_number', reason: 'the draft reply contains a payment card number', spans });
    } else {
      passed.push(reply);
    }
  }
  if (verdicts.length === 0) verdicts.push({ action: 'allow', rail: 'no_card_echo' });
  return { verdicts, replies: passed, blocked: passed.length < replies.length };
}
