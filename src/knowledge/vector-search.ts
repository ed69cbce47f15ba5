/**
 * Nearest entries to a query vector by cosine similarity, over the store's vectors held in
 * memory (normalised once, reloaded when the knowledge revision moves). A brute-force scan:
 * 10,000 entries of 1,536 dimensions are about 15 million multiply-adds, a few milliseconds,
 * small next to the embedding call itself.
 */
import type { EmbeddingRecord, KnowledgeStore } from '../core/knowledge.ts';
import { isValidOn } from './today.ts';

interface Loaded {
  revision: number;
  records: EmbeddingRecord[];
}

export interface VectorHit {
  id: string;
  similarity: number;
}

export interface VectorIndex {
  nearest(query: Float32Array, language: string, today: string, limit: number): Promise<VectorHit[]>;
}

function normalised(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  const length = Math.min(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

export function createVectorIndex(store: KnowledgeStore, modelId: string): VectorIndex {
  let loaded: Loaded | undefined;
  const current = async (): Promise<EmbeddingRecord[]> => {
    const revision = await store.revision();
    if (loaded?.revision !== revision) {
      const records = (await store.loadEmbeddings(modelId)).map((record) => ({ ...record, vector: normalised(record.vector) }));
      loaded = { revision, records };
    }
    return loaded.records;
  };
  return {
    async nearest(query, language, today, limit) {
      const unit = normalised(query);
      const hits: VectorHit[] = [];
      for (const record of await current()) {
        if (record.language !== language || record.vector.length !== unit.length || !isValidOn(today, record.validFrom, record.validUntil)) continue;
        hits.push({ id: record.id, similarity: dot(unit, record.vector) });
      }
      return hits.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
    },
  };
}
