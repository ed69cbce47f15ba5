/**
 * Tier 3 for one turn: knowledge entries, the intent's model-free tool, the model-free
 * answer (respond.ts), and — for an economy or premium intent that may reach a model — the
 * model route (model-route.ts). The route decision (planned, taken, why) and the all-premium
 * baseline are recorded for every turn.
 */
import type { BusinessConfig } from '../config/business-schema.ts';
import type { KnowledgeMatch } from '../core/knowledge.ts';
import { replyText } from '../core/reply.ts';
import { OUT_OF_SCOPE, type ModelCall, type TurnInput, type TurnResult, type Understanding } from '../core/turn.ts';
import { isModelRoute } from '../llm/route-policy.ts';
import type { InputRailsResult } from './guard/input-rails.ts';
import { guardOutput, type OutputRailsContext } from './guard/output-rails.ts';
import type { VaultEntry } from './guard/pii/redact-personal-data.ts';
import { answerWithModel, modelFor, premiumBaseline, type ModelTurnInput } from './model-route.ts';
import { ReplyComposer } from './respond/compose-replies.ts';
import { respond, type RespondInput, type RespondResult } from './respond/respond.ts';
import { freeSlotsAnswer } from './respond/tools/booking-slots.ts';
import { lookUpOrder, orderReplies, type ToolAnswer } from './respond/tools/order-status.ts';
import type { TurnDeps } from './run-turn.ts';

/** What tier 3 produced for a turn, before the output rails (or after them, for model drafts). */
export interface Answered {
  drafted: RespondResult;
  /** Set when the output rails already ran (model drafts, inside the cascade). */
  checked?: ReturnType<typeof guardOutput>;
  route: TurnResult['route'];
  routing: NonNullable<TurnResult['routing']>;
  calls: ModelCall[];
  degraded?: string[];
  baseline?: number;
  proposals?: TurnResult['proposedActions'];
  actionOutcome?: TurnResult['actionOutcome'];
}

/** Knowledge, the intent's tool, the model-free answer, and the model route when the intent has one. */
export async function respondToTurn(input: TurnInput, guardedIn: InputRailsResult, understanding: Understanding, forModels: () => { text: string; vault: VaultEntry[] }, deps: TurnDeps): Promise<Answered> {
  const { config } = deps;
  const answerable = !guardedIn.handoff && input.readable;
  const { matches: knowledge, error: knowledgeError } = answerable ? await lookUpKnowledge(understanding, guardedIn.words, deps) : { matches: [] };
  const tool = answerable ? await runTool(understanding, guardedIn.words, input.customerKey, deps) : undefined;
  const drafted = respond({ ...respondInput(input, guardedIn, understanding, config), knowledge, ...(tool ? { tool } : {}) }, config);
  const intent = config.intents[understanding.intent];
  const planned = intent ? { planned: intent.route, because: intent.route_because } : { planned: drafted.route, because: understanding.intent === OUT_OF_SCOPE ? 'not understood' : 'small talk or unreadable' };
  const degraded = knowledgeError ? [`knowledge search failed: ${knowledgeError}`] : undefined;
  const modelInput = modelTurnInput(input, understanding, knowledge, forModels, deps, guardedIn.text);
  const baseline = input.readable ? premiumBaseline(modelInput, deps.models, drafted.replies.reduce((n, r) => n + replyText(r).length, 0)) : undefined;
  const base = { drafted, calls: [] as ModelCall[], ...(degraded ? { degraded } : {}), ...(baseline === undefined ? {} : { baseline }) };
  const wantsModel = answerable && !tool && intent !== undefined && !intent.locked && isModelRoute(intent.route) && guardedIn.modelsAllowed;
  const locked = wantsModel ? lockedTopicIn(understanding, guardedIn.words, deps) : undefined;
  if (locked) {
    // "the app crashes, and my card was stolen": the locked topic's approved text answers, no model.
    const lockedDraft = respond({ ...respondInput(input, guardedIn, { ...understanding, intent: locked }, config), knowledge: [] }, config);
    return { ...base, drafted: lockedDraft, route: lockedDraft.route, routing: { ...planned, taken: lockedDraft.route, fallbackReason: `the message also touches a locked topic (${locked}): only its approved text answers` } };
  }
  if (!wantsModel) return { ...base, route: drafted.route, routing: { ...planned, taken: drafted.route, ...(drafted.route !== planned.planned && intent ? { fallbackReason: modelFreeReason(input, guardedIn, tool !== undefined, deps, intent.route) } : {}) } };
  const model = await answerWithModel({ ...modelInput, intent }, { registry: deps.models, budget: deps.budget });
  if ('unavailable' in model) {
    // No model could answer (budget, outage): the intent's own tool, if it has one, before the approved text.
    const lateTool = await runTool(understanding, guardedIn.words, input.customerKey, deps, { evenWithModel: true });
    const fallback = lateTool ? respond({ ...respondInput(input, guardedIn, understanding, config), knowledge, tool: lateTool }, config) : drafted;
    return { ...base, drafted: fallback, calls: model.calls, route: fallback.route, routing: { ...planned, taken: fallback.route, fallbackReason: `${model.unavailable}: answered from approved texts, knowledge and tools` } };
  }
  const compose = new ReplyComposer(config, understanding.language);
  const warning = respondInput(input, guardedIn, understanding, config).warnAboutPersonalData ? compose.personalDataWarning() : [];
  const replies = [...warning, ...(model.route === 'human' ? compose.handoff() : model.replies)];
  const checked = { verdicts: model.outputVerdicts, replies, blocked: false };
  return { ...base, drafted: { ...drafted, citations: model.route === 'human' ? [] : drafted.citations }, checked, route: model.route, calls: model.calls, routing: { ...planned, ...model.decision }, proposals: model.proposals };
}

/** A locked intent the classifier rates at least this close to the chosen intent's score (and at least LOCKED_FLOOR) keeps models away. */
const LOCKED_CLOSE = 0.8;
const LOCKED_FLOOR = 0.25;

/**
 * A locked topic the message touches besides its intent: one of its keywords (the business's
 * own words for it), or the classifier rating it nearly as high as the intent it chose.
 */
function lockedTopicIn(understanding: Understanding, words: string, deps: TurnDeps): string | undefined {
  const isLocked = (id: string) => deps.config.intents[id]?.locked === true;
  const byKeyword = deps.keywords.match(words).find((hit) => isLocked(hit.intent))?.intent;
  const top = understanding.candidates[0]?.score ?? understanding.confidence;
  const close = (score: number) => score >= LOCKED_FLOOR && score >= LOCKED_CLOSE * top;
  return byKeyword ?? understanding.candidates.find((c) => isLocked(c.intent) && close(c.score))?.intent;
}

/** Why a turn did not take its planned route before any model was tried. */
function modelFreeReason(input: TurnInput, guardedIn: InputRailsResult, tool: boolean, deps: TurnDeps, route: string): string {
  if (guardedIn.handoff) return 'the input rails handed the turn to a person';
  if (!input.readable) return 'content the engine cannot read';
  if (tool) return isModelRoute(route) && !modelFor(deps.config, deps.models, route) ? `no model configured for the ${route} route: answered from the bookings system` : "answered by the intent's tool";
  if (!guardedIn.modelsAllowed) return 'a prompt-injection attempt: no model may see it';
  return 'answered model-free';
}

function modelTurnInput(input: TurnInput, understanding: Understanding, knowledge: readonly KnowledgeMatch[], forModels: () => { text: string; vault: VaultEntry[] }, deps: TurnDeps, storedText: string): Omit<ModelTurnInput, 'intent'> & { intent: ModelTurnInput['intent'] | undefined } {
  const { config } = deps;
  const intent = config.intents[understanding.intent];
  const approved = intent?.answer ? [new ReplyComposer(config, understanding.language).text(intent.answer)] : [];
  const now = deps.now();
  return {
    config,
    intentId: understanding.intent,
    intent,
    language: understanding.language,
    conversationId: input.conversationId,
    get text() {
      return forModels().text;
    },
    sources: [...approved, ...knowledge.map((k) => k.text)],
    toolContext: { language: understanding.language, customerKey: input.customerKey, conversationId: input.conversationId, turnKey: `turn:${input.messageIds[0] ?? input.conversationId}`, knowledge: deps.knowledge, integrations: deps.integrations, now, timeZone: config.profile.timezone, customerText: storedText, simulatedPorts: deps.simulatedPorts },
    rails: railsContext(understanding, forModels, deps.config),
    now,
  };
}

function railsContext(understanding: Understanding, forModels: () => { vault: VaultEntry[] }, config: BusinessConfig): OutputRailsContext {
  return {
    language: understanding.language,
    formality: config.profile.tone,
    locked: config.intents[understanding.intent]?.locked ?? false,
    restore: new Set(config.guard.personal_data.restore_in_reply),
    get vault() {
      return forModels().vault;
    },
  };
}

/** The output rails on a model-free draft (approved texts, knowledge entries, tool templates). */
export function checkModelFree(drafted: RespondResult, understanding: Understanding, deps: TurnDeps): ReturnType<typeof guardOutput> {
  const { config } = deps;
  return guardOutput(drafted, {
    language: understanding.language,
    formality: config.profile.tone,
    locked: config.intents[understanding.intent]?.locked ?? false,
    restore: new Set(config.guard.personal_data.restore_in_reply),
    vault: [],
  });
}

/**
 * The intent's `tool`, answered with no model: the order's status, or the free slots of the
 * service the customer names. On a model route it answers only when no model is configured
 * for the route (the model then has the same systems as tools).
 */
async function runTool(understanding: Understanding, words: string, customerKey: string, deps: TurnDeps, options: { evenWithModel?: boolean } = {}): Promise<ToolAnswer | undefined> {
  const intent = deps.config.intents[understanding.intent];
  if (!intent?.tool) return undefined;
  if (!options.evenWithModel && isModelRoute(intent.route) && modelFor(deps.config, deps.models, intent.route)) return undefined;
  const { orders, bookings } = deps.integrations ?? {};
  if (intent.tool === 'order_status') return orders ? orderReplies(await lookUpOrder(words, customerKey, orders), understanding.language) : undefined;
  return bookings ? freeSlotsAnswer(words, bookings, { language: understanding.language, timeZone: deps.config.profile.timezone, now: deps.now(), tone: deps.config.profile.tone }) : undefined;
}

/**
 * Knowledge entries for the customer's words, when the intent is routed to the knowledge
 * base or nothing understood the message. A failing search leaves the turn to the approved
 * texts (the customer is answered either way) and is recorded in the turn as `degraded`.
 */
async function lookUpKnowledge(understanding: Understanding, words: string, deps: TurnDeps): Promise<{ matches: KnowledgeMatch[]; error?: string }> {
  const { knowledge, config } = deps;
  const route = config.intents[understanding.intent]?.route;
  // The model routes get the entries too: as the model's sources, or as the answer when no model can answer.
  const routed = understanding.intent === OUT_OF_SCOPE || route === 'knowledge' || route === 'economy' || route === 'premium';
  if (!knowledge || !routed || words.trim() === '') return { matches: [] };
  try {
    return { matches: await knowledge.findSources(words, understanding.language, { limit: 3 }) };
  } catch (error) {
    return { matches: [], error: error instanceof Error ? error.message : String(error) };
  }
}


function respondInput(input: TurnInput, guardedIn: InputRailsResult, understanding: Understanding, config: BusinessConfig): RespondInput {
  const warnAbout = new Set<string>(config.guard.personal_data.warn_about);
  const messageId = input.messageIds[input.messageIds.length - 1];
  return {
    understanding,
    readable: input.readable,
    warnAboutPersonalData: guardedIn.personalData.some((span) => warnAbout.has(span.type)),
    ...(guardedIn.handoff ? { handoff: { distress: guardedIn.handoff.distress } } : {}),
    ...(messageId ? { messageId } : {}),
  };
}
