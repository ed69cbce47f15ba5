import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { freePort, healthy, runCli, waitUntil } from '../helpers/child-engine.ts';
import { DEMO_CONFIG_PATH } from '../helpers/demo-config.ts';

const SECRETS = { WHATSAPP_APP_SECRET: 'cli-test-secret', WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_ACCESS_TOKEN: 't' };

describe('the centralino command', () => {
  it('serve stops at start-up naming every missing setting', async () => {
    const run = runCli(['serve'], { PORT: '70000' });
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /SETTINGS_INVALID/);
    assert.match(run.output(), /PORT="70000" is invalid/);
    assert.match(run.output(), /WHATSAPP_APP_SECRET is not set/);
    assert.match(run.output(), /WHATSAPP_ACCESS_TOKEN is not set/);
  });

  it('serve stops at start-up naming the broken business file, line and path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'centralino-cli-'));
    try {
      const file = join(dir, 'business.yaml');
      writeFileSync(file, 'profile:\n  name: Shop\n  languages: [it]\n  default_language: it\n  tone: casual\n');
      const run = runCli(['serve'], { ...SECRETS, CENTRALINO_CONFIG: file, CENTRALINO_DATA_DIR: dir });
      assert.equal(await run.exited, 1);
      assert.match(run.output(), /CONFIG_INVALID/);
      assert.match(run.output(), new RegExp(`${file}:5: profile\\.tone: Invalid option`));
      assert.match(run.output(), /texts: Invalid input/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serve stops at start-up naming the API-key variables that models in llm: need', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'centralino-cli-'));
    try {
      const file = join(dir, 'business.yaml');
      const llm = [
        'llm:',
        '  models:',
        '    eco: { provider: openai, model: gpt-4.1-mini }',
        '    pro: { provider: anthropic, model: claude-sonnet-4-5 }',
        '  economy: eco',
        '  premium: pro',
      ].join('\n');
      writeFileSync(file, `${readFileSync(DEMO_CONFIG_PATH, 'utf8')}\n${llm}\n`);
      const run = runCli(['serve'], { ...SECRETS, CENTRALINO_CONFIG: file, CENTRALINO_DATA_DIR: dir, LOG_LEVEL: 'silent' });
      assert.equal(await run.exited, 1);
      assert.match(run.output(), /SETTINGS_INVALID/);
      assert.match(run.output(), /OPENAI_API_KEY is not set: llm\.models\.eco \(openai gpt-4\.1-mini\)/);
      assert.match(run.output(), /ANTHROPIC_API_KEY is not set: llm\.models\.pro \(anthropic claude-sonnet-4-5\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serve reads settings from .env, becomes healthy, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'centralino-cli-'));
    const port = await freePort();
    const settings = { ...SECRETS, PORT: String(port), CENTRALINO_DATA_DIR: join(dir, 'data'), CENTRALINO_CONFIG: DEMO_CONFIG_PATH, LOG_LEVEL: 'silent' };
    writeFileSync(join(dir, '.env'), Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n'));
    const run = runCli(['serve'], {}, dir);
    try {
      await waitUntil(() => healthy(port), 'GET /healthz 200');
      assert.match(run.output(), new RegExp(`webhook at http://127.0.0.1:${port}/webhooks/whatsapp`));
      assert.equal((await fetch(`http://127.0.0.1:${port}/console/api/turns`)).status, 404, 'no developer API without authentication in serve');
      assert.equal((await fetch(`http://127.0.0.1:${port}/sandbox/`)).status, 404, 'no sandbox in serve');
      run.child.kill('SIGTERM');
      assert.equal(await run.exited, 0);
    } finally {
      run.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
