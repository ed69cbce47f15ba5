/**
 * Small talk without a model: greetings, thanks, acknowledgements, goodbyes, laughter,
 * yes/no and emoji-only messages, in Italian, German and English.
 *
 *   detectSmallTalk('grazie mille!!')                    → { kind: 'thanks', language: 'it', … }
 *   detectSmallTalk('ok perfetto')                       → { kind: 'ack', language: 'it', … }
 *   detectSmallTalk('👍')                                → { kind: 'emoji', emoji: ['👍'], … }
 *   detectSmallTalk('grazie, quanto costa la manicure?') → undefined (there is a question)
 *
 * Only a message that is small talk from end to end counts: every word must belong to a
 * small-talk phrase ("grazie", "vielen dank", "see you") or to a filler that goes with one
 * ("mille", "nochmal", "so much", "ragazze"); emoji and emoticons may be anywhere. A name
 * ("grazie Giulia") is not known, so such a message is not small talk.
 */
import { emojiOf, foldTokens } from './normalize-text.ts';

export type SmallTalkKind = 'greeting' | 'thanks' | 'ack' | 'goodbye' | 'laugh' | 'yes' | 'no' | 'emoji';

export interface SmallTalk {
  /** What the message is, when it has several parts the one that needs an answer most. */
  kind: SmallTalkKind;
  /** it, de or en when the words show it ("grazie", "danke"); absent for "ok", "👍". */
  language?: string;
  /** Every part found, in order ("ok grazie" → ack, thanks); 'emoji' when there are no words. */
  kinds: SmallTalkKind[];
  /** Emoji and text emoticons of the message. */
  emoji: string[];
}

/** When a message has several parts: a yes or no answers a question, thanks beat a goodbye, … */
const PRIORITY: readonly SmallTalkKind[] = ['no', 'yes', 'thanks', 'goodbye', 'greeting', 'ack', 'laugh', 'emoji'];
const MAX_WORDS = 12;
const MAX_PHRASE_WORDS = 6;

type PhraseKind = Exclude<SmallTalkKind, 'emoji' | 'laugh'> | 'filler';
type Section = 'it' | 'de' | 'en' | 'any';

const DAYS: Readonly<Record<'it' | 'de' | 'en', string>> = {
  it: 'lunedì martedì mercoledì giovedì venerdì sabato domenica domani dopo',
  de: 'montag dienstag mittwoch donnerstag freitag samstag sonntag morgen',
  en: 'monday tuesday wednesday thursday friday saturday sunday tomorrow',
};
const days = (language: keyof typeof DAYS, pattern: string) => DAYS[language].split(' ').map((d) => pattern.replace('#', d)).join(' | ');

/** Phrases in natural spelling, "|" between them; folded at load like a message. */
const PHRASES: Readonly<Record<PhraseKind, Partial<Record<Section, string>>>> = {
  greeting: {
    it: `ciao | salve | buongiorno | buon giorno | buonasera | buona sera | buon pomeriggio | ehi | ehilà | ciao a tutti | come stai |
      come va | come state`,
    de: `hallo | hallöchen | huhu | guten morgen | guten tag | guten abend | moin | moin moin | servus | grüß gott | grüß dich | grüezi |
      hallo zusammen | wie geht's | wie geht es dir | wie geht es ihnen | na`,
    en: `hello | hiya | hey there | hi there | hello there | good morning | morning | good afternoon | good evening | howdy | greetings |
      how are you | how are u | how r u | how's it going | what's up | sup`,
    any: `hi | hey | hei | hola`,
  },
  thanks: {
    it: `grazie | grz | grazie a te | grazie a voi | ti ringrazio | vi ringrazio | la ringrazio | gentilissima | gentilissimo |
      gentilissimi | gentilissime | troppo gentile | molto gentile | grazie 1000 | siete fantastiche | siete fantastici |
      siete i migliori | siete le migliori | sei un tesoro | sei un angelo`,
    de: `danke | dankeschön | danke schön | danke sehr | vielen dank | vielen lieben dank | herzlichen dank | besten dank |
      tausend dank | danke dir | danke euch | danke ihnen | dnk | ihr seid die besten | du bist die beste | du bist der beste |
      sie sind die besten | ihr seid super`,
    en: `thanks | thank you | thank u | thx | thnx | thnks | tnx | thanx | tks | ty | tysm | tyvm | many thanks | cheers |
      much appreciated | appreciate it | thank you very much | you're the best | you are the best | you guys are the best |
      you guys rock | you rock | you're a star | you are a star`,
    any: `merci | merci beaucoup`,
  },
  ack: {
    it: `va bene | va benissimo | vabbè | vabbene | perfetto | perfetta | ottimo | ottima | benissimo | bene | benone | capito |
      ho capito | ricevuto | d'accordo | daccordo | tutto chiaro | chiaro | tutto ok | tutto bene | prego | di niente | di nulla |
      figurati | non c'è problema | nessun problema | fantastico | giusto`,
    de: `passt | passt schon | alles klar | alles gut | in ordnung | verstanden | prima | gut | sehr gut | perfekt | toll | klasse |
      wunderbar | bitte | bitte schön | bitte sehr | gern geschehen | kein problem | kein ding | geht klar`,
    en: `alright | all right | got it | gotcha | noted | sounds good | fine | great | perfect | nice | awesome | lovely | brilliant |
      understood | will do | all good | no problem | no worries | np | you're welcome | youre welcome | fair enough | amazing |
      excellent | good`,
    any: `ok | okay | okey | oki | okie | okk | k | kk | super | top | cool | wow | mega`,
  },
  goodbye: {
    it: `arrivederci | arrivederla | a presto | a dopo | a più tardi | ci vediamo | ci sentiamo | alla prossima | buona giornata |
      buona serata | buonanotte | buona notte | buon weekend | buon fine settimana | buona domenica | ciao ciao | un saluto | saluti |
      cordiali saluti | un abbraccio | baci | ${days('it', 'a #')} | ${days('it', 'ci vediamo #')}`,
    de: `tschüss | tschau | auf wiedersehen | wiedersehen | bis bald | bis dann | bis später | bis gleich | schönen tag |
      schönen tag noch | schönen abend | schönes wochenende | gute nacht | gn8 | lg | glg | liebe grüße | viele grüße | mfg |
      mit freundlichen grüßen | mach's gut | ${days('de', 'bis #')}`,
    en: `bye | bye bye | goodbye | good bye | see you | see ya | see u | cya | see you soon | see you later | talk soon | take care |
      have a nice day | have a good day | have a great day | have a good one | have a nice weekend | good night | ttyl |
      kind regards | best regards | regards | xoxo | xx | xxx | ${days('en', 'see you #')} | ${days('en', 'see u #')}`,
  },
  yes: {
    it: `sì | si | certo | certamente | esatto | esattamente | sicuro | assolutamente sì | volentieri | sissi | ovvio | ovviamente |
      confermo | confermato | sì certo`,
    de: `ja | jawohl | jap | jep | jo | jup | genau | klar | na klar | sicher | gerne | gern | auf jeden fall | natürlich | ja klar |
      richtig | stimmt | bestätigt`,
    en: `yes | yeah | yep | yup | sure | of course | absolutely | definitely | certainly | correct | exactly | right | yes please |
      confirmed | i confirm`,
  },
  no: {
    it: `per niente | non ancora | non importa | lascia stare | lasciamo stare | assolutamente no | niente`,
    de: `nein | nee | noe | auf keinen fall | lieber nicht | noch nicht | eher nicht`,
    en: `nope | nah | not really | not yet | never mind | nevermind | no way | not now`,
    any: `no`,
  },
  filler: {
    it: `mille | tante | tantissime | infinite | molte | di cuore | di tutto | per tutto | x tutto | per la disponibilità | x la disponibilità |
      della disponibilità | per l'aiuto | per la risposta | per le info | per l'info | a te | a voi | anche a te | anche a voi |
      altrettanto | ancora | davvero | allora | tanto | ragazze | ragazzi | a tutti | signora | cara | caro | e | ma | molto | proprio |
      x tt | per tt | sei | siete | sei stata | sei stato | siete state | siete stati | stata | stato`,
    de: `vielmals | sehr | schön | nochmal | nochmals | dir | euch | ihnen | auch | dir auch | ihnen auch | euch auch | gleichfalls |
      für die info | für die infos | für die antwort | für die schnelle antwort | für ihre hilfe | für deine hilfe | für alles |
      ihr | zusammen | leute | und | dann | noch | lieben | also | echt | wirklich`,
    en: `so much | a lot | very much | again | you too | to you | u too | for the info | for your help | for everything |
      for the quick reply | for the reply | guys | all | then | really | so | very | and | too | much | lots | mate`,
  },
};

interface Entry {
  kind: PhraseKind;
  languages: readonly string[];
}

const LEXICON: ReadonlyMap<string, Entry> = (() => {
  const lexicon = new Map<string, { kind: PhraseKind; languages: string[] }>();
  for (const [kind, sections] of Object.entries(PHRASES) as [PhraseKind, Partial<Record<Section, string>>][]) {
    for (const [section, list] of Object.entries(sections) as [Section, string][]) {
      for (const phrase of list.split('|')) {
        const key = foldTokens(phrase).join(' ');
        if (key === '') continue;
        const entry = lexicon.get(key) ?? { kind, languages: [] };
        if (entry.kind !== kind) throw new Error(`small talk phrase "${key}" is both ${entry.kind} and ${kind}`);
        if (section !== 'any' && !entry.languages.includes(section)) entry.languages.push(section);
        lexicon.set(key, entry);
      }
    }
  }
  return lexicon;
})();

/** Every word of the lexicon, to bring "ciaoo", "sii", "grazzie" back to the word meant. */
const LEXICON_WORDS: ReadonlySet<string> = new Set([...LEXICON.keys()].flatMap((k) => k.split(' ')));

const LAUGH = /^(?:(?:ha|ah|he|eh|hi|ih){2,}[ah]?|a?hah|l+o+l+|lmf?a+o+|rofl|x+d+)$/;
const EMOTICONS = /(?<=^|\s)(?:[:;=][-'^]?[()[\]DPpOo*3|/\\]+|<3+|\^_*\^|[-o]_[-o])(?=\s|[.!?,]|$)/g;
const TRAILING_DOUBLE = /(\p{L})\1$/u;
const DOUBLES = /(\p{L})\1/gu;

/** The lexicon word a token stands for: as written, without a stretched last letter, or without doubles. */
function canonical(token: string): string {
  if (LEXICON_WORDS.has(token)) return token;
  const trimmed = token.replace(TRAILING_DOUBLE, '$1');
  if (LEXICON_WORDS.has(trimmed)) return trimmed;
  const single = token.replace(DOUBLES, '$1');
  return LEXICON_WORDS.has(single) ? single : token;
}

interface Part {
  kind: PhraseKind | 'laugh';
  languages: readonly string[];
}

/** Covers the words with phrases, longest first; undefined when a word is not small talk. */
function parse(tokens: readonly string[]): Part[] | undefined {
  const parts: Part[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n > 0 && matched === 0; n--) {
      const entry = LEXICON.get(tokens.slice(i, i + n).join(' '));
      if (entry) {
        parts.push(entry);
        matched = n;
      }
    }
    if (matched === 0) {
      if (!LAUGH.test(tokens[i] ?? '')) return undefined;
      parts.push({ kind: 'laugh', languages: [] });
      matched = 1;
    }
    i += matched;
  }
  return parts;
}

function languageOf(parts: readonly Part[]): string | undefined {
  const votes = new Map<string, number>();
  for (const part of parts) for (const l of part.languages) votes.set(l, (votes.get(l) ?? 0) + 1 / part.languages.length);
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return first && first[1] > (second?.[1] ?? 0) ? first[0] : undefined;
}

/** The small talk a whole message is, or undefined when it says anything more. */
export function detectSmallTalk(text: string): SmallTalk | undefined {
  const emoticons = text.match(EMOTICONS) ?? [];
  const emoji = [...emojiOf(text), ...emoticons];
  const tokens = foldTokens(emoticons.length > 0 ? text.replace(EMOTICONS, ' ') : text);
  if (tokens.length === 0) return emoji.length > 0 ? { kind: 'emoji', kinds: ['emoji'], emoji } : undefined;
  if (tokens.length > MAX_WORDS) return undefined;
  const words: string[] = [];
  for (const token of tokens) {
    const word = canonical(token);
    if (!LEXICON_WORDS.has(word) && !LAUGH.test(word)) return undefined; // a word no phrase has: not small talk
    words.push(word);
  }
  const parts = parse(words);
  if (!parts) return undefined;
  const kinds: SmallTalkKind[] = [];
  for (const part of parts) if (part.kind !== 'filler') kinds.push(part.kind);
  const kind = PRIORITY.find((k) => kinds.includes(k));
  if (!kind) return undefined;
  const language = languageOf(parts);
  return language === undefined ? { kind, kinds, emoji } : { kind, language, kinds, emoji };
}
