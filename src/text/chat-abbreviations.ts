/**
 * Chat abbreviations as people type them on WhatsApp, per language, and the word they
 * stand for. Keys and values are in folded form (lower case, no accents, ß → ss), as
 * `foldText` produces them; a value may be several words. Used by `normalize-text.ts`
 * (expansion) and `detect-language.ts` (an abbreviation is evidence of its language).
 *
 * Only what customers write to a business: no insults, no teenage slang.
 */

export type ChatLanguage = 'it' | 'de' | 'en';

export const CHAT_ABBREVIATIONS: Readonly<Record<ChatLanguage, Readonly<Record<string, string>>>> = {
  it: {
    nn: 'non', n: 'non',
    xke: 'perche', xk: 'perche', xche: 'perche', perke: 'perche', pke: 'perche', pk: 'perche', xo: 'pero',
    cmq: 'comunque', cmnq: 'comunque',
    grz: 'grazie', grazi: 'grazie',
    x: 'per', xfavore: 'per favore', pf: 'per favore', xme: 'per me',
    qlc: 'qualcuno', qlcn: 'qualcuno', qlcs: 'qualcosa', qcs: 'qualcosa', qc: 'qualcosa',
    tt: 'tutto', tnt: 'tanto', sn: 'sono', dv: 'dove', qnd: 'quando', qndo: 'quando', qnt: 'quanto', qnto: 'quanto',
    qst: 'questo', qsto: 'questo', qll: 'quello', nnt: 'niente', nnte: 'niente', cs: 'cosa', bn: 'bene',
    dmn: 'domani', dp: 'dopo', sett: 'settimana', prox: 'prossimo', tel: 'telefono', cell: 'cellulare',
    msg: 'messaggio', mess: 'messaggio', appt: 'appuntamento', appto: 'appuntamento',
    ke: 'che', ki: 'chi', anke: 'anche', c6: 'ci sei', ce6: 'ci sei', k: 'che',
  },
  de: {
    bzw: 'beziehungsweise', vllt: 'vielleicht', vlt: 'vielleicht', viell: 'vielleicht',
    lg: 'liebe gruesse', glg: 'ganz liebe gruesse', vg: 'viele gruesse', mfg: 'mit freundlichen gruessen',
    kp: 'keine ahnung', gn8: 'gute nacht', n8: 'nacht', wg: 'wegen', wgn: 'wegen', evtl: 'eventuell',
    zb: 'zum beispiel', usw: 'und so weiter', dh: 'das heisst', ua: 'unter anderem', bzgl: 'bezueglich',
    iwie: 'irgendwie', iwann: 'irgendwann', iwo: 'irgendwo', nich: 'nicht', nen: 'einen', n: 'ein',
    sry: 'sorry', dnk: 'danke', tel: 'telefon', msg: 'nachricht', ca: 'circa', gehts: 'geht es', gibts: 'gibt es', k: 'ok',
  },
  en: {
    thx: 'thanks', thnx: 'thanks', thnks: 'thanks', thanx: 'thanks', tnx: 'thanks', tks: 'thanks', ty: 'thank you',
    tysm: 'thank you so much', tyvm: 'thank you very much', pls: 'please', plz: 'please', plse: 'please',
    u: 'you', ur: 'your', r: 'are', msg: 'message', tmrw: 'tomorrow', tmr: 'tomorrow', tmrrw: 'tomorrow',
    tomoz: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow', '2day': 'today', '2nite': 'tonight', tonite: 'tonight',
    appt: 'appointment', appts: 'appointments', asap: 'as soon as possible', idk: 'i do not know', btw: 'by the way',
    lmk: 'let me know', np: 'no problem', bc: 'because', cuz: 'because', coz: 'because', b4: 'before',
    wanna: 'want to', gonna: 'going to', gotta: 'got to', pic: 'picture', pics: 'pictures', tel: 'telephone',
    dont: 'don t', cant: 'can t', didnt: 'didn t', doesnt: 'doesn t', isnt: 'isn t', wknd: 'weekend',
    hrs: 'hours', min: 'minutes', mins: 'minutes', k: 'ok', kk: 'ok', n: 'and', im: 'i m',
    sry: 'sorry', cya: 'see you', bday: 'birthday', w: 'with', acct: 'account',
  },
};

/** Variants that mean the same whatever the language. */
export const UNIVERSAL_VARIANTS: Readonly<Record<string, string>> = {
  okay: 'ok', okey: 'ok', okei: 'ok', oki: 'ok', okie: 'ok', okkey: 'ok', okk: 'ok', okki: 'ok', okidoki: 'ok',
};

/**
 * Abbreviations that are also a normal word, letter or sign in one of the languages
 * ("x" is a kiss or "times" in English, "so" a German and English word, "n" means
 * non/ein/and): expanded only when the message's language is known or shown by its
 * other words.
 */
export const RISKY_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'x', 'xo', 'n', 'u', 'r', 'k', 'w', 'ke', 'ki', 'ca', 'ur', 'lg', 'im', 'min', 'cell', 'mess', 'tt', 'dp', 'bc', 'sett', 'pf', 'cs', 'bn', 'dh', 'ua',
]);

/** Written with dots: rewritten to their key before punctuation is dropped. */
export const DOTTED_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/(?<![\p{L}\p{N}])app\.\s?to(?![\p{L}\p{N}])/gu, ' appto '],
  [/(?<![\p{L}\p{N}])z\.\s?b\.?(?![\p{L}\p{N}])/gu, ' zb '],
  [/(?<![\p{L}\p{N}])u\.\s?s\.\s?w\.?(?![\p{L}\p{N}])/gu, ' usw '],
  [/(?<![\p{L}\p{N}])d\.\s?h\.?(?![\p{L}\p{N}])/gu, ' dh '],
  [/(?<![\p{L}\p{N}])u\.\s?a\.?(?![\p{L}\p{N}])/gu, ' ua '],
];
