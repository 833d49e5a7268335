// The background import's time slices: work waiting on the event loop runs
// once a slice has used its budget, and not before.
import { describe, expect, it } from 'vitest';
import { noPause, timeSlices } from '../../../../../main/library/git/time-slices';

async function waitingRanDuring(pause: () => Promise<void>): Promise<boolean> {
  let ran = false;
  setImmediate(() => {
    ran = true;
  });
  await pause();
  return ran;
}

describe('time slices', () => {
  it('yields to waiting work once the budget is spent', async () => {
    const pause = timeSlices(1);
    const until = performance.now() + 3;
    while (performance.now() < until); // a slice's work
    expect(await waitingRanDuring(pause)).toBe(true);
  });

  it('keeps going within the budget, and never yields without one', async () => {
    expect(await waitingRanDuring(timeSlices(60_000))).toBe(false);
    expect(await waitingRanDuring(noPause)).toBe(false);
  });
});
