/**
 * Markdown section text made ready to send on WhatsApp, whose formatting differs:
 * `**bold**` → `*bold*`, `*italic*` → `_italic_`, `[text](url)` → `text (url)`, `* item` →
 * `- item`; HTML comments dropped, runs of blank lines squeezed. Headings never reach here
 * (the document is split at them).
 */

const COMMENT = /<!--[\s\S]*?-->/g;
const IMAGE = /!\[([^\]]*)\]\([^)]*\)/g;
const LINK = /\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const ITALIC_STAR = /(?<![*\w])\*(?!\*)([^*\n]+?)(?<!\*)\*(?![*\w])/g;
const BOLD = /\*\*([^*\n]+?)\*\*|__([^_\n]+?)__/g;
const STAR_BULLET = /^(\s*)\* /gm;
const BLANK_RUNS = /\n{3,}/g;
const TRAILING_SPACE = /[ \t]+$/gm;

export function markdownToWhatsApp(markdown: string): string {
  return markdown
    .replace(COMMENT, '')
    .replace(IMAGE, '$1')
    .replace(LINK, (_, text: string, url: string) => (text === url ? url : `${text} (${url})`))
    .replace(STAR_BULLET, '$1- ')
    .replace(ITALIC_STAR, '_$1_')
    .replace(BOLD, (_, star: string | undefined, underscore: string | undefined) => `*${star ?? underscore ?? ''}*`)
    .replace(TRAILING_SPACE, '')
    .replace(BLANK_RUNS, '\n\n')
    .trim();
}

/** A heading's text without Markdown emphasis or closing hashes. */
export function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, '')
    .replace(/[*_`]/g, '')
    .trim();
}
