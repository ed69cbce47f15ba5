/**
 * Tier 3 for this stage of the product: model-free answers only. The route comes from
 * the intent's config; routes that need a model or a tool (knowledge, economy, premium,
 * secure_flow) answer with the intent's approved text when it has one, otherwise the
 * turn goes to a person — nothing pretends to be generated.
 */
import type { BusinessConfig } from '../../config/business-schema.ts';
import type { Reply } from '../../core/reply.ts';
import { OUT_OF_SCOPE, SMALL_TALK_INTENT, type Route, type Understanding } from '../../core/turn.ts';
import { ReplyComposer } from './compose-replies.ts';

export interface RespondInput {
  understanding: Understanding;
  /** The customer's message being answered (a reaction needs it). */
  messageId?: string;
  readable: boolean;
  /** The input rails found something the customer should be warned about (card numbers). */
  warnAboutCard: boolean;
}

export interface RespondResult {
  route: Route;
  replies: Reply[];
}

export function respond(input: RespondInput, config: BusinessConfig): RespondResult {
  const compose = new ReplyComposer(config, input.understanding.language);
  const warning = input.warnAboutCard ? compose.cardWarning() : [];
  // A card number and nothing else understood: most likely a payment question — a person takes it.
  const result = input.warnAboutCard && input.understanding.intent === OUT_OF_SCOPE ? { route: 'human' as const, replies: compose.handoff() } : chooseReplies(input, config, compose);
  return { route: result.route, replies: [...warning, ...result.replies] };
}

function chooseReplies(input: RespondInput, config: BusinessConfig, compose: ReplyComposer): RespondResult {
  if (!input.readable) return { route: 'approved_text', replies: compose.unsupported() };
  const { intent, candidates, smallTalk } = input.understanding;
  if (intent === SMALL_TALK_INTENT) return { route: 'approved_text', replies: smallTalkReaction(input.messageId, smallTalk) };
  if (intent === OUT_OF_SCOPE) {
    return candidates.length > 0
      ? { route: 'clarify', replies: compose.clarify(candidates) }
      : { route: 'clarify', replies: compose.fallback() };
  }
  const route = config.intents[intent]?.route ?? 'human';
  if (route === 'human') return { route: 'human', replies: compose.handoff() };
  const answer = compose.answer(intent);
  if (answer) return { route: 'approved_text', replies: answer };
  return { route: 'human', replies: compose.handoff() };
}

/** Emoji the bot may mirror back; anything else gets 👍. */
const MIRRORED = new Set(['👍', '❤️', '🙏', '😊', '😄', '😂', '👋', '💛', '💕', '🥰', '😍']);
const REACTION_BY_KIND: Record<string, string> = { goodbye: '👋', laugh: '😄' };

/** "ok", "👍", "ahah": a reaction on the message says "seen" without a message to read. */
function smallTalkReaction(messageId: string | undefined, smallTalk: Understanding['smallTalk']): Reply[] {
  if (!messageId) return [];
  const mirrored = smallTalk?.emoji.find((e) => MIRRORED.has(e));
  const emoji = mirrored ?? REACTION_BY_KIND[smallTalk?.kind ?? ''] ?? '👍';
  return [{ kind: 'reaction', messageId, emoji }];
}

/** Used when the output rails block every draft. */
export function safeFallback(config: BusinessConfig, language: string): Reply[] {
  return new ReplyComposer(config, language).handoff();
}
