/**
 * Router benchmark: what tier 3 adds to a turn. The whole pipeline (guard, understand with
 * the trained classifier, respond) runs over each example business's demo traffic, three
 * ways: no model configured (the embedded default), models configured (estimating models:
 * the router builds the real prompts, reserves budgets, runs the output rails and the
 * self-check, and computes the all-premium baseline — everything but the network), and the
 * same with `--labels`-style routing so every model intent reaches its model. Provider
 * latency is not in these numbers: it is the provider's (seconds), not ours.
 *
 *   npm run bench -- router
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { simulatedModels } from '../src/cli/simulate/simulated-models.ts';
import type { BusinessConfig } from '../src/config/business-schema.ts';
import { loadBusinessConfig } from '../src/config/load-business.ts';
import { INTENT_PAYLOAD_PREFIX, type TurnInput } from '../src/core/turn.ts';
import type { ModelRegistry } from '../src/llm/model-registry.ts';
import { noModelCache } from '../src/core/model-cache.ts';
import { createPipeline } from '../src/pipeline/run-turn.ts';
import { loadOrTrainBusinessModel } from '../src/pipeline/understand/business-model.ts';
import { modelClassifier } from '../src/pipeline/understand/intent-classifier.ts';
import { summarize, type Summary } from './stats.ts';

const ROUNDS = 5;
const BUSINESSES = ['beauty-salon', 'retail-bank'];

interface Line {
  conversation?: string;
  text: string;
  intent?: string;
}

async function timeTurns(config: BusinessConfig, models: ModelRegistry | undefined, lines: Line[], labels: boolean): Promise<Summary> {
  const trained = await loadOrTrainBusinessModel(config, { cache: noModelCache });
  const pipeline = createPipeline(config, { ...(trained ? { classifier: modelClassifier(trained.model, trained.threshold) } : {}), ...(models ? { models } : {}) });
  const samples: number[] = [];
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, line] of lines.entries()) {
      const input: TurnInput = { conversationId: `b:${round}:${line.conversation ?? i}`, phoneNumberId: 'b', customerKey: '393330000000', messageIds: [`b-${round}-${i}`], text: line.text, readable: true };
      if (labels && line.intent && line.intent in config.intents) input.payload = { kind: 'list', id: `${INTENT_PAYLOAD_PREFIX}${line.intent}`, title: line.text };
      const t = performance.now();
      await pipeline.run(input);
      samples.push(performance.now() - t);
    }
  }
  return summarize(samples, performance.now() - start);
}

export async function runRouterBench(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const business of BUSINESSES) {
    const config = loadBusinessConfig(`examples/${business}/business.yaml`);
    const lines = readFileSync(`examples/${business}/traffic.jsonl`, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Line);
    const simulated = simulatedModels(config, {});
    const row = {
      no_model: await timeTurns(config, undefined, lines, false),
      models: await timeTurns(simulated.config, simulated.registry, lines, false),
      models_labels: await timeTurns(simulated.config, simulated.registry, lines, true),
    };
    results[business] = row;
    console.log(`\n${business}: ${lines.length} traffic lines × ${ROUNDS}, one core, per turn (whole pipeline, no network)`);
    for (const [name, s] of Object.entries(row)) console.log(`  ${name.padEnd(14)} p50 ${s.p50_ms.toFixed(3)} ms   p99 ${s.p99_ms.toFixed(3)} ms   ${s.per_second} turns/s`);
  }
  return results;
}
