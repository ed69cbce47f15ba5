import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/child-engine.ts';
import { DEMO_CONFIG_PATH } from '../helpers/demo-config.ts';

const TRAIN = [
  ['quanto costa una manicure', 'prices'], ['prezzo della pedicure', 'prices'], ['how much is a facial', 'prices'], ['listino prezzi per favore', 'prices'], ['what are your prices', 'prices'], ['quanto viene la ceretta', 'prices'],
  ['a che ora aprite', 'hours'], ['siete aperti sabato', 'hours'], ['what time do you close', 'hours'], ['orari di apertura', 'hours'], ['are you open on sunday', 'hours'], ['fino a che ora siete aperti', 'hours'],
  ['vorrei prenotare', 'book'], ['posso fissare un appuntamento', 'book'], ['i want to book a manicure', 'book'], ['avete posto domani', 'book'], ['book me for friday', 'book'], ['prenotazione per giovedi', 'book'],
  ['che tempo fa domani', 'oos'], ['who won the match', 'oos'],
];
const TEST = [['quanto costa la pulizia del viso', 'prices'], ['what is the price of a pedicure', 'prices'], ['aprite la domenica', 'hours'], ['when do you open', 'hours'], ['vorrei prenotare per sabato', 'book'], ['can i book tomorrow', 'book'], ['ricetta della carbonara', 'oos'], ['capital of france', 'oos']];
const VALID = [['prezzi manicure', 'prices'], ['opening hours', 'hours'], ['prenoto per lunedi', 'book'], ['meteo a milano', 'oos'], ['best football team', 'oos']];

const jsonl = (rows: string[][]) => rows.map(([text, label]) => JSON.stringify({ text, label })).join('\n') + '\n';

describe('centralino nlu', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'centralino-nlu-'));
    writeFileSync(join(dir, 'train.jsonl'), jsonl(TRAIN));
    writeFileSync(join(dir, 'test.jsonl'), jsonl(TEST));
    writeFileSync(join(dir, 'valid.jsonl'), jsonl(VALID));
    writeFileSync(join(dir, 'broken.jsonl'), `${JSON.stringify({ text: 'ok', label: 'a' })}\n{"text": "no label"}\nnot json\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('eval --json prints one object with the documented keys', async () => {
    const run = runCli(['nlu', 'eval', '--train', join(dir, 'train.jsonl'), '--test', join(dir, 'test.jsonl'), '--valid', join(dir, 'valid.jsonl'), '--json'], {});
    assert.equal(await run.exited, 0, run.output());
    const report = JSON.parse(run.output().trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    for (const key of ['accuracy', 'macro_f1', 'oos_precision', 'oos_recall', 'train_seconds', 'classifications_per_second', 'latency_p50_ms', 'latency_p99_ms', 'confusions']) {
      assert.ok(key in report, `missing ${key}`);
    }
    for (const key of ['accuracy', 'macro_f1', 'oos_precision', 'oos_recall']) {
      const value = report[key] as number;
      assert.ok(value >= 0 && value <= 1, `${key}=${value} is a fraction`);
    }
    assert.ok((report.accuracy as number) > 0.5, 'the classifier learnt something');
    assert.ok(Array.isArray(report.confusions));
  });

  it('eval prints a readable report', async () => {
    const run = runCli(['nlu', 'eval', '--train', join(dir, 'train.jsonl'), '--test', join(dir, 'test.jsonl')], {});
    assert.equal(await run.exited, 0, run.output());
    assert.match(run.output(), /in-scope accuracy\s+\d+\.\d %/);
    assert.match(run.output(), /latency p50 \/ p99/);
  });

  it('a malformed file stops with the file and line of every problem', async () => {
    const run = runCli(['nlu', 'eval', '--train', join(dir, 'broken.jsonl'), '--test', join(dir, 'test.jsonl')], {});
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /DATA_INVALID/);
    assert.match(run.output(), /broken\.jsonl:2: label/);
    assert.match(run.output(), /broken\.jsonl:3: not JSON/);
  });

  it('train reports cross-validated accuracy per intent for the configured business', async () => {
    const run = runCli(['nlu', 'train', '--config', DEMO_CONFIG_PATH], { CENTRALINO_DATA_DIR: join(dir, 'data') });
    assert.equal(await run.exited, 0, run.output());
    assert.match(run.output(), /intent\s+examples\s+accuracy/);
    assert.match(run.output(), /\bprices\b/);
    assert.match(run.output(), /threshold \d\.\d+ for precision ≥ 0\.9/);
    assert.match(run.output(), /out-of-scope examples: 14 of the business's own, 0 generic ones \(understanding\.background_out_of_scope: auto\)/);
  });
});
