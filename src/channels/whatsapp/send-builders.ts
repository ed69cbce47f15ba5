/**
 * Turns a channel-neutral Reply into a Cloud API send body (API-DIGEST §2). Every limit
 * is checked here, before any request: a violation throws AppError('SEND_LIMIT_EXCEEDED')
 * whose message names the field path and the limit.
 */
import { AppError } from '../../core/errors.ts';
import type { Reply, ReplyButton, ReplyListSection, TemplateParameter } from '../../core/reply.ts';
import { checkCount, checkLength, checkNoOuterSpaces, checkRequired, checkUnique } from './limit-checks.ts';
import {
  BUTTON_ID_MAX,
  BUTTON_TITLE_MAX,
  BUTTONS_BODY_MAX,
  BUTTONS_MAX,
  CALLBACK_DATA_MAX,
  FOOTER_TEXT_MAX,
  HEADER_TEXT_MAX,
  LIST_BODY_MAX,
  LIST_BUTTON_MAX,
  LIST_ROW_DESCRIPTION_MAX,
  LIST_ROW_ID_MAX,
  LIST_ROW_TITLE_MAX,
  LIST_ROWS_TOTAL_MAX,
  LIST_SECTION_TITLE_MAX,
  LIST_SECTIONS_MAX,
  LIST_SECTIONS_MIN,
  TEXT_BODY_MAX,
} from '../../core/reply-limits.ts';

/** Who receives the message: the phone number (wa_id) when known, else the business-scoped user id. */
export interface SendRecipient {
  waId?: string;
  userId?: string;
}

export interface SendOptions {
  /** Echoed back in status webhooks as biz_opaque_callback_data (centralino: the outbound id). */
  callbackData?: string;
  /** Inbound wamid to quote (contextual reply). */
  contextMessageId?: string;
}

type Body = Record<string, unknown>;

export function buildSendBody(to: SendRecipient, reply: Reply, options: SendOptions = {}): Body {
  const { type, payload } = buildPayload(reply);
  const body: Body = { messaging_product: 'whatsapp', recipient_type: 'individual', ...recipientFields(to) };
  if (options.contextMessageId) body.context = { message_id: options.contextMessageId };
  if (options.callbackData !== undefined) {
    checkLength('biz_opaque_callback_data', options.callbackData, CALLBACK_DATA_MAX);
    body.biz_opaque_callback_data = options.callbackData;
  }
  body.type = type;
  body[type] = payload;
  return body;
}

/** Marks an inbound message read; with `typing`, also shows the typing indicator (up to 25 s). */
export function buildMarkReadBody(messageId: string, typing: boolean): Body {
  const body: Body = { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
  if (typing) body.typing_indicator = { type: 'text' };
  return body;
}

/**
 * `to` with a leading `+`: without it Meta prepends the business number's country code.
 * A customer known only by a BSUID is addressed with `recipient`.
 */
function recipientFields(to: SendRecipient): Body {
  const waId = to.waId?.trim();
  if (waId) return { to: waId.startsWith('+') ? waId : `+${waId}` };
  const userId = to.userId?.trim();
  if (userId) return { recipient: userId };
  throw new AppError('SEND_NO_RECIPIENT', 'the customer has neither a wa_id nor a business-scoped user id');
}

function buildPayload(reply: Reply): { type: string; payload: Body } {
  switch (reply.kind) {
    case 'text':
      return { type: 'text', payload: textPayload(reply.body, reply.previewUrl) };
    case 'buttons':
      return { type: 'interactive', payload: buttonsPayload(reply) };
    case 'list':
      return { type: 'interactive', payload: listPayload(reply) };
    case 'template':
      return { type: 'template', payload: templatePayload(reply.name, reply.language, reply.bodyParameters) };
    case 'reaction':
      return { type: 'reaction', payload: reactionPayload(reply.messageId, reply.emoji) };
  }
}

function textPayload(text: string, previewUrl: boolean | undefined): Body {
  checkLength('text.body', text, TEXT_BODY_MAX);
  return previewUrl === undefined ? { body: text } : { preview_url: previewUrl, body: text };
}

/** The optional text header and footer shared by reply buttons and lists. */
function headerAndFooter(header: string | undefined, footer: string | undefined): { header?: Body; footer?: Body } {
  const parts: { header?: Body; footer?: Body } = {};
  if (header) {
    checkLength('interactive.header.text', header, HEADER_TEXT_MAX);
    parts.header = { type: 'text', text: header };
  }
  if (footer) {
    checkLength('interactive.footer.text', footer, FOOTER_TEXT_MAX);
    parts.footer = { text: footer };
  }
  return parts;
}

function buttonsPayload(reply: Extract<Reply, { kind: 'buttons' }>): Body {
  const { header, footer } = headerAndFooter(reply.header, reply.footer);
  checkLength('interactive.body.text', reply.body, BUTTONS_BODY_MAX);
  return {
    type: 'button',
    ...(header && { header }),
    body: { text: reply.body },
    ...(footer && { footer }),
    action: { buttons: replyButtons(reply.buttons) },
  };
}

function replyButtons(buttons: ReplyButton[]): Body[] {
  const path = 'interactive.action.buttons';
  checkCount(path, buttons.length, 1, BUTTONS_MAX);
  buttons.forEach((button, i) => {
    checkLength(`${path}[${i}].reply.id`, button.id, BUTTON_ID_MAX);
    checkNoOuterSpaces(`${path}[${i}].reply.id`, button.id);
    checkLength(`${path}[${i}].reply.title`, button.title, BUTTON_TITLE_MAX);
  });
  checkUnique(buttons.map((_, i) => `${path}[${i}].reply.title`), buttons.map((b) => b.title), 'button titles');
  // Not documented as a rule, but a repeated id would make the customer's tap ambiguous.
  checkUnique(buttons.map((_, i) => `${path}[${i}].reply.id`), buttons.map((b) => b.id), 'button ids');
  return buttons.map((button) => ({ type: 'reply', reply: { id: button.id, title: button.title } }));
}

function listPayload(reply: Extract<Reply, { kind: 'list' }>): Body {
  const { header, footer } = headerAndFooter(reply.header, reply.footer);
  checkLength('interactive.body.text', reply.body, LIST_BODY_MAX);
  checkLength('interactive.action.button', reply.button, LIST_BUTTON_MAX);
  return {
    type: 'list',
    ...(header && { header }),
    body: { text: reply.body },
    ...(footer && { footer }),
    action: { button: reply.button, sections: listSections(reply.sections) },
  };
}

function listSections(sections: ReplyListSection[]): Body[] {
  const path = 'interactive.action.sections';
  checkCount(path, sections.length, LIST_SECTIONS_MIN, LIST_SECTIONS_MAX);
  const totalRows = sections.reduce((sum, section) => sum + section.rows.length, 0);
  checkCount(`${path}[*].rows (all sections)`, totalRows, 1, LIST_ROWS_TOTAL_MAX);
  const rowIdPaths: string[] = [];
  const rowIds: string[] = [];
  const built = sections.map((section, s) => {
    const sectionPath = `${path}[${s}]`;
    const titled = section.title !== undefined && section.title !== '';
    if (titled || sections.length > 1) checkLength(`${sectionPath}.title`, section.title ?? '', LIST_SECTION_TITLE_MAX);
    checkCount(`${sectionPath}.rows`, section.rows.length, 1, LIST_ROWS_TOTAL_MAX);
    const rows = section.rows.map((row, r) => {
      const rowPath = `${sectionPath}.rows[${r}]`;
      checkLength(`${rowPath}.id`, row.id, LIST_ROW_ID_MAX);
      checkLength(`${rowPath}.title`, row.title, LIST_ROW_TITLE_MAX);
      if (row.description) checkLength(`${rowPath}.description`, row.description, LIST_ROW_DESCRIPTION_MAX);
      rowIdPaths.push(`${rowPath}.id`);
      rowIds.push(row.id);
      return row.description ? { id: row.id, title: row.title, description: row.description } : { id: row.id, title: row.title };
    });
    return titled ? { title: section.title, rows } : { rows };
  });
  // A repeated row id would make the customer's choice ambiguous.
  checkUnique(rowIdPaths, rowIds, 'row ids');
  return built;
}

function templatePayload(name: string, language: string, parameters: TemplateParameter[] | undefined): Body {
  checkRequired('template.name', name);
  checkRequired('template.language.code', language);
  const template: Body = { name, language: { code: language } };
  if (parameters && parameters.length > 0) {
    parameters.forEach((p, i) => checkRequired(`template.components[0].parameters[${i}].text`, p.text));
    template.components = [{ type: 'body', parameters: parameters.map((p) => ({ type: p.type, text: p.text })) }];
  }
  return template;
}

/** An empty emoji removes a previous reaction. */
function reactionPayload(messageId: string, emoji: string): Body {
  checkRequired('reaction.message_id', messageId);
  return { message_id: messageId, emoji };
}
