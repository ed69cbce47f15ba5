/**
 * What WhatsApp does with the text of a reply:
 * - `too_long`: more than TEXT_BODY_MAX (4096) characters, counted in code points;
 * - `markdown_not_supported`: Markdown that WhatsApp shows literally: **bold**, __bold__,
 *   # headings, [links](url), ![images](url), tables (one issue per table);
 * - `unbalanced_markup`: a WhatsApp marker (*bold*, _italic_, ~strike~) that opens without
 *   closing on the same line, or closes without opening, and an odd number of ``` fences.
 *
 * WhatsApp markers work only at word edges: "*ciao*" is bold, "a*b", "nome_cognome" and a
 * bullet "* item" are plain text and not flagged; "~20 minuti" is "about", not a strike.
 * Links, e-mail addresses, `inline code` and ``` blocks are not looked into. Lists ("- ",
 * "1. "), quotes ("> ") and inline code are rendered by WhatsApp and fine.
 */
import { TEXT_BODY_MAX, charCount } from '../../../core/reply-limits.ts';
import type { ToneIssue } from '../guard-types.ts';

const MARKDOWN = /\*\*[^*\n]+\*\*|__[^_\n]+__|!?\[[^\]\n]+\]\([^)\s]+\)|^[ \t]{0,3}#{1,6}[ \t]+\S[^\n]*/gmu;
const TABLE_LINE = /^[ \t]*\|[^\n]*\|[ \t]*$/;
const FENCE = /```/g;
const CODE = /```[\s\S]*?```|`[^`\n]+`/g;
const URL = /(?:https?:\/\/|www\.)\S+/giu;
const HAS_URL = /https?:\/\/|www\./i;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const HAS_MARKER = /[*_~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const MARKERS = ['*', '_', '~'] as const;

function issue(start: number, end: number, rule: string, found: string, type = 'format'): ToneIssue {
  return { start, end, type, rule, found };
}

function tooLong(text: string): ToneIssue[] {
  const count = charCount(text);
  if (count <= TEXT_BODY_MAX) return [];
  let start = 0;
  for (let seen = 0; seen < TEXT_BODY_MAX; seen++) start += (text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
  return [issue(start, text.length, 'too_long', `${count} characters`, 'length')];
}

function tables(text: string): ToneIssue[] {
  const issues: ToneIssue[] = [];
  let at = 0;
  let open: { start: number; end: number } | undefined;
  for (const line of text.split('\n')) {
    if (TABLE_LINE.test(line) && (line.match(/\|/g)?.length ?? 0) >= 2) {
      if (open === undefined) open = { start: at, end: at + line.length };
      else open.end = at + line.length;
    } else if (open !== undefined) {
      issues.push(issue(open.start, open.end, 'markdown_not_supported', text.slice(open.start, open.end)));
      open = undefined;
    }
    at += line.length + 1;
  }
  if (open !== undefined) issues.push(issue(open.start, open.end, 'markdown_not_supported', text.slice(open.start, open.end)));
  return issues;
}

function markdown(text: string): ToneIssue[] {
  const issues: ToneIssue[] = [];
  for (const m of text.matchAll(MARKDOWN)) issues.push(issue(m.index, m.index + m[0].length, 'markdown_not_supported', m[0]));
  return issues.concat(tables(text));
}

const spaces = (m: string) => ' '.repeat(m.length);

/** The text with code, links, e-mail addresses and the given ranges blanked out (same length, so positions stay). */
function blank(text: string, ranges: readonly ToneIssue[]): string {
  let out = text;
  if (out.includes('`')) out = out.replace(CODE, spaces);
  if (HAS_URL.test(out)) out = out.replace(URL, spaces);
  if (out.includes('@')) out = out.replace(EMAIL, spaces);
  for (const r of ranges) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out;
}

/** Unbalanced markers of one kind on one line starting at `offset`. */
function unbalancedOnLine(line: string, offset: number, marker: string, issues: ToneIssue[]): void {
  let open = -1;
  for (let i = line.indexOf(marker); i !== -1; i = line.indexOf(marker, i + 1)) {
    const prev = line[i - 1];
    const next = line[i + 1];
    if (marker === '~' && next !== undefined && /\d/.test(next)) continue;
    const canOpen = (prev === undefined || (!WORD_CHAR.test(prev) && prev !== marker)) && next !== undefined && !SPACE.test(next) && next !== marker;
    const canClose = prev !== undefined && !SPACE.test(prev) && prev !== marker && (next === undefined || (!WORD_CHAR.test(next) && next !== marker));
    if (open !== -1 && canClose) open = -1;
    else if (canOpen) open = open === -1 ? i : open;
    else if (canClose) issues.push(issue(offset + i, offset + i + 1, 'unbalanced_markup', marker));
  }
  if (open !== -1) issues.push(issue(offset + open, offset + open + 1, 'unbalanced_markup', marker));
}

function unbalanced(text: string, markdownIssues: readonly ToneIssue[]): ToneIssue[] {
  const issues: ToneIssue[] = [];
  const fences = [...text.matchAll(FENCE)];
  const lastFence = fences[fences.length - 1];
  if (fences.length % 2 === 1 && lastFence !== undefined) issues.push(issue(lastFence.index, lastFence.index + 3, 'unbalanced_markup', '```'));
  if (!HAS_MARKER.test(text)) return issues;
  const plain = blank(text, markdownIssues);
  let offset = 0;
  for (const line of plain.split('\n')) {
    for (const marker of MARKERS) if (line.includes(marker)) unbalancedOnLine(line, offset, marker, issues);
    offset += line.length + 1;
  }
  return issues;
}

/** Length and formatting issues of a WhatsApp text body. */
export function whatsappFormatIssues(text: string): ToneIssue[] {
  const markdownIssues = markdown(text);
  return [...tooLong(text), ...markdownIssues, ...unbalanced(text, markdownIssues)];
}
