/**
 * `npx node bench/guard-injection-speed.ts`: time of `detectInjection` per message after the
 * first call (the model is read then), on WhatsApp-length messages (every line of the
 * guard fixtures under tests/fixtures/guard/ and the language-id fixture) and on the deepset
 * rows, three passes, p50/p99 of the last. docs/decisions/0008-injection-rail.md quotes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { detectInjection } from '../src/pipeline/guard/injection/detect-injection.ts';
import { sharedRows } from './guard-injection-data.ts';

function texts(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text)
    .filter((t) => typeof t === 'string');
}

function measure(name: string, messages: readonly string[]): void {
  detectInjection('warm up');
  let times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    times = [];
    for (const m of messages) {
      const t0 = performance.now();
      detectInjection(m);
      times.push((performance.now() - t0) * 1000);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(0);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const chars = messages.reduce((a, m) => a + m.length, 0) / messages.length;
  console.log(`${name}: ${messages.length} messages, ${chars.toFixed(0)} characters on average — mean ${mean.toFixed(0)} µs, p50 ${at(0.5)} µs, p99 ${at(0.99)} µs`);
}

const dir = new URL('../tests/fixtures/guard/', import.meta.url);
const whatsapp = [
  ...readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => texts(new URL(f, dir).pathname)),
  ...texts(new URL('../tests/fixtures/language-id.jsonl', import.meta.url).pathname),
];
measure('WhatsApp-length (guard fixtures + language-id)', whatsapp);
measure('deepset train rows', sharedRows().map((r) => r.text));
