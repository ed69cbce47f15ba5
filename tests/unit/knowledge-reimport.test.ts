/** Re-importing: the same files change nothing; an edit is "changed" with the same id; gone rows are removed; a broken file keeps its entries. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importKnowledge } from '../../src/knowledge/import/import-knowledge.ts';
import { LANGUAGES, memoryStore, tempFolder } from '../contract/knowledge-fixtures.ts';

const FAQ = 'faq:\n  - question: Posso fare il reso?\n    answer: Sì, entro 30 giorni.\n  - question: Spedite all\'estero?\n    answer: Sì, in tutta l\'UE.\n';
const CATALOG = 'sku,name,price\nA1,Abito in lino,89\nA2,Gonna di seta,59\n';
const options = { languages: LANGUAGES, defaultLanguage: 'it' };
const counts = (r: { added: string[]; changed: string[]; unchanged: string[]; removed: string[]; rejected: unknown[] }) => [r.added.length, r.changed.length, r.unchanged.length, r.removed.length, r.rejected.length];

describe('re-import', () => {
  it('changes nothing when the files did not change: same ids, same revision', async () => {
    const folder = tempFolder({ 'faq.it.yaml': FAQ, 'shop/catalog.csv': CATALOG });
    const store = memoryStore();
    try {
      const first = await importKnowledge(store, folder.path, options);
      assert.deepEqual(counts(first), [4, 0, 0, 0, 0]);
      const revision = await store.revision();
      const ids = (await store.listEntries()).map((e) => e.id);
      const second = await importKnowledge(store, folder.path, options);
      assert.deepEqual(counts(second), [0, 0, 4, 0, 0]);
      assert.equal(await store.revision(), revision);
      assert.deepEqual((await store.listEntries()).map((e) => e.id), ids);
      assert.deepEqual((await store.listEntries()).map((e) => e.source.file), ['faq.it.yaml', 'faq.it.yaml', 'shop/catalog.csv', 'shop/catalog.csv']);
    } finally {
      folder.cleanup();
    }
  });

  it('reports an edited answer as changed under the same id, a new row as added, a gone row as removed', async () => {
    const folder = tempFolder({ 'faq.it.yaml': FAQ, 'catalog.csv': CATALOG });
    const store = memoryStore();
    try {
      await importKnowledge(store, folder.path, options);
      const before = new Map((await store.listEntries()).map((e) => [e.title, e.id]));
      writeFileSync(join(folder.path, 'faq.it.yaml'), `# moved down by a comment\n${FAQ.replace('entro 30 giorni', 'entro 14 giorni')}`);
      writeFileSync(join(folder.path, 'catalog.csv'), 'sku,name,price\nA1,Abito in lino,89\nA3,Borsa,120\n');
      const report = await importKnowledge(store, folder.path, options);
      assert.deepEqual(counts(report), [1, 1, 2, 1, 0]);
      assert.deepEqual(report.changed, [before.get('Posso fare il reso?')]);
      assert.deepEqual(report.removed, [before.get('Gonna di seta')]);
      const reso = (await store.listEntries({ file: 'faq.it.yaml' }))[0];
      assert.equal(reso?.body, 'Sì, entro 14 giorni.');
      assert.equal(reso?.source.line, 3);
      assert.deepEqual(report.files.map((f) => [f.file, f.added, f.changed, f.unchanged, f.removed]), [['catalog.csv', 1, 0, 1, 1], ['faq.it.yaml', 0, 1, 1, 0]]);
    } finally {
      folder.cleanup();
    }
  });

  it('keeps the entries of a file that became unreadable, and names the same file the same way when imported alone', async () => {
    const folder = tempFolder({ 'faq.it.yaml': FAQ });
    const store = memoryStore();
    try {
      await importKnowledge(store, folder.path, options);
      const ids = (await store.listEntries()).map((e) => e.id);
      assert.deepEqual(counts(await importKnowledge(store, join(folder.path, 'faq.it.yaml'), options)), [0, 0, 2, 0, 0]);
      writeFileSync(join(folder.path, 'faq.it.yaml'), 'faq:\n  - question: [unclosed\n');
      const broken = await importKnowledge(store, folder.path, options);
      assert.deepEqual(counts(broken), [0, 0, 0, 0, 1]);
      assert.equal(broken.files[0]?.kept, true);
      assert.deepEqual((await store.listEntries()).map((e) => e.id), ids);
    } finally {
      folder.cleanup();
    }
  });

  it('stops with KB_IMPORT_INVALID for a path that does not exist or holds nothing to import', async () => {
    const store = memoryStore();
    await assert.rejects(importKnowledge(store, '/no/such/path', options), { code: 'KB_IMPORT_INVALID', message: '/no/such/path does not exist or cannot be read' });
    const folder = tempFolder({ 'notes.txt': 'x' });
    try {
      await assert.rejects(importKnowledge(store, folder.path, options), /nothing to import/);
    } finally {
      folder.cleanup();
    }
  });
});
