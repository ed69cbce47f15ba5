/**
 * `centralino kb search "<query>" [--lang it] [--limit 5] [--config …] [--data-dir …] [--json]`:
 * the knowledge base as the bot sees it, for people checking what a customer's question
 * would find: each result with its id, score, kind, source and the matching snippet.
 */
import type { KnowledgeMatch } from '../../core/knowledge.ts';
import { openKbContext, type KbFlags } from './kb-context.ts';

export interface SearchFlags extends KbFlags {
  lang?: string;
  limit?: string;
}

const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

export async function kbSearchCommand(query: string, flags: SearchFlags): Promise<void> {
  const context = openKbContext(flags);
  try {
    const limit = flags.limit === undefined ? 5 : Math.max(1, Number.parseInt(flags.limit, 10) || 5);
    const matches = await context.knowledge.search(query, { languages: context.business.profile.languages, limit, ...(flags.lang ? { language: flags.lang } : {}) });
    console.log(flags.json ? JSON.stringify({ query, results: matches }) : formatMatches(query, matches, process.stdout.isTTY === true));
  } finally {
    await context.close();
  }
}

/** The snippet with matched words in bold on a terminal, or between * elsewhere. */
function highlighted(match: KnowledgeMatch, tty: boolean): string {
  let out = '';
  let at = 0;
  for (const [start, end] of match.highlights) {
    out += match.snippet.slice(at, start) + (tty ? `${BOLD}${match.snippet.slice(start, end)}${RESET}` : `*${match.snippet.slice(start, end)}*`);
    at = end;
  }
  return out + match.snippet.slice(at);
}

export function formatMatches(query: string, matches: readonly KnowledgeMatch[], tty = false): string {
  if (matches.length === 0) return `no entry found for "${query}"`;
  return matches
    .map((match, index) => {
      const where = `${match.source.file}:${match.source.line}${match.source.heading ? ` (${match.source.heading})` : ''}`;
      const flags = [match.kind, match.language, match.approved ? 'approved' : '', match.validUntil ? `until ${match.validUntil}` : ''].filter(Boolean).join(', ');
      return `${index + 1}. ${match.title}  [${match.id}]\n   score ${match.score.toFixed(3)}, ${flags} — ${where}\n   ${highlighted(match, tty)}`;
    })
    .join('\n\n');
}
