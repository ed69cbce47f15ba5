/**
 * `npm run bench [-- name…]`: runs the benchmarks, prints their tables and writes
 * bench/results/<name>.json with the machine it ran on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { runRouterBench } from './router.ts';
import { runSpineBench } from './spine.ts';

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = { spine: runSpineBench, router: runRouterBench };

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(BENCHES);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const results = await bench();
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), date: new Date().toISOString() };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/${name}.json`, import.meta.url), `${JSON.stringify({ machine, ...results }, null, 2)}\n`);
  console.log(`\nwrote bench/results/${name}.json`);
}
