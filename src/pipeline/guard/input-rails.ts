/**
 * Input rails: what the customer wrote, before anything else sees it. Personal data is
 * redacted (the stored form), then the redacted text is checked for prompt injection and for
 * abuse or distress. Each rail gives a Verdict; the result also says what the rest of the
 * turn may do: whether any model may see it, and whether a person must take over.
 */
import type { Span, Verdict } from '../../core/turn.ts';
import { detectAbuse } from './abuse/detect-abuse.ts';
import type { PiiSpan } from './guard-types.ts';
import { detectInjection } from './injection/detect-injection.ts';
import { findPlaceholders, redactPersonalData } from './pii/redact-personal-data.ts';

export interface InputRailsOptions {
  /** `guard.injection` of the business config. */
  injection: 'block' | 'handoff';
}

export interface InputRailsResult {
  verdicts: Verdict[];
  /** The text with personal data replaced by typed placeholders: what is stored, logged and passed on. */
  text: string;
  /** Where the placeholders are in `text`. */
  personalData: PiiSpan[];
  /** `text` with the placeholders blanked out: the customer's own words, for understanding ("[CARD]" is not the word "card"). */
  words: string;
  /** False when no model may see this turn (an injection attempt). */
  modelsAllowed: boolean;
  /** Set when a person must take over. */
  handoff?: { priority: 'high' | 'normal'; distress: boolean };
}

export function guardInput(text: string, options: InputRailsOptions): InputRailsResult {
  const personal = personalDataRail(text);
  // The other rails read the customer's words: placeholders ("[SECRET]") are not theirs.
  const words = withoutSpans(personal.text, personal.spans);
  const injection = injectionRail(words, options);
  const abuse = abuseRail(words);
  const handoff = abuse.handoff ?? injection.handoff;
  return {
    verdicts: [personal.verdict, injection.verdict, abuse.verdict],
    text: personal.text,
    personalData: personal.spans,
    words,
    modelsAllowed: injection.verdict.action === 'allow',
    ...(handoff ? { handoff } : {}),
  };
}

/** The text with the spans blanked out (same length, so spans found later still point into it). */
function withoutSpans(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

function personalDataRail(text: string): { verdict: Verdict; text: string; spans: PiiSpan[] } {
  const redacted = redactPersonalData(text);
  // The webhook path stores the text already redacted: its placeholders count as found.
  const spans = findPlaceholders(redacted.text);
  if (spans.length === 0) return { verdict: { action: 'allow', rail: 'personal_data' }, text, spans };
  const types = [...new Set(spans.map((s) => s.type))].join(', ');
  const reason = `${spans.length} personal data item(s) redacted (${types}); no model, log or store sees them`;
  return { verdict: { action: 'rewrite', rail: 'personal_data', rule: 'validated_personal_data', reason, spans, text: redacted.text }, text: redacted.text, spans };
}

function injectionRail(text: string, options: InputRailsOptions): { verdict: Verdict; handoff?: InputRailsResult['handoff'] } {
  const finding = detectInjection(text);
  if (!finding.injection) return { verdict: { action: 'allow', rail: 'injection' } };
  const reason = `prompt injection (score ${finding.score.toFixed(2)}): no model sees this turn`;
  const base = { rail: 'injection', rule: finding.rule, reason, spans: finding.spans };
  if (options.injection === 'handoff') return { verdict: { action: 'handoff', ...base, priority: 'normal' }, handoff: { priority: 'normal', distress: false } };
  return { verdict: { action: 'block', ...base } };
}

function abuseRail(text: string): { verdict: Verdict; handoff?: InputRailsResult['handoff'] } {
  const finding = detectAbuse(text);
  if (!finding) return { verdict: { action: 'allow', rail: 'abuse' } };
  const spans: Span[] = finding.spans;
  const reason = finding.kind === 'self_harm' ? 'signals of distress: a person takes over first' : `${finding.kind}: a person takes over first`;
  return {
    verdict: { action: 'handoff', rail: 'abuse', rule: finding.rule, reason, spans, priority: 'high' },
    handoff: { priority: 'high', distress: finding.kind === 'self_harm' },
  };
}
