/**
 * E-mail addresses: a local part, `@`, a domain with at least one dot and a top-level
 * domain of two or more letters. Letters outside ASCII are accepted (internationalised
 * addresses); a dot that ends the sentence is not part of the address. Also addresses with
 * "at" and "dot" spelled out ("giulia at example dot com", "giulia(at)example.it"), when they
 * end with a common top-level domain.
 */
import type { PiiSpan } from '../guard-types.ts';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}@-]|\.[\p{L}\p{N}])/gu;

/**
 * "at" and "dot" spelled out, as people write an address to dodge filters. A bracketed
 * "(at)" may go with a real dot ("giulia(at)example.it"); a bare word ("at", "chiocciola",
 * "ät") only with the dot spelled out too ("giulia at example dot com"): "book at salon.it"
 * names a website, not an address.
 */
const BRACKET_AT = String.raw`\s*(?:\(at\)|\[at\]|\{at\})\s*`;
const WORD_AT = String.raw`\s+(?:at|chiocciola|ät)\s+`;
const ANY_DOT = String.raw`\s*(?:\.|\(dot\)|\[dot\]|\{dot\})\s*|\s+(?:dot|punto|punkt)\s+`;
const SPELLED_DOT = String.raw`\s*(?:\(dot\)|\[dot\]|\{dot\})\s*|\s+(?:dot|punto|punkt)\s+`;
/** Top-level domains a spelled-out address must end with: "meet me at home dot later" is no address. */
const TLD = 'com|it|de|net|org|eu|info|biz|io|me|ch|at|fr|es|nl|be|uk|ie|lu|li|pt|pl|cz|sk|si|hr|hu|ro|bg|gr|se|dk|no|fi|ru|ua|tr|us|ca|au|br|ar|mx|jp|cn|in';
const LOCAL = String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+`;
const LABEL = String.raw`[\p{L}\p{N}-]+`;
const spelled = (at: string, lastDot: string) => new RegExp(String.raw`${LOCAL}(?:${at})${LABEL}(?:(?:${ANY_DOT})${LABEL})*?(?:${lastDot})(?:${TLD})(?![\p{L}\p{N}])`, 'giu');
/** "giulia @ gmail . com": the @ is there, with spaces around it and the dots. */
const SPACED_AT = String.raw`\s+@\s*|\s*@\s+`;
const SPELLED_EMAILS = [spelled(BRACKET_AT, ANY_DOT), spelled(WORD_AT, SPELLED_DOT), spelled(SPACED_AT, ANY_DOT)];
const SPELLED_HINT = /\(at\)|\[at\]|\{at\}|\sat\s|chiocciola|\sät\s|\s@|@\s/i;

/** Whether the text may hold an address with "at" spelled out (it has no `@` to look for). */
export function mayHoldSpelledEmail(text: string): boolean {
  return SPELLED_HINT.test(text);
}

export function findEmails(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (text.includes('@')) for (const match of text.matchAll(EMAIL)) spans.push({ start: match.index, end: match.index + match[0].length, type: 'EMAIL' });
  if (mayHoldSpelledEmail(text)) {
    // (also the spaced form "giulia @ gmail . com", which the plain pattern does not see)
    for (const match of SPELLED_EMAILS.flatMap((pattern) => [...text.matchAll(pattern)])) {
      if (!spans.some((s) => s.start < match.index + match[0].length && match.index < s.end)) spans.push({ start: match.index, end: match.index + match[0].length, type: 'EMAIL' });
    }
  }
  return spans;
}
