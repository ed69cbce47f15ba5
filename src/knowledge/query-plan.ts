/**
 * A customer's text turned into a full-text query: analysed like the entries (folded,
 * stop words out, stemmed), unknown words mended against the vocabulary (typos, German
 * compounds), then each word or synonym phrase becomes a group of alternatives:
 *
 *   "posso fare il reso del vestito?"  →  [["fa"]], [["res"], ["restitu"], ["rimbors"]], [["vest"]]
 *
 * Groups are OR-ed and BM25 ranks the entries that hold more, and rarer, of them.
 */
import { analyzeWords } from './analyze-text.ts';
import { stemmerFor } from './stemming.ts';
import type { SynonymTable } from './synonyms.ts';
import type { Speller } from './typo-correction.ts';

/** Long messages keep their first words: enough to find the topic, and the query stays fast. */
const MAX_GROUPS = 16;
/**
 * A word in more than this share of the entries ("prezzo" in every product) weighs little
 * in BM25 but makes the search score every entry that holds it: it is searched only when
 * the text has no rarer word.
 */
const COMMON_SHARE = 0.15;

export interface QueryPlan {
  /** Every word or phrase of the text, with its alternatives: what coverage is measured on. */
  groups: string[][][];
  /** The groups searched: `groups` without the very common ones when rarer ones exist. */
  searched: string[][][];
  /** Every stem of every alternative: the words to highlight in snippets. */
  stems: ReadonlySet<string>;
}

export interface PlanContext {
  language: string;
  knownStems: ReadonlyMap<string, number>;
  /** Number of entries in the base (for what "common" means). */
  entries: number;
  speller: Speller;
  synonyms: SynonymTable;
}

/** Stems of the text with unknown words mended; a split compound gives two stems. */
function mendedStems(text: string, context: PlanContext): string[] {
  const stem = stemmerFor(context.language);
  const out: string[] = [];
  for (const { word, stem: original } of analyzeWords(text, context.language)) {
    if (context.knownStems.has(original) || context.synonyms.at([original], 0) !== undefined) {
      out.push(original);
      continue;
    }
    const corrected = context.speller.correct(word);
    if (corrected !== undefined) {
      out.push(stem(corrected));
      continue;
    }
    const parts = context.language === 'de' ? context.speller.split(word, stem) : undefined;
    if (parts === undefined) out.push(original);
    else out.push(...parts);
  }
  return out;
}

export function planQuery(text: string, context: PlanContext): QueryPlan {
  const stems = mendedStems(text, context);
  const groups: string[][][] = [];
  const seen = new Set<string>();
  for (let position = 0; position < stems.length && groups.length < MAX_GROUPS; ) {
    const synonym = context.synonyms.at(stems, position);
    const group = synonym === undefined ? [[stems[position] as string]] : synonym.members.map((member) => [...member]);
    position += synonym?.length ?? 1;
    const key = group[0]?.join(' ') ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push(group);
  }
  return { groups, searched: withoutCommon(groups, context), stems: new Set(groups.flat(2)) };
}

function withoutCommon(groups: string[][][], context: PlanContext): string[][][] {
  const limit = context.entries * COMMON_SHARE;
  const isCommon = (group: string[][]) => group.every((alternative) => alternative.some((stem) => (context.knownStems.get(stem) ?? 0) > limit));
  const rare = groups.filter((group) => !isCommon(group));
  return rare.length > 0 ? rare : groups;
}

/** Share of the plan's groups an entry holds (one alternative of a group is enough). */
export function coverageOf(plan: QueryPlan, entryTerms: ReadonlySet<string>): number {
  if (plan.groups.length === 0) return 0;
  return termsHeld(plan, entryTerms) / plan.groups.length;
}

/** How many of the query's terms (a term with its synonyms counts once) the entry holds. */
export function termsHeld(plan: QueryPlan, entryTerms: ReadonlySet<string>): number {
  return plan.groups.filter((group) => group.some((alternative) => alternative.every((stem) => entryTerms.has(stem)))).length;
}
