/**
 * Turns stored inbound messages into the pipeline's TurnInput, or says that the
 * message needs no answer (reactions, system notices, edits and deletions).
 * A burst of several text messages becomes one input: the texts one a line, every id.
 */
import type { InboundContent } from '../core/message.ts';
import type { Conversation, StoredInbound } from '../core/store.ts';
import type { TurnInput } from '../core/turn.ts';

/** Content kinds that never get a reply. */
const SILENT: ReadonlySet<InboundContent['kind']> = new Set(['reaction', 'system', 'edit', 'revoke']);

export function toTurnInput(stored: StoredInbound, conversation: Conversation | undefined): TurnInput | undefined {
  const content = stored.message.content;
  if (SILENT.has(content.kind)) return undefined;
  const base = {
    conversationId: stored.conversationId,
    phoneNumberId: stored.phoneNumberId,
    customerKey: stored.customerKey,
    messageIds: [stored.id],
    ...(conversation?.language ? { previousLanguage: conversation.language } : {}),
  };
  switch (content.kind) {
    case 'text':
      return { ...base, text: content.body, readable: true };
    case 'button_reply':
      return { ...base, text: content.title, readable: true, payload: { kind: 'button', id: content.id, title: content.title } };
    case 'list_reply':
      return { ...base, text: content.title, readable: true, payload: { kind: 'list', id: content.id, title: content.title } };
    case 'template_button':
      return { ...base, text: content.text, readable: true, payload: { kind: 'template_button', id: content.payload, title: content.text } };
    default:
      return { ...base, text: '', readable: false };
  }
}

/**
 * One input for the messages of a burst (see burst.ts), in order: texts joined with "\n",
 * every message id; the rest (payload, readability) from the first message that needs an
 * answer. Undefined when none does.
 */
export function toBurstInput(burst: readonly StoredInbound[], conversation: Conversation | undefined): TurnInput | undefined {
  const inputs = burst.map((stored) => toTurnInput(stored, conversation)).filter((input) => input !== undefined);
  const [first] = inputs;
  if (!first || inputs.length === 1) return first;
  return { ...first, text: inputs.map((input) => input.text).join('\n'), messageIds: inputs.flatMap((input) => input.messageIds) };
}
