/**
 * `npm run bench:knowledge`: the knowledge-base search measured on 10,000 generated shop
 * entries (bench/knowledge-corpus.ts, seeded) in Italian, German and English, imported
 * through `importKnowledge` into an on-disk SQLite database like `kb import` does.
 *
 * Every query was written from a known target entry, so besides latency (p50/p99,
 * queries/s, one query at a time after a warm-up) the run also reports hit@1 and recall@5.
 * The peer, in the same run on the same entries and queries: a plain FTS5 table
 * (`unicode61 remove_diacritics 2`, the same BM25 column weights, the same language filter
 * and the same stop words), queried with the customer's words OR-ed — no stemming, no
 * synonyms, no typo correction. Target: our p99 under 5 ms. Writes bench/results/knowledge.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import type { KnowledgeEntry } from '../src/core/knowledge.ts';
import { importKnowledge } from '../src/knowledge/import/import-knowledge.ts';
import { createKnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { stopWordsOf } from '../src/knowledge/stop-words.ts';
import { createSqliteKnowledgeStore } from '../src/storage/sqlite/knowledge-store.ts';
import { foldText } from '../src/text/normalize-text.ts';
import { createRng } from './guard/rng.ts';
import { generateCorpus, LANGS, type BenchQuery } from './knowledge-corpus.ts';
import { summarize, type Summary } from './stats.ts';

const SEED = 7;
const WARM_UP = 50;
const LIMIT = 5;
const TODAY = '2026-11-25';
const SYNONYMS = {
  it: [['reso', 'restituzione', 'rimborso'], ['spedizione', 'consegna'], ['cambio', 'sostituzione']],
  de: [['Rücksendung', 'Rückgabe', 'zurückgeben', 'Retoure'], ['Versand', 'Lieferung'], ['Umtausch', 'umtauschen']],
  en: [['return', 'refund'], ['shipping', 'delivery'], ['exchange', 'swap']],
};

interface Outcome {
  samples: number[];
  wallMs: number;
  hits1: number;
  hits5: number;
}

/** The peer: the entries' own words in a plain FTS5 table. */
function plainIndex(entries: readonly KnowledgeEntry[]): (text: string, language: string) => string[] {
  const db = new DatabaseSync(':memory:');
  db.exec(`CREATE VIRTUAL TABLE plain USING fts5(title, body, lang, entry_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO plain (plain, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.0)');`);
  const insert = db.prepare('INSERT INTO plain (title, body, lang, entry_id) VALUES (?, ?, ?, ?)');
  db.exec('BEGIN');
  for (const entry of entries) insert.run(entry.source.heading ?? entry.title, entry.body, entry.language, entry.id);
  db.exec('COMMIT');
  const search = db.prepare('SELECT entry_id, title, body FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT ?');
  return (text, language) => {
    const stop = stopWordsOf(language);
    const words = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !stop.has(foldText(w))))];
    if (words.length === 0) return [];
    const match = `lang : "${language}" AND {title body} : (${words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ')})`;
    return search.all(match, LIMIT).map((row) => String(row['entry_id']));
  };
}

async function measure(queries: readonly BenchQuery[], targets: ReadonlyMap<string, string>, run: (q: BenchQuery) => Promise<string[]> | string[]): Promise<Outcome> {
  for (const query of queries.slice(0, WARM_UP)) await run(query);
  const outcome: Outcome = { samples: [], wallMs: 0, hits1: 0, hits5: 0 };
  const started = performance.now();
  for (const query of queries) {
    const t0 = performance.now();
    const ids = await run(query);
    outcome.samples.push(performance.now() - t0);
    const target = targets.get(`${query.target.file}\u0000${query.target.key}`);
    if (ids[0] === target) outcome.hits1++;
    if (target !== undefined && ids.includes(target)) outcome.hits5++;
  }
  outcome.wallMs = performance.now() - started;
  return outcome;
}

function row(name: string, summary: Summary, outcome: Outcome, n: number): string {
  const pct = (x: number) => `${((x / n) * 100).toFixed(1)} %`;
  return `| ${name} | ${summary.p50_ms.toFixed(3)} | ${summary.p99_ms.toFixed(3)} | ${summary.max_ms.toFixed(2)} | ${summary.per_second.toLocaleString('en')} | ${pct(outcome.hits1)} | ${pct(outcome.hits5)} |`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'centralino-bench-kb-'));
  try {
    const { queries, entries: generated } = generateCorpus(join(dir, 'files'), createRng(SEED));
    const store = createSqliteKnowledgeStore({ path: join(dir, 'centralino.db') });
    const importStart = performance.now();
    const report = await importKnowledge(store, join(dir, 'files'), { languages: [...LANGS], defaultLanguage: 'it' });
    const importSeconds = (performance.now() - importStart) / 1000;
    const entries = await store.listEntries();
    const targets = new Map(entries.map((entry) => [`${entry.source.file}\u0000${entry.key}`, entry.id]));
    const knowledge = createKnowledgeBase({ store, synonyms: SYNONYMS });
    const plain = plainIndex(entries);

    const ours = await measure(queries, targets, async (q) => (await knowledge.findSources(q.text, q.language, { limit: LIMIT, today: TODAY })).map((m) => m.id));
    const peer = await measure(queries, targets, (q) => plain(q.text, q.language));
    const [oursSummary, peerSummary] = [summarize(ours.samples, ours.wallMs), summarize(peer.samples, peer.wallMs)];
    await store.close();

    const lines = [
      `knowledge base: ${entries.length.toLocaleString('en')} entries (${generated.toLocaleString('en')} generated, ${report.rejected.length} rejected), imported in ${importSeconds.toFixed(1)} s; ${queries.length.toLocaleString('en')} queries (it/de/en), one at a time after ${WARM_UP} warm-up queries; Node ${process.version}`,
      '',
      '| search | p50 ms | p99 ms | max ms | queries/s | hit@1 | recall@5 |',
      '|---|---:|---:|---:|---:|---:|---:|',
      row('ours: stemmed FTS5 + synonyms + typo correction, snippets', oursSummary, ours, queries.length),
      row('peer: plain FTS5 (unicode61, diacritics folded, same weights and stop words)', peerSummary, peer, queries.length),
      '',
      `p99 target < 5 ms: ${oursSummary.p99_ms < 5 ? 'met' : 'NOT MET'}`,
    ];
    console.log(lines.join('\n'));
    mkdirSync('bench/results', { recursive: true });
    const json = { measured_at: new Date().toISOString(), node: process.version, seed: SEED, entries: entries.length, queries: queries.length, import_seconds: importSeconds, ours: { ...oursSummary, hit_at_1: ours.hits1 / queries.length, recall_at_5: ours.hits5 / queries.length }, peer: { ...peerSummary, hit_at_1: peer.hits1 / queries.length, recall_at_5: peer.hits5 / queries.length } };
    writeFileSync('bench/results/knowledge.json', `${JSON.stringify(json, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
