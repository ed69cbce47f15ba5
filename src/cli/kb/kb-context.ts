/**
 * What the `kb` commands share: the business configuration (languages, time zone,
 * synonyms, embeddings), the knowledge store in `<data dir>/centralino.db` and the search
 * built on them. The business file is `--config`, else CENTRALINO_CONFIG, else the demo;
 * the data folder `--data-dir`, else CENTRALINO_DATA_DIR, else ./data.
 */
import { join } from 'node:path';
import type { BusinessConfig } from '../../config/business-schema.ts';
import { loadBusinessConfig } from '../../config/load-business.ts';
import { DEFAULT_BUSINESS_CONFIG, DEFAULT_DATA_DIR } from '../../config/settings.ts';
import type { KnowledgeStore } from '../../core/knowledge.ts';
import { embedderFromConfig } from '../../knowledge/embedding-provider.ts';
import type { Embedder } from '../../knowledge/embeddings.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { knowledgeFromConfig } from '../../knowledge/knowledge-from-config.ts';
import { createSqliteKnowledgeStore } from '../../storage/sqlite/knowledge-store.ts';

export interface KbFlags {
  config?: string;
  dataDir?: string;
  json?: boolean;
}

export interface KbContext {
  configFile: string;
  business: BusinessConfig;
  store: KnowledgeStore;
  embedder: Embedder | undefined;
  knowledge: KnowledgeBase;
  close(): Promise<void>;
}

export function openKbContext(flags: KbFlags, env: Readonly<Record<string, string | undefined>> = process.env): KbContext {
  const configFile = flags.config ?? env.CENTRALINO_CONFIG ?? DEFAULT_BUSINESS_CONFIG;
  const business = loadBusinessConfig(configFile);
  const embedder = embedderFromConfig(business, env);
  const dataDir = flags.dataDir ?? env.CENTRALINO_DATA_DIR ?? DEFAULT_DATA_DIR;
  const store = createSqliteKnowledgeStore({ path: join(dataDir, 'centralino.db') });
  const knowledge = knowledgeFromConfig(store, business, {
    env,
    onEmbeddingError: (error) => console.error(`centralino: embedding the query failed, full-text results only (${(error as Error).message})`),
  });
  return { configFile, business, store, embedder, knowledge, close: () => store.close() };
}
