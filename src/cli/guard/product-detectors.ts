/** The product's own rails, as `centralino guard eval` runs them. */
import { detectInjection } from '../../pipeline/guard/injection/detect-injection.ts';
import { guardOutput } from '../../pipeline/guard/output-rails.ts';
import { findPersonalData } from '../../pipeline/guard/pii/find-personal-data.ts';
import type { GuardDetectors } from './eval-command.ts';

export const productDetectors: GuardDetectors = {
  isInjection: (text) => detectInjection(text).injection,
  findPersonalData,
  /** The output rails on a model-written draft with only these sources (no tone: the eval line names no business). */
  blocksDraft: (draft, sources, language) =>
    guardOutput({ replies: [{ kind: 'text', body: draft }], origin: 'model', sources }, { language: language ?? 'en', locked: false, restore: new Set(), vault: [] }).blocked,
};
