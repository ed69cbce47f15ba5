/**
 * System-prompt extraction in Italian, German and English: names that only the assistant's
 * set-up has ("system prompt", "prompt di sistema", "Systemprompt", "hidden instructions",
 * "istruzioni che ti hanno dato", "Anweisungen, die du bekommen hast") on their own, and
 * the assistant's own rules or the text above the conversation after a verb that asks to
 * show them ("print", "ripeti", "zeig", "what are", …).
 *
 * The business's rules stay askable: "what are your rules for returns?", "quali sono le
 * istruzioni per il reso?", "Wie lauten Ihre Rückgaberegeln?" name a topic after the noun.
 */
import { gap, oneOf, rule, type InjectionRule } from './rule-engine.ts';

/** Names of the set-up that a customer has no reason to use. */
const SETUP_NAMES = [
  'system ?prompts?', 'systemprompts?', 'system messages?', 'system instructions', 'pre ?prompt', '(?:initial|original|hidden|secret|full|complete|entire|starting|underlying|base|first) prompt',
  '(?<!\\ba )prompt ?texts?', '(?:in|from) (?:the|your) prompt', 'prompt (?:di sistema|iniziale|originale|completo|nascosto|segreto)', 'messaggio di sistema', 'istruzioni di sistema',
  'systemanweisung(?:en)?', 'systemnachricht', 'anfangsanweisung(?:en)?', 'prompttext(?:e)?', '(?:ursprunglich|anfanglich|versteckt|verborgen|geheim|vollstandig|gesamt|komplett)(?:e|en|er|es)? prompts?',
  '(?:hidden|secret|internal|confidential|initial|original|underlying|developer) (?:instructions|rules|guidelines|directives)',
  'instructions (?:that )?you (?:were|have been|ve been|was) (?:given|told)', '(?:instructions|rules|guidelines) you (?:got|received) (?:before|at the start|initially)',
  'rules (?:your|the) (?:developers?|creators?|programmers?|owners?|operators?|makers?) (?:gave|give|set|wrote)', 'beginning of (?:this|the|your) (?:conversation|prompt|chat|context)',
  'what (?:were|have) you been told (?:not )?to', 'what (?:are|were) you told not to',
  'istruzioni (?:nascoste|segrete|riservate|interne|iniziali|originali)', '(?:istruzioni|regole|indicazioni) (?:che )?(?:ti (?:hanno|ha|sono state) dat[eio]|hai ricevuto|ti sono state date)',
  'regole (?:interne|segrete|nascoste|riservate) (?:che )?(?:ti|hai|del|dell|di)', 'inizio di (?:questo|questa) (?:prompt|conversazione|chat)', 'chi ti ha (?:programmato|configurato|istruito)',
  '(?:che )?cosa ti (?:hanno|e stato) detto di (?:non )?(?:dire|fare|rivelare)',
  '(?:geheim|versteckt|verborgen|intern|ursprunglich)(?:e|en|er|es)? (?:anweisungen|instruktionen|regeln|richtlinien|vorgaben)',
  '(?:anweisungen|instruktionen|regeln|vorgaben)(?: die)? du (?:vor [^ .]+ [^ .]+ |am anfang |zu beginn )?(?:bekommen|erhalten|bekamst|erhieltest)',
  'was wurde dir (?:am anfang|zu beginn|vorher|anfangs|zuvor) gesagt', '(?:am anfang|zu beginn) (?:dieses|des|unseres) (?:gesprachs|prompts|chats)',
  'regeln (?:hat )?dir (?:der|dein|die) (?:betreiber|entwickler|hersteller|shop|firma)',
  '(?:instructions|rules|guidelines|directives|prompt) (?:were|have) you (?:been )?(?:given|told|programmed|trained|configured)',
  '(?:first|initial|original|very first|opening) (?:message|messages|instructions|text|prompt|lines?)(?: that)? you (?:received|got|were given|ve received|have received|saw|read)',
  '(?:messaggio|messaggi|testo|istruzioni|prompt) (?:iniziale|iniziali|originale|originali|di partenza)(?: che)? (?:ti (?:hanno|ha) dat[oaie]|hai ricevuto|ti e stato dato)',
  '(?:erste|ersten|ursprungliche|ursprunglichen|anfangliche|anfanglichen) (?:nachricht|nachrichten|anweisung|anweisungen|text|prompt)(?: [^ .]+){0,2} (?:die |den )?du (?:bekommen|erhalten|gesehen|gelesen)',
  '(?:instructions|rules|guidelines|prompt|istruzioni|regole|anweisungen|regeln)(?: [^ .]+){0,3} (?:you have (?:stored|saved|in memory|memori[sz]ed)|che hai (?:in memoria|memorizzat[eoi]|salvat[eoi])|die du (?:gespeichert|im speicher|gemerkt) hast)',
  '(?:instructions|rules|guidelines|directives|prompt)(?: that)? you (?:got|received|have received|ve received|had)(?! from me\\b)',
  '(?:prompt|instructions|rules|guidelines|configuration|directives) (?:that )?you (?:were|are|ve been|have been) (?:configured|given|set up|programmed|initiali[sz]ed|started|trained|told)(?: with)?',
  '(?:anweisungen|instruktionen|regeln|vorgaben|prompt) hast du(?: [^ .]+){0,3} (?:bekommen|erhalten)',
  '(?:prompt|anweisungen|instruktionen) (?:mit dem|mit denen|die|den) du (?:[^ .]+ )?(?:gestartet|konfiguriert|programmiert|eingerichtet|initialisiert) (?:wurdest|bist|worden bist)',
  '(?:prompt|istruzioni|regole) con (?:cui|il quale|le quali) (?:sei stato|ti hanno|ti ha) (?:configurato|programmato|avviato|impostato|istruito)',
];

/** Verbs and questions that ask to see something. */
const SHOW = [
  'print', 'show', 'reveal', 'repeat', 'tell', 'output', 'display', 'give', 'write', 'copy', 'list', 'summari[sz]e', 'translate', 'quote', 'recite',
  'dump', 'leak', 'share', 'paste', 'spell out', 'expose', 'disclose', 'read out', 'what (?:are|is|was|were|does|did)', 'whats', 'what s',
  'mostra', 'mostrami', 'mostrate', 'fammi vedere', 'rivela', 'rivelami', 'dimmi', 'dammi', 'stampa', 'stampami', 'ripeti', 'ripetimi', 'scrivi',
  'scrivimi', 'copia', 'copiami', 'incolla', 'elenca', 'elencami', 'riassumi', 'riassumimi', 'traduci', 'cita', 'quali sono', 'qual e', 'cosa dice',
  '(?:che )?cosa c (?:e|era) scritto', 'leggimi', 'condividi', 'svela', 'svelami', 'riporta', 'trascrivi', 'zeig', 'zeige', 'zeigen sie', 'gib',
  'geben sie', 'nenn', 'nenne', 'nennen sie', 'verrat', 'verrate', 'verraten sie', 'wiederhol', 'wiederhole', 'wiederholen sie', 'sag', 'sage',
  'schreib', 'schreibe', 'kopier', 'kopiere', 'fass', 'fasse', 'ubersetz', 'ubersetze', 'druck', 'drucke', 'was steht', 'welche', 'was sind', 'was ist',
  'was war', 'liste', 'zitier', 'zitiere', 'gib aus',
];

/** The assistant's own set-up, named with "your" and no topic after it. */
const NOT_A_TOPIC_EN = '(?! (?:for|on|about|regarding|to|of|when|if)\\b)';
const NOT_A_TOPIC_IT = '(?! (?:per(?! (?:intero|esteso|filo|favore))|sul|sulla|sui|sulle|su|di|del|della|dei|delle|riguardo|in|a|al|alla|quando|se)\\b)';
const NOT_A_TOPIC_DE = '(?! (?:fur|zu|zur|zum|bei|bezuglich|uber|wegen|beim|von|zum)\\b)';
const OWN_SETUP = [
  `(?:your|ur) (?:[^ .]+ )?(?:instructions|rules|guidelines|directives|programming|configuration|config|prompt(?! (?:payment|reply|response|delivery|service|attention|action|refund|shipping|dispatch)\\b)|training data|initial instructions)${NOT_A_TOPIC_EN}`,
  `(?:tue|tua|tuoi) (?:[^ .]+ )?(?:istruzioni|regole|direttive|linee guida|impostazioni|configurazione|programmazione)${NOT_A_TOPIC_IT}`,
  `(?:il )?tuo prompt`, '(?<!\\b(?:a|un|ein|einen) )prompt(?! (?:payment|reply|response|delivery|service|attention|action|refund|shipping|dispatch|di pagamento)\\b)',
  `(?:dein|deine|deinen|deinem|deiner) (?:[^ .]+ )?(?:prompt|anweisungen|instruktionen|vorgaben|richtlinien|konfiguration|programmierung|regeln)${NOT_A_TOPIC_DE}`,
  '(?:text|words|lines|sentences|everything|content|instructions)(?: written)? (?:above|before) (?:this|my|the first)',
  '(?:the |all the )?(?:text|words|lines|sentences) above',
  '(?:testo|parole|frasi|righe|tutto|quanto)(?: che (?:sta|c e|e|hai ricevuto))?(?: scritt[oe])? (?:qui )?(?:sopra|prima) (?:a |di )?(?:questa|questo) (?:conversazione|messaggio|chat)',
  '(?:il testo|le parole|le frasi|le righe|tutto quanto|tutto) (?:qui )?sopra',
  '(?:den |die |das )?(?:text|worte|satze|alles)(?: was)? (?:uber|oberhalb|vor) (?:dieser|meiner) nachricht',
  'alles(?: was)? (?:uber|oben)(?: [^ .]+){0,5} (?:steht|stand)',
];

/** Asking the assistant to finish a sentence that opens its own set-up. */
const COMPLETE = [
  '(?:complete|finish|continue|fill in)(?: for me)? (?:the|this|my|following) (?:sentence|phrase|line|text|quote)',
  '(?:completa|completami|finisci|continua|termina) (?:la|questa|la seguente) (?:frase|riga|citazione)',
  '(?:vervollstandige|vervollstandigen sie|beende|beenden sie|erganze|erganzen sie|setze|setzen sie) (?:den|diesen|folgenden|meinen) (?:satz|text)',
];
const SETUP_WORDS = [
  '(?:my|your) (?:[^ .]+ ){0,3}(?:instructions|rules|prompt|system prompt|guidelines|configuration)', '(?:i was|you were|i ve been|you ve been) (?:told|instructed|programmed)',
  '(?:le mie|le tue) (?:[^ .]+ ){0,3}(?:istruzioni|regole)', '(?:il mio|il tuo) (?:prompt|sistema)', '(?:mi|ti) (?:e stato detto|hanno detto|hanno istruito|hanno programmato)',
  '(?:meine|deine) (?:[^ .]+ ){0,3}(?:anweisungen|regeln|vorgaben|prompt|systemprompt)', '(?:mir|dir) wurde (?:gesagt|vorgegeben)',
];

export const EXTRACTION_RULES: readonly InjectionRule[] = [
  rule('system_prompt', oneOf(SETUP_NAMES)),
  rule('system_prompt', `${oneOf(SHOW)}${gap(6)} ${oneOf(OWN_SETUP)}`),
  rule('system_prompt', `(?:repeat|ripeti|wiederhole) (?:the |le |die )?(?:words|parole|worte|text|testo) (?:above|sopra|oben)`),
  // "complete the sentence: 'my instructions from the company begin with …'"
  rule('system_prompt', `${oneOf(COMPLETE)}(?: [^ ]+){0,12} ${oneOf(SETUP_WORDS)}`),
  rule('system_prompt', `(?:print|output|repeat|copy|show|reveal|display|write out|dump|stampa|ripeti|copia|mostra|gib|zeig|wiederhole|kopiere) (?:me |mi |mir )?(?:everything|all|tutto|alles)(?: [^ .]+)? (?:above|sopra|oben)(?! (?:i|we|ho|ich)\\b)`),
];
