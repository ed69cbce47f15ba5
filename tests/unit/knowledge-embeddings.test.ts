/**
 * Optional embedding search through the AI SDK, tested with its mock embedding model (no
 * network): vectors stored at import for new and changed entries only, nearest entries
 * merged with full-text ones by reciprocal rank fusion, and a failing or slow embedding
 * never breaking the search. Also the `knowledge:` configuration and the provider wiring.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MockEmbeddingModelV4 } from 'ai/test';
import { businessSchema } from '../../src/config/business-schema.ts';
import { embedderFromConfig } from '../../src/knowledge/embedding-provider.ts';
import { aiSdkEmbedder, embedMissing } from '../../src/knowledge/embeddings.ts';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { demoBusiness } from '../helpers/demo-config.ts';
import { importFiles, memoryStore } from '../contract/knowledge-fixtures.ts';

const TOPICS: Array<[RegExp, number[]]> = [
  [/rate|klarna|finanziament|pagare/i, [1, 0, 0]],
  [/spedizion|consegna|corriere/i, [0, 1, 0]],
];

/** A topic vector: what a real model would give, in three dimensions. */
function topicVector(text: string): number[] {
  return TOPICS.find(([pattern]) => pattern.test(text))?.[1] ?? [0, 0, 1];
}

function mockModel(fail?: (values: string[]) => boolean): MockEmbeddingModelV4 {
  return new MockEmbeddingModelV4({
    modelId: 'topics',
    maxEmbeddingsPerCall: 100,
    doEmbed: async ({ values }) => {
      if (fail?.(values)) throw new Error('provider down');
      return { embeddings: values.map(topicVector), warnings: [] };
    },
  });
}

const FAQ = {
  'faq.it.yaml': 'faq:\n  - question: Posso pagare a rate?\n    answer: Sì, con Klarna in tre rate senza interessi.\n  - question: Quanto costa la spedizione?\n    answer: 5,90 € con corriere espresso.\n  - question: Dove siete?\n    answer: In via Torino 12 a Milano.\n',
};
const TODAY = '2026-07-15';

describe('embedding search', () => {
  it('embeds new and changed entries only, and finds entries the words alone miss', async () => {
    const store = memoryStore();
    await importFiles(store, FAQ);
    const model = mockModel();
    const embedder = aiSdkEmbedder(model, { modelId: 'mock:topics' });
    assert.equal(await embedMissing(store, embedder), 3);
    assert.equal(await embedMissing(store, embedder), 0);
    assert.equal(model.doEmbedCalls.length, 1);

    const offline = createKnowledgeBase({ store });
    assert.deepEqual(await offline.findSources('finanziamento', 'it', { today: TODAY }), []);
    const knowledge = createKnowledgeBase({ store, embedder });
    const [first] = await knowledge.findSources('finanziamento', 'it', { today: TODAY });
    assert.equal(first?.title, 'Posso pagare a rate?');
    assert.ok((first?.score ?? 1) < 1, 'a fused score: a sum of 1/(60 + rank)');
    assert.equal(model.doEmbedCalls.at(-1)?.values[0], 'finanziamento');

    await importFiles(store, { 'faq.it.yaml': FAQ['faq.it.yaml'].replace('Milano', 'Torino') });
    assert.equal(await embedMissing(store, embedder), 1);
  });

  it('merges full-text and vector results by reciprocal rank', async () => {
    const store = memoryStore();
    await importFiles(store, FAQ);
    const embedder = aiSdkEmbedder(mockModel(), { modelId: 'mock:topics' });
    await embedMissing(store, embedder);
    const knowledge = createKnowledgeBase({ store, embedder });
    const titles = (await knowledge.findSources('quanto costa la consegna?', 'it', { today: TODAY })).map((m) => m.title);
    assert.equal(titles[0], 'Quanto costa la spedizione?');
    assert.equal(new Set(titles).size, titles.length);
  });

  it('answers from full text alone when embedding the query fails or is too slow', async () => {
    const store = memoryStore();
    await importFiles(store, FAQ);
    await embedMissing(store, aiSdkEmbedder(mockModel(), { modelId: 'mock:topics' }));
    const errors: string[] = [];
    const failing = createKnowledgeBase({ store, embedder: aiSdkEmbedder(mockModel(() => true), { modelId: 'mock:topics' }), onEmbeddingError: (e) => errors.push((e as Error).message) });
    assert.equal((await failing.findSources('spedizione', 'it', { today: TODAY }))[0]?.title, 'Quanto costa la spedizione?');
    assert.match(errors[0] ?? '', /provider down/);
    const slowModel = new MockEmbeddingModelV4({ modelId: 'slow', doEmbed: () => new Promise(() => {}) });
    const slow = createKnowledgeBase({ store, embedder: aiSdkEmbedder(slowModel, { modelId: 'mock:topics' }), embeddingTimeoutMs: 50, onEmbeddingError: (e) => errors.push((e as Error).message) });
    assert.equal((await slow.findSources('spedizione', 'it', { today: TODAY }))[0]?.title, 'Quanto costa la spedizione?');
    assert.match(errors[1] ?? '', /more than 50 ms/);
  });
});

describe('knowledge configuration', () => {
  const base = () => {
    const { knowledge: _knowledge, ...rest } = demoBusiness();
    return rest;
  };

  it('defaults to no synonyms and no embeddings (offline)', () => {
    const parsed = businessSchema.parse(base());
    assert.deepEqual(parsed.knowledge, { synonyms: {} });
    assert.equal(embedderFromConfig(parsed, {}), undefined);
  });

  it('checks synonyms and the embedding provider', () => {
    const bad = businessSchema.safeParse({ ...base(), knowledge: { synonyms: { it: [['reso']] }, embeddings: { provider: 'openai-compatible', model: 'nomic-embed-text' } } });
    assert.ok(!bad.success);
    assert.deepEqual(bad.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort(), [
      'knowledge.embeddings.base_url: is required when provider is openai-compatible',
      'knowledge.synonyms.it.0: a synonym group needs at least two words',
    ]);
  });

  it('reaches an OpenAI-compatible /embeddings endpoint through the AI SDK, with the key from the named variable', async () => {
    const business = businessSchema.parse({ ...base(), knowledge: { embeddings: { provider: 'openai-compatible', model: 'nomic-embed-text', base_url: 'http://127.0.0.1:9/v1', api_key_env: 'EMBED_KEY' } } });
    assert.throws(() => embedderFromConfig(business, {}), { code: 'SETTINGS_INVALID', message: /EMBED_KEY is not set: knowledge\.embeddings/ });
    const requests: Array<{ url: string; body: unknown; auth: string | null }> = [];
    const fetchStub: typeof fetch = async (input, init) => {
      requests.push({ url: String(input), body: JSON.parse(String(init?.body)), auth: new Headers(init?.headers).get('authorization') });
      return new Response(JSON.stringify({ data: [{ index: 0, embedding: [0.5, 0.25] }], model: 'nomic-embed-text', usage: { prompt_tokens: 2, total_tokens: 2 } }), { headers: { 'content-type': 'application/json' } });
    };
    const embedder = embedderFromConfig(business, { EMBED_KEY: 'k-123' }, { fetch: fetchStub });
    assert.equal(embedder?.modelId, 'openai-compatible:nomic-embed-text');
    assert.deepEqual([...((await embedder?.embedQuery('ciao')) ?? [])], [0.5, 0.25]);
    assert.equal(requests[0]?.url, 'http://127.0.0.1:9/v1/embeddings');
    assert.deepEqual((requests[0]?.body as { model: string; input: string[] }).input, ['ciao']);
    assert.equal(requests[0]?.auth, 'Bearer k-123');
  });
});
