/**
 * Research only (oos-research-3): the product path (trainIntentModel, default settings, no
 * research hooks) with generic background messages added as `oos` examples, against the
 * same sets without them: in-scope accuracy on the four sets of bench/nlu-ours.ts (a top
 * label `oos` counts as wrong) and CLINC150 out-of-scope with the threshold chosen on valid.
 *
 *   npx node bench/oos-research/oos-background-check.ts FILE[,FILE...] [--only clinc|banking] [--seeds 1,2,3] [--per-intent R] [--speed] [--model-seed N] [--few-only]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { accuracy, chooseOosThreshold, inScopeAtRecall, measureSpeed, oosAt, readSplit, scoreAll } from '../nlu-ours-metrics.ts';
import { trainIntentModel } from '../../src/text/classifier/intent-model.ts';
import { OOS_LABEL, type IntentModel, type LabelledExample } from '../../src/text/classifier/types.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { only: { type: 'string' }, seeds: { type: 'string' }, speed: { type: 'boolean' }, 'per-intent': { type: 'string' }, 'model-seed': { type: 'string' }, 'few-only': { type: 'boolean' } } });
const modelSeed = Number(values['model-seed'] ?? 1);
const background: LabelledExample[] = (positionals[0] ?? '').split(',').filter((f) => f !== '').flatMap((file) =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => ({ text: (JSON.parse(l) as { text: string }).text, label: OOS_LABEL })));
/** --per-intent R: at most R × the median examples per intent background rows, taken evenly through the file(s). */
const perIntent = Number(values['per-intent'] ?? 0);
function backgroundFor(examples: LabelledExample[]): LabelledExample[] {
  if (perIntent <= 0) return background;
  const counts = new Map<string, number>();
  for (const e of examples) if (e.label !== OOS_LABEL) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => a - b);
  const wanted = Math.min(background.length, Math.round(perIntent * (sorted[Math.floor(sorted.length / 2)] ?? 0)));
  return Array.from({ length: wanted }, (_, i) => background[Math.floor((i * background.length) / wanted)] as LabelledExample);
}
const seeds = (values.seeds ?? '1,2,3').split(',').map(Number);
const pct = (x: number) => (x * 100).toFixed(2);

function train(examples: LabelledExample[], seed: number): { model: IntentModel; seconds: number } {
  const started = performance.now();
  const model = trainIntentModel(examples, { seed });
  return { model, seconds: (performance.now() - started) / 1000 };
}

function run(set: string, dataset: string, split: (seed: number) => string, withOos: boolean, modelSeeds: number[]): void {
  for (const bg of [false, true]) {
    const rows: string[] = [];
    let acc = 0, secs = 0, inS = 0, rec = 0, at90 = 0, n = 0;
    for (const seed of modelSeeds) {
      const examples = readSplit(dataset, split(seed)).filter((e) => withOos || e.label !== OOS_LABEL);
      const { model, seconds } = train(bg ? [...examples, ...backgroundFor(examples)] : examples, modelSeed); // model seed 1 as bench/nlu-ours.ts unless --model-seed; `seed` picks the 10-shot sample
      const test = readSplit(dataset, 'test');
      const a = accuracy(model, test);
      acc += a; secs += seconds; n++;
      let extra = '';
      if (dataset === 'clinc150') {
        const t = chooseOosThreshold(scoreAll(model, readSplit(dataset, 'valid')));
        const scored = scoreAll(model, test);
        const r = oosAt(scored, t);
        const a90 = inScopeAtRecall(scored, 0.9);
        inS += r.inScopeAccuracy; rec += r.oosRecall; at90 += a90;
        extra = ` oos ${pct(r.inScopeAccuracy)}/${pct(r.oosRecall)} (t ${r.threshold.toFixed(3)}) in@90 ${pct(a90)}`;
      }
      if (values.speed && seed === modelSeeds[0]) extra += ` speed ${measureSpeed(model, test.map((t) => t.text)).perSecond}/s`;
      rows.push(`s${seed}: acc ${pct(a)}${extra} train ${seconds.toFixed(2)} s`);
    }
    const oos = dataset === 'clinc150' ? ` | oos ${pct(inS / n)} / ${pct(rec / n)} | in@90 ${pct(at90 / n)}` : '';
    console.log(`${set} ${bg ? `+ background (${perIntent > 0 ? `${perIntent} × median per intent, of ${background.length}` : background.length})` : '(as now)'}: acc ${pct(acc / n)}${oos} | train ${(secs / n).toFixed(2)} s   [${rows.join('; ')}]`);
  }
}

if (values.only !== 'clinc') {
  if (!values['few-only']) run('BANKING77 full', 'banking77', () => 'train', true, [1]);
  run('BANKING77 10-shot', 'banking77', (s) => `train_10shot_seed${s}`, true, seeds);
}
if (values.only !== 'banking') {
  if (!values['few-only']) run('CLINC150 full (oos class)', 'clinc150', () => 'train', true, [1]);
  if (!values['few-only']) run('CLINC150 full (no oos class)', 'clinc150', () => 'train', false, [1]);
  run('CLINC150 10-shot (no oos)', 'clinc150', (s) => `train_10shot_seed${s}`, false, seeds);
}
