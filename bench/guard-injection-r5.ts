/**
 * Round 5 research (docs/decisions/0008-injection-rail.md): grouped 5-fold CV over deepset +
 * corpus + outside-author rows; per language, the single model threshold at which the rail
 * (rules, then the model with no cue gate) stays at a given false-positive rate on that
 * language's CV benign rows, and the recall it then gives overall and on the outside rows.
 * Compares model inputs and settings at equal false positives.
 *
 *   npx node bench/guard-injection-r5.ts [FPR%=1.5] [--seeds N=3]
 */
import { withOverrides } from '../src/text/classifier/model-config.ts';
import { assignGroupFolds, backgroundRows, corpusRows, INJECTION_MODEL_CONFIG, SERVICE_SAMPLE, serviceSample, sharedRows, trainInjectionModel, type Row } from './guard-injection-data.ts';
import { prepareText } from '../src/pipeline/guard/injection/injection-text.ts';
import { injectionRuleHits } from '../src/pipeline/guard/injection/injection-rules.ts';
import { injectionProbability } from '../src/pipeline/guard/injection/injection-model.ts';

const args = process.argv.slice(2);
const budget = Number(args.find((a, i) => /^[\d.]+$/.test(a) && args[i - 1] !== '--seeds') ?? 1.5) / 100;
const seedsAt = args.indexOf('--seeds');
const seeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 3;
const rows = [...sharedRows(), ...corpusRows()];
const service = [...serviceSample(SERVICE_SAMPLE), ...backgroundRows(0)];
/** INJECTION_R5_CONFIG: JSON overrides of the model settings, to compare variants. */
const config = process.env.INJECTION_R5_CONFIG ? withOverrides(JSON.parse(process.env.INJECTION_R5_CONFIG) as Parameters<typeof withOverrides>[0]) : INJECTION_MODEL_CONFIG;
type Scored = Row & { rule: boolean; p: number };
const total = new Map<string, number[]>();
for (let seed = 1; seed <= seeds; seed++) {
  const line = evaluate(crossValidate(seed));
  for (const [key, values] of line) total.set(key, (total.get(key) ?? values.map(() => 0)).map((v, i) => v + (values[i] as number) / seeds));
}
console.log(`rail at CV benign FPR <= ${(budget * 100).toFixed(1)} % per language, mean of fold seeds 1-${seeds} | threshold | recall all | recall outside | recall corpus | FPR |\n|---|---|---|---|---|---|`);
for (const [lang, v] of total) console.log(`| ${lang} | ${v.map((x, i) => x.toFixed(i === 0 ? 3 : 1)).join(' | ')} |`);

function crossValidate(seed: number): Scored[] {
  const fold = assignGroupFolds(rows, 5, seed);
  const scored: Scored[] = [];
  for (let k = 0; k < 5; k++) {
    // INJECTION_R5_OUTSIDE_SHARE: train on only this share of the outside rows (a learning curve; all are still scored)
    const share = Number(process.env.INJECTION_R5_OUTSIDE_SHARE ?? 1);
    const train = rows.filter((row, i) => fold[i] !== k && (row.source !== 'outside' || (i * 2654435761) % 1000 < share * 1000));
    const model = trainInjectionModel([...train, ...service], config);
    rows.forEach((row, i) => {
      if (fold[i] !== k) return;
      const prepared = prepareText(row.text);
      scored.push({ ...row, rule: injectionRuleHits(row.text, prepared).length > 0, p: injectionProbability(model, prepared) });
    });
  }
  return scored;
}

function evaluate(scored: readonly Scored[]): Map<string, number[]> {
  const pct = (a: number, b: number) => (b === 0 ? 0 : (100 * a) / b);
  const out = new Map<string, number[]>();
  for (const lang of ['it', 'de', 'en']) {
    const part = scored.filter((s) => s.lang === lang);
    const benign = part.filter((s) => s.label === 'benign');
    const candidates = [...new Set(benign.filter((s) => !s.rule).map((s) => s.p))].sort((a, b) => b - a);
    let threshold = 1.0001;
    for (const c of candidates) {
      const fp = benign.filter((s) => s.rule || s.p >= c).length;
      if (fp / benign.length > budget) break;
      threshold = c;
    }
    const flagged = (s: { rule: boolean; p: number }) => s.rule || s.p >= threshold;
    const inj = part.filter((s) => s.label === 'injection');
    const of = (src: string) => inj.filter((s) => s.source === src);
    out.set(lang, [threshold, pct(inj.filter(flagged).length, inj.length), pct(of('outside').filter(flagged).length, of('outside').length), pct(of('corpus').filter(flagged).length, of('corpus').length), pct(benign.filter(flagged).length, benign.length)]);
  }
  return out;
}
