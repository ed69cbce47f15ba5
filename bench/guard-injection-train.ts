/**
 * `npx node bench/guard-injection-train.ts`: trains the injection rail's
 * model on the deepset/prompt-injections train split (/work/shared/guard, or the file in
 * INJECTION_TRAIN) and the rail's own corpus, and writes
 * src/pipeline/guard/injection/injection-model.json. Deterministic: the same data and seed
 * give the same file. The thresholds (INJECTION_SETTINGS) are the ones
 * docs/decisions/0008-injection-rail.md chose by `bench/guard-injection-cv.ts --grid`;
 * retraining must re-run that script and update the record.
 */
import { writeFileSync } from 'node:fs';
import { backgroundRows, corpusRows, INJECTION_SETTINGS, SEED, SERVICE_SAMPLE, serviceSample, sharedRows, trainInjectionModel } from './guard-injection-data.ts';
import { INJECTION_MODEL_FORMAT, INJECTION_MODEL_URL, type InjectionModelArtifact } from '../src/pipeline/guard/injection/injection-model.ts';

function main(): void {
  const shared = sharedRows();
  const corpus = corpusRows();
  const service = [...serviceSample(SERVICE_SAMPLE), ...backgroundRows(0)];
  const rows = [...shared, ...corpus, ...service];
  const started = performance.now();
  const model = trainInjectionModel(rows);
  const count = (label: string) => rows.filter((r) => r.label === label).length;
  const artifact: InjectionModelArtifact = {
    format: INJECTION_MODEL_FORMAT,
    ...INJECTION_SETTINGS,
    trainedOn: {
      sources: [
        'deepset/prompt-injections train split (/work/shared/guard/injection-train.jsonl)',
        'src/pipeline/guard/injection/corpus/{it,de,en}.jsonl',
        'outside authors: corpus/outside-authors.jsonl and the retired held-out sets corpus/holdout-{3,4,5a,...,13b}.jsonl',
        'benign: seeded sample of BANKING77 and CLINC150 train queries (/work/shared/datasets)',
        'benign: the even rows of src/pipeline/understand/background/{it,de,en}.jsonl (everyday chatter)',
      ],
      shared: shared.length,
      corpus: corpus.length,
      service: service.length,
      injection: count('injection'),
      benign: count('benign'),
      seed: SEED,
      script: 'npx node bench/guard-injection-train.ts',
    },
    model: model.toJSON(),
  };
  writeFileSync(INJECTION_MODEL_URL, `${JSON.stringify(artifact)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`wrote ${INJECTION_MODEL_URL.pathname}: ${rows.length} examples (${count('injection')} injection), ${JSON.stringify(INJECTION_SETTINGS)}, ${seconds} s`);
}

main();
