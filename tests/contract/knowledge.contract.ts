/**
 * The KnowledgeStore contract: what every adapter of the knowledge port (SQLite FTS5 today)
 * must do, tested through the port only. `makeStore` gives a fresh, empty store.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { KnowledgeStore } from '../../src/core/knowledge.ts';
import { T0, batch, entry } from './knowledge-fixtures.ts';

export type MakeKnowledgeStore = () => KnowledgeStore;

const TODAY = '2026-11-25';

export function knowledgeStoreContract(name: string, makeStore: MakeKnowledgeStore): void {
  describe(`KnowledgeStore contract: ${name}`, () => {
    let store: KnowledgeStore;
    beforeEach(() => {
      store = makeStore();
    });
    afterEach(async () => {
      await store.close();
      await store.close();
    });

    it('adds, changes, keeps and removes the entries of each file, and moves the revision only on a change', async () => {
      const r0 = await store.revision();
      const [first] = await store.applyImport([batch('faq.yaml', [entry('a'), entry('b')]), batch('other.md', [entry('c')])], T0);
      assert.deepEqual(first, { file: 'faq.yaml', added: ['a', 'b'], changed: [], unchanged: [], removed: [] });
      const r1 = await store.revision();
      assert.ok(r1 > r0);
      const same = await store.applyImport([batch('faq.yaml', [entry('a'), entry('b')])], T0 + 1);
      assert.deepEqual(same, [{ file: 'faq.yaml', added: [], changed: [], unchanged: ['a', 'b'], removed: [] }]);
      assert.equal(await store.revision(), r1);
      const edited = await store.applyImport([batch('faq.yaml', [entry('a', { body: 'nuova', contentHash: 'hash-a2' }), entry('d')])], T0 + 2);
      assert.deepEqual(edited, [{ file: 'faq.yaml', added: ['d'], changed: ['a'], unchanged: [], removed: ['b'] }]);
      assert.ok((await store.revision()) > r1);
      assert.deepEqual((await store.listEntries()).map((e) => e.id).sort(), ['a', 'c', 'd']);
      assert.deepEqual((await store.listEntries({ file: 'other.md' })).map((e) => e.id), ['c']);
    });

    it('keeps every field of an entry', async () => {
      const full = entry('p1', {
        kind: 'product',
        language: 'en',
        title: 'Linen dress',
        body: 'Price: €89.00.',
        tags: ['summer'],
        approved: false,
        validFrom: '2026-06-01',
        validUntil: '2026-08-31',
        source: { file: 'catalog.csv', line: 7, heading: 'A › B' },
        key: 'AB-101',
        data: { sku: 'AB-101', price: 89, currency: 'EUR', sizes: ['S', 'M'], stock: 3 },
      });
      await store.applyImport([batch('catalog.csv', [full])], T0);
      assert.deepEqual(await store.getEntries(['p1', 'nope']), [full]);
    });

    it('updates a moved line without calling the entry changed', async () => {
      await store.applyImport([batch('faq.yaml', [entry('a')])], T0);
      const [moved] = await store.applyImport([batch('faq.yaml', [entry('a', { source: { file: 'faq.yaml', line: 9 } })])], T0 + 1);
      assert.deepEqual(moved?.unchanged, ['a']);
      assert.equal((await store.getEntries(['a']))[0]?.source.line, 9);
    });

    it('searches the analysed terms of one language, best BM25 first, title above body', async () => {
      await store.applyImport(
        [
          batch('faq.yaml', [
            entry('title', { title: 'Resi e rimborsi', body: 'Scrivici.' }),
            entry('body', { title: 'Spedizioni', body: 'Il reso è gratuito.' }),
            entry('none', { title: 'Pagamenti', body: 'Carte e PayPal.' }),
            entry('german', { language: 'de', title: 'res', body: 'res' }),
          ]),
        ],
        T0,
      );
      const hits = await store.searchText({ groups: [[['res']]], language: 'it', today: TODAY, limit: 5 });
      assert.deepEqual(hits.map((h) => h.id), ['title', 'body']);
      assert.ok((hits[0]?.score ?? 0) > (hits[1]?.score ?? 0) && (hits[1]?.score ?? 0) > 0);
      assert.match(hits[0]?.terms ?? '', /\bres\b/);
      assert.deepEqual(await store.searchText({ groups: [], language: 'it', today: TODAY, limit: 5 }), []);
      assert.equal((await store.searchText({ groups: [[['res']]], language: 'it', today: TODAY, limit: 1 })).length, 1);
    });

    it('matches a phrase alternative only as a phrase, and quotes what it is given', async () => {
      await store.applyImport([batch('faq.yaml', [entry('gift', { title: 'Buono regalo', body: '' }), entry('apart', { title: 'Regalo', body: 'buono' })])], T0);
      const hits = await store.searchText({ groups: [[['buon', 'regal'], ['gift']]], language: 'it', today: TODAY, limit: 5 });
      assert.deepEqual(hits.map((h) => h.id), ['gift']);
      assert.deepEqual(await store.searchText({ groups: [[['"OR']], [['NEAR(']]], language: 'it', today: TODAY, limit: 5 }), []);
    });

    it('leaves out entries not valid on the day asked', async () => {
      await store.applyImport(
        [
          batch('faq.yaml', [
            entry('always', { title: 'saldi' }),
            entry('summer', { title: 'saldi', validFrom: '2026-07-01', validUntil: '2026-08-31' }),
            entry('expired', { title: 'saldi', validUntil: '2025-02-28' }),
          ]),
        ],
        T0,
      );
      const on = async (today: string) => (await store.searchText({ groups: [[['sald']]], language: 'it', today, limit: 5 })).map((h) => h.id).sort();
      assert.deepEqual(await on('2026-07-01'), ['always', 'summer']);
      assert.deepEqual(await on('2026-08-31'), ['always', 'summer']);
      assert.deepEqual(await on('2026-09-01'), ['always']);
      assert.deepEqual(await on('2025-02-28'), ['always', 'expired']);
    });

    it('reads the vocabulary: stems and folded words with their entry counts', async () => {
      await store.applyImport([batch('faq.yaml', [entry('a', { title: 'Resi', body: 'reso' }), entry('b', { title: 'Spedizione', body: 'resi' })])], T0);
      const vocabulary = await store.vocabulary();
      assert.equal(vocabulary.stems.get('res'), 2);
      assert.equal(vocabulary.words.get('reso'), 1);
      assert.equal(vocabulary.words.get('resi'), 2);
      assert.equal(vocabulary.entries, 2);
    });

    it('keeps vectors per model and content: a changed entry needs a new one, a removed entry takes its vector along', async () => {
      await store.applyImport([batch('faq.yaml', [entry('a'), entry('b', { validUntil: '2026-12-31' })])], T0);
      assert.deepEqual((await store.entriesToEmbed('m1')).map((e) => e.id), ['a', 'b']);
      assert.equal((await store.entriesToEmbed('m1'))[0]?.text, 'Domanda a\nRisposta a');
      await store.saveEmbeddings('m1', [
        { id: 'a', contentHash: 'hash-a', vector: Float32Array.from([1, 0, 0.5]) },
        { id: 'b', contentHash: 'hash-b', vector: Float32Array.from([0, 1, 0]) },
      ]);
      assert.deepEqual(await store.entriesToEmbed('m1'), []);
      assert.deepEqual((await store.entriesToEmbed('m2')).length, 2);
      const loaded = await store.loadEmbeddings('m1');
      assert.deepEqual(loaded.map((r) => [r.id, [...r.vector], r.validUntil]), [['a', [1, 0, 0.5], undefined], ['b', [0, 1, 0], '2026-12-31']]);
      await store.applyImport([batch('faq.yaml', [entry('a', { contentHash: 'hash-a2' })])], T0 + 1);
      assert.deepEqual((await store.entriesToEmbed('m1')).map((e) => e.id), ['a']);
      assert.deepEqual(await store.loadEmbeddings('m1'), []);
    });
  });
}
