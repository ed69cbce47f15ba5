/**
 * `centralino simulate` as a process, on the two example businesses and their demo traffic
 * (examples/*\/traffic.jsonl, written by outside authors): the issue's target — at least
 * 85 % cheaper than all-premium with a premium share under 15 %, every locked intent
 * answered by approved text only, no draft blocked — and the JSON shape the issue names.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/demo-config.ts';

const CLI = join(REPO_ROOT, 'src/cli/main.ts');

interface Report {
  saving: number;
  premium_share: number;
  human_share: number;
  cost_per_1000_conversations: number;
  baseline_cost_per_1000_conversations: number;
  by_intent: Record<string, { turns: number; cost: number; routes: Record<string, number> }>;
  turns: { text: string; intent: string; route: string; cost: number }[];
  guard: { locked_turns: number; locked_answered_by_model: number; drafts_blocked: number };
}

function simulate(args: string[], dataDir: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, 'simulate', ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', CENTRALINO_DATA_DIR: dataDir }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const lines = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { text: string });

describe('centralino simulate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'centralino-simulate-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [business, labels] of [['beauty-salon', false], ['retail-bank', false], ['beauty-salon', true], ['retail-bank', true]] as const) {
    it(`${business}${labels ? ' acting on the labels (a perfect tier 1)' : ''}: the demo traffic meets the target, and --json has one turn per line`, () => {
      const traffic = `examples/${business}/traffic.jsonl`;
      const run = simulate(['--traffic', traffic, '--config', `examples/${business}/business.yaml`, '--json', ...(labels ? ['--labels'] : [])], dir);
      assert.equal(run.status, 0, run.stderr);
      const report = JSON.parse(run.stdout) as Report;
      assert.ok(report.saving >= 0.85, `saving ${report.saving}`);
      assert.ok(report.premium_share < 0.15, `premium share ${report.premium_share}`);
      assert.ok(report.premium_share > 0, 'some turns do go to premium');
      assert.ok(report.cost_per_1000_conversations > 0 && report.cost_per_1000_conversations < report.baseline_cost_per_1000_conversations);
      assert.equal(report.guard.locked_answered_by_model, 0);
      assert.equal(report.guard.drafts_blocked, 0);
      const input = lines(traffic);
      assert.equal(report.turns.length, input.length);
      report.turns.forEach((turn, i) => assert.equal(turn.text, input[i]?.text));
      const perIntent = Object.values(report.by_intent).reduce((n, row) => n + row.turns, 0);
      assert.equal(perIntent, input.length);
      const premiumCost = report.turns.filter((t) => t.route === 'premium').reduce((n, t) => n + t.cost, 0);
      assert.ok(premiumCost > 0);
      assert.ok(report.turns.filter((t) => t.route === 'approved_text').every((t) => t.cost === 0));
    });
  }

  it('the bank: locked topics are there and never reach a model', () => {
    const run = simulate(['--traffic', 'examples/retail-bank/traffic.jsonl', '--config', 'examples/retail-bank/business.yaml', '--json'], dir);
    const report = JSON.parse(run.stdout) as Report;
    assert.ok(report.guard.locked_turns > 20);
    for (const intent of ['card_block', 'dispute', 'balance', 'pin_reset']) {
      const routes = Object.keys(report.by_intent[intent]?.routes ?? {});
      assert.ok(routes.every((r) => r === 'secure_flow' || r === 'human'), `${intent}: ${routes.join(',')}`);
    }
  });

  it('a broken traffic file is a clear error naming the file and line', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"text": "ciao"}\n{"txt": "no"}\nnot json\n');
    const run = simulate(['--traffic', file, '--config', 'examples/beauty-salon/business.yaml'], dir);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /DATA_INVALID/);
    assert.match(run.stderr, new RegExp(`${file}:2: .*text`));
    assert.match(run.stderr, new RegExp(`${file}:3: not JSON`));
  });

  it('an unknown model for the assumed premium route is refused with the reason', () => {
    const run = simulate(['--traffic', 'examples/beauty-salon/traffic.jsonl', '--config', 'examples/beauty-salon/business.yaml', '--premium', 'gpt-99'], dir);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /no price known for model "gpt-99"/);
  });
});
