import { describe, expect, it } from 'vitest';
import { inProgressPacing } from '../../../../main/cloud/watch-pacing';

/** Rounds of `made` requests each, answered at once: the delays between them and the rate they give. */
function run(fastMs: number, made: number[]): { delays: number[]; perRequestMs: number; debt: number } {
  let debt = 0;
  const delays = made.map((m) => {
    const p = inProgressPacing(fastMs, m, 0, debt);
    debt = p.debtMs;
    return p.delayMs;
  });
  // What was actually waited, the debt still owed left out.
  const waited = delays.reduce((a, b) => a + b, 0);
  return { delays, perRequestMs: waited / made.reduce((a, b) => a + b, 0), debt };
}

describe('the watcher’s pacing while a stack is in progress', () => {
  it('one request a round: one interval, no debt', () => {
    expect(inProgressPacing(1000, 1, 0, 0)).toEqual({ delayMs: 1000, debtMs: 0 });
  });

  it('counts the interval from the round’s start: a slow answer is not added, and a very slow one means go at once', () => {
    expect(inProgressPacing(1000, 1, 300, 0).delayMs).toBe(700);
    expect(inProgressPacing(1000, 1, 2500, 0).delayMs).toBe(0);
  });

  it('spreads an extra request over the following rounds instead of doubling the next wait', () => {
    const { delays } = run(1000, [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1334);
    // Before: the round after a two-request round waited 2 s.
    expect(delays[0]).toBeLessThan(2000);
    expect(delays.at(-1)).toBe(1000);
  });

  it('never owes more than one interval: the first round (stack, events, resources) waits two, not three', () => {
    expect(inProgressPacing(1000, 3, 0, 0)).toEqual({ delayMs: 2000, debtMs: 1000 });
    const { delays, debt } = run(1000, [3, 1, 2, 1, 3, 1, 1]);
    // Requests made so far never exceed one more than the time waited allows.
    let waited = 0;
    let made = 0;
    for (const [i, d] of delays.entries()) {
      made += [3, 1, 2, 1, 3, 1, 1][i]!;
      waited += d;
      expect(made).toBeLessThanOrEqual(waited / 1000 + 1);
    }
    expect(debt).toBeLessThanOrEqual(1000);
  });

  it('keeps the budget over time: a request per interval on average, even with extra requests every few rounds', () => {
    const pattern = Array.from({ length: 400 }, (_, i) => (i % 9 === 0 ? 3 : i % 4 === 0 ? 2 : 1));
    const { delays, perRequestMs, debt } = run(1000, pattern);
    // The debt stays bounded (a few intervals), so what was waited is within 1% of a request per interval.
    expect(debt).toBeLessThan(3000);
    expect(perRequestMs).toBeGreaterThan(990);
    expect(Math.max(...delays)).toBeLessThan(3000);
  });
});
