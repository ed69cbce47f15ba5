/**
 * One model draft for a turn: the prompt (model-prompt.ts), the intent's tools
 * (model-tools.ts), the call with the model's retries and fallbacks
 * (llm/generate-with-fallback.ts), and the replies it makes — the text, plus confirm /
 * cancel buttons for every change a tool proposed. Sources for the claims check are the
 * prompt's sources and every tool result.
 */
import { stepCountIs } from 'ai';
import type { ModelToolName } from '../../../config/business-schema.ts';
import type { Reply } from '../../../core/reply.ts';
import { CONFIRM_PAYLOAD_PREFIX, DECLINE_PAYLOAD_PREFIX, type ModelCall, type ProposedAction } from '../../../core/turn.ts';
import { generateWithFallback } from '../../../llm/generate-with-fallback.ts';
import type { ModelRegistry, ModelSpec } from '../../../llm/model-registry.ts';
import { buildPrompt, type PromptInput } from './model-prompt.ts';
import { buildTools, newToolLog, resetToolLog, type ToolContext } from './model-tools.ts';

export interface DraftInput extends PromptInput {
  tools: readonly ModelToolName[];
  toolContext: ToolContext;
  /** Stream the answer (the premium route: a stalled stream is cut by the model's timeout). */
  stream?: boolean;
  /** Before every attempt (retries and fallbacks included): a reason stops the call (the budget). */
  beforeAttempt?: (spec: ModelSpec) => Promise<string | undefined>;
}

export type DraftResult =
  | {
      outcome: 'ok';
      text: string;
      /** The model's text reply (absent when it wrote none). */
      textReply?: Reply;
      /** The engine's confirmation question for the proposal, if the model made one. */
      confirmation?: Reply;
      /** What the model's words may rest on: the prompt's sources and what the systems answered (never a proposal's summary). */
      sources: string[];
      proposals: ProposedAction[];
      calls: ModelCall[];
      model: string;
      cutOff: boolean;
    }
  | { outcome: 'refused'; reason: string; calls: ModelCall[] }
  | { outcome: 'failed'; reason: string; calls: ModelCall[] };

/** Tool rounds a model may take before it must answer. */
export const MAX_MODEL_STEPS = 4;

export async function draftReply(registry: ModelRegistry, modelName: string, input: DraftInput): Promise<DraftResult> {
  const log = newToolLog();
  const tools = buildTools(input.tools, input.toolContext, log);
  // Every attempt (a retry, a fallback model) starts from a clean log: nothing a failed attempt looked up or proposed survives.
  const beforeAttempt = async (spec: ModelSpec): Promise<string | undefined> => {
    resetToolLog(log);
    return input.beforeAttempt?.(spec);
  };
  const prompt = buildPrompt({ ...input, tools: Object.keys(tools) });
  const hasTools = Object.keys(tools).length > 0;
  const result = await generateWithFallback(registry, modelName, {
    purpose: 'respond',
    instructions: prompt.instructions,
    prompt: prompt.prompt,
    ...(hasTools ? { tools, stopWhen: stepCountIs(MAX_MODEL_STEPS) } : {}),
    ...(input.stream ? { stream: true } : {}),
    beforeAttempt,
  });
  if (result.outcome === 'refused') return { outcome: 'refused', reason: result.reason, calls: result.calls };
  if (result.outcome === 'failed') return { outcome: 'failed', reason: result.error, calls: result.calls };
  const text = result.text.trim();
  // One change at a time: the model's last proposal stands.
  const proposal = log.proposals.at(-1);
  return {
    outcome: 'ok',
    text,
    ...(text ? { textReply: { kind: 'text' as const, body: text } } : {}),
    ...(proposal ? { confirmation: confirmationReply(proposal, input.language, input.config.profile.tone) } : {}),
    sources: [...input.sources, ...log.sources],
    proposals: proposal ? [proposal] : [],
    calls: result.calls,
    model: result.model,
    cutOff: result.finishReason === 'length',
  };
}

/** The question in the business's form of address (tu / Lei, du / Sie). */
const CONFIRM_TEXTS: Record<'informal' | 'formal', Record<string, { ask: string; yes: string; no: string }>> = {
  informal: {
    it: { ask: 'Confermi? {s}', yes: 'Conferma', no: 'Annulla' },
    de: { ask: 'Bestätigst du? {s}', yes: 'Bestätigen', no: 'Abbrechen' },
    en: { ask: 'Do you confirm? {s}', yes: 'Confirm', no: 'Cancel' },
  },
  formal: {
    it: { ask: 'Conferma? {s}', yes: 'Conferma', no: 'Annulla' },
    de: { ask: 'Bestätigen Sie? {s}', yes: 'Bestätigen', no: 'Abbrechen' },
    en: { ask: 'Do you confirm? {s}', yes: 'Confirm', no: 'Cancel' },
  },
};

/** The customer's explicit confirmation: nothing changes until "confirm" is tapped. */
export function confirmationReply(action: ProposedAction, language: string, tone: 'formal' | 'informal'): Reply {
  const texts = CONFIRM_TEXTS[tone][language] ?? CONFIRM_TEXTS[tone]['en'] ?? { ask: '{s}', yes: 'OK', no: 'No' };
  return {
    kind: 'buttons',
    body: texts.ask.replace('{s}', action.summary),
    buttons: [
      { id: `${CONFIRM_PAYLOAD_PREFIX}${action.id}`, title: texts.yes },
      { id: `${DECLINE_PAYLOAD_PREFIX}${action.id}`, title: texts.no },
    ],
  };
}
