/**
 * A Markdown document — FAQ or policies (returns, shipping, cancellation, deposits) — split
 * at its headings into entries. Each heading with text under it is an entry: its title is
 * the heading, its source the heading path ("Resi › Tempi") and line. A heading that asks
 * ("Posso cambiare taglia?") makes a FAQ entry, any other a policy entry, unless the file
 * or the section says otherwise:
 *
 *   ---                                  front matter: defaults for the whole file
 *   language: it
 *   valid_until: 2026-12-31
 *   ---
 *   ## Saldi estivi
 *   <!-- kb: valid_from: 2026-07-01; valid_until: 2026-08-31; approved: yes; id: saldi -->
 *
 * Headings inside fenced code blocks do not count. Text before the first heading becomes an
 * entry titled after the file.
 */
import { LineCounter, isMap, parseDocument, type Pair } from 'yaml';
import { foldText } from '../../text/normalize-text.ts';
import type { DraftEntry, FileDefaults, FileReading, Problem } from './drafts.ts';
import { headingText, markdownToWhatsApp } from './markdown-text.ts';
import { parseDefaults, type RecordValue } from './record-entries.ts';

const HEADING = /^(#{1,6})\s+(.+)$/;
const FENCE = /^\s*(```|~~~)/;
const META = /^\s*<!--\s*kb:([\s\S]*?)-->\s*$/;
const PATH_SEPARATOR = ' › ';

interface Section {
  title: string;
  path: string[];
  line: number;
  body: string[];
  meta: RecordValue[];
}

/** Front matter between `---` lines at the top: its key/value pairs and the line the body starts on. */
function frontMatter(lines: readonly string[], problems: Problem[]): { values: RecordValue[]; start: number } {
  if (lines[0]?.trim() !== '---') return { values: [], start: 0 };
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) {
    problems.push({ line: 1, reason: 'the front matter opened by --- on line 1 is never closed' });
    return { values: [], start: lines.length };
  }
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter: counter });
  const [error] = doc.errors;
  if (error !== undefined) {
    problems.push({ line: (error.linePos?.[0]?.line ?? 1) + 1, reason: `front matter is not valid YAML: ${error.message.split('\n')[0]}` });
    return { values: [], start: close + 1 };
  }
  if (!isMap(doc.contents)) return { values: [], start: close + 1 };
  const values = (doc.contents.items as Pair[]).map((pair) => {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    const line = key?.range ? counter.linePos(key.range[0]).line + 1 : 1;
    return { name: String(key?.value ?? ''), value: (pair.value as { toJS?: (d: typeof doc) => unknown } | null)?.toJS?.(doc) ?? null, line };
  });
  return { values, start: close + 1 };
}

/** `key: value; key: value` of a `<!-- kb: … -->` comment. */
function metaValues(text: string, line: number): RecordValue[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.indexOf(':');
      return colon < 0 ? { name: part, value: '', line } : { name: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim(), line };
    });
}

function splitSections(lines: readonly string[], start: number, fileTitle: string): Section[] {
  const sections: Section[] = [{ title: fileTitle, path: [], line: start + 1, body: [], meta: [] }];
  const stack: Array<{ level: number; title: string }> = [];
  let fenced = false;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] as string;
    const current = sections[sections.length - 1] as Section;
    if (FENCE.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    const meta = fenced ? null : META.exec(line);
    if (heading) {
      const level = (heading[1] as string).length;
      const title = headingText(heading[2] as string);
      while (stack.length > 0 && (stack[stack.length - 1] as { level: number }).level >= level) stack.pop();
      stack.push({ level, title });
      sections.push({ title, path: stack.map((entry) => entry.title), line: index + 1, body: [], meta: [] });
    } else if (meta) {
      current.meta.push(...metaValues(meta[1] as string, index + 1));
    } else {
      current.body.push(line);
    }
  }
  return sections;
}

function sectionEntry(section: Section, defaults: FileDefaults, languages: readonly string[], problems: Problem[]): DraftEntry | undefined {
  const body = markdownToWhatsApp(section.body.join('\n'));
  if (body === '') return undefined;
  const id = section.meta.find((value) => value.name.trim().toLowerCase() === 'id');
  const parsed = parseDefaults(section.meta.filter((value) => value !== id), languages, defaults);
  if (parsed.problems.length > 0) {
    problems.push({ line: parsed.problems[0]?.line ?? section.line, reason: parsed.problems.map((problem) => problem.reason).join('; ') });
    return undefined;
  }
  const { kind, tags, ...rest } = parsed.defaults;
  const heading = section.path.join(PATH_SEPARATOR);
  const key = typeof id?.value === 'string' && id.value !== '' ? id.value : foldText(heading || section.title);
  return {
    ...rest,
    kind: kind ?? (section.title.trim().endsWith('?') ? 'faq' : 'policy'),
    title: section.title,
    body,
    tags,
    line: section.line,
    key,
    ...(heading === '' ? {} : { heading }),
  };
}

export function readMarkdownEntries(text: string, defaults: FileDefaults, languages: readonly string[], fileTitle: string): FileReading {
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const front = frontMatter(lines, problems);
  const parsed = parseDefaults(front.values, languages, defaults);
  problems.push(...parsed.problems);
  // a wrong file-wide setting would be wrong for every entry: nothing is imported until it is fixed
  if (problems.length > 0) return { drafts: [], problems, defaults };
  const drafts: DraftEntry[] = [];
  for (const section of splitSections(lines, front.start, fileTitle)) {
    const entry = sectionEntry(section, parsed.defaults, languages, problems);
    if (entry !== undefined) drafts.push(entry);
  }
  if (drafts.length === 0 && problems.length === 0) problems.push({ line: 1, reason: 'has no text under any heading' });
  return { drafts, problems, defaults: parsed.defaults };
}
