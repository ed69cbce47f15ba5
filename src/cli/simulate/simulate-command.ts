/**
 * `centralino simulate --traffic F.jsonl --config C.yaml [--json]`: replays labelled
 * customer messages through tier 1 (the business's trained classifier), the guard and the
 * router, with simulated models whose usage is estimated from the real prompts, and
 * reports cost per 1,000 conversations, premium share, routes by intent and the
 * all-premium baseline. The knowledge folder next to the business file is searched as in
 * the demo (a temporary database). Nothing reaches a network.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { BusinessConfig } from '../../config/business-schema.ts';
import { loadBusinessConfig } from '../../config/load-business.ts';
import { DEFAULT_BUSINESS_CONFIG, DEFAULT_DATA_DIR } from '../../config/settings.ts';
import type { KnowledgeSearch } from '../../core/knowledge.ts';
import { INTENT_PAYLOAD_PREFIX, type Language, type TurnInput } from '../../core/turn.ts';
import { detectLanguage } from '../../text/detect-language.ts';
import { importKnowledge } from '../../knowledge/import/import-knowledge.ts';
import { knowledgeFromConfig } from '../../knowledge/knowledge-from-config.ts';
import { createPipeline, type Pipeline } from '../../pipeline/run-turn.ts';
import { loadOrTrainBusinessModel } from '../../pipeline/understand/business-model.ts';
import { modelClassifier } from '../../pipeline/understand/intent-classifier.ts';
import { createFileModelCache } from '../../storage/files/file-model-cache.ts';
import { createSqliteKnowledgeStore } from '../../storage/sqlite/knowledge-store.ts';
import { createProgressBar, type ProgressBar } from '../progress-bar.ts';
import { readJsonLines } from '../read-jsonl.ts';
import { formatSimulation, simulationReport, toSimulatedTurn, type SimulatedTurn } from './simulate-report.ts';
import { simulatedModels } from './simulated-models.ts';
import { userText } from '../../llm/estimating-model.ts';
import { findPersonalData } from '../../pipeline/guard/pii/find-personal-data.ts';

export interface SimulateFlags {
  traffic: string;
  config?: string;
  json?: boolean;
  economy?: string;
  premium?: string;
  /** Act on each line's labelled intent instead of tier 1's: the router's cost with a perfect tier 1. */
  labels?: boolean;
}

const lineSchema = z.strictObject({ conversation: z.string().min(1).optional(), text: z.string(), intent: z.string().min(1).optional() });
const LINE_SHAPE = '{"conversation"?: string, "text": string, "intent"?: string}';
/** Turns are stamped one minute apart from here: dates in prompts stay the same run to run. */
const SIMULATED_START = Date.UTC(2026, 0, 13, 9, 0);

export async function simulateCommand(flags: SimulateFlags): Promise<void> {
  const lines = readJsonLines(flags.traffic, lineSchema, LINE_SHAPE);
  const configFile = flags.config ?? process.env.CENTRALINO_CONFIG ?? DEFAULT_BUSINESS_CONFIG;
  const business = loadBusinessConfig(configFile);
  // Every customer text a model receives is checked for personal data left unmasked.
  let unmasked = 0;
  const models = simulatedModels(business, flags, (call) => {
    if (findPersonalData(userText(call)).length > 0) unmasked += 1;
  });
  const scratch = mkdtempSync(join(tmpdir(), 'centralino-simulate-'));
  try {
    const knowledge = await simulationKnowledge(models.config, configFile, scratch);
    const pipeline = await simulationPipeline(models.config, knowledge.search, models.registry);
    const turns = await replay(pipeline, lines, models.config, { labels: flags.labels ?? false, progress: flags.json ? undefined : createProgressBar('simulating') });
    knowledge.close();
    const report = simulationReport(turns, unmasked);
    const context = { traffic: flags.traffic, config: configFile, economy: models.economy, premium: models.premium, assumed: models.assumed };
    console.log(flags.json ? JSON.stringify({ ...report, models: { economy: models.economy, premium: models.premium, assumed: models.assumed } }) : formatSimulation(report, context));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function simulationPipeline(config: BusinessConfig, knowledge: KnowledgeSearch | undefined, registry: ReturnType<typeof simulatedModels>['registry']): Promise<Pipeline> {
  const cache = createFileModelCache(join(process.env.CENTRALINO_DATA_DIR ?? DEFAULT_DATA_DIR, 'models'));
  const bar = createProgressBar('training');
  const trained = await loadOrTrainBusinessModel(config, { cache, onProgress: (p) => bar.update(p) });
  let clock = SIMULATED_START;
  return createPipeline(config, {
    ...(trained ? { classifier: modelClassifier(trained.model, trained.threshold) } : {}),
    ...(knowledge ? { knowledge } : {}),
    models: registry,
    simulatedPorts: new Set(Object.entries(config.integrations).filter(([, port]) => port !== undefined).map(([name]) => name)),
    now: () => (clock += 60_000),
  });
}

/**
 * `--labels`: the line's intent decides, as a tapped list row would (tier 1 is skipped; the
 * guard and the router run as usual). The language is read from the text.
 */
function withLabel(input: TurnInput, label: string | undefined, config: BusinessConfig): void {
  if (label === undefined || !(label in config.intents)) return;
  input.payload = { kind: 'list', id: `${INTENT_PAYLOAD_PREFIX}${label}`, title: input.text };
  input.previousLanguage = detectLanguage(input.text, config.profile.languages) ?? input.previousLanguage ?? config.profile.default_language;
}

/** The business's knowledge folder (next to its file), imported into a throw-away database. */
async function simulationKnowledge(config: BusinessConfig, configFile: string, scratch: string): Promise<{ search: KnowledgeSearch | undefined; close: () => void }> {
  const folder = join(dirname(configFile), 'knowledge');
  if (!existsSync(folder)) return { search: undefined, close: () => {} };
  const store = createSqliteKnowledgeStore({ path: join(scratch, 'knowledge.db') });
  await importKnowledge(store, folder, { languages: config.profile.languages, defaultLanguage: config.profile.default_language });
  const search = knowledgeFromConfig(store, { ...config, knowledge: { ...config.knowledge, embeddings: undefined } }, { env: {} });
  return { search, close: () => void store.close() };
}

async function replay(pipeline: Pipeline, lines: readonly z.output<typeof lineSchema>[], config: BusinessConfig, options: { labels: boolean; progress: ProgressBar | undefined }): Promise<SimulatedTurn[]> {
  const { progress } = options;
  const languages = new Map<string, Language>();
  const turns: SimulatedTurn[] = [];
  const context = { isLocked: (id: string) => config.intents[id]?.locked === true, economyModel: config.llm?.economy, premiumModel: config.llm?.premium };
  for (const [index, line] of lines.entries()) {
    const conversation = line.conversation ?? `line-${index + 1}`;
    const previous = languages.get(conversation);
    const input: TurnInput = { conversationId: `sim:${conversation}`, phoneNumberId: 'sim', customerKey: '393330000000', messageIds: [`sim-${index + 1}`], text: line.text, readable: true, ...(previous ? { previousLanguage: previous } : {}) };
    if (options.labels) withLabel(input, line.intent, config);
    const result = await pipeline.run(input);
    languages.set(conversation, result.understanding.language);
    turns.push(toSimulatedTurn({ ...line, conversation }, result, context));
    progress?.update({ phase: 'turns', done: index + 1, total: lines.length });
  }
  progress?.done(`${lines.length} turns`);
  return turns;
}
