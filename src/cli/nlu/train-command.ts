/**
 * `centralino nlu train`: trains the configured business's intent model (or loads it from
 * the cache when the examples have not changed) and reports cross-validated accuracy per
 * intent, so a business sees which intents need more examples.
 */
import { join } from 'node:path';
import { loadBusinessConfig } from '../../config/load-business.ts';
import { DEFAULT_BUSINESS_CONFIG, DEFAULT_DATA_DIR } from '../../config/settings.ts';
import { businessExamples, canTrain, examplesHash, saveBusinessModel, trainBusinessModel, type BusinessModelReport } from '../../pipeline/understand/business-model.ts';
import { createFileModelCache } from '../../storage/files/file-model-cache.ts';
import { createProgressBar } from '../progress-bar.ts';
import { OOS_LABEL } from '../../text/classifier/types.ts';

export interface TrainFlags {
  config?: string;
  json?: boolean;
}

/** Intents below this held-out accuracy, or with fewer examples, are flagged. */
const WEAK_ACCURACY = 0.8;
const FEW_EXAMPLES = 10;

export async function nluTrainCommand(flags: TrainFlags): Promise<void> {
  const file = flags.config ?? process.env.CENTRALINO_CONFIG ?? DEFAULT_BUSINESS_CONFIG;
  const config = loadBusinessConfig(file);
  const examples = businessExamples(config);
  if (!canTrain(examples)) {
    console.log(`${file}: too few examples to train a classifier (at least two intents with two examples each); keywords and buttons decide alone.`);
    return;
  }
  const progress = flags.json ? undefined : createProgressBar('training');
  const hash = examplesHash(examples, config.understanding.target_precision);
  const trained = trainBusinessModel(examples, config.understanding.target_precision, hash, progress ? { onProgress: (p) => progress.update(p) } : {});
  const dir = join(process.env.CENTRALINO_DATA_DIR ?? DEFAULT_DATA_DIR, 'models');
  await saveBusinessModel(createFileModelCache(dir), trained);
  const own = Object.values(config.understanding.out_of_scope).flat().length;
  // the examples already hold the background rows: the rest of the oos examples
  const outOfScope = { own, background: examples.filter((e) => e.label === OOS_LABEL).length - own };
  if (flags.json) {
    console.log(JSON.stringify({ threshold: trained.threshold, ...trained.report, out_of_scope: outOfScope }));
    return;
  }
  console.log(formatTrainReport(file, trained.threshold, trained.report));
  console.log(
    `\nout-of-scope examples: ${outOfScope.own} of the business's own, ${outOfScope.background} generic ones` +
      ` (understanding.background_out_of_scope: ${config.understanding.background_out_of_scope})`,
  );
}

export function formatTrainReport(file: string, threshold: number, report: BusinessModelReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`.padStart(5);
  const width = Math.max(6, ...report.intents.map((i) => i.intent.length));
  const lines = [
    `${file}: ${report.intents.length} intents, ${report.intents.reduce((n, i) => n + i.examples, 0)} examples, ${report.folds}-fold cross-validation in ${report.trainSeconds.toFixed(2)} s`,
    `threshold ${threshold.toFixed(3)} for precision ≥ ${report.targetPrecision}` +
      ` → held-out precision ${pct(report.precision).trim()}, answered ${pct(report.coverage).trim()} of in-scope messages${report.met ? '' : ' (TARGET NOT REACHED: add examples)'}`,
    '',
    `${'intent'.padEnd(width)}  examples  accuracy  most confused with`,
  ];
  for (const i of report.intents) {
    const flag = i.accuracy < WEAK_ACCURACY || i.examples < FEW_EXAMPLES ? '  ← add examples' : '';
    lines.push(`${i.intent.padEnd(width)}  ${String(i.examples).padStart(8)}  ${pct(i.accuracy).padStart(8)}  ${i.confusedWith ?? ''}${flag}`);
  }
  return lines.join('\n');
}
