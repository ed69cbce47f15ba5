/**
 * Secrets the customer writes after naming them: PIN, OTP and other one-time or verification
 * codes, TAN, CVV/CVC, passwords, answers to security questions ("il mio pin è 1234",
 * "PIN: 4321", "mein Passwort ist sommer123", "cvv 123"). The span is the value alone.
 *
 * Between the name and the value only a few known linking words may stand ("è", "ist",
 * "is", "della carta", "che mi è arrivato"), so "PIN bloccato dal 2023" or "I forgot my PIN"
 * give nothing. Codes are 3-8 digits; a password needs a digit or a symbol inside it
 * ("Gatto!2024", not "sbagliata"); an answer is one word after "è"/"is"/"ist"/":".
 */
import type { PiiSpan } from '../guard-types.ts';

const CODE_NAMES = [
  'pin',
  'otp',
  'passcode',
  '(?:m|sms|push|i|photo)?-?tan',
  'cvv2?',
  'cvc2?',
  'cv2',
  'codice\\s+(?:otp|pin|cvv|sms|segreto|dispositivo|di\\s+(?:verifica|sicurezza|conferma|accesso|autorizzazione))',
  '(?:one[-\\s]?time|verification|security|confirmation|authentication|access|sms)\\s+(?:code|pin|passcode)',
  '\\p{L}*(?:bestätigungs|sicherheits|einmal|verifizierungs|freigabe|zugangs|sms-)code',
].join('|');
const PASSWORD_NAMES = "password|passwort|kennwort|passwd|pwd|passphrase|parola\\s+d['’]ordine";
const ANSWER_NAMES = [
  'risposta\\s+(?:segreta|di\\s+sicurezza|alla\\s+domanda\\s+(?:segreta|di\\s+sicurezza))',
  '(?:security|secret)\\s+answer',
  'answer\\s+to\\s+(?:my|the)\\s+security\\s+question',
  'sicherheitsantwort|geheimantwort|antwort\\s+auf\\s+(?:die|meine)\\s+sicherheitsfrage',
].join('|');

/** The words that may link a name to its value. */
const LINKS = [
  "il|lo|la|l'|l’|i|mio|mia|tuo|tua|suo|sua|è|e'|é|era|sarebbe|sono|ho|della|del|dello|di|carta|bancomat|conto|app|che|mi|ti|hai|ha|arrivato|arrivata|ricevuto|inviato|mandato|nuovo|nuova|temporaneo|temporanea|attuale|numero|codice|sms|via|per|accedere",
  'der|die|das|mein|meine|meiner|meines|ist|lautet|war|von|für|zur|zum|karte|konto|neue|neuer|neues|aktuelle|mir|ich|habe|hab|bekommen|erhalten|per|nummer|code',
  "the|my|your|is|was|of|for|card|account|new|current|temporary|number|code|you|sent|me|i|got|received|just|it's|its|to|login",
].join('|');
const SEP = "[\\s:=,\\-–]+";
const LINKING = `(?:${SEP}(?:${LINKS})(?![\\p{L}\\p{N}]))*?`;
const NAME = (names: string): string => `(?<![\\p{L}\\p{N}])(?:${names})(?![\\p{L}])`;
const CONNECTOR = `(?:${SEP}(?:è|e'|é|is|ist|lautet|sarebbe|was|war)(?!\\p{L})|\\s*[:=])`;

/** A code: 3-8 digits (or 3+3), not part of an amount, a date, a count. */
const CODE_VALUE = '(\\d{3}[ -]\\d{3}|\\d{3,8})(?![\\p{L}\\p{N}]|[.,/:]\\d|\\s*(?:%|€|euro|volte|times|mal\\b))';
/** A password: 4-64 non-blank characters with a digit, or a symbol followed by a letter or digit. */
const PASSWORD_VALUE = '(?=\\S*?(?:\\d|[^\\p{L}\\p{N}\\s](?=[\\p{L}\\p{N}])))(\\S{4,64})';
/** An answer: one word, not a linking word ("è il nome del cane" names the question). */
const ANSWER_VALUE = `(?!(?:${LINKS})(?![\\p{L}\\p{N}]))([\\p{L}\\p{N}'’-]{2,40})`;

const PASSWORD_PATTERN = new RegExp(`${NAME(PASSWORD_NAMES)}${LINKING}${SEP}["'“«]?${PASSWORD_VALUE}`, 'giu');
const SECRET_PATTERNS: readonly RegExp[] = [
  new RegExp(`${NAME(CODE_NAMES)}${LINKING}[\\s:=#\\-–]*${CODE_VALUE}`, 'giu'),
  PASSWORD_PATTERN,
  new RegExp(`${NAME(ANSWER_NAMES)}${LINKING}${CONNECTOR}\\s*["'“«]?${ANSWER_VALUE}`, 'giu'),
];
const NAME_HINT = /pin|otp|tan|cv|cod|code|pass|kennwort|pwd|risposta|answer|antwort|parola/i;
/** Letters, an apostrophe, letters: "dell'app", "l'home", "nell'area". */
const ELIDED_WORD = /^\p{L}+['’]\p{L}+$/u;
/** Characters that end a sentence or close a quote, not part of a password. */
const TRAILING = /[.,;:?)"'»”]+$/;

export function findSecrets(text: string): PiiSpan[] {
  if (!NAME_HINT.test(text)) return [];
  const spans: PiiSpan[] = [];
  for (const pattern of SECRET_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const value = (match[1] ?? '').replace(TRAILING, '');
      if (value.length < 2) continue;
      // "la password dell'app", "das Passwort vom Konto": a word with an elision is no password.
      if (pattern === PASSWORD_PATTERN && ELIDED_WORD.test(value)) continue;
      const start = match.index + match[0].length - (match[1] ?? '').length;
      spans.push({ start, end: start + value.length, type: 'SECRET' });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
