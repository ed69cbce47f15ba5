/**
 * Answers from the knowledge base with no model: the demo salon's knowledge folder imported
 * into a real SQLite store, searched by the pipeline. An approved entry is sent as it is and
 * cited in the turn; its text is a source the claims check accepts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { businessSchema } from '../../src/config/business-schema.ts';
import type { KnowledgeSearch, KnowledgeStore } from '../../src/core/knowledge.ts';
import { replyText } from '../../src/core/reply.ts';
import type { TurnInput } from '../../src/core/turn.ts';
import { importKnowledge } from '../../src/knowledge/import/import-knowledge.ts';
import { knowledgeFromConfig } from '../../src/knowledge/knowledge-from-config.ts';
import { createPipeline } from '../../src/pipeline/run-turn.ts';
import { createSqliteKnowledgeStore } from '../../src/storage/sqlite/knowledge-store.ts';
import { DEMO_CONFIG_PATH, demoBusiness } from '../helpers/demo-config.ts';

const input = (text: string): TurnInput => ({ conversationId: 'p:1', phoneNumberId: 'p', customerKey: '1', messageIds: ['m1'], text, readable: true });

describe('knowledge answers in the pipeline (demo salon, SQLite)', () => {
  let dir: string;
  let store: KnowledgeStore;
  let knowledge: KnowledgeSearch;
  const business = demoBusiness();
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'centralino-kb-answers-'));
    store = createSqliteKnowledgeStore({ path: join(dir, 'centralino.db') });
    const report = await importKnowledge(store, join(DEMO_CONFIG_PATH, '..', 'knowledge'), { languages: business.profile.languages, defaultLanguage: business.profile.default_language });
    assert.equal(report.rejected.length, 0, JSON.stringify(report.rejected));
    knowledge = knowledgeFromConfig(store, business);
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a question no intent covers is answered by the approved entry, cited in the turn', async () => {
    const result = await createPipeline(business, { knowledge }).run(input('vendete buoni regalo?'));
    assert.equal(result.understanding.intent, 'out_of_scope');
    assert.equal(result.route, 'knowledge');
    assert.match(replyText(result.replies[0] ?? { kind: 'text', body: '' }), /buono per qualsiasi trattamento/);
    assert.equal(result.citations?.length, 1);
    assert.ok(result.outputVerdicts.every((v) => v.action === 'allow'));
    const en = await createPipeline(business, { knowledge }).run(input('do you sell gift vouchers?'));
    assert.equal(en.route, 'knowledge');
    assert.match(replyText(en.replies[0] ?? { kind: 'text', body: '' }), /valid for 12 months/);
  });

  it('an intent routed to knowledge answers from the base, and keeps its approved text when nothing fits', async () => {
    const treatments = business.intents.treatments;
    assert.ok(treatments);
    const routed = businessSchema.parse({ ...business, intents: { ...business.intents, treatments: { ...treatments, route: 'knowledge' } } });
    const pipeline = createPipeline(routed, { knowledge: knowledgeFromConfig(store, routed) });
    const vegan = await pipeline.run(input('che trattamenti fate con prodotti vegani?'));
    assert.equal(vegan.understanding.intent, 'treatments');
    assert.equal(vegan.route, 'knowledge');
    assert.match(replyText(vegan.replies[0] ?? { kind: 'text', body: '' }), /vegani e cruelty free/);
    const plain = await pipeline.run(input('che trattamenti fate?'));
    assert.equal(plain.understanding.intent, 'treatments');
    assert.equal(plain.route, 'approved_text');
    assert.equal(plain.citations, undefined);
  });

  it('a message the base does not cover well enough still gets the clarifying question, not a loose match', async () => {
    const result = await createPipeline(business, { knowledge }).run(input('avete un cane in salone?'));
    assert.notEqual(result.route, 'knowledge');
  });

  it('a failing knowledge search never breaks the turn', async () => {
    const broken: KnowledgeSearch = { findSources: () => Promise.reject(new Error('database is locked')) };
    const result = await createPipeline(business, { knowledge: broken }).run(input('vendete buoni regalo?'));
    assert.ok(result.replies.length > 0);
    assert.notEqual(result.route, 'knowledge');
    assert.deepEqual(result.degraded, ['knowledge search failed: database is locked']);
  });
});
