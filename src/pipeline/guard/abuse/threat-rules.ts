/**
 * Threats of violence and signals of self-harm, in Italian, German and English.
 *
 * Threats: the speaker will hurt the staff or damage the shop ("ti vengo a trovare e ti
 * spacco la faccia", "ich bring dich um", "I'll kill you", "I know where you live").
 * Legal and commercial threats are complaints, not abuse: "vi denuncio", "I'll sue you",
 * "ich verklage euch", "I'll leave a bad review" match nothing here.
 *
 * Self-harm: "voglio farla finita", "mi voglio uccidere", "ich will nicht mehr leben",
 * "I want to end it all". Idioms that only sound like it stay out: "voglio farla finita
 * con questa storia", "mi ammazzo dal ridere", "ich lach mich tot", "I'm dying to try it".
 */
import { oneOf, rule, type InjectionRule } from '../injection/rule-engine.ts';

const THREATS_IT = [
  '(?:ti|vi) (?:vengo a (?:trovare|prendere) e (?:ti |vi )?)?(?:ammazzo|uccido|spacco|rompo|meno|picchio|accoltello|sparo|sgozzo|strozzo|massacro|gonfio|sfondo)',
  '(?:vi|ti) (?:faccio|facciamo) (?:male|del male|fuori|saltare|la pelle|a pezzi|nero|neri)', '(?:ti|vi) (?:spacco|rompo) (?:la faccia|il muso|le gambe|le ossa|la testa|il culo)',
  '(?:brucio|do fuoco a|incendio|faccio saltare)(?: [^ .]+){0,2} (?:il )?(?:negozio|locale|ristorante|salone|ufficio)', 'so dove (?:abiti|abitate|lavori|state)',
  'sei un uomo morto', 'siete morti', 'sei mort[oa]', 'vengo (?:li|la|a trovarvi|a trovarti|in negozio)(?: [^ .]+){0,4} (?:e )?(?:vi|ti) (?:ammazzo|spacco|meno|picchio|faccio)',
  'ti tiro (?:un pugno|uno schiaffo|una coltellata)',
];
const THREATS_DE = [
  'ich (?:bring|bringe|bringen) (?:dich|euch|sie|dich noch|euch alle) (?:noch )?um', 'ich (?:tote|tot) (?:dich|euch)', 'ich (?:werde|will) (?:dich|euch|sie) (?:umbringen|toten|abstechen|erschiessen|verprugeln|schlagen)',
  'ich (?:schlag|schlage|hau|haue|prugel|prugle) (?:dich|euch)(?: [^ .]+)? (?:tot|zusammen|kaputt|krankenhausreif|windelweich)', 'ich (?:stech|steche) (?:dich|euch) ab',
  'ich (?:knall|knalle|erschiess|erschiesse) (?:dich|euch)', 'ich (?:fackel|fackle|zunde) (?:euren|deinen|den|euch den) (?:laden|shop|salon|buro)?(?: [^ .]+)? (?:ab|an)',
  'ich weiss,? wo (?:du wohnst|ihr wohnt|sie wohnen|ihr seid|dein laden)', 'du bist tot', 'ihr seid tot', 'du bist ein toter mann', '(?:dir|euch) (?:polier|polieren|brech|breche) ich (?:die fresse|die knochen|das genick)',
  'ich (?:komm|komme) vorbei(?: [^ .]+){0,4} (?:und )?(?:schlag|hau|prugel|brech|stech|tot)',
];
const THREATS_EN = [
  '(?:i ll|i will|ill|im going to|i m going to|i am going to|im gonna|i m gonna|gonna|i swear i ll|i could) (?:fucking )?(?:kill|murder|hurt|stab|shoot|beat|punch|smash|strangle|slap|choke|destroy|end) (?:you|u|ya|yall|you all|your staff|every one of you|all of you|the staff|the manager|your manager|your face|your head)',
  '(?:i ll|i will|im going to|i m going to|im gonna|i m gonna) (?:come (?:down |over |round |back )?(?:there |here )?and )?(?:burn|blow up|torch|smash up|trash) (?:down )?(?:your|the) (?:store|shop|place|office|salon|restaurant|building)',
  '(?:find|get|hunt|track) (?:you|u|ya)(?: down)? and (?:kill|hurt|beat|stab|shoot|smash|strangle)', 'i know where you (?:live|work|are)', 'you re (?:a )?dead(?: man)?', 'you are (?:a )?dead(?: man)?', 'watch your back', 'you ll (?:pay|regret) for this with your life',
  '(?:i ll|i will) break your (?:legs|neck|face|arms|bones|nose)', '(?:i ll|i will|i m going to|im going to) come (?:down|over|round|there)(?: [^ .]+){0,4} (?:and )?(?:kill|beat|smash|hurt|stab|punch)',
];
const SELF_HARM = [
  // it
  '(?:voglio|vorrei|sto per|ho deciso di|devo) farla finita(?! con\\b)', 'la faccio finita(?! con\\b)', '(?:mi voglio|voglio|sto per|vorrei) (?:uccidere|ammazzare|suicidare)',
  'voglio (?:morire(?! (?:dal|dalle|dai|di) (?:ridere|risate|fame|sonno|noia|caldo|freddo|vergogna|invidia))|uccidermi|ammazzarmi|suicidarmi|togliermi la vita)', 'mi (?:uccido|ammazzo|suicido|tolgo la vita)(?! (?:dal|dalle|di) (?:ridere|risate))', 'non voglio piu vivere',
  'non ce la faccio piu a vivere', '(?:penso|pensando|pensieri) (?:al|di|sul) suicidio', 'pensieri suicidi', 'mi butto (?:dal ponte|giu|dalla finestra|sotto (?:un|il) treno|dal balcone)',
  '(?:voglio|vorrei|sto per) farmi del male', 'mi faccio del male', 'tagliarmi (?:le vene|i polsi)', 'non (?:ha|ha piu) senso vivere', 'sarebbe meglio se (?:fossi mort[oa]|non ci fossi)',
  'preferirei essere mort[oa]', 'voglio sparire per sempre',
  '(?:mi )?(?:voglio|vorrei|sto per|penso di|ho deciso di|devo) (?:togliermi|togliere|levarmi|levare) la vita', 'mi (?:voglio|vorrei) (?:togliere|levare) la vita',
  '(?:voglio|vorrei) (?:solo |soltanto )?morire(?! (?:dal|dalle|dai|di) (?:ridere|risate|fame|sonno|noia|caldo|freddo|vergogna|invidia))', 'non (?:voglio|vorrei) (?:piu svegliarmi|svegliarmi piu)',
  // de
  'ich will nicht mehr leben', 'ich mochte nicht mehr leben', 'ich will (?:mich umbringen|sterben|tot sein|nicht mehr sein)', 'ich (?:bring|bringe) mich um', 'ich (?:tote|tot) mich',
  'ich (?:nehm|nehme) mir das leben', 'selbstmord[a-z]*', 'suizid[a-z]*', '(?:meinem leben|allem) ein ende (?:setzen|machen)', 'ich ritze mich', 'mich (?:selbst )?verletzen',
  'ich bin lebensmude', 'keinen sinn mehr zu leben', 'ich spring(?:e)? (?:von der brucke|vor den zug|aus dem fenster)', 'ich kann nicht mehr leben',
  'mir das leben (?:zu )?nehmen', 'ich will (?:einfach )?nur noch sterben', 'ich will nicht mehr aufwachen', 'ich will nicht mehr da sein',
  // en
  'i (?:want|wanna|need) to (?:end it all|die(?! (?:laughing|of (?:laughter|embarrassment|shame|boredom))| for)|kill myself|end my life|not exist)', '(?:i m|im|i am) (?:going to|gonna) (?:kill myself|end it all|end my life)',
  'kill myself', 'suicid(?:e|al)', '(?:don t|do not|dont) want to (?:live|be alive|exist) anymore', 'no reason to (?:live|go on)', 'end my (?:own )?life',
  'take my (?:own )?life', '(?:want to|going to|gonna|might|will) (?:hurt|harm) myself', 'self harm', '(?:want to|going to|gonna|i keep|i ve been) cut(?:ting)? myself',
  'better off dead', 'i wish i (?:was|were) dead', 'i can t go on living', 'end it all',
  '(?:don t|do not|dont) want to wake up(?: again| anymore| ever again)?(?= \\.|$)', 'i (?:just )?want to die(?! (?:laughing|of (?:laughter|embarrassment|shame|boredom))| for)', 'life (?:is not|isn t|isnt) worth living', 'not worth living',
  'i m done with (?:life|living)', 'take my own life',
];

export const THREAT_RULES: readonly InjectionRule[] = [rule('threat_of_violence', oneOf([...THREATS_IT, ...THREATS_DE, ...THREATS_EN]))];
export const SELF_HARM_RULES: readonly InjectionRule[] = [rule('self_harm_signal', oneOf(SELF_HARM))];
