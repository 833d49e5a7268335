import { describe, expect, it } from 'vitest';
import { pollInterval } from '../../../../main/stacksets/operation-runner';

const product = { pollMs: 1000, minPollMs: 500, pollsPerSecond: 10 };

describe('pollInterval (each running stack’s, from the runner’s polling budget)', () => {
  it('is pollMs while at least pollsPerSecond x pollMs stacks run (10 at 10/s: 1 s each)', () => {
    expect(pollInterval(10, product)).toBe(1000);
    expect(pollInterval(40, product)).toBe(1000);
  });

  it('shortens as fewer stacks run, within the same budget, down to minPollMs', () => {
    expect(pollInterval(8, product)).toBe(800);
    expect(pollInterval(5, product)).toBe(500);
    expect(pollInterval(1, product)).toBe(500);
    expect(pollInterval(0, product)).toBe(500);
  });

  it('never asks for more than the budget once the interval is above its floor', () => {
    for (let running = 5; running <= 10; running++) expect((running * 1000) / pollInterval(running, product)).toBeLessThanOrEqual(10);
  });

  it('a fixed interval when the floor is the ceiling (STACKSET_POLL_MS in the bench, small intervals in tests)', () => {
    expect(pollInterval(1, { pollMs: 200, minPollMs: 200, pollsPerSecond: 10 })).toBe(200);
    expect(pollInterval(30, { pollMs: 200, minPollMs: 200, pollsPerSecond: 10 })).toBe(200);
  });
});
