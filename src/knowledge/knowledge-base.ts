/**
 * The knowledge base search: a customer's text in, the best entries out, each with its id,
 * text, snippet, score and source — what the respond tier builds a reply from and passes
 * to the claims check as `Draft.sources`.
 *
 * Full text always (offline, FTS5 BM25 over stemmed terms, synonyms and typo correction at
 * query time); when an embedder is configured, the customer's text is also embedded and the
 * nearest entries are merged with the full-text ones by reciprocal rank fusion. Expired or
 * not-yet-valid entries are never returned. The vocabulary (for typo correction) and the
 * vectors are cached in memory and reloaded when the store's revision moves.
 */
import type { KnowledgeEntry, KnowledgeMatch, KnowledgeQueryOptions, KnowledgeSearch, KnowledgeStore, TextHit } from '../core/knowledge.ts';
import { systemClock, type Clock } from '../core/ports.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { analyze } from './analyze-text.ts';
import type { Embedder } from './embeddings.ts';
import { coverageOf, planQuery, termsHeld, type QueryPlan } from './query-plan.ts';
import { fuseRanks } from './rank-fusion.ts';
import { makeSnippet } from './snippet.ts';
import { synonymTables } from './synonyms.ts';
import { todayIn } from './today.ts';
import { createSpeller, type Speller } from './typo-correction.ts';
import { createVectorIndex, type VectorHit } from './vector-search.ts';

const DEFAULT_LIMIT = 5;
/** With embeddings, each list is read this deep before fusion. */
const FUSION_DEPTH = 20;

export interface KnowledgeBaseOptions {
  store: KnowledgeStore;
  /** `knowledge.synonyms`: per language, groups of words or phrases that mean the same. */
  synonyms?: Readonly<Record<string, ReadonlyArray<readonly string[]>>>;
  /** The business's time zone: validity days are checked on its calendar (default Europe/Rome). */
  timeZone?: string;
  clock?: Clock;
  embedder?: Embedder;
  /** Embedding the customer's text; past it the answer comes from full text alone (default 2000 ms). */
  embeddingTimeoutMs?: number;
  /** Told when the embedding of a query fails (the search goes on without it). */
  onEmbeddingError?: (error: unknown) => void;
}

export interface PeopleSearchOptions extends KnowledgeQueryOptions {
  /** The query's language; otherwise detected among `languages`, or all of them searched. */
  language?: string;
  languages: readonly string[];
}

export interface KnowledgeBase extends KnowledgeSearch {
  /** For people (`centralino kb search`): the language may be unknown. */
  search(text: string, options: PeopleSearchOptions): Promise<KnowledgeMatch[]>;
}

interface Lexicon {
  revision: number;
  entries: number;
  knownStems: ReadonlyMap<string, number>;
  speller: Speller;
}

interface Ranked {
  id: string;
  score: number;
}

export function createKnowledgeBase(options: KnowledgeBaseOptions): KnowledgeBase {
  const { store, embedder } = options;
  const clock = options.clock ?? systemClock;
  const synonymsFor = synonymTables(options.synonyms ?? {});
  const vectors = embedder === undefined ? undefined : createVectorIndex(store, embedder.modelId);
  let lexicon: Lexicon | undefined;

  const currentLexicon = async (): Promise<Lexicon> => {
    const revision = await store.revision();
    if (lexicon?.revision !== revision) {
      const vocabulary = await store.vocabulary();
      lexicon = { revision, entries: vocabulary.entries, knownStems: vocabulary.stems, speller: createSpeller(vocabulary) };
    }
    return lexicon;
  };

  const nearest = async (text: string, language: string, today: string): Promise<VectorHit[]> => {
    if (embedder === undefined || vectors === undefined || text.trim() === '') return [];
    const timeoutMs = options.embeddingTimeoutMs ?? 2000;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`embedding the query took more than ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const vector = await Promise.race([embedder.embedQuery(text, controller.signal), timeout]);
      return await vectors.nearest(vector, language, today, FUSION_DEPTH);
    } catch (error) {
      options.onEmbeddingError?.(error);
      return [];
    } finally {
      clearTimeout(timer);
    }
  };

  const findSources = async (text: string, language: string, query: KnowledgeQueryOptions = {}): Promise<KnowledgeMatch[]> => {
    const today = query.today ?? todayIn(options.timeZone ?? 'Europe/Rome', clock.now());
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { entries, knownStems, speller } = await currentLexicon();
    const plan = planQuery(text, { language, entries, knownStems, speller, synonyms: synonymsFor(language) });
    const depth = embedder === undefined ? limit : Math.max(limit, FUSION_DEPTH);
    const [textHits, vectorHits] = await Promise.all([
      plan.searched.length === 0 ? Promise.resolve([]) : store.searchText({ groups: plan.searched, language, today, limit: depth }),
      nearest(text, language, today),
    ]);
    const ranked: Ranked[] = vectorHits.length === 0 ? textHits : fuseRanks([textHits.map((hit) => hit.id), vectorHits.map((hit) => hit.id)]);
    const top = ranked.slice(0, limit);
    const found = await store.getEntries(top.map((hit) => hit.id));
    return toMatches(found, top, textHits, plan);
  };

  return {
    findSources,
    async search(text, people) {
      const detected = people.language ?? detectLanguage(text, people.languages);
      const languages = detected === undefined ? people.languages : [detected];
      const results = await Promise.all(languages.map((language) => findSources(text, language, people)));
      return results
        .flat()
        .sort((a, b) => b.score - a.score)
        .slice(0, people.limit ?? DEFAULT_LIMIT);
    },
  };
}

function toMatches(entries: readonly KnowledgeEntry[], ranked: readonly Ranked[], textHits: readonly TextHit[], plan: QueryPlan): KnowledgeMatch[] {
  const scores = new Map(ranked.map((hit) => [hit.id, hit.score]));
  const indexed = new Map(textHits.map((hit) => [hit.id, hit.terms]));
  return entries.map((entry) => {
    const terms = indexed.get(entry.id) ?? analyze(`${entry.title} ${entry.body} ${entry.tags.join(' ')}`, entry.language).join(' ');
    const snippet = makeSnippet(entry.body === '' ? entry.title : entry.body, plan.stems, entry.language);
    return {
      id: entry.id,
      kind: entry.kind,
      language: entry.language,
      title: entry.title,
      text: entry.body === '' ? entry.title : `${entry.title}\n${entry.body}`,
      body: entry.body,
      snippet: snippet.text,
      highlights: snippet.highlights,
      score: scores.get(entry.id) ?? 0,
      coverage: coverageOf(plan, new Set(terms.split(' '))),
      termsMatched: termsHeld(plan, new Set(terms.split(' '))),
      approved: entry.approved,
      source: entry.source,
      ...(entry.validUntil === undefined ? {} : { validUntil: entry.validUntil }),
    };
  });
}
