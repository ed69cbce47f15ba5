/**
 * The business's own texts against its own form of address, at start-up: an approved answer
 * written with "Lei" in a business that says `tone: informal` is the business's choice, so it
 * is reported (logged) rather than blocked at run time.
 */
import type { BusinessConfig } from '../../config/business-schema.ts';
import { checkTone } from './tone/check-tone.ts';

export interface ApprovedTextToneIssue {
  /** Where in the business file, e.g. `intents.prices.answer.it`. */
  path: string;
  rule: string;
  found: string;
}

export function approvedTextToneIssues(config: BusinessConfig): ApprovedTextToneIssue[] {
  const texts: [string, Record<string, string> | undefined][] = [
    ...Object.entries(config.texts).map(([key, value]): [string, Record<string, string> | undefined] => [`texts.${key}`, value]),
    ...Object.entries(config.intents).flatMap(([id, intent]): [string, Record<string, string> | undefined][] => [
      [`intents.${id}.answer`, intent.answer],
      [`intents.${id}.summary`, intent.summary],
    ]),
    ...Object.entries(config.menus).map(([name, menu]): [string, Record<string, string> | undefined] => [`menus.${name}.body`, menu.body]),
  ];
  const issues: ApprovedTextToneIssue[] = [];
  for (const [path, byLanguage] of texts) {
    for (const [language, text] of Object.entries(byLanguage ?? {})) {
      for (const issue of checkTone(text, { language, formality: config.profile.tone })) issues.push({ path: `${path}.${language}`, rule: issue.rule, found: issue.found });
    }
  }
  return issues;
}
