/**
 * Output rails: every draft reply before it goes to the customer. A draft that makes a claim
 * no source supports, gives back personal data the customer did not need back, breaks the
 * business's form of address, or answers a locked topic with generated words is blocked; the
 * pipeline then sends the safe fallback. Placeholders a model wrote are restored first, only
 * for the types the business allows (never secrets, cards or IBANs).
 */
import type { Reply } from '../../core/reply.ts';
import { replyText } from '../../core/reply.ts';
import type { Span, Verdict } from '../../core/turn.ts';
import { checkClaims } from './claims/check-claims.ts';
import type { Formality, PiiType } from './guard-types.ts';
import { findPersonalData } from './pii/find-personal-data.ts';
import { restorePlaceholders, type VaultEntry } from './pii/redact-personal-data.ts';
import { checkTone } from './tone/check-tone.ts';

export interface Draft {
  replies: Reply[];
  /** `approved`: texts of the business config; `model`: words an LLM wrote. */
  origin: 'approved' | 'model';
  /** What the draft was built from: approved texts, knowledge entries, tool results of this turn. */
  sources: readonly string[];
}

export interface OutputRailsContext {
  language: string;
  /** The business's form of address; the tone rail is skipped when unknown. */
  formality?: Formality;
  /** The intent is a locked topic: only approved texts may answer it. */
  locked: boolean;
  /** Personal data a model reply may give back, and this turn's values behind the placeholders. */
  restore: ReadonlySet<PiiType>;
  vault: readonly VaultEntry[];
}

export interface OutputRailsResult {
  verdicts: Verdict[];
  /** The replies as they may go out (placeholders restored); empty when blocked. */
  replies: Reply[];
  blocked: boolean;
}

interface Finding {
  rail: string;
  rule: string;
  reason: string;
  spans: Span[];
}

export function guardOutput(draft: Draft, context: OutputRailsContext): OutputRailsResult {
  const replies = draft.origin === 'model' ? draft.replies.map((r) => restoreReply(r, context)) : draft.replies;
  const restored = context.vault.filter((v) => v.value !== undefined && context.restore.has(v.type)).map((v) => v.value ?? '');
  const findings = replies.flatMap((reply) => checkReply(replyText(reply), draft, context, restored));
  const rails = draft.origin === 'model' ? MODEL_RAILS : APPROVED_RAILS;
  const verdicts: Verdict[] = rails.map((rail) => {
    const found = findings.filter((f) => f.rail === rail);
    const first = found[0];
    if (!first) return { action: 'allow', rail };
    return { action: 'block', rail, rule: first.rule, reason: found.map((f) => f.reason).join('; '), spans: found.flatMap((f) => f.spans) };
  });
  const blocked = findings.length > 0;
  return { verdicts, replies: blocked ? [] : replies, blocked };
}

const APPROVED_RAILS = ['claims', 'personal_data_echo'];
const MODEL_RAILS = ['locked_topic', 'claims', 'personal_data_echo', 'tone'];

function checkReply(text: string, draft: Draft, context: OutputRailsContext, restored: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  if (draft.origin === 'model' && context.locked) {
    findings.push({ rail: 'locked_topic', rule: 'locked_intent', reason: 'a locked topic is answered only by its approved text or a secure flow', spans: [] });
  }
  const { unsupported } = checkClaims(text, draft.sources, context.language);
  if (unsupported.length > 0) {
    findings.push({ rail: 'claims', rule: 'unsupported_claim', reason: `not in the sources: ${unsupported.map((c) => `${c.type} "${c.text}"`).join(', ')}`, spans: unsupported });
  }
  const echoed = findPersonalData(text).filter((span) => !allowedEcho(text.slice(span.start, span.end), draft.sources, restored));
  if (echoed.length > 0) {
    findings.push({ rail: 'personal_data_echo', rule: 'personal_data_in_reply', reason: `personal data the customer did not need back: ${echoed.map((s) => s.type).join(', ')}`, spans: echoed });
  }
  if (draft.origin === 'model' && context.formality) {
    const issues = checkTone(text, { language: context.language, formality: context.formality });
    if (issues.length > 0) findings.push({ rail: 'tone', rule: issues[0]?.rule ?? 'tone', reason: issues.map((i) => `${i.rule}: "${i.found}"`).join(', '), spans: issues });
  }
  return findings;
}

/** Data the business itself wrote (its phone, its IBAN for transfers) or a value restored by policy. */
function allowedEcho(value: string, sources: readonly string[], restored: readonly string[]): boolean {
  return restored.includes(value) || sources.some((source) => source.includes(value));
}

function restoreReply(reply: Reply, context: OutputRailsContext): Reply {
  if (reply.kind !== 'text') return reply;
  return { ...reply, body: restorePlaceholders(reply.body, [...context.vault], context.restore) };
}
