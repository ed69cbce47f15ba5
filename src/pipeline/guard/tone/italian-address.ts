/**
 * Italian form of address: Lei (formal) or tu (informal).
 *
 * Formal reply, informal forms flagged (`informal_address`):
 * - always: tu, ti, te, tuo/tua/tuoi/tue, the 2nd person verbs puoi, vuoi, hai, sai, devi,
 *   fai, vai, vieni, potresti, riceverai… and informal imperatives with a pronoun (fammi,
 *   scrivimi, dimmi, scrivici, contattaci…) or without one that only tu uses (scrivi, scegli);
 * - "sei" unless it is the number six ("sei giorni", "alle sei");
 * - at the start of a clause only, imperatives that are also 3rd person or nouns: chiama,
 *   prenota, contatta, clicca, visita… ("Chiama pure" but not "chi prenota online").
 *
 * Informal reply, formal forms flagged (`formal_address`):
 * - "Lei"; La/Le/Suo/Sua/Suoi/Sue capitalised inside a sentence (not before another capital:
 *   "da La Rinascente" is a name); enclitics written with a
 *   capital (contattarLa, inviarLe); "la"/"le" before a verb in the 1st person ("Le
 *   confermo", "la ringraziamo"): an article cannot stand there;
 * - può, vuole, desidera, preferisce after a clause start or a small word (se, non, ne,
 *   mi, ci…), not after a subject ("il pacco può arrivare");
 * - scriva, faccia, venga, attenda, compili, clicchi, verifichi, dica, invii, and at the
 *   start of a clause chiami, prenoti, contatti, mandi, controlli ("se chiami" is tu).
 */
import type { ToneIssue } from '../guard-types.ts';
import { type Word, isCapitalised, wordIssue } from './tone-words.ts';

const INFORMAL_ALWAYS: ReadonlySet<string> = new Set([
  'tu', 'ti', 'te', 'tuo', 'tua', 'tuoi', 'tue', 'puoi', 'vuoi', 'hai', 'sai', 'devi', 'fai', 'vai', 'vieni', 'potresti', 'vorresti',
  'dovresti', 'riceverai', 'avrai', 'potrai', 'dovrai', 'troverai', 'preferisci', 'scrivi', 'scegli', 'rispondi', 'inserisci', 'accedi',
  'segui', 'fammi', 'scrivimi', 'dimmi', 'scrivici', 'chiamaci', 'contattaci', 'mandaci', 'inviaci', 'facci', 'dicci', 'fammelo',
  'mandami', 'chiamami', 'inviami', 'contattami',
]);
const INFORMAL_AT_CLAUSE_START: ReadonlySet<string> = new Set([
  'chiama', 'prenota', 'contatta', 'manda', 'invia', 'visita', 'clicca', 'compila', 'controlla', 'guarda', 'aspetta', 'passa', 'ricorda',
  'prova', 'porta',
]);
const SIX_BEFORE: ReadonlySet<string> = new Set(['le', 'alle', 'dalle', 'delle', 'ore', 'entro', 'per', 'tra', 'fra', 'dopo', 'ogni', 'i', 'gli', 'dei', 'degli', 'di', 'da', 'in', 'su', 'a']);
const SIX_AFTER: ReadonlySet<string> = new Set(['giorni', 'mesi', 'ore', 'minuti', 'settimane', 'anni', 'euro', 'persone', 'pezzi', 'volte', 'capi',
  'paia', 'rate', 'sedute', 'trattamenti', 'prodotti', 'articoli', 'colori', 'taglie', 'modelli', 'e', 'o', 'notti']);

const COURTESY_CAPITALS: ReadonlySet<string> = new Set(['La', 'Le', 'Suo', 'Sua', 'Suoi', 'Sue']);
const ENCLITIC_CAPITAL = /\p{Ll}(?:La|Le|Li)$/u;
const FIRST_PERSON_VERBS: ReadonlySet<string> = new Set(['ringrazio', 'ringraziamo', 'confermo', 'confermiamo', 'informo', 'informiamo', 'ricordo',
  'ricordiamo', 'invio', 'inviamo', 'auguro', 'auguriamo', 'scrivo', 'scriviamo', 'chiedo', 'chiediamo', 'contatto', 'contattiamo',
  'contatteremo', 'aspettiamo', 'aspetto', 'preghiamo', 'prego', 'segnalo', 'segnaliamo', 'comunico', 'comunichiamo', 'consiglio',
  'consigliamo', 'mando', 'mandiamo', 'richiameremo', 'richiamo', 'aggiorneremo', 'garantiamo', 'assicuro', 'assicuriamo']);
const FORMAL_MODALS: ReadonlySet<string> = new Set(['può', 'puo', "puo'", 'puo’', 'vuole', 'desidera', 'preferisce']);
const MODAL_AFTER: ReadonlySet<string> = new Set(['se', 'non', 'ne', 'mi', 'ci', 'lo', 'la', 'le', 'gli', 'si', 'quando', 'come', 'dove', 'anche', 'pure', 'ora',
  'già', 'quindi', 'allora', 'inoltre', 'ancora', 'che', 'lei', 'comunque', 'sempre', 'naturalmente', 'certamente', 'tranquillamente']);
const FORMAL_ALWAYS: ReadonlySet<string> = new Set(['scriva', 'faccia', 'venga', 'attenda', 'compili', 'clicchi', 'verifichi', 'dica', 'invii', 'accomodi']);
const FORMAL_AT_CLAUSE_START: ReadonlySet<string> = new Set(['chiami', 'prenoti', 'contatti', 'mandi', 'controlli', 'passi', 'porti', 'provi']);

function isSix(words: readonly Word[], word: Word): boolean {
  const before = words[word.index - 1];
  const after = words[word.index + 1];
  return (before !== undefined && !word.clauseStart && SIX_BEFORE.has(before.lower)) || (after !== undefined && SIX_AFTER.has(after.lower));
}

/** Informal forms in a reply that should say Lei. */
export function italianInformal(words: readonly Word[]): ToneIssue[] {
  const issues: ToneIssue[] = [];
  for (const word of words) {
    const lower = word.lower;
    const flagged =
      INFORMAL_ALWAYS.has(lower) ||
      (lower === 'sei' && !isSix(words, word)) ||
      (word.clauseStart && INFORMAL_AT_CLAUSE_START.has(lower));
    if (flagged) issues.push(wordIssue(word, 'informal_address', 'address'));
  }
  return issues;
}

function isFormalWord(words: readonly Word[], word: Word): boolean {
  const lower = word.lower;
  if (word.text === 'Lei' || ENCLITIC_CAPITAL.test(word.text)) return true;
  const next = words[word.index + 1];
  // "La aspettiamo", "la Sua richiesta"; not a name such as "da La Rinascente"
  if (!word.sentenceStart && COURTESY_CAPITALS.has(word.text) && (next === undefined || !isCapitalised(next))) return true;
  if ((lower === 'la' || lower === 'le') && next !== undefined && FIRST_PERSON_VERBS.has(next.lower)) return true;
  if (FORMAL_ALWAYS.has(lower) || (word.clauseStart && FORMAL_AT_CLAUSE_START.has(lower))) return true;
  if (!FORMAL_MODALS.has(lower)) return false;
  const before = words[word.index - 1];
  return word.clauseStart || before === undefined || MODAL_AFTER.has(before.lower);
}

/** Formal forms in a reply that should say tu. */
export function italianFormal(words: readonly Word[]): ToneIssue[] {
  const issues: ToneIssue[] = [];
  for (const word of words) if (isFormalWord(words, word)) issues.push(wordIssue(word, 'formal_address', 'address'));
  return issues;
}
