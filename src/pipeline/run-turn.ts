/**
 * runTurn: the three tiers as plain functions, timed stage by stage.
 *   understand → what the customer wants (payloads, keywords, classifier seam)
 *   guard      → input rails before anything else sees the text; output rails on every draft
 *   respond    → approved texts, clarifying questions, handoff
 */
import { performance } from 'node:perf_hooks';
import type { BusinessConfig } from '../config/business-schema.ts';
import type { TurnInput, TurnResult } from '../core/turn.ts';
import { guardInput, guardOutput } from './guard/rails.ts';
import { respond, safeFallback } from './respond/respond.ts';
import { createExampleMatcher, type IntentClassifier } from './understand/intent-classifier.ts';
import { compileKeywordRules, type KeywordRules } from './understand/keyword-rules.ts';
import { understand } from './understand/understand.ts';

export interface Pipeline {
  readonly config: BusinessConfig;
  run(input: TurnInput): Promise<TurnResult>;
}

export interface PipelineOptions {
  /** Replaces the default example matcher (the trained classifier plugs in here). */
  classifier?: IntentClassifier;
}

export function createPipeline(config: BusinessConfig, options: PipelineOptions = {}): Pipeline {
  const deps = {
    config,
    keywords: compileKeywordRules(config),
    classifier: options.classifier ?? createExampleMatcher(config),
  };
  return { config, run: (input) => Promise.resolve(runTurn(input, deps)) };
}

interface TurnDeps {
  config: BusinessConfig;
  keywords: KeywordRules;
  classifier: IntentClassifier;
}

export function runTurn(input: TurnInput, deps: TurnDeps): TurnResult {
  const start = performance.now();
  const guardedIn = guardInput(input.text);
  const afterInputGuard = performance.now();
  const understanding = understand({ ...input, text: guardedIn.text }, deps);
  const afterUnderstand = performance.now();
  const warnAboutCard = guardedIn.verdicts.some((v) => v.action === 'rewrite' && v.rail === 'card_numbers');
  const drafted = respond({ understanding, readable: input.readable, warnAboutCard }, deps.config);
  const afterRespond = performance.now();
  const guardedOut = guardOutput(drafted.replies);
  const blocked = guardedOut.blocked;
  const replies = blocked ? safeFallback(deps.config, understanding.language) : guardedOut.replies;
  const end = performance.now();
  return {
    understanding,
    inputVerdicts: guardedIn.verdicts,
    outputVerdicts: guardedOut.verdicts,
    route: blocked ? 'human' : drafted.route,
    answeredBy: blocked ? 'guard' : 'respond',
    replies,
    storedText: guardedIn.text,
    latencyMs: {
      understand: afterUnderstand - afterInputGuard,
      guard: afterInputGuard - start + (end - afterRespond),
      respond: afterRespond - afterUnderstand,
      total: end - start,
    },
    costUsd: 0,
  };
}
