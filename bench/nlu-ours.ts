/**
 * Dev-only experiment: trains and evaluates OUR intent model (src/pipeline/understand/
 * classifier) on BANKING77 and CLINC150 from ../shared/datasets.
 *
 *   npx node bench/nlu-ours.ts            every set, 10-shot sets averaged over seeds 1-3
 *   npx node bench/nlu-ours.ts --quick    one 10-shot seed, no speed run on every set
 *   npx node bench/nlu-ours.ts --variants the settings tried, scored on development splits
 *                                         (BANKING77: every 10th train example held out;
 *                                         CLINC150: valid.jsonl), never on test
 *
 * Accuracy is the top label on the in-scope test examples. Out of scope (CLINC150 full):
 * a text is rejected when its top label is `oos` or its top score is below a threshold;
 * the threshold is the one that maximises, on valid.jsonl, the balanced accuracy
 * ½·(in-scope correct and accepted + oos rejected), then it is applied to test.
 */
import { accuracy, chooseOosThreshold, inScopeAtRecall, measureSpeed, oosAt, readSplit, scoreAll, type OosResult, type Speed } from './nlu-ours-metrics.ts';
import { runVariants } from './nlu-ours-variants.ts';
import { modelBytes, trainIntentModelWith } from '../src/text/classifier/intent-model.ts';
import { DEFAULT_MODEL_CONFIG, withOverrides, type ModelConfig } from '../src/text/classifier/model-config.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample } from '../src/text/classifier/types.ts';

function train(config: ModelConfig, examples: LabelledExample[]): { model: IntentModel; seconds: number } {
  const started = performance.now();
  const model = trainIntentModelWith(examples, config, { seed: 1 });
  return { model, seconds: (performance.now() - started) / 1000 };
}

interface Row {
  set: string;
  accuracy: number;
  trainSeconds: number;
  examples: number;
  speed?: Speed;
  megabytes?: number;
  oos?: OosResult;
  /** For reference only: in-scope accuracy at the threshold that gives 90 % oos recall on test itself. */
  oosAt90?: number;
  jsonMegabytes?: number;
}

function fullRun(name: string, dataset: string, config: ModelConfig, withOos: boolean, quick: boolean): Row {
  const examples = readSplit(dataset, 'train').filter((e) => withOos || e.label !== OOS_LABEL);
  const test = readSplit(dataset, 'test');
  const { model, seconds } = train(config, examples);
  const row: Row = { set: name, accuracy: accuracy(model, test), trainSeconds: seconds, examples: examples.length, megabytes: modelBytes(model) / 2 ** 20 };
  if (!quick || dataset === 'clinc150') row.speed = measureSpeed(model, test.map((t) => t.text));
  if (dataset === 'clinc150') {
    const threshold = chooseOosThreshold(scoreAll(model, readSplit(dataset, 'valid')));
    const scored = scoreAll(model, test);
    row.oos = oosAt(scored, threshold);
    row.oosAt90 = inScopeAtRecall(scored, 0.9);
    row.jsonMegabytes = JSON.stringify(model.toJSON()).length / 2 ** 20;
  }
  return row;
}

function fewShotRun(name: string, dataset: string, config: ModelConfig, seeds: number[]): Row {
  const test = readSplit(dataset, 'test');
  const runs = seeds.map((seed) => {
    const { model, seconds } = train(config, readSplit(dataset, `train_10shot_seed${seed}`));
    return { accuracy: accuracy(model, test), seconds };
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { set: name, accuracy: mean(runs.map((r) => r.accuracy)), trainSeconds: mean(runs.map((r) => r.seconds)), examples: readSplit(dataset, `train_10shot_seed${seeds[0]}`).length };
}

export { accuracy, chooseOosThreshold, measureSpeed, oosAt, readSplit };

const pct = (x: number) => (100 * x).toFixed(2);

function printRows(rows: Row[]): void {
  console.log('| set | examples | accuracy % | oos: in-scope acc % / recall % / precision % (threshold) | train s | classifications/s | p50 / p99 ms | model MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const oos = r.oos ? `${pct(r.oos.inScopeAccuracy)} / ${pct(r.oos.oosRecall)} / ${pct(r.oos.oosPrecision)} (${r.oos.threshold.toFixed(3)})` : '';
    const speed = r.speed ? [String(r.speed.perSecond), `${r.speed.p50Ms.toFixed(3)} / ${r.speed.p99Ms.toFixed(3)}`] : ['', ''];
    console.log(`| ${r.set} | ${r.examples} | ${pct(r.accuracy)} | ${oos} | ${r.trainSeconds.toFixed(2)} | ${speed.join(' | ')} | ${r.megabytes === undefined ? '' : r.megabytes.toFixed(1)} |`);
  }
  for (const r of rows) {
    if (r.oosAt90 === undefined) continue;
    console.log(`${r.set}: in-scope accuracy at 90 % oos recall on test (threshold set on test, reference only) ${pct(r.oosAt90)} %; model JSON ${r.jsonMegabytes?.toFixed(1)} MB`);
  }
}

export function runAll(config: ModelConfig, quick: boolean): Row[] {
  const seeds = quick ? [1] : [1, 2, 3];
  return [
    fullRun('BANKING77 full', 'banking77', config, false, quick),
    fewShotRun('BANKING77 10-shot', 'banking77', config, seeds),
    fullRun('CLINC150 full (oos as a class)', 'clinc150', config, true, quick),
    ...(quick ? [] : [fullRun('CLINC150 full (no oos class)', 'clinc150', config, false, true)]),
    fewShotRun('CLINC150 10-shot', 'clinc150', config, seeds),
  ];
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  if (args.includes('--variants')) {
    runVariants(args.filter((a) => !a.startsWith('--')));
  } else {
    console.log(`settings: ${JSON.stringify(DEFAULT_MODEL_CONFIG)}`);
    printRows(runAll(withOverrides(), args.includes('--quick')));
  }
}
