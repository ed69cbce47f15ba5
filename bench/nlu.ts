/**
 * `npm run bench:nlu`: tier 1's intent classifier against fastText, TF-IDF + logistic
 * regression, TF-IDF + linear SVM (scikit-learn) and NLP.js on BANKING77 and CLINC150,
 * full and 10-shot (issue 3). Every system trains and classifies in its own child
 * process, one after the other, so times and memory are its own.
 *
 *   npm run bench:nlu                       full run: bench/results/nlu.json + README section
 *   npm run bench:nlu -- --quick            10-shot seed 1 only (smoke run)
 *   npm run bench:nlu -- --only ours,fasttext
 *   npm run bench:nlu -- --from-results     re-render tables and README from bench/results/nlu.json
 *
 * Partial runs (--quick or --only) write bench/results/nlu-partial.json and leave the
 * README alone.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { plannedRuns, runName, SETS } from './nlu/datasets.ts';
import { nlpjs, ours } from './nlu/node-worker.ts';
import { FASTTEXT_TRAIN_ARGS, fasttext, fasttextVersion } from './nlu/peer-fasttext.ts';
import { sklearnLr, sklearnSvm, sklearnVersions } from './nlu/peer-sklearn.ts';
import { NLPJS_SETTINGS } from './nlu/peer-nlpjs.ts';
import { markdownTables, notAheadSentence, notes, readmeBlock, updateReadme } from './nlu/report.ts';
import { aggregate, evaluate, type RunResult, type SetResult } from './nlu/results.ts';
import type { BenchSystem, SystemName } from './nlu/system.ts';

const SYSTEMS: BenchSystem[] = [ours, fasttext, sklearnLr, sklearnSvm, nlpjs];
/** Peers first, ours last (its file may appear while the peers run). */
const RUN_ORDER: SystemName[] = ['fasttext', 'sklearn-lr', 'sklearn-svm', 'nlpjs', 'ours'];
const ALIASES: Record<string, SystemName[]> = { sklearn: ['sklearn-lr', 'sklearn-svm'], lr: ['sklearn-lr'], svm: ['sklearn-svm'], 'nlp.js': ['nlpjs'] };
const RESULTS_FILE = new URL('./results/nlu.json', import.meta.url);

const RULES = {
  in_scope_accuracy: 'share of test messages whose gold label is not oos that get their gold label (top label, no threshold)',
  macro_f1: 'unweighted mean over the in-scope gold labels of F1, on the in-scope test messages',
  ten_shot: 'mean over train_10shot_seed{1,2,3}.jsonl (peak memory: the highest of the three)',
  oos_threshold: 'CLINC150 full only: out of scope when the top label is oos or the top score is below t; t is the validation top score (or none) maximising (in-scope accuracy + oos recall) / 2 on valid.jsonl, ties to the lowest',
  speed: 'one message at a time after 5 warm-up messages: classifications/s = messages / wall time of the loop; p50/p99 of the per-message times. fastText: classifications/s from the batch CLI, (wall of predict on the test file ×10 − wall on a one-line file) / messages, best of 3; p50/p99 one line at a time through a pipe to a running `fasttext predict-prob model.bin - 1`',
  peak_memory: 'RSS high-water mark (/usr/bin/time -f %M) of the child process that trained and classified; fastText: the higher of its train and predict processes',
  not_ahead: 'a peer is better, or level at the printed precision; accuracy, F1 and the out-of-scope score count as level within half a point',
};
const PEERS = {
  fasttext: `fasttext supervised -input train.txt -output model ${FASTTEXT_TRAIN_ARGS.join(' ')}; predict-prob model.bin test.txt 1; text: punctuation split off and lower-cased (fastText tutorial)`,
  'sklearn-lr': 'FeatureUnion(TfidfVectorizer(word, ngram 1-2, sublinear_tf), TfidfVectorizer(char_wb, ngram 2-5, sublinear_tf)) → LogisticRegression(C=10, lbfgs, max_iter=3000); score = max predict_proba',
  'sklearn-svm': 'the same TF-IDF → LinearSVC(C=1); score = max decision_function',
  nlpjs: `new NlpManager(${JSON.stringify(NLPJS_SETTINGS)}); addDocument('en', text, label) per example; train(); process('en', text); label = classifications[0].intent (None → oos), score = classifications[0].score`,
  ours: 'trainIntentModel(examples, { seed }) with the sample seed, 1 for full sets (src/text/classifier/intent-model.ts); label/score = predict(text)[0]',
};

interface Machine {
  node: string;
  cpus: number;
  cpu: string;
  memory_gib: number;
  load_average_at_start: number[];
  load_average_at_end: number[];
  date: string;
  commit: string | null;
  classifier_sources_sha256: string | null;
  wall_minutes: number;
  fasttext: string | null;
  python: Record<string, string> | null;
  node_nlp: string;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Which version of our classifier was measured (it may not be committed yet). */
function classifierDigest(): string | null {
  const dir = new URL('../src/text/classifier/', import.meta.url);
  if (!existsSync(dir)) return null;
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(new URL(name, dir)));
  return hash.digest('hex').slice(0, 16);
}

function selectedSystems(only: string | undefined): SystemName[] {
  if (only === undefined) return RUN_ORDER;
  const selected = new Set<SystemName>();
  for (const word of only.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean)) {
    const names = ALIASES[word] ?? (RUN_ORDER.includes(word as SystemName) ? [word as SystemName] : null);
    if (!names) {
      console.error(`unknown system "${word}"; known: ${[...RUN_ORDER, ...Object.keys(ALIASES)].join(', ')}`);
      process.exit(2);
    }
    for (const name of names) selected.add(name);
  }
  return RUN_ORDER.filter((name) => selected.has(name));
}

async function runBench(order: readonly SystemName[], quick: boolean): Promise<{ results: SetResult[]; skipped: Record<string, string> }> {
  const runs = plannedRuns(quick);
  const results: SetResult[] = [];
  const skipped: Record<string, string> = {};
  let job = 0;
  const jobs = order.length * runs.length;
  for (const name of order) {
    const system = SYSTEMS.find((s) => s.name === name);
    if (!system) continue;
    const reason = system.unavailable();
    if (reason) {
      log(`${system.title}: ${reason} — skipped`);
      skipped[system.name] = reason;
      job += runs.length;
      continue;
    }
    const bySet = new Map<string, RunResult[]>();
    for (const run of runs) {
      job += 1;
      log(`[${job}/${jobs}] ${system.title} · ${runName(run)} …`);
      const started = performance.now();
      const result = evaluate(run, await system.run(run));
      log(`    accuracy ${(100 * result.in_scope_accuracy).toFixed(1)} %, macro-F1 ${(100 * result.macro_f1).toFixed(1)} %, train ${result.train_seconds.toFixed(1)} s, ${Math.round(result.per_second)}/s, ${Math.round(result.peak_rss_mb)} MB (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      const list = bySet.get(run.set.id) ?? [];
      list.push(result);
      bySet.set(run.set.id, list);
    }
    for (const set of SETS) {
      const list = bySet.get(set.id);
      if (list) results.push(aggregate(system.name, set, list));
    }
  }
  return { results, skipped };
}

function publish(results: SetResult[], machine: Machine, writeReadme: boolean): { sentence: string; extraNotes: string[] } {
  const systemsInfo = SYSTEMS.map((s) => ({ name: s.name, title: s.title }));
  const tables = markdownTables(results, systemsInfo);
  const sentence = notAheadSentence(results, systemsInfo);
  const extraNotes = notes(results);
  console.log(`\n${tables}\n\n${sentence}\n\n${extraNotes.join('\n')}\n`);
  if (writeReadme) {
    const block = readmeBlock({
      command: 'npm run bench:nlu',
      date: machine.date.slice(0, 10),
      machine: `${machine.cpus} × ${machine.cpu}, ${machine.memory_gib} GiB, Node ${machine.node}, scikit-learn ${machine.python?.sklearn ?? '?'}, fastText ${machine.fasttext ?? '?'}, node-nlp ${machine.node_nlp}; a shared machine, 1-minute load average ${machine.load_average_at_start[0]?.toFixed(1)} at the start; ${machine.wall_minutes.toFixed(1)} minutes in all`,
      tables,
      sentence,
      rules: [
        'How it is measured: every system trains and classifies in its own child process, one after the other.',
        `Peers: fastText CLI \`${PEERS.fasttext}\`; scikit-learn ${PEERS['sklearn-lr']}, and ${PEERS['sklearn-svm']}; NLP.js \`${PEERS.nlpjs}\`.`,
        `In-scope accuracy: ${RULES.in_scope_accuracy}. Macro-F1: ${RULES.macro_f1}. Out of scope: ${RULES.oos_threshold}. Speed: ${RULES.speed}. Memory: ${RULES.peak_memory}. "Not ahead": ${RULES.not_ahead}.`,
      ].join('\n'),
      notes: extraNotes,
    });
    updateReadme(fileURLToPath(new URL('../README.md', import.meta.url)), block);
    log('updated the README section between <!-- nlu-bench:start --> and <!-- nlu-bench:end -->');
  }
  return { sentence, extraNotes };
}

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, 'from-results': { type: 'boolean', default: false } } });

if (values['from-results']) {
  const saved = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { machine: Machine; results: SetResult[] } & Record<string, unknown>;
  const { sentence, extraNotes } = publish(saved.results, saved.machine, true);
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...saved, rules: RULES, summary: sentence, notes: extraNotes }, null, 2)}\n`);
  log('re-rendered from bench/results/nlu.json');
} else {
  const quick = values.quick ?? false;
  const partial = quick || values.only !== undefined;
  const order = selectedSystems(values.only);
  const loadStart = loadavg();
  const started = performance.now();
  const { results, skipped } = await runBench(order, quick);
  const machine: Machine = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    memory_gib: Math.round(totalmem() / 2 ** 30),
    load_average_at_start: loadStart,
    load_average_at_end: loadavg(),
    date: new Date().toISOString(),
    commit: gitCommit(),
    classifier_sources_sha256: classifierDigest(),
    wall_minutes: (performance.now() - started) / 60000,
    fasttext: fasttextVersion(),
    python: sklearnVersions(),
    node_nlp: '4.27.0',
  };
  const { sentence, extraNotes } = publish(results, machine, !partial);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const outName = partial ? 'nlu-partial.json' : 'nlu.json';
  writeFileSync(new URL(`./results/${outName}`, import.meta.url), `${JSON.stringify({ machine, quick, systems: order, skipped, peers: PEERS, rules: RULES, results, summary: sentence, notes: extraNotes }, null, 2)}\n`);
  log(`wrote bench/results/${outName}`);
}
