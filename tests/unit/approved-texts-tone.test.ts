import assert from 'node:assert/strict';
import { it } from 'node:test';
import { businessSchema } from '../../src/config/business-schema.ts';
import { approvedTextToneIssues } from '../../src/pipeline/guard/approved-texts-tone.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

it('the demo salon writes every approved text in its own (informal) form of address', () => {
  assert.deepEqual(approvedTextToneIssues(demoBusiness()), []);
});

it('an informal answer in a formal business is reported with its path in the business file', () => {
  const demo = demoBusiness();
  const formal = businessSchema.parse({ ...demo, profile: { ...demo.profile, tone: 'formal' } });
  const issues = approvedTextToneIssues(formal);
  assert.ok(issues.length > 0);
  assert.ok(issues.every((i) => /^(texts|intents|menus)\.[a-z_.]+\.(it|en)$/.test(i.path)), JSON.stringify(issues.slice(0, 3)));
  assert.ok(issues.some((i) => i.rule === 'informal_address' && i.path.endsWith('.it')));
});
