/**
 * The cheap check every model draft passes before the output rails, with no second model
 * call. A draft fails when it says nothing (empty, only emoji or punctuation, cut off at the
 * token limit), repeats the customer's message, hedges or refuses, is too long for WhatsApp
 * or is in another language than the customer's; in a cascade a failed economy draft goes up
 * to premium, otherwise to a person. A draft that says a colleague will answer is a handoff:
 * a person is really called. A draft next to a proposed change must not say it is already
 * done (only the customer's "Conferma" does it): its text is dropped, the buttons stay.
 */
import { detectLanguage } from '../../../text/detect-language.ts';
import { foldText } from '../../../text/normalize-text.ts';

export type DraftCheck = { verdict: 'ok'; dropText?: boolean } | { verdict: 'fail' | 'handoff'; reason: string };

export interface DraftFacts {
  text: string;
  /** The customer's words as the model saw them. */
  customerText: string;
  language: string;
  languages: readonly string[];
  /** The model stopped at its token limit. */
  cutOff: boolean;
  /** The draft proposes a change the customer must confirm. */
  proposes: boolean;
}

const MAX_CHARS = 1200;
const MIN_LETTERS = 8;
/** Below this, language detection guesses. */
const LANGUAGE_MIN_CHARS = 25;

/** Hedges and refusals in it/de/en, on folded text (lower case, no accents, no punctuation). */
const NOT_AN_ANSWER = [
  /\b(?:non (?:lo )?so(?! se\b)|non saprei|non sono (?:sicur[oa]|in grado|autorizzat[oa])|non posso (?:aiutar\w*|rispondere|fornir\w*|darti|darle|dirti|dirle)|non ho (?:queste |questa |abbastanza )?informazion\w*|(?:purtroppo )?non dispongo di|temo di non poter\w*|come (?:ia|intelligenza artificiale|modello linguistico))\b/,
  /\b(?:ich weiss (?:es |das )?nicht(?! (?:genau )?(?:welch|ob|wie|wann|wo))|ich bin (?:mir )?nicht sicher|ich kann (?:ihnen |dir )?(?:da |dabei |das |hier )?(?:leider )?(?:nicht|keine) \w+|kann ich (?:ihnen |dir )?(?:da |dabei |hier )?(?:leider )?nicht weiterhelfen|keine auskunft|nicht beantworten|als (?:ki|sprachmodell))\b/,
  /\b(?:i (?:do not|don ?t) know|i ?m not sure|i am not sure|i (?:cannot|can ?t|am unable to|m unable to|am not able to) (?:help|assist|provide|answer|share|tell)|i (?:do not|don ?t) have (?:that|this|any|the) information|as an ai|as a language model)\b/,
];

/** "A colleague will answer you here": the model hands over, as its prompt tells it to when the sources do not answer. */
const HANDS_OVER = [
  /\b(?:un[a]? (?:nostr[oa] )?(?:collega|persona del (?:nostro )?(?:team|staff))|lo staff|il nostro staff|la titolare|un operatore) (?:ti |le |vi )?(?:rispond\w*|ricontatt\w*|scriv\w*)/,
  /\b(?:ti|la|vi|le) (?:ricontatteremo|risponderemo|richiameremo|scriveremo)\b/,
  /\bwir (?:melden uns|rufen (?:sie|dich) (?:zuruck|an)|antworten (?:ihnen|dir))\b/,
  /\b(?:someone|somebody|a team member|one of (?:our|the) (?:team|staff|colleagues)) will (?:reply|answer|get back|be in touch|contact|call)/,
  /\bwe ?(?:ll| will) (?:get back to you|be in touch|contact you|call you)/,
  /\b(?:ti|le|vi) (?:rispond\w*|ricontatt\w*|scriv\w*) (?:al piu presto )?(?:un[a]? (?:collega|persona|operatore|operatrice)|lo staff|la titolare)/,
  /\b(?:meldet|antwortet) sich (?:bald |gleich )?(?:ein(?:e)? (?:kollege|kollegin|mitarbeiter\w*)|unser team)/,
  /\b(?:ein(?:e)? (?:kollege|kollegin|mitarbeiter\w*)|unser team) (?:wird|antwortet|meldet)/,
  /\b(?:a colleague|someone from (?:our|the) team|a member of (?:our|the) team|our team) will (?:reply|answer|get back|be in touch|contact)/,
];

/** "Done, you are booked": only the customer's tap makes it so. */
const SAYS_DONE = /\b(?:fatto|gia prenotat\w*|ti ho prenotat\w*|ho (?:prenotato|fissato|annullato|cancellato|disdetto|rimborsato)|prenotat[oa]|in agenda|prenotazione (?:e )?confermata|e confermat[oa]|annullat[oa]|rimborso (?:approvato|effettuato|eseguito)|rimborsat[oa]|done|booked|you re booked|you are booked|i (?:have |ve )?(?:booked|cancelled|canceled|refunded)|booking is confirmed|cancelled|canceled|refunded|refund (?:is )?approved|erledigt|gebucht|ist bestatigt|storniert|erstattet|habe ich (?:fur sie |fur dich )?(?:gebucht|storniert|erstattet))\b/;

export function checkDraft(facts: DraftFacts): DraftCheck {
  const text = facts.text.trim();
  if (facts.cutOff) return { verdict: 'fail', reason: 'cut off at the token limit' };
  const folded = foldText(text);
  if (facts.proposes) {
    // Next to a proposal the buttons carry the turn: text that claims it is done, or fails any check, is dropped.
    if (text === '' || SAYS_DONE.test(folded)) return { verdict: 'ok', dropText: text !== '' };
    return checkDraft({ ...facts, proposes: false }).verdict === 'ok' ? { verdict: 'ok' } : { verdict: 'ok', dropText: true };
  }
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS) return { verdict: 'fail', reason: text === '' ? 'no answer' : 'no words in the answer' };
  if (text.length > MAX_CHARS) return { verdict: 'fail', reason: `too long for WhatsApp (${text.length} characters)` };
  if (folded === foldText(facts.customerText)) return { verdict: 'fail', reason: "repeats the customer's message" };
  if (HANDS_OVER.some((pattern) => pattern.test(folded))) return { verdict: 'handoff', reason: 'the model says a colleague will answer' };
  if (NOT_AN_ANSWER.some((pattern) => pattern.test(folded))) return { verdict: 'fail', reason: 'hedges or refuses instead of answering' };
  const detected = text.length >= LANGUAGE_MIN_CHARS ? detectLanguage(text, facts.languages) : undefined;
  if (detected !== undefined && detected !== facts.language) return { verdict: 'fail', reason: `written in ${detected}, the customer writes ${facts.language}` };
  return { verdict: 'ok' };
}
