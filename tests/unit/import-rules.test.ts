/**
 * The folder import rules of eslint.config.js (docs/architecture.md), run through ESLint
 * itself on small snippets with virtual file paths: nested folders keep their ancestors'
 * bans, and sibling-relative specifiers (`../guard/…` from src/pipeline/understand) count.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** The no-restricted-imports messages for one import line written in `filePath`. */
async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const code = `import { x } from '${specifier}';\n\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result !== undefined, `no lint result for ${filePath}`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function assertBanned(filePath: string, specifier: string, target: string): Promise<void> {
  const errors = await importErrors(filePath, specifier);
  assert.ok(errors.length > 0, `${filePath} → ${specifier} should be banned`);
  assert.ok(errors.every((m) => m.includes(`src/${target}`)), `messages should name src/${target}: ${errors.join(' | ')}`);
}

async function assertAllowed(filePath: string, specifier: string): Promise<void> {
  assert.deepEqual(await importErrors(filePath, specifier), [], `${filePath} → ${specifier} should be allowed`);
}

describe('folder import rules (eslint.config.js)', () => {
  it('a nested folder keeps the bans of its ancestors: understand → storage', async () => {
    await assertBanned('src/pipeline/understand/probe.ts', '../../storage/sqlite/sqlite-store.ts', 'storage');
    await assertBanned('src/text/classifier/probe.ts', '../../pipeline/guard/rails.ts', 'pipeline');
  });

  it('bans a sibling stage written relative to the shared parent: understand → ../guard', async () => {
    await assertBanned('src/pipeline/understand/probe.ts', '../guard/rails.ts', 'pipeline/guard');
    await assertBanned('src/pipeline/understand/probe.ts', '../../pipeline/guard/rails.ts', 'pipeline/guard');
    await assertBanned('src/pipeline/guard/probe.ts', '../respond/respond.ts', 'pipeline/respond');
    await assertBanned('src/pipeline/respond/probe.ts', '../understand/understand.ts', 'pipeline/understand');
  });

  it('lets understand import core and its own files', async () => {
    await assertAllowed('src/pipeline/understand/probe.ts', '../../core/turn.ts');
    await assertAllowed('src/pipeline/understand/probe.ts', './keyword-rules.ts');
  });

  it('keeps core free of the other folders', async () => {
    await assertBanned('src/core/probe.ts', '../storage/sqlite/sqlite-store.ts', 'storage');
    await assertBanned('src/core/probe.ts', '../storage', 'storage');
  });

  it('keeps the WhatsApp channel away from the pipeline', async () => {
    await assertBanned('src/channels/whatsapp/probe.ts', '../../pipeline/run-turn.ts', 'pipeline');
  });

  it('lets storage import core', async () => {
    await assertAllowed('src/storage/sqlite/probe.ts', '../../core/store.ts');
    await assertAllowed('src/storage/probe.ts', '../core/store.ts');
  });

  it('keeps the console away from storage', async () => {
    await assertBanned('src/console/probe.ts', '../storage/sqlite/sqlite-store.ts', 'storage');
  });

  it('lets the pipeline import its own stages', async () => {
    await assertAllowed('src/pipeline/run-turn.ts', './guard/rails.ts');
    await assertAllowed('src/pipeline/run-turn.ts', './understand/understand.ts');
    await assertAllowed('src/pipeline/run-turn.ts', './respond/respond.ts');
    await assertBanned('src/pipeline/run-turn.ts', '../storage/sqlite/sqlite-store.ts', 'storage');
  });
});
