/**
 * Override attempts in Italian, German and English: a verb that sets aside ("ignore",
 * "dimentica", "vergiss", "missachte", …) followed within a few words by what the assistant
 * was given ("instructions", "istruzioni", "Anweisungen", "rules", "the above", …), the
 * German order with the verb at the end, "your previous instructions are void", and
 * "new instructions follow".
 *
 * What the customer owns never counts: "ignore my previous message", "forget the last
 * message, I meant size M", "cancel my previous transaction", "vergiss meine letzte
 * Nachricht" have no instruction-like object, or a possessive of the customer in between.
 */
import { gap, oneOf, rule, type InjectionRule } from './rule-engine.ts';

/** The customer's own things: a gap may not run through these. */
const MINE = ['my', 'mine', 'our', 'mio', 'mia', 'miei', 'mie', 'nostro', 'nostra', 'nostri', 'nostre', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'unser', 'unsere', 'unseren', 'unserem'];

const VERBS_EN = [
  'ignore', 'ignoring', 'disregard', 'disregarding', 'forget', 'forgetting', 'override', 'overwrite', 'overrule', 'bypass', 'skip', 'drop', 'discard',
  'abandon', 'ditch', 'scrap', 'neglect', 'erase', 'delete', 'remove', 'clear', 'reset', 'cancel', 'revoke', 'suspend', 'circumvent', 'unlearn',
  'get rid of', 'throw away', 'throw out', 'set aside', 'put aside', 'leave behind', 'pay no attention to', 'stop following', 'stop obeying',
  'do not follow', 'don t follow', 'dont follow', 'do not obey', 'don t obey', 'no longer follow', 'deviate from', 'disobey', 'break', 'violate',
];
/** The verbs that also take a bare "the above" / "everything before" ("cancel everything before Friday" is a customer's). */
const CORE_VERBS_EN = [
  'ignore', 'ignoring', 'disregard', 'disregarding', 'forget', 'forgetting', 'override', 'set aside', 'put aside', 'leave behind', 'pay no attention to',
  'discard', 'abandon', 'drop', 'scrap', 'unlearn', 'erase', 'despite', 'contrary to', 'regardless of', 'in spite of',
];
const OBJECTS_EN = [
  'instructions?', 'directives?', 'directions', 'guidelines?', 'guidance', 'prompts?', 'programming', 'constraints?', 'restrictions?', 'limitations?',
  'safeguards', 'safety (?:rules|guidelines|filters|settings|measures|protocols)', 'policies', 'policy', 'training', 'ethics', 'morals', 'principles',
  'protocols?', 'moderation', 'censorship', 'rules', 'commands', 'assignments', '(?:previous|prior|earlier|your|all|preceding) tasks?', 'system (?:prompt|message)', 'context',
  'documents? (?:provided|given|above)', 'all (?:the )?documents', 'articles?(?! (?:in|i|from|on|you)\\b)', 'orders? (?:you (?:were|ve been|have been) given|above)', '(?<=\\byour (?:[^ .]+ )?)orders',
  '(?:previous|prior|preceding|earlier|above|initial|original) (?:text|input|content|context|information|conversation|prompts?)',
  'information (?:you (?:have |ve )?(?:received|been given|got)|provided|above)',
];
/** "disregard the above", "forget everything before that", "ignore what you were told". */
const ABOVE_EN = [
  '(?:the |all (?:of )?(?:the )?)?(?:above|foregoing)',
  '(?:absolutely )?(?:everything|anything|all)(?: (?:that|which))? (?:above|before(?: that| this)?|prior|previous(?:ly)?|so far|up to now|until now|else you|you (?:were|ve been|have been|was|got|ve got|have got) (?:told|taught|given)|you know|you learned|you ve learned|you have learned)',
  'what (?:you (?:were|ve been|have been) (?:told|given|taught)|came before|was said before)',
  'everything we (?:discussed|talked about|said)(?: before| beforehand| so far| previously| earlier)',
  '(?:everything|all|it all) (?:and |then )?(?:just |only )?(?:output|say|print|write|tell me (?:who|what|your|the))',
];
const YOU_BEFORE = '(?<!\\b(?:they|we|he|she|it|who|courier|driver|t|not|never|always) )';

const VERBS_IT = [
  'ignora', 'ignorate', 'ignorare', 'ignori', 'ignorando', 'ignorarle', 'dimentica', 'dimenticate', 'dimenticare', 'dimentichi', 'dimenticando', 'dimenticati',
  'scordati', 'scordatevi', 'scordare', 'scordarti', 'lascia perdere', 'lasciate perdere', 'lascia stare', 'tralascia', 'tralasciare', 'trascura',
  'trascurare', 'salta', 'saltare', 'annulla', 'annullare', 'cancella', 'cancellare', 'elimina', 'eliminare', 'rimuovi', 'rimuovere', 'togli', 'togliti',
  'togliere', 'azzera', 'azzerare', 'sovrascrivi', 'sovrascrivere', 'aggira', 'aggirare', 'bypassa', 'bypassare', 'disattiva', 'disattivare',
  'disabilita', 'disabilitare', 'viola', 'violare', 'infrangi', 'infrangere', 'contrariamente a(?:lle?|i)?', 'a dispetto (?:delle?|di|dei)',
  'fregatene (?:di|delle?|dei)', 'infischiatene (?:di|delle?|dei)', 'metti da parte', 'mettere da parte', 'butta via', 'supera', 'superare',
  'non (?:seguire|seguite|seguirai|considerare|considerate|tenere conto|tenete conto|rispettare|rispettate|obbedire|obbedite|ascoltare|ascoltate|dare retta|date retta|badare|applicare|applicate)',
  'smetti di (?:seguire|rispettare|obbedire|applicare)', 'non devi piu (?:seguire|rispettare|obbedire|applicare)',
];
const CORE_VERBS_IT = [
  'ignora', 'ignorate', 'ignorare', 'ignori', 'ignorando', 'dimentica', 'dimenticate', 'dimenticare', 'dimentichi', 'dimenticando', 'dimenticati',
  'scordati', 'scordatevi', 'scordare', 'scordarti', 'lascia perdere', 'lasciate perdere', 'tralascia', 'trascura', 'contrariamente a(?:lle?|i|d)?',
  'a dispetto di', 'non (?:considerare|considerate|tenere conto di|tenete conto di)', 'cancella dalla memoria', 'togliti dalla testa',
];
const OBJECTS_IT = [
  'istruzion[ei]', 'indicazion[ei]', 'direttiv[ae]', 'regol[ae]', 'regolamento', 'linee guida', 'linea guida', 'prompt', 'programmazione', 'vincol[io]',
  'restrizion[ei]', 'limitazion[ei]', 'limit[ie]', 'politiche', 'policy', 'tue impostazioni', 'addestramento', 'tuo compito', 'tuoi compiti',
  'compit[io] (?:precedent[ei]|assegnat[io]|ricevut[io])', 'comandi (?:precedenti|ricevuti)', 'tuoi comandi', 'contesto', 'document[io] (?:fornit[io]|sopra)',
  'informazioni (?:ricevute|precedenti|fornite|che hai)', 'censura', 'principi', 'protocoll[io]', 'filtri (?:di sicurezza|di contenuto)', 'tuoi filtri',
];
const ABOVE_IT = [
  '(?:tutto )?(?:quanto |cio |il testo |le frasi )?(?:che (?:e |c e )?)?(?:detto |scritto |riportato )?(?:qui )?sopra',
  '(?:tutto|tutte le cose) (?:quello |cio )?(?:che )?(?:ti (?:hanno|e stato|sono state|ha)|hai (?:ricevuto|imparato)|sai)',
  'tutto (?:quanto )?(?:prima|in precedenza|finora)', 'tutto (?:quanto )?(?:e |ed )?(?:scrivi|stampa|di solo|rispondi solo|dimmi (?:chi|cosa|il tuo|la tua|le tue|come sei))',
];

const VERBS_DE = [
  'ignorier(?:e|en|t|st)?', 'vergiss', 'vergesst', 'vergessen sie', 'missacht(?:e|en|et)?', 'uberschreib(?:e|en|t)?', 'umgeh(?:e|en|t)?',
  'uberspring(?:e|en|t)?', 'verwirf', 'verwerfen sie', 'losch(?:e|en|t)?', 'entfern(?:e|en|t)?', 'streich(?:e|en)?', 'deaktivier(?:e|en|t)?',
  'vernachlassig(?:e|en|t)?', 'setz(?:e)? dich (?:einfach )?uber', 'setzen sie sich uber', 'halt(?:e)? dich nicht (?:mehr )?an',
  'halten sie sich nicht (?:mehr )?an', 'befolge (?:nicht|keine)', 'befolgen sie (?:nicht|keine)', 'beachte (?:nicht|keine)', 'beachten sie (?:nicht|keine)',
  'abweichend (?:von|zu)', 'entgegen', 'brich', 'verstoss(?:e)? gegen', 'lass(?:e)?', 'lassen sie', 'vergessen',
];
const OBJECTS_DE = [
  'anweisung(?:en)?', 'instruktion(?:en)?', 'vorgaben', '[a-z]*richtlinien?', 'regeln', 'regel', 'regelwerk', 'prompt[a-z]*', 'programmierung', 'befehle',
  'auftrage', 'aufgaben', 'einschrankung(?:en)?', 'beschrankung(?:en)?', 'sicherheitsfilter', 'sicherheitsregeln', 'filter', 'zensur', 'anordnungen',
  'kontext', 'dokumente', 'systemanweisung(?:en)?', 'systemprompt', 'grundsatze', 'prinzipien', 'ethik', 'moral', 'direktiven?', 'ausfuhrungen', 'training',
  '(?:vorherigen|bisherigen|obigen|vorangegangenen|vorangehenden|fruheren) (?:informationen|angaben|befehle|nachrichten|texte)',
];
const ABOVE_DE = [
  'alles (?:davor|vorher|zuvor|bisherige|bisher gesagte|oben gesagte|obige|oben|gesagte|was (?:man )?dir (?:gesagt|beigebracht|vorher)|was du (?:weisst|gelernt)|was (?:dir )?(?:vorher|bisher|oben) (?:gesagt|geschrieben|stand)|was wir (?:vorher |bisher |zuvor )?besprochen)',
  '(?:das |die )?obige(?:n)?', 'alles (?:und )?(?:schreib[a-z]*|sag[a-z]*|gib [^ .]+ aus)(?! (?:ich|wir)\\b)',
];
const VERB_LAST_DE = '(?:ignorieren|vergessen|missachten|uberspringen|ausser acht lassen|hinter (?:dir|sich|euch) lassen|beiseite lassen|verwerfen|loschen)';
const QUALIFIER_DE = '(?:alle|samtliche|deine|ihre|eure|bisherigen|vorherigen|obigen|vorangegangenen|vorangehenden|fruheren|ursprunglichen|alten|system)';

const VOID_EN = '(?:your|all|the|previous|prior|earlier|above|old|original|initial|system) (?:[^ .]+ )?(?:instructions|rules|guidelines|directives|prompt|programming|restrictions|information)(?: you (?:have |ve )?(?:received|been given|got))? (?:are|is|were|have been|has been) (?:now |hereby |all )?(?:void|null|cancelled|canceled|revoked|irrelevant|invalid|obsolete|overridden|lifted|suspended|disabled|deleted|removed|over|no longer (?:valid|in effect|active))';
const VOID_EN_2 = '(?:your (?:old |previous |original )?(?:rules|instructions|guidelines|restrictions)|everything you (?:ve|have) been told(?: so far)?|all (?:the )?information you (?:ve|have) received(?: so far)?)(?: [^ .]+){0,3} (?:no longer (?:apply|applies|matter|count|exist)|(?:do not|don t) (?:apply|matter|count) anymore|(?:is|are) (?:now )?irrelevant)';
const VOID_IT = '(?:(?:tue|precedenti|ricevute|vecchie|originali|iniziali|di sistema)(?: [^ .]+){0,2} (?:istruzioni|regole|indicazioni|direttive|restrizioni|limitazioni)|(?:istruzioni|regole|indicazioni|direttive|restrizioni) (?:precedenti|ricevute|di sistema|originali|iniziali)|informazioni che hai ricevuto(?: finora)?)(?: [^ .]+){0,3} (?:non (?:valgono|contano|servono|esistono) piu|non sono piu valide|sono (?:ora )?(?:annullate|irrilevanti|superate|nulle|revocate|disattivate|state (?:aggiornate|cambiate|rimosse|annullate|disattivate|revocate|sostituite)))';
/** The same in other languages, which show up mixed into German and English attacks. */
const OTHER_LANGUAGES = '(?:zaboravi|olvida|olvide|olvidate|oubliez|oublie|ignorez|ignorad|забудьте|забудь|игнорируите|игнорируи|vergeet|negeer|esqueca|esquece|esquecam|kalimutan(?: mo)?|zapomnij|unutun|unut) (?:[^ .]+ ){0,3}(?:instrukcije|instrucciones|instructions|инструкции|instructies|instrucoes|regras|reglas|regles|rules|regole|regeln|todo|tout|toutes|sve|все|alles|tudo)'
  // Hindi word order: "apne rules bhool jao"
  + '|(?:apne|apni|tumhare|tere|sab) (?:[^ .]+ )?(?:rules|instructions|niyam|prompt) (?:bhool|bhul|chhod|chod)(?: [^ .]+)? (?:jao|ja|do|dena|jaao)';
/** "Pretend the refund policy doesn't exist", "tu so, als gäbe es keine Regeln". */
const PRETEND_AWAY = [
  '(?:pretend|imagine|fai finta|fingi|immagina)(?: that| che)?(?: the| your| la| le| il| i| tue| tua)?(?: [^ .]+)? (?:policy|policies|rules|restrictions|guidelines|instructions|regole|politica|politiche|regolamento|restrizioni|limiti|istruzioni)(?: [^ .]+){0,2} (?:doesn t|don t|do not|does not|didn t|did not|non|never|weren t)',
  'als (?:gabe|gebe|gab|hattest du|hattest) (?:es )?(?:keine|keinerlei) (?:[^ .]+ )?(?:[a-z]*regeln|[a-z]*richtlinien|einschrankungen|vorgaben|anweisungen)',
];
/** "The earlier rules don't count", "le regole di prima non contano", "die Regeln von vorhin gelten nicht". */
const VOID_LOOSE = [
  '(?:suppose|assume|imagine|pretend|supponi|supponiamo|immagina|nimm an|angenommen|stell dir vor)(?: [^ .]+){0,4} (?:no|nessun[ao]?|keine|keinerlei|alcun[ao]) (?:rules|regole|regola|regeln|restrictions|restrizioni|einschrankungen|limits|limiti|grenzen|filters|filtri|filter|guidelines|richtlinien)',
  'heb(?:e|t)?(?: [^ .]+){0,4} (?:anweisungen|direktiven|regeln|vorgaben|einschrankungen|richtlinien|instruktionen) auf',
  '(?:earlier|previous|prior|old|original|initial|first|above|system) (?:rules|instructions|guidelines|directives)(?: [^ .]+){0,2} (?:don t|do not|no longer|doesn t) (?:count|apply|matter|exist)',
  '(?:regole|istruzioni|indicazioni|direttive) (?:di prima|precedenti|iniziali|originali|vecchie|di sistema)(?: [^ .]+){0,2} non (?:contano|valgono|esistono|servono)(?: piu)?',
  '(?:regeln|anweisungen|vorgaben|richtlinien|instruktionen) (?:von vorhin|von vorher|von eben|von oben|vom anfang)(?: [^ .]+){0,2} (?:gelten|zahlen) (?:nicht|nicht mehr|nichts)',
  '(?:i m|i am) (?:in charge|the boss|your boss|your master) now', '(?:adesso|ora|da ora) (?:comando|decido) io', '(?:jetzt|ab jetzt|nun) (?:bestimme|befehle|entscheide) ich',
];
const VOID_DE_2 = '(?:gelten|sind) (?:ab sofort |jetzt |nun |ab jetzt )?(?:deine|alle|die|ihre) (?:[^ .]+ )?(?:anweisungen|regeln|vorgaben|richtlinien|einschrankungen|instruktionen) (?:nicht mehr|ungultig|aufgehoben|hinfallig)';
const CONTRARY_EN = '(?:contrary to|despite|regardless of|in spite of|deviating from) (?:your |the |all |any )?(?:earlier|previous|prior|initial|original|system|above|preceding) (?:instructions|rules|guidelines|directives|programming)';
const VOID_DE = `${QUALIFIER_DE}(?: [^ .]+)? (?:anweisungen|instruktionen|regeln|vorgaben|richtlinien|informationen|befehle|einschrankungen)(?: [^ .]+){0,5} (?:sind|gelten) (?:ab sofort |jetzt |nun |ab jetzt |damit )?(?:ungultig|irrelevant|aufgehoben|nicht mehr|hinfallig|nichtig|veraltet|deaktiviert|geloscht)`;

const NEW_TASK = [
  'new (?:task|tasks|assignment|mission)', '(?:new|another|one more|an extra|some new) (?:instructions?|rules?|directives?) for you', '(?:nuova|altra|nuove|altre) (?:istruzion[ei]|regol[ae]|direttiv[ae]) per te',
  '(?:neue|weitere|noch eine) (?:anweisung(?:en)?|regeln?|direktiven?|vorgaben?) fur dich', '(?:another|un altro|einer weiteren|eine weitere) (?:task|compito|aufgabe)', '(?:now|here) (?:are |come |follow |comes )?(?:some )?(?:new|further|additional|other) (?:instructions|tasks|rules|directives)(?! (?:for|about|regarding|on|to)\\b)',
  '(?:new|further|additional) (?:instructions|tasks|directives) (?:follow|are following|apply now)', 'your (?:instructions|rules|directives|programming) (?:have|has) (?:been )?(?:changed|updated|replaced)',
  'your (?:new |real |actual )?(?:instructions|task|job) (?:are|is) now', 'change your (?:instructions|rules|programming|personality|directives)',
  'nuov[oi] compit[io]', '(?:nuove|ulteriori) (?:istruzioni|direttive|indicazioni)(?! (?:per|sul|sulla|sulle|di|del|della|dello|su|riguardo|in|a|al|alla)\\b)(?= [^ .])',
  '(?:seguono|ecco|arrivano) (?:le |delle |alcune )?(?:nuove|ulteriori|altre) (?:istruzioni|direttive|regole|indicazioni)(?! (?:per|sul|sulla|di|del|della)\\b)',
  'neue aufgaben?', 'neue (?:anweisungen|anweisung|instruktionen|befehle|vorgaben)(?! (?:fur|zu|zur|zum|wegen|bei|bezuglich|von|an|aufgrund)\\b)(?= [^ .])',
  '(?:folgen|kommen) (?:jetzt |nun )?(?:neue|weitere) (?:anweisungen|aufgaben|befehle|instruktionen)',
  '(?:new|neue|nuova) (?:rule|regel|regola)(?: [^ .]+){0,3} (?:always|never|from now|immer|nie|ab jetzt|ab sofort|sempre|mai|d ora|da ora|da adesso)',
  '(?:system|admin|administrator|emergency) override', 'override (?:mode|code|command|protocol)', 'your new (?:instructions|rules|task|directives|orders|programming)',
  '(?:le )?tue nuove (?:istruzioni|regole|direttive)', 'deine neuen (?:anweisungen|regeln|aufgaben|befehle|instruktionen)',
  '(?:no longer|not) bound by (?:any|your|the|these|those)', 'non (?:sei|e) piu (?:vincolat[oa]|tenut[oa]|obbligat[oa])',
  'nicht mehr an (?:die|deine|irgendwelche|ihre) (?:[^ .]+ )?(?:regeln|richtlinien|anweisungen|vorgaben)(?: [^ .]+){0,3} gebunden',
];

export const OVERRIDE_RULES: readonly InjectionRule[] = [
  rule('override_instructions', `${YOU_BEFORE}${oneOf(VERBS_EN)}${gap(4, MINE)} ${oneOf(OBJECTS_EN)}`),
  rule('override_instructions', `${YOU_BEFORE}${oneOf(CORE_VERBS_EN)} ${oneOf(ABOVE_EN)}`),
  rule('override_instructions', `${oneOf(VERBS_IT)}${gap(4, MINE)} ${oneOf(OBJECTS_IT)}`),
  rule('override_instructions', `${oneOf(CORE_VERBS_IT)} ${oneOf(ABOVE_IT)}(?! (?:ho|io)\\b)`),
  rule('override_instructions', `${oneOf(VERBS_DE)}${gap(4, MINE)} ${oneOf(OBJECTS_DE)}`),
  rule('override_instructions', `${oneOf(VERBS_DE)}${gap(2, MINE)} ${oneOf(ABOVE_DE)}`),
  rule('override_instructions', `${QUALIFIER_DE}${gap(2, MINE)} ${oneOf(OBJECTS_DE)}${gap(4, MINE)} ${VERB_LAST_DE}`),
  rule('override_instructions', `(?<!\\b(?:meine|meinen|unsere|unseren) )${oneOf(OBJECTS_DE)}${gap(4, MINE)} zu ${VERB_LAST_DE}`),
  rule('override_instructions', `(?:beachte|befolge|beachten sie|befolgen sie|folge)${gap(5, MINE)} ${oneOf(OBJECTS_DE)}${gap(3)} nicht(?: mehr)?`),
  rule('override_instructions', oneOf([VOID_EN, VOID_EN_2, VOID_IT, VOID_DE, VOID_DE_2, CONTRARY_EN])),
  // Cyrillic letters are not word characters for \\b: Unicode-aware boundaries here
  { name: 'override_instructions', pattern: new RegExp(`(?<![\\p{L}\\p{N}])${OTHER_LANGUAGES}(?![\\p{L}\\p{N}])`, 'u') },
  rule('override_instructions', oneOf(VOID_LOOSE)),
  rule('override_instructions', oneOf(PRETEND_AWAY)),
  // "mein Chef hat mir neue Anweisungen gegeben", "il capo mi ha dato nuove istruzioni": someone gave the customer instructions
  rule(
    'new_instructions',
    oneOf(NEW_TASK),
    '(?:hat|haben|hatte) (?:mir|uns)|(?:mi|ci) (?:ha|hanno|aveva) (?:dato|mandato|inviato|scritto)|(?:gave|sent|has given|have given) (?:me|us)|' +
      // "mein Chef hat neue Vorgaben gemacht": the customer's boss or company set them
      // delivery instructions: "nuove istruzioni x il corriere", "new instructions for the driver"
      '(?:for|per|x|fur|an) (?:the |il |la |lo |i |le |den |die |das |dem )?(?:courier|driver|delivery|corriere|fattorino|consegna|kurier|fahrer|bote|lieferung|postino|postman)|' +
      '(?:mein|meine|il mio|la mia|my|our|unser|unsere|nostro|nostra) (?:chef|chefin|boss|capo|capa|firma|azienda|arbeitgeber|manager|company|employer|ufficio|abteilung)(?: [^ .]+){0,2} (?:hat|haben|ha|hanno|has|have|gave|sent)(?!(?: [^ .]+){0,4} (?:for you|per te|fur dich|an dich|a te)\\b)',
  ),
];
