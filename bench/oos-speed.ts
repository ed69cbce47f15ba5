import { loadIntentModel, trainIntentModel } from '../src/text/classifier/intent-model.ts';
import { measureSpeed, readSplit } from './nlu-ours-metrics.ts';
const model = trainIntentModel(readSplit('clinc150', 'train'), { seed: 1 });
const json = model.toJSON() as { config: { margin?: number } };
const a = loadIntentModel({ ...json, config: { ...json.config, margin: 0 } });
const b = loadIntentModel({ ...json, config: { ...json.config, margin: 1 } });
const texts = readSplit('clinc150', 'test').map((t) => t.text);
for (let round = 0; round < 4; round++) {
  for (const [name, m] of (round % 2 ? [['margin 0', a], ['margin 1', b]] : [['margin 1', b], ['margin 0', a]]) as [string, typeof a][]) {
    const s = measureSpeed(m, texts);
    console.log(round, name, s.perSecond, s.p50Ms.toFixed(3), s.p99Ms.toFixed(3));
  }
}
