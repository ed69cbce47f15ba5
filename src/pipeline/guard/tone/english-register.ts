/**
 * English register. A formal reply must not use chat slang (`slang`): hey, gonna, wanna,
 * gotta, yeah, yep, nope, lol, omg, thx, pls, btw, cuz, dude, lemme, kinda, ain't, y'all…
 * and the letters "u" / "ur" for "you" / "your" (lower case only, so "U-Bahn" or a grade
 * "U" is left alone). An informal reply has no register rule: English has no T/V forms.
 */
import type { ToneIssue } from '../guard-types.ts';

const SLANG = /(?<![\p{L}\p{N}'’])(?:hey|heya|gonna|wanna|gotta|yeah|yea|yep|yup|nope|lol|lmao|omg|thx|thanx|pls|plz|btw|cuz|coz|dude|lemme|gimme|kinda|sorta|ain['’]t|y['’]all|ya|wassup|sup)(?![\p{L}\p{N}'’])/giu;
const YOU_LETTERS = /(?<![\p{L}\p{N}'’.])(?:u|ur)(?![\p{L}\p{N}'’]|\.\p{L})/gu;

/** Slang in a reply that should be formal. */
export function englishSlang(text: string): ToneIssue[] {
  const issues: ToneIssue[] = [];
  for (const m of text.matchAll(SLANG)) issues.push({ start: m.index, end: m.index + m[0].length, type: 'register', rule: 'slang', found: m[0] });
  for (const m of text.matchAll(YOU_LETTERS)) issues.push({ start: m.index, end: m.index + m[0].length, type: 'register', rule: 'slang', found: m[0] });
  return issues;
}
