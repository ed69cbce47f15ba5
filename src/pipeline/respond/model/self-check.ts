/**
 * The cascade's cheap self-check of an economy draft, with no second model call: the draft
 * must say something, in the customer's language, without hedging or refusing, and within
 * WhatsApp's length. A draft that fails goes up the cascade (premium or a person). The
 * output rails (claims, personal data, tone) run on top of this, on every draft.
 */
import { detectLanguage } from '../../../text/detect-language.ts';
import { foldText } from '../../../text/normalize-text.ts';

export interface SelfCheck {
  ok: boolean;
  /** Why the draft is not good enough. */
  reason?: string;
}

const MAX_CHARS = 1200;
const MIN_CHARS = 12;

/** Hedges, refusals and "ask someone else" in it/de/en, folded (no accents, lower case). */
const NOT_AN_ANSWER = [
  /\b(?:non (?:lo )?so|non sono (?:sicur[oa]|in grado)|non posso (?:aiutar|rispondere)|come (?:ia|intelligenza artificiale|modello linguistico))\b/,
  /\b(?:ich weiss (?:es )?nicht|ich bin (?:mir )?nicht sicher|ich kann (?:ihnen |dir )?(?:dabei )?nicht helfen|als (?:ki|sprachmodell))\b/,
  /\b(?:i (?:do not|don ?t) know|i ?m not sure|i am not sure|i (?:cannot|can ?t) help|as an ai|as a language model|i ?m unable to|i am unable to)\b/,
];

export function selfCheck(draft: string, language: string, languages: readonly string[]): SelfCheck {
  const text = draft.trim();
  if (text.length < MIN_CHARS) return { ok: false, reason: 'empty or too short' };
  if (text.length > MAX_CHARS) return { ok: false, reason: `too long for WhatsApp (${text.length} characters)` };
  const folded = foldText(text);
  if (NOT_AN_ANSWER.some((pattern) => pattern.test(folded))) return { ok: false, reason: 'hedges or refuses instead of answering' };
  const detected = text.length >= 40 ? detectLanguage(text, languages) : undefined;
  if (detected !== undefined && detected !== language) return { ok: false, reason: `written in ${detected}, the customer writes ${language}` };
  return { ok: true };
}
