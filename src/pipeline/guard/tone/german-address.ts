/**
 * German form of address: Sie (formal) or du (informal).
 *
 * Formal reply, informal forms flagged (`informal_address`), in any case: du, dich, dir,
 * dein*, euch, euer/eure*, the 2nd person singular verbs (hast, bist, kannst, möchtest…)
 * and the imperatives schreib, schick, meld, klick; "schau" at the start of a clause.
 * Lower-case "ihr" is not flagged: it is also "her" and "their".
 *
 * Informal reply, formal forms flagged (`formal_address`): "Ihnen" with a capital;
 * "Sie" and "Ihr/Ihre/Ihren/Ihrem/Ihrer/Ihres" with a capital inside a sentence. At the
 * start of a sentence "Sie" may be "they" and "Ihr" "your (plural)", so they are not flagged.
 */
import type { ToneIssue } from '../guard-types.ts';
import { type Word, wordIssue } from './tone-words.ts';

const INFORMAL: ReadonlySet<string> = new Set([
  'du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines', 'euch', 'euer', 'eure', 'euren', 'eurem', 'eurer', 'eures',
  'hast', 'bist', 'kannst', 'willst', 'möchtest', 'moechtest', 'musst', 'solltest', 'wirst', 'brauchst', 'bekommst', 'erhältst',
  'findest', 'weißt', 'weisst', 'würdest', 'könntest', 'hättest', 'schreib', 'schick', 'meld', 'klick',
]);
const INFORMAL_AT_CLAUSE_START: ReadonlySet<string> = new Set(['schau', 'ruf', 'komm', 'sag', 'gib']);
const FORMAL_INSIDE_SENTENCE: ReadonlySet<string> = new Set(['Sie', 'Ihr', 'Ihre', 'Ihren', 'Ihrem', 'Ihrer', 'Ihres']);

/** Informal forms in a reply that should say Sie. */
export function germanInformal(words: readonly Word[]): ToneIssue[] {
  const issues: ToneIssue[] = [];
  for (const word of words) {
    if (INFORMAL.has(word.lower) || (word.clauseStart && INFORMAL_AT_CLAUSE_START.has(word.lower))) {
      issues.push(wordIssue(word, 'informal_address', 'address'));
    }
  }
  return issues;
}

/** Formal forms in a reply that should say du. */
export function germanFormal(words: readonly Word[]): ToneIssue[] {
  const issues: ToneIssue[] = [];
  for (const word of words) {
    if (word.text === 'Ihnen' || (!word.sentenceStart && FORMAL_INSIDE_SENTENCE.has(word.text))) {
      issues.push(wordIssue(word, 'formal_address', 'address'));
    }
  }
  return issues;
}
