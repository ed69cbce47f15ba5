/**
 * `npx node bench/language-id.ts [--errors]`: accuracy of the language detector on
 * tests/fixtures/language-id.jsonl, per language, for the full detector and for each kind
 * of evidence alone, and its speed (with normalizeText's and detectSmallTalk's).
 *
 * Correct = detectLanguage(text, ['it', 'de', 'en']) returns the labelled language;
 * "undecided" (undefined) counts as not correct and is shown on its own.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { detectLanguage, detectLanguageScores, type DetectOptions } from '../src/text/detect-language.ts';
import { normalizeText } from '../src/text/normalize-text.ts';
import { detectSmallTalk } from '../src/text/small-talk.ts';

interface Sample {
  text: string;
  language: string;
}

const CANDIDATES = ['it', 'de', 'en'];
const FIXTURE = new URL('../tests/fixtures/language-id.jsonl', import.meta.url);

export function loadLanguageSamples(): Sample[] {
  return readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Sample);
}

interface Tally {
  total: number;
  correct: number;
  undecided: number;
}

function evaluate(samples: Sample[], detect: (text: string) => string | undefined): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const sample of samples) {
    for (const key of [sample.language, 'all']) {
      const tally = tallies.get(key) ?? { total: 0, correct: 0, undecided: 0 };
      const got = detect(sample.text);
      tally.total++;
      if (got === sample.language) tally.correct++;
      else if (got === undefined) tally.undecided++;
      tallies.set(key, tally);
    }
  }
  return tallies;
}

const percent = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`.padStart(7);

/** Microseconds per call: the best of several batches, so that a busy machine shows less. */
function timePerCall(samples: Sample[], run: (text: string) => unknown): number {
  const batches = 9;
  const rounds = 40;
  for (let r = 0; r < rounds; r++) for (const s of samples) run(s.text); // warm up
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let r = 0; r < rounds; r++) for (const s of samples) run(s.text);
    best = Math.min(best, ((performance.now() - start) * 1000) / (rounds * samples.length));
  }
  return best;
}

function main(): void {
  const samples = loadLanguageSamples();
  const variants: [string, DetectOptions][] = [['words + trigrams', {}], ['words only', { only: 'words' }], ['trigrams only', { only: 'trigrams' }]];
  console.log(`language id on ${samples.length} messages (candidates ${CANDIDATES.join(', ')})\n`);
  console.log(`${'detector'.padEnd(18)}${['it', 'de', 'en', 'all'].map((l) => l.padStart(8)).join('')}   undecided`);
  for (const [name, options] of variants) {
    const detect = (text: string) => {
      const { language } = detectLanguageScores(text, options);
      return language !== undefined && CANDIDATES.includes(language) ? language : undefined;
    };
    const tallies = evaluate(samples, name === 'words + trigrams' ? (t) => detectLanguage(t, CANDIDATES) : detect);
    const cells = ['it', 'de', 'en', 'all'].map((l) => {
      const t = tallies.get(l);
      return t ? ` ${percent(t.correct, t.total)}` : '       -';
    });
    const all = tallies.get('all');
    console.log(`${name.padEnd(18)}${cells.join('')}   ${all?.undecided ?? 0}`);
  }
  const detectUs = timePerCall(samples, (t) => detectLanguage(t, CANDIDATES));
  const normalizeUs = timePerCall(samples, (t) => normalizeText(t));
  const smallTalkUs = timePerCall(samples, (t) => detectSmallTalk(t));
  console.log(`\ndetectLanguage: ${detectUs.toFixed(2)} µs/message, ${Math.round(1e6 / detectUs).toLocaleString('en')} messages/s`);
  console.log(`normalizeText:  ${normalizeUs.toFixed(2)} µs/message, ${Math.round(1e6 / normalizeUs).toLocaleString('en')} messages/s`);
  console.log(`detectSmallTalk: ${smallTalkUs.toFixed(2)} µs/message, ${Math.round(1e6 / smallTalkUs).toLocaleString('en')} messages/s`);
  console.log(`(mean message length ${Math.round(samples.reduce((n, s) => n + s.text.length, 0) / samples.length)} characters; best of 9 batches)`);

  if (process.argv.includes('--errors')) {
    console.log('\nnot correct:');
    for (const s of samples) {
      const r = detectLanguageScores(s.text);
      const got = detectLanguage(s.text, CANDIDATES);
      if (got === s.language) continue;
      const top = r.scores.slice(0, 3).map((x) => `${x.language} ${x.score.toFixed(2)}`).join(', ');
      console.log(`  [${s.language} → ${got ?? 'undecided'}] ${s.text}   (${top})`);
    }
  }
}

if (import.meta.main) main();
