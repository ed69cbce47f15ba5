/**
 * The tone rail: does a draft reply keep the business's form of address, and will
 * WhatsApp show it as meant? Issues, in text order, with these rules:
 *
 *   informal_address       tu/du forms in a formal Italian or German reply
 *   formal_address         Lei/Sie forms in an informal Italian or German reply
 *   slang                  chat slang in a formal English reply
 *   too_long               over WhatsApp's 4096 characters
 *   markdown_not_supported **bold**, # headings, [links](url), tables
 *   unbalanced_markup      a *, _, ~ or ``` that opens and does not close (or the reverse)
 *
 * See italian-address.ts, german-address.ts, english-register.ts and whatsapp-format.ts
 * for what each rule looks at. Languages other than it/de/en get only the format rules.
 */
import type { Formality, ToneIssue } from '../guard-types.ts';
import { englishSlang } from './english-register.ts';
import { germanFormal, germanInformal } from './german-address.ts';
import { italianFormal, italianInformal } from './italian-address.ts';
import { wordsOf } from './tone-words.ts';
import { whatsappFormatIssues } from './whatsapp-format.ts';

export interface ToneOptions {
  /** `it`, `de`, `en` (a region such as `it-IT` is ignored). */
  language: string;
  formality: Formality;
}

function addressIssues(text: string, language: string, formality: Formality): ToneIssue[] {
  switch (language) {
    case 'it':
      return formality === 'formal' ? italianInformal(wordsOf(text)) : italianFormal(wordsOf(text));
    case 'de':
      return formality === 'formal' ? germanInformal(wordsOf(text)) : germanFormal(wordsOf(text));
    case 'en':
      return formality === 'formal' ? englishSlang(text) : [];
    default:
      return [];
  }
}

export function checkTone(text: string, options: ToneOptions): ToneIssue[] {
  const language = options.language.slice(0, 2).toLowerCase();
  const issues = [...addressIssues(text, language, options.formality), ...whatsappFormatIssues(text)];
  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}
