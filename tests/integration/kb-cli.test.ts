/** `centralino kb import` and `kb search` end to end, in a child process, as an operator runs them. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/child-engine.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/knowledge/', import.meta.url));
const CONFIG = join(FIXTURES, 'business.yaml');

function lastJson(output: string): Record<string, unknown> {
  const line = output.trim().split('\n').findLast((l) => l.startsWith('{'));
  return JSON.parse(line ?? '{}') as Record<string, unknown>;
}

describe('centralino kb', () => {
  let dir: string;
  const kb = async (args: string[]) => {
    const run = runCli(['kb', ...args, '--config', CONFIG, '--data-dir', join(dir, 'data')], {});
    return { code: await run.exited, output: run.output() };
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'centralino-kb-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a folder with a progress line per file and a summary per file', async () => {
    const { code, output } = await kb(['import', join(FIXTURES, 'fashion-shop')]);
    assert.equal(code, 0, output);
    assert.match(output, /importing: faq\.it\.yaml…/);
    assert.match(output, /fashion-shop: 37 added, 0 changed, 0 unchanged, 0 removed, 0 rejected/);
    assert.match(output, /^condizioni\.it\.md\s+6\s+0\s+0\s+0\s+0$/m);
  });

  it('changes nothing on a second import of the same folder (--json)', async () => {
    const { code, output } = await kb(['import', join(FIXTURES, 'fashion-shop'), '--json']);
    assert.equal(code, 0, output);
    const report = lastJson(output);
    assert.deepEqual([report.added, report.changed, report.removed, report.rejected], [[], [], [], []]);
    assert.equal((report.unchanged as string[]).length, 37);
    assert.doesNotMatch(output, /importing:/);
  });

  it('searches as the bot does: ids, scores, sources and snippets', async () => {
    const text = await kb(['search', 'quanto costa la spedizone?', '--lang', 'it']);
    assert.equal(text.code, 0, text.output);
    assert.match(text.output, /^1\. Quanto costa la spedizione\?\s+\[faq_[0-9a-f]{12}\]$/m);
    assert.match(text.output, /score \d+\.\d{3}, faq, it, approved — faq\.it\.yaml:11/);
    assert.match(text.output, /La \*spedizione\* in Italia \*costa\* 5,90 €/);
    const json = await kb(['search', 'Rücksendungen', '--limit', '2', '--json']);
    assert.equal(json.code, 0, json.output);
    const { results } = lastJson(json.output) as { results: Array<{ id: string; language: string; source: { file: string } }> };
    assert.equal(results.length, 2);
    assert.ok(results.every((r) => r.language === 'de' && /^(faq|policy)_/.test(r.id)));
    const none = await kb(['search', 'astronave']);
    assert.match(none.output, /no entry found for "astronave"/);
  });

  it('lists every rejected row with file:line and the reason', async () => {
    const broken = join(dir, 'broken');
    rmSync(broken, { recursive: true, force: true });
    mkdirSync(broken);
    writeFileSync(join(broken, 'catalogo.csv'), 'nome;prezzo\nAbito;89\nGonna;gratis\n');
    writeFileSync(join(broken, 'faq.yaml'), 'faq:\n  - question: Solo domanda\n');
    writeFileSync(join(broken, 'note.txt'), 'ignored');
    const { code, output } = await kb(['import', broken]);
    assert.equal(code, 0, output);
    assert.match(output, /broken: 1 added, 0 changed, 0 unchanged, 0 removed, 2 rejected/);
    assert.match(output, /^ {2}catalogo\.csv:3: prezzo "gratis" is not a number$/m);
    assert.match(output, /^ {2}faq\.yaml:2: has no answer \(column answer, risposta or Antwort\)$/m);
    assert.match(output, /not applied: its earlier entries are kept/);
    assert.match(output, /skipped \(not Markdown, YAML, JSON or CSV\): note\.txt/);
    const strict = await kb(['import', broken, '--strict']);
    assert.equal(strict.code, 2, 'with --strict, rejected rows fail the command');
    assert.match(strict.output, /2 rejected/);
  });

  it('stops with KB_IMPORT_INVALID for a path that does not exist', async () => {
    const { code, output } = await kb(['import', join(dir, 'missing')]);
    assert.equal(code, 1);
    assert.match(output, /centralino: KB_IMPORT_INVALID: .*missing does not exist or cannot be read/);
  });
});
