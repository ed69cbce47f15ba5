/**
 * Payment card numbers: 13-19 digits, optionally grouped by spaces or dashes, that pass
 * the Luhn check. Used on the way in (redact before storing) and out (never echo).
 */
import type { Span } from '../../core/turn.ts';

const CANDIDATE = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
export const CARD_PLACEHOLDER = '[CARD]';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function findCardNumbers(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) {
      spans.push({ start: match.index, end: match.index + match[0].length, type: 'CREDIT_CARD' });
    }
  }
  return spans;
}

export function redactSpans(text: string, spans: Span[], placeholder: string): string {
  let out = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, span.start) + placeholder + out.slice(span.end);
  }
  return out;
}
