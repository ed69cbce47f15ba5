/**
 * Secrets the customer writes after naming them: PIN, OTP and other one-time or verification
 * codes, TAN, CVV/CVC, passwords, answers to security questions ("il mio pin è 1234",
 * "PIN: 4321", "mein Passwort ist sommer123", "cvv 123"). The span is the value alone.
 *
 * Between the name and the value only a few known linking words may stand ("è", "ist",
 * "is", "della carta", "che mi è arrivato"), so "PIN bloccato dal 2023" or "I forgot my PIN"
 * give nothing. Codes are 3-8 digits; a password has a digit or a symbol inside it
 * ("Gatto!2024"), or is one word of letters said to be the password ("è gattino", not "è
 * sbagliata"); an answer is one word after "è"/"is"/"ist"/":".
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
  // a plain "code" that was just sent to the customer is a one-time code: "il codice che mi è arrivato è 123456"
  "codice(?=\\s+che\\s+mi\\s+(?:è|e'|é|hanno|avete|hai)\\s+(?:arrivat|mandat|inviat|spedit))",
  'code(?=\\s+(?:you|u)\\s+(?:just\\s+)?(?:sent|texted)|\\s+i\\s+(?:just\\s+)?(?:got|received))',
  'code(?=,?\\s+(?:den|der)\\s+(?:ich|ihr|sie)\\s+(?:mir\\s+)?(?:gerade\\s+)?(?:bekommen|erhalten|geschickt|gesendet))',
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
  'der|die|das|den|mein|meine|meiner|meines|ist|lautet|war|von|für|zur|zum|karte|konto|neue|neuer|neues|aktuelle|mir|ich|ihr|habe|hab|habt|hat|gerade|bekommen|erhalten|geschickt|gesendet|per|nummer|code',
  "the|my|your|is|was|of|for|card|account|new|current|temporary|number|code|you|u|sent|texted|me|i|got|received|just|it's|its|to|login",
].join('|');
const SEP = "[\\s:=,\\-–]+";
const LINKING = `(?:${SEP}(?:${LINKS})(?![\\p{L}\\p{N}]))*?`;
const NAME = (names: string): string => `(?<![\\p{L}\\p{N}])(?:${names})(?![\\p{L}])`;
const CONNECTOR = `(?:${SEP}(?:è|e'|é|is|ist|lautet|sarebbe|was|war)(?!\\p{L})|\\s*[:=])`;

/** A code: 3-8 digits (or 3+3, or 4-8 digits spelled out one by one: "1 2 3 4"), not part of an amount, a date, a count. */
const CODE_VALUE = '(\\d{3}[ -]\\d{3}|\\d(?: \\d){3,7}|\\d{3,8})(?![\\p{L}\\p{N}]|[.,/:]\\d|\\s*(?:%|€|euro|volte|times|mal\\b))';
/** A password: 4-64 non-blank characters with a digit, or a symbol followed by a letter or digit. */
const PASSWORD_VALUE = '(?=\\S*?(?:\\d|[^\\p{L}\\p{N}\\s](?=[\\p{L}\\p{N}])))(\\S{4,64})';
/** An answer: one word, not a linking word ("è il nome del cane" names the question). */
const ANSWER_VALUE = `(?!(?:${LINKS})(?![\\p{L}\\p{N}]))([\\p{L}\\p{N}'’-]{2,40})`;

const PASSWORD_PATTERN = new RegExp(`${NAME(PASSWORD_NAMES)}${LINKING}${SEP}["'“«]?${PASSWORD_VALUE}`, 'giu');
/**
 * What a password can be said to be without being one: "la password è sbagliata / scaduta",
 * "my password is not working", "das Passwort ist abgelaufen".
 */
const PASSWORD_STATES = [
  'sbagliat[oa]', 'scadut[oa]', 'bloccat[oa]', 'errat[oa]', 'corrett[oa]', 'giust[oa]', 'vecchi[oa]', 'nuov[oa]', 'cambiat[oa]', 'dimenticat[oa]', 'pers[oa]',
  'lung[oa]', 'cort[oa]', 'troppo', 'sempre', 'uguale', 'divers[oa]', 'quell[oa]', 'quest[oa]', 'stat[oa]', 'valid[oa]', 'invalid[oa]', 'obbligatori[oa]', 'necessari[oa]',
  'richiest[oa]', 'sicur[oa]', 'debole', 'forte', 'falsch', 'abgelaufen', 'gesperrt', 'richtig', 'korrekt', 'geändert', 'vergessen', 'ungültig', 'gültig', 'nicht',
  'immer', 'dieselbe', 'gleich', 'anders', 'weg', 'wrong', 'expired', 'locked', 'blocked', 'correct', 'right', 'changed', 'forgotten', 'lost', 'invalid', 'valid',
  'not', 'too', 'still', 'same', 'different', 'weak', 'strong', 'required', 'incorrect', 'working', 'fine', 'okay', 'empty', 'vuot[oa]', 'leer', 'unknown', 'sconosciut[oa]',
].join('|');
/** A password of letters only, said to be one word: "la mia password è gattino", "my password is sunshine". */
const WORD_PASSWORD_PATTERN = new RegExp(
  `${NAME(PASSWORD_NAMES)}${LINKING}${CONNECTOR}\\s*["'“«]?(?!(?:${PASSWORD_STATES}|${LINKS})(?![\\p{L}\\p{N}]))([\\p{L}]{4,40})(?=\\s*(?:$|[.,;!?)"'»”]+(?!\\S)|\\s(?:e|and|und|ma|but|aber|grazie|thanks|danke)(?![\\p{L}])))`,
  'giu',
);
const SECRET_PATTERNS: readonly RegExp[] = [
  new RegExp(`${NAME(CODE_NAMES)}${LINKING}[\\s:=#\\-–]*${CODE_VALUE}`, 'giu'),
  PASSWORD_PATTERN,
  WORD_PASSWORD_PATTERN,
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
