/**
 * Words left out of the index and of queries, per language, already folded (no accents):
 * articles, pronouns, prepositions, auxiliaries and the chat filler of customer messages
 * ("ciao", "vorrei sapere", "bitte", "hello", "please"). Queries are OR-ed terms ranked by
 * BM25, so a stop word would only add noise and work. Words that carry meaning in a shop
 * ("non" aside: negation does not change which entry is relevant) are kept.
 */

const IT = `a ad al allo alla ai agli alle all anche ancora avere avete abbiamo avrei avrebbe buongiorno buonasera
  c ce ci ciao che chi come con col coi cosa cui d da dal dallo dalla dai dagli dalle dell della delle dello degli dei del di
  dove dunque e ed era essere e gia gli grazie ha hai hanno ho i il in io l la le lei li lo loro lui ma me mi mia mie miei mio
  molto ne nel nella nelle nello negli nei no noi non nostro nostra o ogni per perche pero piu po poi posso possiamo potete
  potrei puo qual quale quali quando quanto quanta quanti quante quel quella quelle quelli quello questa queste questi questo
  salve sapere saper se sei si sia siamo siete sono sta stai su sua sue sui sul sulla sulle suo suoi te ti tra fra tu tua tue
  tuo tuoi un una uno vi voi volevo vorrei vorremmo vostro vostra gentile gentilmente buon buona salve scusate scusa favore
  cortesia cmq comunque ok okay allora fare faccio fate`;

const DE = `aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bitte bist da damit dann das dass
  dem den denn der des die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es
  etwa euch euer fur gibt hab habe haben hat hatte hatten hallo hier ich ihr ihre ihnen ihrem ihren ihrer im in ist ja je
  jetzt kann konnen konnte konnten kein keine man mal mich mir mit muss mussen nach nicht noch nur ob oder ohne schon sehr
  sein seine sich sie sind so soll sollte uber um und uns unser unsere unter vom von vor war waren was weil welche welcher
  welches wenn wer werde werden wie wieder will wir wird wo wollen wollte wurde wurden zu zum zur danke guten
  frage fragen gerne liebe lieber moin servus grusse gruss okay ok`;

const EN = `a about am an and any are as at be been being but by can could d did do does doing for from had has have
  having he hello her here hers hi him his how i if in into is it its just ll me my myself no nor not now of off on once only
  or our ours out over please re s she should so some such t than thank thanks that the their theirs them then there these
  they this those through to too under until up us ve very was we were what when where which while who whom why will with
  would you your yours yourself dear hey ok okay want wanted like know tell let`;

function toSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((word) => word !== ''));
}

const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = { it: toSet(IT), de: toSet(DE), en: toSet(EN) };
const NONE: ReadonlySet<string> = new Set();

/** The folded stop words of a language (empty for a language without a list). */
export function stopWordsOf(language: string): ReadonlySet<string> {
  return STOP_WORDS[language] ?? NONE;
}
