// How long the stack watcher waits before its next round while a stack is in
// progress. The budget is one Heat request per `fastMs` on average. A round
// that made more than one request (the stack itself, the resource list) owes
// the time of the extra ones; paying that debt all at once pushed the next
// events read back by two or three intervals, which is where a busy stack's
// slowest event -> push delays came from (bench classic-deploy). The debt is
// repaid over the following rounds instead: a third of it (at least a quarter
// interval) per round, so the long-run rate is the same and no single gap is
// long. It never exceeds one interval, so a stack that settles before the
// debt is repaid has had at most one request more than the budget.

export interface Pacing {
  /** Wait before the next round. */
  delayMs: number;
  /** Time still owed for extra requests, carried to the next round. */
  debtMs: number;
}

export function inProgressPacing(fastMs: number, requestsMade: number, elapsedMs: number, debtMs: number): Pacing {
  const owed = debtMs + Math.max(0, requestsMade - 1) * fastMs;
  const repay = Math.max(owed - fastMs, Math.min(owed, Math.max(fastMs / 4, owed / 3)));
  // A slow Heat (busy engine) does not add its answer time to the delay: the interval counts from the round's start.
  return { delayMs: Math.max(0, fastMs + repay - elapsedMs), debtMs: owed - repay };
}
