/**
 * `npx node bench/nlu-ours.ts --variants [name…]`: the settings tried for the intent model,
 * each scored on development splits only (never test), so the choice is not fitted to test:
 *   BANKING77: trained on 9 of 10 train examples, scored on every 10th (10-shot: the three
 *   samples, scored on a fifth of the train examples outside the sample);
 *   CLINC150: trained on train (with its `oos` examples as a class), scored on valid.
 * The oos column is in-scope accuracy / oos recall on valid at the threshold that maximises
 * their mean on valid itself (optimistic: for comparing variants, not a result).
 */
import { accuracy, chooseOosThreshold, oosAt, readSplit } from './nlu-ours-metrics.ts';
import { trainIntentModelWith } from '../src/text/classifier/intent-model.ts';
import { withOverrides } from '../src/text/classifier/model-config.ts';
import { OOS_LABEL, type LabelledExample } from '../src/text/classifier/types.ts';

type Overrides = Parameters<typeof withOverrides>[0];

/** The first working settings: AdaGrad, char n-grams 2-5, no dropout, product confidence without bias. */
const START: Overrides = { vectorizer: { charMin: 2, charMax: 5 }, training: { optimizer: 'adagrad', learningRate: 0.5, epochs: 10, l2: 1e-5, skipBelow: 1e-3, dropout: 0 }, confidence: 'product', inScopeBias: 0 };

/** The tuned settings before feature dropout: plain SGD, 20 epochs, char 3-4, gap confidence. */
const F_TRAINING = { dropout: 0, epochs: 20 };
const f = (extra: Overrides = {}): Overrides => ({ ...extra, vectorizer: { charMin: 3, ...extra?.vectorizer }, training: { ...F_TRAINING, ...extra?.training } });
/** F with dropout 0.5 and 40 epochs, still char 3-4. */
const u = (extra: Overrides = {}): Overrides => ({ ...extra, vectorizer: { charMin: 3, ...extra?.vectorizer } });

export const VARIANTS: [string, Overrides][] = [
  ['A  start: AdaGrad, char 2-5, word 1-2', START],
  ['B  A + char 2-4', { ...START, vectorizer: { charMin: 2, charMax: 4 } }],
  ['C  B + plain SGD (lr 2, linear decay, 20 epochs)', f({ vectorizer: { charMin: 2, charMax: 4 }, confidence: 'product', inScopeBias: 0 })],
  ['D  C + char 3-4 (fewer features, faster)', f({ confidence: 'product', inScopeBias: 0 })],
  ['E  D + gap confidence, novelty 10', f({ inScopeBias: 0 })],
  ['F  E + in-scope bias 2', f()],
  ['G  F + one model per block', f({ separateBlocks: true })],
  ['H  F + word unigrams only', f({ vectorizer: { wordNgrams: 1 } })],
  ['I  F + word trigrams', f({ vectorizer: { wordNgrams: 3 } })],
  ['J  F + char n-grams across words', f({ vectorizer: { crossWord: true } })],
  ['K  F + feature dropout 0.3', f({ training: { dropout: 0.3 } })],
  ['L  F + 40 epochs', f({ training: { epochs: 40 } })],
  ['M  F + learning rate 1', f({ training: { learningRate: 1 } })],
  ['N  F + squared hinge loss (linear SVM), lr 0.2', f({ training: { loss: 'hinge', learningRate: 0.2 } })],
  ['O  F + keep all weights (no pruning)', f({ keepWeights: 1 })],
  ['P  F + keep 5 % of weights', f({ keepWeights: 0.05 })],
  ['Q  F + no novelty term', f({ novelty: 0 })],
  ['R  F + 5-letter word stems', f({ vectorizer: { stemLength: 5 } })],
  ['S  F + feature dropout 0.2', f({ training: { dropout: 0.2 } })],
  ['T  F + feature dropout 0.3, 40 epochs', f({ training: { dropout: 0.3, epochs: 40 } })],
  ['U  F + feature dropout 0.5, 40 epochs', u()],
  ['V  U + 5-letter word stems', u({ vectorizer: { stemLength: 5 } })],
  ['W  U + at least 60,000 updates', u({ minUpdates: 60_000 })],
  ['X  U + nearest centroid folded in, weight 1', u({ centroidWeight: 1 })],
  ['Y  U + nearest centroid folded in, weight 3', u({ centroidWeight: 3 })],
  ['Z  U + 3 bagged seeds (every set)', u({ bags: 3, bagBelow: Infinity })],
  ['AA U + char 2-4 (the default)', {}],
];

interface DevSet { name: string; train: LabelledExample[]; test: LabelledExample[] }

function devSets(): DevSet[] {
  const banking = readSplit('banking77', 'train');
  const sets: DevSet[] = [
    { name: 'B-full', train: banking.filter((_, i) => i % 10 !== 0), test: banking.filter((_, i) => i % 10 === 0) },
    { name: 'C-full', train: readSplit('clinc150', 'train'), test: readSplit('clinc150', 'valid') },
  ];
  for (const seed of [1, 2, 3]) {
    const sample = readSplit('banking77', `train_10shot_seed${seed}`);
    const seen = new Set(sample.map((e) => e.text));
    sets.push({ name: 'B-10shot', train: sample, test: banking.filter((e) => !seen.has(e.text)).filter((_, i) => i % 5 === 0) });
    sets.push({ name: 'C-10shot', train: readSplit('clinc150', `train_10shot_seed${seed}`), test: readSplit('clinc150', 'valid') });
  }
  return sets;
}

function scoreVariant(overrides: Overrides, sets: DevSet[]): Record<string, number[]> {
  const results: Record<string, number[]> = {};
  const add = (key: string, value: number) => (results[key] ??= []).push(value);
  for (const set of sets) {
    const started = performance.now();
    const model = trainIntentModelWith(set.train, withOverrides(overrides), { seed: 1 });
    if (set.name.endsWith('full')) add(`${set.name} train s`, (performance.now() - started) / 1000);
    add(set.name, accuracy(model, set.test));
    if (set.name === 'C-full') {
      const scored = set.test.map((row) => {
        const top = model.predict(row.text)[0] ?? { label: OOS_LABEL, score: 0 };
        return { gold: row.label, label: top.label, score: top.score };
      });
      const r = oosAt(scored, chooseOosThreshold(scored));
      add('C oos in', r.inScopeAccuracy);
      add('C oos recall', r.oosRecall);
    }
  }
  return results;
}

export function runVariants(only: string[] = []): void {
  const sets = devSets();
  const columns = ['B-full', 'B-10shot', 'C-full', 'C-10shot', 'C oos in', 'C oos recall', 'B-full train s', 'C-full train s'];
  console.log(`| variant | ${columns.join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---').join('|')}|`);
  for (const [name, overrides] of VARIANTS) {
    if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
    const results = scoreVariant(overrides, sets);
    const cells = columns.map((c) => {
      const values = results[c] ?? [];
      const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
      return c.endsWith('train s') ? mean.toFixed(1) : (100 * mean).toFixed(2);
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}
