/** Seeded helpers over the product's generator (mulberry32) so every run of the benchmark sees the same data. */
import { createRandom } from '../../src/text/classifier/prng.ts';

export interface Rng {
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: T[]): T[];
}

export function createRng(seed: number): Rng {
  const random = createRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  return {
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    shuffle: <T>(items: T[]) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    },
  };
}
