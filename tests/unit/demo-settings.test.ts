import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { demoSettings } from '../../src/cli/demo-command.ts';

it('each example business gets its own demo data folder, unless one is set', () => {
  assert.equal(demoSettings({}).CENTRALINO_DATA_DIR, join('data', 'demo', 'beauty-salon'));
  assert.equal(demoSettings({ CENTRALINO_CONFIG: 'examples/retail-bank/business.yaml' }).CENTRALINO_DATA_DIR, join('data', 'demo', 'retail-bank'));
  assert.equal(demoSettings({ CENTRALINO_DATA_DIR: '/tmp/x' }).CENTRALINO_DATA_DIR, '/tmp/x');
});
