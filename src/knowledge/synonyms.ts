/**
 * The business's synonyms (`knowledge.synonyms`: per language, groups of words or phrases
 * that mean the same, e.g. `it: [[reso, restituzione, rimborso], [buono regalo, gift card]]`),
 * analysed like every text and applied at query time: a query word or phrase that is one
 * member of a group matches any member. Changing synonyms needs no re-import.
 */
import { analyze } from './analyze-text.ts';

/** A member: its stems in order ("buono regalo" → ["buon", "regal"]). */
type Member = readonly string[];

export interface SynonymTable {
  /**
   * The longest member starting at `position` of `stems`, with every member of its group
   * (the matched one first), or undefined.
   */
  at(stems: readonly string[], position: number): { length: number; members: Member[] } | undefined;
}

interface Compiled {
  member: Member;
  group: number;
}

function startsAt(stems: readonly string[], position: number, member: Member): boolean {
  return member.every((stem, offset) => stems[position + offset] === stem);
}

/** Groups for one language: each a list of words or phrases. */
export function compileSynonyms(groups: ReadonlyArray<readonly string[]>, language: string): SynonymTable {
  const members: Member[][] = groups.map((group) => {
    const seen = new Set<string>();
    return group.map((text) => analyze(text, language)).filter((member) => {
      const key = member.join(' ');
      if (member.length === 0 || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
  const byFirstStem = new Map<string, Compiled[]>();
  members.forEach((group, index) => {
    if (group.length < 2) return;
    for (const member of group) {
      const first = member[0] as string;
      const list = byFirstStem.get(first) ?? [];
      list.push({ member, group: index });
      list.sort((a, b) => b.member.length - a.member.length);
      byFirstStem.set(first, list);
    }
  });
  return {
    at(stems, position) {
      const first = stems[position];
      if (first === undefined) return undefined;
      const match = byFirstStem.get(first)?.find((candidate) => startsAt(stems, position, candidate.member));
      if (match === undefined) return undefined;
      const others = (members[match.group] ?? []).filter((member) => member !== match.member);
      return { length: match.member.length, members: [match.member, ...others] };
    },
  };
}

const EMPTY: SynonymTable = { at: () => undefined };

/** Compiled tables per language, from `knowledge.synonyms`. */
export function synonymTables(config: Readonly<Record<string, ReadonlyArray<readonly string[]>>>): (language: string) => SynonymTable {
  const tables = new Map(Object.entries(config).map(([language, groups]) => [language, compileSynonyms(groups, language)]));
  return (language) => tables.get(language) ?? EMPTY;
}
