/**
 * The knowledge search of a business as its configuration says: synonyms, time zone for
 * validity days, and the embedder when `knowledge.embeddings` is set (offline otherwise).
 * What src/main.ts and the `kb` commands wire; the store is theirs to open and close.
 */
import type { BusinessConfig } from '../config/business-schema.ts';
import type { KnowledgeStore } from '../core/knowledge.ts';
import type { Clock } from '../core/ports.ts';
import { embedderFromConfig, type Environment } from './embedding-provider.ts';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';

export interface KnowledgeWiring {
  env?: Environment;
  clock?: Clock;
  fetch?: typeof fetch;
  onEmbeddingError?: (error: unknown) => void;
}

export function knowledgeFromConfig(store: KnowledgeStore, business: BusinessConfig, wiring: KnowledgeWiring = {}): KnowledgeBase {
  const embedder = embedderFromConfig(business, wiring.env ?? {}, wiring.fetch ? { fetch: wiring.fetch } : {});
  return createKnowledgeBase({
    store,
    synonyms: business.knowledge.synonyms,
    timeZone: business.profile.timezone,
    ...(wiring.clock ? { clock: wiring.clock } : {}),
    ...(embedder === undefined ? {} : { embedder, embeddingTimeoutMs: business.knowledge.embeddings?.timeout_ms ?? 2000 }),
    ...(wiring.onEmbeddingError ? { onEmbeddingError: wiring.onEmbeddingError } : {}),
  });
}
