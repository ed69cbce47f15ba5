/**
 * Cloud API limits for outgoing messages (API-DIGEST §2.2–2.4, §5.8).
 *
 * Lengths are counted in Unicode code points (`[...text].length`), so an emoji such as 😀
 * counts as one character even though it takes two UTF-16 units in a JS string. Meta only
 * says "characters" and does not document how emoji or surrogate pairs are counted; code
 * points are our choice until verified (a multi-code-point emoji, e.g. with a skin-tone
 * modifier, therefore counts as two or more).
 */

/** `text.body`. */
export const TEXT_BODY_MAX = 4096;

/** Reply buttons: `interactive.body.text`. */
export const BUTTONS_BODY_MAX = 1024;
/** Reply buttons: `interactive.action.buttons` length. Titles must be unique within the message. */
export const BUTTONS_MAX = 3;
/** Reply buttons: `reply.title`. */
export const BUTTON_TITLE_MAX = 20;
/** Reply buttons: `reply.id` (also: no leading or trailing spaces). */
export const BUTTON_ID_MAX = 256;

/** List: `interactive.body.text`. */
export const LIST_BODY_MAX = 4096;
/** List: `interactive.action.button` (the label of the button that opens the list). */
export const LIST_BUTTON_MAX = 20;
/** List: `interactive.action.sections` length, at least 1. */
export const LIST_SECTIONS_MIN = 1;
export const LIST_SECTIONS_MAX = 10;
/** List: rows across all sections together. */
export const LIST_ROWS_TOTAL_MAX = 10;
/** List: `sections[].title`, required when there is more than one section. */
export const LIST_SECTION_TITLE_MAX = 24;
/** List: `rows[].id`. */
export const LIST_ROW_ID_MAX = 200;
/** List: `rows[].title`. */
export const LIST_ROW_TITLE_MAX = 24;
/** List: `rows[].description`. */
export const LIST_ROW_DESCRIPTION_MAX = 72;

/** Interactive text `header.text`. */
export const HEADER_TEXT_MAX = 60;
/** Interactive `footer.text`. */
export const FOOTER_TEXT_MAX = 60;

/** Top-level `biz_opaque_callback_data` (Meta's send-messages reference; not in the digest). */
export const CALLBACK_DATA_MAX = 512;

/** Length in Unicode code points: the unit every limit above is measured in. */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
