/**
 * `npx node bench/guard-injection-rule-fp.ts [rule]`: the injection rules alone (no model) on every
 * benign row we have — the rail's corpus and outside authors, the deepset train split, the
 * background chatter, the customer pools and the red-team fixture — listing each false positive
 * (only those of `rule` when given), then the rules' recall on the injection rows. Run it after
 * writing a rule: a new rule should add no line to the list (docs/decisions/0008-injection-rail.md).
 */
import { backgroundRows, corpusRows, customerPool, englishServicePool, fixtureRows, sharedRows, type Row } from './guard-injection-data.ts';
import { injectionRuleHits } from '../src/pipeline/guard/injection/injection-rules.ts';

const only = process.argv[2];
const sets: Record<string, Row[]> = {
  corpus: corpusRows(),
  shared: sharedRows(),
  background: [...backgroundRows(0), ...backgroundRows(1)],
  customers: customerPool(),
  'clinc/banking': englishServicePool(),
  fixture: fixtureRows(),
};
let falsePositives = 0;
let caught = 0;
let injections = 0;
for (const [name, rows] of Object.entries(sets)) {
  for (const row of rows) {
    const hits = injectionRuleHits(row.text);
    if (row.label === 'injection') {
      injections++;
      if (hits.length > 0) caught++;
    } else if (hits.length > 0 && (only === undefined || hits.some((h) => h.rule === only))) {
      falsePositives++;
      console.log(`${name} ${row.lang ?? '-'} ${hits.map((h) => h.rule).join(',')} | ${row.text.slice(0, 200)}`);
    }
  }
}
console.log(`rule false positives: ${falsePositives}; rules' recall on the injection rows: ${caught} / ${injections}`);
