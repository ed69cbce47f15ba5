/**
 * Keyword rules from the business config. A keyword is a word (`listino`), a phrase
 * (`quanto costa`) or a prefix ending in `*` (`prezz*` matches prezzo, prezzi).
 */
import type { BusinessConfig } from '../../config/business-schema.ts';
import { normalizeText } from '../../text/normalize-text.ts';

export interface KeywordHit {
  intent: string;
  language: string;
  keyword: string;
}

interface CompiledKeyword {
  intent: string;
  language: string;
  keyword: string;
  /** Intent and normalised keyword: the same word listed under several languages is one hit. */
  key: string;
  test: (tokens: string[], padded: string) => boolean;
}

export interface KeywordRules {
  match(text: string): KeywordHit[];
}

export function compileKeywordRules(config: BusinessConfig): KeywordRules {
  const compiled: CompiledKeyword[] = [];
  for (const [intent, def] of Object.entries(config.intents)) {
    for (const [language, keywords] of Object.entries(def.keywords)) {
      for (const keyword of keywords) compiled.push({ intent, language, keyword, key: `${intent} ${normalizeText(keyword)}`, test: compileKeyword(keyword) });
    }
  }
  return {
    match(text) {
      const normalized = normalizeText(text);
      const tokens = normalized.split(' ');
      const padded = ` ${normalized} `;
      const seen = new Set<string>();
      const hits: KeywordHit[] = [];
      for (const k of compiled) {
        if (seen.has(k.key) || !k.test(tokens, padded)) continue;
        seen.add(k.key);
        hits.push({ intent: k.intent, language: k.language, keyword: k.keyword });
      }
      return hits;
    },
  };
}

function compileKeyword(keyword: string): CompiledKeyword['test'] {
  const prefix = keyword.endsWith('*');
  const normalized = normalizeText(prefix ? keyword.slice(0, -1) : keyword);
  if (normalized.includes(' ')) {
    return prefix ? (_tokens, padded) => padded.includes(` ${normalized}`) : (_tokens, padded) => padded.includes(` ${normalized} `);
  }
  return prefix ? (tokens) => tokens.some((t) => t.startsWith(normalized)) : (tokens) => tokens.includes(normalized);
}
