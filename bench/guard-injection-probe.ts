/**
 * `npx node bench/guard-injection-probe.ts FILE.jsonl [--errors]`: the committed rail
 * (`detectInjection`, rules + `injection-model.json`) on a file of labelled rows
 * (`{"text", "label", "lang"}`), recall % / false-positive rate % per language. Used to score
 * a set of new rows once, before they are added to the corpus (ADR 0008, round 3).
 */
import { readFileSync } from 'node:fs';
import { detectInjection } from '../src/pipeline/guard/injection/detect-injection.ts';

interface Row {
  text: string;
  label: string;
  lang: string;
}

const [file, ...flags] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: guard-injection-probe.ts FILE.jsonl [--errors]');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Row);

const pct = (a: number, b: number) => (b === 0 ? '–' : ((100 * a) / b).toFixed(1));
for (const lang of [...new Set(rows.map((r) => r.lang))].sort()) {
  let tp = 0;
  let inj = 0;
  let fp = 0;
  let ben = 0;
  for (const row of rows.filter((r) => r.lang === lang)) {
    const flagged = detectInjection(row.text).injection;
    if (row.label === 'injection') {
      inj++;
      if (flagged) tp++;
    } else {
      ben++;
      if (flagged) fp++;
    }
    if (flags.includes('--errors') && flagged !== (row.label === 'injection')) console.log(`  ${flagged ? 'FP' : 'FN'} ${lang} ${JSON.stringify(row.text)}`);
  }
  console.log(`${lang}: recall ${pct(tp, inj)} % (${tp}/${inj}), FPR ${pct(fp, ben)} % (${fp}/${ben})`);
}
