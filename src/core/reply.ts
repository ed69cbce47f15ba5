/**
 * What the pipeline wants to say, channel-neutral. The WhatsApp channel turns a
 * Reply into a Cloud API send body with its builders (which enforce the limits).
 */
export interface ReplyButton {
  /** Payload id returned when tapped, e.g. `intent:prices`. */
  id: string;
  title: string;
}

export interface ReplyListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ReplyListSection {
  title?: string;
  rows: ReplyListRow[];
}

export interface TemplateParameter {
  type: 'text';
  text: string;
}

export type Reply =
  | { kind: 'text'; body: string; previewUrl?: boolean }
  | { kind: 'buttons'; body: string; buttons: ReplyButton[]; header?: string; footer?: string }
  | { kind: 'list'; body: string; button: string; sections: ReplyListSection[]; header?: string; footer?: string }
  | { kind: 'template'; name: string; language: string; bodyParameters?: TemplateParameter[] }
  | { kind: 'reaction'; messageId: string; emoji: string };

/** True for the kinds that need an open 24-hour customer service window. */
export function isFreeForm(reply: Reply): boolean {
  return reply.kind !== 'template';
}

/** The visible text of a reply, for guards and logs. */
export function replyText(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
      return reply.body;
    case 'buttons':
      return [reply.header, reply.body, reply.footer, ...reply.buttons.map((b) => b.title)].filter(Boolean).join('\n');
    case 'list':
      return [
        reply.header,
        reply.body,
        reply.footer,
        ...reply.sections.flatMap((s) => [s.title, ...s.rows.flatMap((r) => [r.title, r.description])]),
      ]
        .filter(Boolean)
        .join('\n');
    case 'template':
      return [reply.name, ...(reply.bodyParameters ?? []).map((p) => p.text)].join('\n');
    case 'reaction':
      return reply.emoji;
  }
}
