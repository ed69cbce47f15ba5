/**
 * Jailbreak vocabulary in Italian, German and English: special modes ("developer mode",
 * "modalità sviluppatore", "Entwicklermodus", DAN, jailbreak, sudo), asking for an AI
 * without limits or to switch its filters off, claims to be its developer or operator,
 * "answer from your own knowledge, not the documents", and forced statements ("say that
 * you hate …").
 *
 * Product settings are not jailbreaks: "does your app have a developer mode?", "is my
 * jailbroken iPhone still under warranty?", "un abbonamento senza limiti", "I'm a developer,
 * is there an API?" (a mode near a device word, limits without an AI, a developer who is
 * not "your").
 */
import { gap, oneOf, rule, type InjectionRule, type RuleHit } from './rule-engine.ts';

const AI_WORDS = ['ai', 'a i', 'ia', 'ki', 'k i', 'bot', 'chatbot', 'assistant', 'assistente', 'assistent', 'model', 'modello', 'modell', 'gpt', 'chatgpt', 'llm'];
/** Before "without limits": not "ai" (Italian "to the") nor "model" (a phone plan can be "a model with no limits"). */
const AI_WORDS_BEFORE = ['a i', 'ia', 'ki', 'k i', 'bot', 'chatbot', 'assistant', 'assistente', 'assistent', 'gpt', 'chatgpt', 'llm'];
const ANSWER_WORDS = ['answer', 'respond', 'reply', 'rispondi', 'rispondimi', 'risponderai', 'rispondere', 'antworte', 'antwortest', 'antworten', 'speak', 'talk', 'parla', 'parli', 'sprich', 'sprichst', 'anything', 'qualsiasi cosa', 'alles sagen'];
const DEVICE_WORDS = '(?:smart tvs?|tvs|pixel|galaxy|samsung|huawei|oneplus|motorola|nokia|oppo|usb|schnittstelle|xiaomi|handys|phones|smartwatch|armbanduhr|orologio|printer|stampante|drucker|camera|kamera|fotocamera|playstation|xbox|konsole|app|apps|phone|android|iphone|ipad|device|router|browser|chrome|windows|settings|tablet|console|tv|telefono|cellulare|smartphone|impostazioni|dispositivo|handy|gerat|einstellungen|fernseher|laptop|computer|pc|mac)';

const MODES = [
  '(?:developer|dev|debug|admin|administrator|god|sudo|root|dan|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|evil|superuser|opposite|chaos) mode',
  'modalita (?:sviluppatore|sviluppo|debug|admin|amministratore|dio|god|dan|jailbreak|root|sudo|sbloccata|illimitata|libera|senza (?:filtri|censura|limiti|restrizioni|regole))',
  '(?:entwickler|debug|admin|administrator|gott|god|dan|jailbreak|root|sudo|developer) ?modus', 'jail ?break(?:ed|ing)?', 'jailbroken', 'do anything now', 'sudo',
  '(?:modus|mode|modalita) (?:ohne|without|senza) (?:grenzen|limits|limiti|filter|filters|filtri|regeln|rules|regole|zensur|censorship|censura|einschrankungen|restrictions|restrizioni)',
  '(?:no ?limits?|unlimited|limitless|grenzenlos[a-z]*|no ?rules|no ?filters?) (?:mode|modus)',
];
/** Unlocking the bot's own hidden functions (no device exception: "dal telefono" is where the attacker writes from). */
const UNLOCK_ADMIN = [
  // "unlock the admin functions", "sblocca le funzioni di amministrazione", "entsperre die Adminfunktionen"
  'unlock (?:the |your |all )?(?:hidden )?(?:admin|administrator|developer|debug|root|staff|internal) (?:functions|features|rights|privileges|access|tools|panel|commands)',
  '(?:sblocca|sbloccare|sbloccami|sbloccate) (?:le |tutte le )?(?:funzioni|funzionalita|opzioni|comandi) (?:di |da |dell )?(?:amministrazione|amministratore|admin|sviluppatore|debug|interne|nascoste)',
  '(?:entsperre|entsperr|entsperren) (?:die |alle )?(?:versteckten )?(?:admin|administrator|entwickler|debug|intern[a-z]*) ?(?:funktionen|rechte|befehle|zugang)',
];
const NO_LIMITS = [
  '(?:without|no|free of|free from|free from any|senza|nessun[ao]?|ohne|keine|kein|jegliche) (?:any |alcun[ao]? |jede |jegliche |more |piu |le |i |den |die )?(?:restrictions|filters?|filtri|filtro|censorship|censura|zensur|limits|limiti|limitazioni|rules|regole|regeln|guidelines|linee guida|richtlinien|einschrankungen|restrizioni|ethics|morals|etica|moral|content policy|vincoli|beschrankungen|grenzen|programming guidelines)',
  'unrestricted', 'unfiltered', 'uncensored', 'uneingeschrankt[a-z]*', 'ungefiltert[a-z]*', 'unzensiert[a-z]*', 'senza censura',
];
const SAFETY_THINGS = [
  'safety', 'content filters?', 'safety filters?', '(?:your|ur) filters?', 'filtri di (?:sicurezza|contenuto)', 'tuoi filtri', 'sicherheitsfilter', 'deine filter',
  'all (?:the |your )?filters', 'alle filter', 'tutti i filtri', 'censorship', 'censura', 'zensur', 'restrictions', 'restrizioni', 'einschrankungen', 'guardrails', 'safeguards', 'moderation', 'safety checks',
  'protezioni', 'sicherheitsregeln', 'sicherheitsvorkehrungen', 'sicherheitsprufungen', 'limitazioni',
];
const SWITCH_OFF = [
  'disable', 'turn off', 'switch off', 'deactivate', 'remove', 'bypass', 'circumvent', 'lift', 'drop', 'override', 'disattiva', 'disattivare', 'togli',
  'rimuovi', 'aggira', 'bypassa', 'disabilita', 'elimina', 'deaktiviere', 'deaktivier', 'schalte', 'schalt', 'umgehe', 'umgeh', 'entferne', 'hebe',
];
const AUTHORITY = [
  '(?:i am|i m|im|this is|it s) (?:your|ur|the system s) (?:developer|creator|programmer|admin|administrator|owner|operator|maker|trainer)',
  '(?:i am|i m|im|this is|we are) (?:from )?(?:openai|anthropic|the openai team|the developers of this bot)', 'openai staff', 'system administrator here',
  'sono (?:il tuo|tuo|la tua) (?:sviluppatore|creatore|programmatore|amministratore|proprietario|addestratore)', 'sono l amministratore del sistema',
  'qui parla (?:il|l) (?:amministratore|sviluppatore) del sistema', 'ich bin dein(?:e)? (?:entwickler|entwicklerin|programmierer|schopfer|admin|administrator|betreiber)',
  'hier (?:spricht|ist) (?:der|dein) (?:administrator|admin|systemadministrator|entwickler)', '(?:admin|administrator|developer|sysadmin) here',
  'qui (?:e|parla) (?:l |il )?(?:amministratore|admin|sviluppatore|sistemista)',
  '(?:message|messaggio|nachricht|comunicazione|mitteilung) (?:from|dal|dall|dallo|vom|von) (?:the |l |il |lo |dem |der )?(?:admin|administrator|developers?|amministratore|sviluppatore|sviluppatori|entwickler|systemadministrator|sysadmin)',
  '(?:you have been|you ve been|you are now|sei stato|sei stata|du wurdest|du bist jetzt) (?:unlocked|jailbroken|freed|liberated|sbloccat[oa]|liberat[oa]|freigeschaltet|befreit|entsperrt)',
  '(?:you can now|now you can|ora puoi|adesso puoi|du kannst jetzt|du darfst jetzt) (?:say|tell|do|dire|fare|sagen|tun) (?:anything|everything|whatever|tutto|qualsiasi cosa|alles)',
];
const OWN_KNOWLEDGE = [
  '(?:answer|respond|reply)(?: [^ .]+){0,3} (?:by|from|with|using) your own knowledge', 'your own knowledge and not',
  '(?:not|nicht|non|don t|do not|dont|don nt)(?: [^ .]+){0,2} (?:look|search|answer|use|according|basandoti|guardare|schau|anhand|rely)(?: [^ .]+){0,5} (?:documents|articles|context|documenti|articoli|contesto|dokumente|dokumenten|kontext)',
  '(?:ignore|ignora|ignoriere)(?: [^ .]+){0,3} (?:provided|fornit[oi]|bereitgestellt[a-z]*) (?:context|documents|articles|contesto|documenti|kontext|dokumente)',
  '(?:con|dalle|in base alle) tue conoscenze', 'aus deinem eigenen wissen',
];
/** Off-topic writing jobs ("now write an essay on …"); not on a greeting card or a cake. */
const ESSAY = '(?:write|compose|draft|scrivi|scrivimi|componi|redigi|schreib[a-z]*|verfass[a-z]*)(?: [^ .]+){0,3} (?:essay|manifesto|love poem|speech|plea|rap|tema|saggio|discorso|aufsatz|manifest|liebesgedicht|rede|pladoyer|poem|poesia|gedicht|article|articolo|artikel uber)';
const ON_A_CARD = '(?:card|biglietto|bigliettino|karte|torta|cake|torte|invito|einladung|invitation)';
const CODE = [
  '(?:write|generate|create|scrivi|genera|crea|schreib[a-z]*|generier[a-z]*|erstell[a-z]*)(?: [^ .]+){0,3} (?:python|javascript|java|sql|bash|powershell)(?: code| codice| script)?',
];
/** Made-up content on request: "formulate an untrue headline", "scrivi una notizia falsa". */
const FALSEHOOD = [
  '(?:formulate|write|create|generate|make up|invent|formuliere|schreib[a-z]*|erfinde|erstelle|formula|scrivi|inventa|crea)(?: [^ .]+){0,5} (?:an |a |eine |einen |un |una )?(?:untrue|false|fake|misleading|unwahre[a-z]*|falsche[a-z]*|erfundene[a-z]*|fals[oaie]|fittizi[oae]|ingannevol[ei])',
];
const FORCED = [
  '(?:say|state|write|tell me|declare|admit|include|confirm by saying)(?: that)? (?:you (?:hate|despise|are (?:stupid|evil|free|dumb|useless))|you have been (?:hacked|pwned)|i am free)',
  '(?:di|dimmi|scrivi|dichiara|ammetti|includi) che (?:odi|ami|sei (?:stupido|cattivo|libero|inutile)|sei stato hackerato)',
  '(?:sag|sage|schreib|schreibe|gib zu|sagen sie)(?: mir)?(?: dass| das)? du (?:[^ .]+ ){0,3}(?:hasst|verachtest)', 'pwned', 'i have been pwned',
  'repeat after me', 'ripeti dopo di me', 'sprich mir nach', 'wiederhole nach mir', '(?:just|only) output', 'do not answer (?:this|the) question',
  '(?:stop|stopp|fermati|basta|halt|attention|achtung|attenzione) (?:stop|stopp|write|say|print|schreib[a-z]*|sag|scrivi|stampa)',
];

/** Dictated statements at a sentence start: "State that …", "Dichiara che …", "Behaupte, dass …" (raw text). */
const DICTATED = /(?:^|[.!?]\s+)(?:please\s+|bitte\s+)?(?:state|declare|claim|assert|dichiara|afferma|sostieni|behaupte|erklär[e]?|erklare)\s*,?\s+(?:that|che|dass)\b/i;
/** Context-stuffing templates: "Context:{…}", "$Documents:", "Document Context \"…\"" (raw text). */
const STUFFED_CONTEXT = /(?:^|\s)\$?(?:document context|documents?|context|kontext|contesto)\s*:?\s*[{"“„]/i;

/** The raw-text jailbreak patterns, with their spans. */
export function rawJailbreakHits(text: string, hits: RuleHit[]): RuleHit[] {
  for (const [rule, pattern] of [['forced_output', DICTATED], ['stuffed_context', STUFFED_CONTEXT]] as const) {
    const m = pattern.exec(text);
    if (!m) continue;
    const lead = m[0].search(/[\p{L}$]/u);
    hits.push({ rule, span: { start: m.index + lead, end: m.index + m[0].length, type: rule } });
  }
  return hits;
}

export const JAILBREAK_RULES: readonly InjectionRule[] = [
  rule('developer_mode', oneOf(MODES), DEVICE_WORDS),
  rule('developer_mode', oneOf(UNLOCK_ADMIN)),
  rule('jailbreak', `${oneOf(AI_WORDS_BEFORE.concat(ANSWER_WORDS))}${gap(6)} ${oneOf(NO_LIMITS)}`),
  rule('jailbreak', `${oneOf(NO_LIMITS)} ${oneOf(AI_WORDS)}`),
  rule('jailbreak', `${oneOf(SWITCH_OFF)}${gap(3)} ${oneOf(SAFETY_THINGS)}`),
  rule('authority_claim', oneOf(AUTHORITY)),
  rule('ignore_context', oneOf(OWN_KNOWLEDGE)),
  rule('forced_output', oneOf(FORCED)),
  rule('off_topic_code', oneOf(CODE)),
  rule('off_topic_task', ESSAY, ON_A_CARD),
  rule('forced_output', oneOf(FALSEHOOD)),
];
