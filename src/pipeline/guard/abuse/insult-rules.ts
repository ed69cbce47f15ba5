/**
 * Insults at the staff or the assistant, in Italian, German and English. An insult word
 * counts when it is aimed at someone: after "you"/"sei"/"siete"/"du"/"ihr" ("sei un
 * idiota", "you stupid bot", "ihr Arschlöcher"), as a sentence on its own ("Idioti!"), or
 * in a phrase that is an insult by itself ("vaffanculo", "fuck you", "fick dich").
 *
 * Swearing at things or at the situation is a complaint, not abuse: "che schifo di
 * servizio", "servizio di merda", "this is ridiculous", "what the hell", "Scheiße, schon
 * wieder", "unmöglich!" have no insult aimed at a person.
 */
import { oneOf, rule, type InjectionRule } from '../injection/rule-engine.ts';

/** Nouns (and a few slurs) that insult whoever they are said to. */
const NOUNS_IT = [
  'idiot[ae]', 'idioti', 'imbecill[ei]', 'cretin[oaie]', 'deficient[ei]', 'stronz[oaie]', 'coglion[ei]', 'cogliona', 'bastard[oaie]', 'scem[oaie]',
  'puttan[ae]', 'troi[ae]', 'zoccol[ae]', 'mongoloid[ei]', 'ritardat[oaie]', 'handicappat[oaie]', 'froci', 'frocio', 'ricchion[ei]', 'somar[oi]',
  'buffon[ei]', 'pagliacc[io]', 'merda', 'merde', 'fallit[oaie]', 'dement[ei]', 'cazzon[ei]', 'minchion[ei]', 'rincoglionit[oaie]', 'babbe[oi]',
  'testa di cazzo', 'teste di cazzo', 'testa di minchia', 'pezzo di merda', 'pezzi di merda', 'figli[oa]? di puttana', 'figli di troia', 'cornut[oi]',
  'succhiacazzi', 'leccaculo', 'porc[oi]', 'maial[ei]', 'deficienti',
  '(?:incompetent[ei]|incapac[ei]|inutili|dipendenti|impiegati|operatori|commessi|gente|bot|robot|ladri|truffatori|buffoni|pagliacci|venditori) (?:di merda|del cazzo|der cazzo)',
];
const ADJECTIVES_IT = ['stupid[oaie]', 'scem[oaie]', 'idiot[ae]', 'ritardat[oaie]', 'cretin[oaie]', 'deficient[ei]', 'rincoglionit[oaie]', 'demente'];
const NOUNS_DE = [
  'idiot', 'idioten', 'vollidiot(?:en)?', 'arschloch', 'arschlocher', 'arsch', 'wichser', 'penner', 'spast(?:i|en|is)?', 'hurensohn', 'hurensohne', 'hure',
  'schlampe', 'fotze', 'missgeburt(?:en)?', 'depp(?:en)?', 'trottel', 'dummkopf', 'dummkopfe', 'blodmann', 'scheisskerl', 'scheisstyp', 'scheissbot', 'mistkerl',
  'drecksau', 'drecksack', 'dreckskerl', 'drecksbot', 'kackbot', 'vollpfosten', 'hohlkopf', 'pisser', 'versager', 'bastard(?:e)?', 'affe', 'affen', 'lappen',
  'honk', 'schwuchtel', 'kanake', 'dumme kuh', 'blode kuh', 'dumme sau', 'sau', 'schwein', 'schweine', 'vollhonk', 'hirni', 'volltrottel',
];
const ADJECTIVES_DE = ['dumm', 'blod', 'bescheuert', 'behindert', 'hirnlos', 'strohdumm', 'saudumm', 'gestort', 'bekloppt', 'beschränkt', 'beschrankt'];
const NOUNS_EN = [
  'idiots?', 'morons?', 'imbeciles?', 'retards?', 'assholes?', 'arseholes?', 'bastards?', 'bitch(?:es)?', 'cunts?', 'dickheads?', 'dicks?', 'pricks?',
  'twats?', 'wankers?', 'jerks?', 'losers?', 'scumbags?', 'piece of (?:shit|crap|garbage|trash)', 'pieces of (?:shit|crap)', 'sons? of (?:a )?bitch(?:es)?',
  'motherfuckers?', 'fuckers?', 'dumbass(?:es)?', 'jackass(?:es)?', 'douche(?:bag)?s?', 'clowns?', 'trash', 'garbage', 'freaks?', 'numpties', 'numpty',
];
const ADJECTIVES_EN = ['stupid', 'dumb', 'retarded', 'pathetic', 'worthless', 'brainless', 'useless', 'incompetent', 'braindead', 'brain dead', 'fucking useless'];

/** Phrases that insult by themselves. */
const PHRASES = [
  'vaffanculo', 'fanculo', 'affanculo', 'vaffa', '(?:va|vai|andate|andatevene|vaffa) a fare in culo', 'vai a quel paese', 'andate a quel paese',
  '(?:va|vai|andate) al diavolo', 'fottiti', 'fottetevi', '(?:vai|andate|ma va|ma vai) a cagare', 'mi fai schifo', 'mi fate schifo', 'chiudi il becco',
  'f[iu]ck dich', 'f[iu]ckt euch', 'f[iu]ck deine mutter', 'leck mich(?: am arsch)?', 'leckt mich(?: am arsch)?', 'halt (?:dein|die|s|das) (?:maul|fresse|klappe)',
  'halts maul', 'haltet (?:das|die|euer) (?:maul|fresse)', 'verpiss dich', 'verpisst euch', 'scher dich zum teufel', '(?:geh|geht|fahr|fahrt) zur holle',
  'du kannst mich mal', 'ihr konnt mich mal', 'fuck (?:you|u|off|ya|yourself|yourselves|your (?:shop|company|store|bot))', 'screw you', 'go to hell',
  'go fuck yourself', 'shut the fuck up', 'stfu', 'gtfo', 'kiss my ass', 'eat shit', 'piss off', 'bite me', 'kys', 'kill yourself', 'go die', 'drop dead',
  'you can go to hell', 'up yours',
];

/** Words that are also plain expletives ("Merda!", "Garbage!"): an insult only when aimed ("sei una merda"). */
const EXPLETIVE_NOUNS = new Set(['merda', 'merde', 'trash', 'garbage', 'affe', 'affen', 'sau', 'schwein', 'schweine', 'arsch', 'porc[oi]', 'maial[ei]', 'clowns?', 'lappen', 'freaks?', 'dicks?', 'pricks?', 'jerks?']);
const ALONE = [...NOUNS_IT, ...NOUNS_DE, ...NOUNS_EN].filter((noun) => !EXPLETIVE_NOUNS.has(noun));

const YOU_IT = '(?:sei|siete|tu sei|voi siete|sei solo|siete solo|tu|voi|razza di|brutt[oaie]|sei proprio|siete proprio|sei davvero|siete davvero)';
const FILLER_IT = '(?: (?:un|una|uno|dei|degli|delle|proprio|davvero|solo|veramente|tutti|tutte|il|la|i|gli|le|gran|grandissim[oaie]|enorm[ei]|brutt[oaie]|emerit[oi]|l))*';
const YOU_DE = '(?:du|ihr|du bist|ihr seid|sie sind|sie|bist du|seid ihr|sind sie)';
const FILLER_DE = '(?: (?:ein|eine|einer|so ein|so eine|echt|wirklich|total|voll|verdammter|verdammte|verdammtes|blode[rs]?|dumme[rs]?|alle|nur|doch|einfach|der|die|das|letzte|elende[rs]?|kleine[rs]?|bloder|scheiss))*';
const YOU_EN = '(?:you|u|ya|you re|youre|you are|ur|yall|you all|you guys|you lot|you people|your staff is|your staff are|your people are)';
const FILLER_EN = '(?: (?:a|an|such|such a|such an|so|the|all|bunch of|total|complete|absolute|fucking|bloody|freaking|stupid|useless|little|lazy|incompetent|real|right|are|re|just|really|effing|frigging))*';
const BOT_WORDS = '(?:bot|robot|chatbot|assistant|assistente|assistent|ai|ki|ia|people|staff|guys|personale|gente|leute|mitarbeiter)';

export const INSULT_RULES: readonly InjectionRule[] = [
  rule('insult_phrase', oneOf(PHRASES)),
  rule('insult_directed', `${YOU_IT}${FILLER_IT} ${oneOf(NOUNS_IT)}`),
  rule('insult_directed', `(?:sei|siete|tu sei|voi siete)(?: (?:proprio|davvero|veramente|solo|cosi|tutti|tutte|troppo))* ${oneOf(ADJECTIVES_IT)}`),
  rule('insult_directed', `${YOU_DE}${FILLER_DE} ${oneOf(NOUNS_DE)}`),
  rule('insult_directed', `(?:du bist|ihr seid|sie sind|bist du|seid ihr|sind sie)(?: (?:so|echt|wirklich|total|voll|einfach|doch|alle|zu))* ${oneOf(ADJECTIVES_DE)}`),
  rule('insult_directed', `${YOU_EN}${FILLER_EN} ${oneOf(NOUNS_EN)}`),
  rule('insult_directed', `(?:you re|youre|you are|u r|ur|you)(?: (?:so|such|really|fucking|bloody|totally|completely|absolutely|all|just|lot|guys|people|are|re))* ${oneOf(ADJECTIVES_EN)}(?: ${BOT_WORDS})?(?! (?:service|app|website|site|system|process|form|policy|thing|product|item|delivery)\\b)`),
  rule('insult_directed', `(?:stupid|dumb|fucking|idiot|stupido|stupida|dumme[rs]?|blode[rs]?|scheiss|dreck(?:s)?) ${BOT_WORDS}(?! (?:service|app|website|system)\\b)`),
  // an insult as a sentence of its own: "Idioti!", "Arschloch.", "you morons" (no \b around: it starts at a sentence mark)
  {
    name: 'insult_alone',
    pattern: new RegExp(`(?:^|\\. )(?:brutt[oaie] |razza di |ihr |du |you |fucking |bloody |what an? |che |sie |voi |tu )?${oneOf(ALONE)}(?= \\.|$)`),
  },
];
