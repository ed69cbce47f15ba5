/**
 * Tier 3 for this stage of the product: model-free answers only. The route comes from
 * the intent's config; routes that need a model or a tool (knowledge, economy, premium,
 * secure_flow) answer with the intent's approved text when it has one, otherwise the
 * turn goes to a person — nothing pretends to be generated. Every draft says where its
 * words came from (`sources`) so the output rails can check its claims.
 */
import type { BusinessConfig } from '../../config/business-schema.ts';
import type { Reply } from '../../core/reply.ts';
import type { KnowledgeMatch } from '../../core/knowledge.ts';
import { replyText } from '../../core/reply.ts';
import { OUT_OF_SCOPE, SMALL_TALK_INTENT, type Route, type Understanding } from '../../core/turn.ts';
import { ReplyComposer } from './compose-replies.ts';
import type { ToolAnswer } from './tools/order-status.ts';

export interface RespondInput {
  understanding: Understanding;
  /** The customer's message being answered (a reaction needs it). */
  messageId?: string;
  readable: boolean;
  /** The input rails found personal data the customer should be warned about (cards, IBAN, secrets…). */
  warnAboutPersonalData: boolean;
  /** The input rails want a person (abuse, distress, an injection under `guard.injection: handoff`). */
  handoff?: { distress: boolean };
  /** Knowledge-base entries found for the customer's words (route `knowledge`, or nothing else understood). */
  knowledge?: readonly KnowledgeMatch[];
  /** The answer of the intent's tool (an order's status), already fetched. */
  tool?: ToolAnswer;
}

export interface RespondResult {
  route: Route;
  replies: Reply[];
  /** Where the words of the replies came from: `approved` texts of the config (a model draft is `model`). */
  origin: 'approved' | 'model';
  /** The texts the replies were built from, for the claims check. */
  sources: string[];
  /** Knowledge-base entries the replies were built from (their ids, recorded in the turn). */
  citations: string[];
}

type Choice = Pick<RespondResult, 'route' | 'replies'> & { cited?: KnowledgeMatch; toolSources?: string[] };

/** An approved entry answers an intent routed to `knowledge` when it covers this share of the question… */
const KNOWLEDGE_COVERAGE = 0.5;
/** …and a question no intent understood only when it covers nearly all of it. */
const KNOWLEDGE_COVERAGE_UNDERSTOOD_NOTHING = 0.75;

export function respond(input: RespondInput, config: BusinessConfig): RespondResult {
  const compose = new ReplyComposer(config, input.understanding.language);
  const warning = input.warnAboutPersonalData ? compose.personalDataWarning() : [];
  const result = chooseFirst(input, config, compose);
  const replies = [...warning, ...result.replies];
  const sources = [...replies.map(replyText), ...(result.cited ? [result.cited.text] : []), ...(result.toolSources ?? [])].filter((text) => text !== '');
  return { route: result.route, replies, origin: 'approved', sources, citations: result.cited ? [result.cited.id] : [] };
}

/** Words a question and an entry must share before the entry may answer it: one word in common is chance. */
const KNOWLEDGE_MIN_TERMS = 2;

/** The best approved knowledge entry that covers enough of the question, if any. */
function approvedEntry(knowledge: readonly KnowledgeMatch[] | undefined, coverage: number): KnowledgeMatch | undefined {
  return knowledge?.find((match) => match.approved && match.body !== '' && match.coverage >= coverage && match.termsMatched >= KNOWLEDGE_MIN_TERMS);
}

function knowledgeAnswer(match: KnowledgeMatch): Choice {
  return { route: 'knowledge', replies: [{ kind: 'text', body: match.body }], cited: match };
}

function chooseFirst(input: RespondInput, config: BusinessConfig, compose: ReplyComposer): Choice {
  if (input.handoff) return { route: 'human', replies: [...(input.handoff.distress ? compose.distress() : []), ...compose.handoff()] };
  // Personal data and nothing else understood: most likely a payment question — a person takes it.
  if (input.warnAboutPersonalData && input.understanding.intent === OUT_OF_SCOPE) return { route: 'human', replies: compose.handoff() };
  if (input.tool) return { route: input.tool.handoff ? 'human' : 'tool', replies: input.tool.replies, toolSources: input.tool.sources };
  return chooseReplies(input, config, compose);
}

function chooseReplies(input: RespondInput, config: BusinessConfig, compose: ReplyComposer): Choice {
  if (!input.readable) return { route: 'approved_text', replies: compose.unsupported() };
  const { intent, candidates, smallTalk } = input.understanding;
  if (intent === SMALL_TALK_INTENT) return { route: 'approved_text', replies: smallTalkReaction(input.messageId, smallTalk) };
  if (intent === OUT_OF_SCOPE) {
    const entry = approvedEntry(input.knowledge, KNOWLEDGE_COVERAGE_UNDERSTOOD_NOTHING);
    if (entry) return knowledgeAnswer(entry);
    return candidates.length > 0
      ? { route: 'clarify', replies: compose.clarify(candidates) }
      : { route: 'clarify', replies: compose.fallback() };
  }
  const route = config.intents[intent]?.route ?? 'human';
  const answer = compose.answer(intent);
  // A person takes over: with the intent's own text when it has one (a complaints channel), else the handoff text.
  if (route === 'human') return { route: 'human', replies: answer ?? compose.handoff() };
  // Routed to the knowledge base (or to a model, answered here when no model can): an approved
  // entry as it is, else the intent's own text below.
  const entry = route === 'knowledge' || route === 'economy' || route === 'premium' ? approvedEntry(input.knowledge, KNOWLEDGE_COVERAGE) : undefined;
  if (entry) return knowledgeAnswer(entry);
  // The approved text of a secure flow is the secure link: recorded as such.
  if (answer) return { route: route === 'secure_flow' ? 'secure_flow' : 'approved_text', replies: answer };
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
