// Backing off after a failure, one rule for every retry in main: the HTTP
// client's retries, the stack watcher's polls and the stack-set runner's
// polls. Each picks a ceiling that doubles per attempt and then a jitter, so
// many clients that failed together do not come back together.

/** base * 2^attempt, capped at maxMs. */
export function doublingCeiling(baseMs: number, attempt: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** attempt);
}

/** "Equal jitter": somewhere in the upper half of the ceiling, whole milliseconds. */
export function equalJitter(ceilingMs: number, random: () => number): number {
  return Math.round(ceilingMs / 2 + random() * (ceilingMs / 2));
}

/** +-20 % around a value: polls that must stay near their interval. */
export function spreadJitter(valueMs: number, random: () => number): number {
  return valueMs * (0.8 + 0.4 * random());
}
