/**
 * Optional embedding search through the AI SDK (`embed`, `embedMany`): any embedding model
 * the SDK speaks to (OpenAI, an OpenAI-compatible server such as Ollama, or the SDK's mock
 * model in tests). Entries are embedded at import, only those whose content has no vector
 * from this model yet; a customer's text is embedded at search time, within a timeout.
 */
import { embed, embedMany, type EmbeddingModel } from 'ai';
import type { KnowledgeStore } from '../core/knowledge.ts';

/** Entries sent to the model per call. */
const BATCH_SIZE = 64;

export interface Embedder {
  /** Names the vectors in the store: a different model or size never mixes with these. */
  readonly modelId: string;
  embedQuery(text: string, signal?: AbortSignal): Promise<Float32Array>;
  embedDocuments(texts: readonly string[]): Promise<Float32Array[]>;
}

export interface AiSdkEmbedderOptions {
  /** Stored with the vectors, e.g. "openai:text-embedding-3-small". */
  modelId: string;
  dimensions?: number;
  /** Retries of one call (the SDK's default is 2); a customer's query gets none. */
  maxRetries?: number;
}

export function aiSdkEmbedder(model: EmbeddingModel, options: AiSdkEmbedderOptions): Embedder {
  const dimensions = options.dimensions === undefined ? {} : { dimensions: options.dimensions };
  return {
    modelId: options.modelId,
    async embedQuery(text, signal) {
      const { embedding } = await embed({ model, value: text, maxRetries: 0, ...dimensions, ...(signal ? { abortSignal: signal } : {}) });
      return Float32Array.from(embedding);
    },
    async embedDocuments(texts) {
      const { embeddings } = await embedMany({ model, values: [...texts], maxRetries: options.maxRetries ?? 2, ...dimensions });
      return embeddings.map((embedding) => Float32Array.from(embedding));
    },
  };
}

export interface EmbedProgress {
  done: number;
  total: number;
}

/** Embeds every entry without a current vector from this model; returns how many were embedded. */
export async function embedMissing(store: KnowledgeStore, embedder: Embedder, onProgress?: (progress: EmbedProgress) => void): Promise<number> {
  const pending = await store.entriesToEmbed(embedder.modelId);
  for (let start = 0; start < pending.length; start += BATCH_SIZE) {
    const batch = pending.slice(start, start + BATCH_SIZE);
    const vectors = await embedder.embedDocuments(batch.map((entry) => entry.text));
    await store.saveEmbeddings(
      embedder.modelId,
      batch.map((entry, index) => ({ id: entry.id, contentHash: entry.contentHash, vector: vectors[index] ?? new Float32Array() })),
    );
    onProgress?.({ done: Math.min(start + BATCH_SIZE, pending.length), total: pending.length });
  }
  return pending.length;
}
