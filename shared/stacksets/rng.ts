// A small seeded generator for tests, the simulator's callers and the bench.
// The scheduler itself only ever receives an Rng; the main process passes
// Math.random, tests pass this so a "random" region order is reproducible.
import type { Rng } from './create-operation';

/** mulberry32: 32-bit state, good enough to shuffle region orders reproducibly. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
