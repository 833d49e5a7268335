// Where a Heat resource stands in its stack's current action, and the
// progress figures built on that: one rule for every view that counts or
// colours resources (stacks list, stack header, topology, list view, Gantt).
//
// Heat writes every resource of a new stack at once as INIT_COMPLETE ("not
// started yet") and moves each through <ACTION>_IN_PROGRESS to
// <ACTION>_COMPLETE or _FAILED. So "_COMPLETE" alone does not mean done:
// INIT_COMPLETE is waiting, and during an update a CREATE_COMPLETE resource
// from the stack's creation is not part of the update at all.
import type { HeatResource } from './heat-types';

/** not-started: before the resource's first action (INIT_*). gone: deleted. */
export type ResourcePhase = 'not-started' | 'in-progress' | 'done' | 'failed' | 'gone' | 'unknown';

/** The action half of a status: 'UPDATE' of 'UPDATE_IN_PROGRESS' (a bare 'COMPLETE' has none). */
export function actionOf(status: string | null | undefined): string | null {
  if (!status) return null;
  for (const state of ['_IN_PROGRESS', '_COMPLETE', '_FAILED']) if (status.endsWith(state)) return status.slice(0, -state.length) || null;
  return null;
}

export function phaseOf(status: string | null | undefined): ResourcePhase {
  if (!status) return 'unknown';
  // Bare halves ('FAILED', 'INIT') are what legends and filters show.
  if (status === 'INIT' || (status.startsWith('INIT_') && !status.endsWith('_FAILED'))) return 'not-started';
  if (status.endsWith('IN_PROGRESS')) return 'in-progress';
  if (status.endsWith('FAILED')) return 'failed';
  if (status === 'DELETE_COMPLETE') return 'gone';
  if (status.endsWith('COMPLETE')) return 'done';
  return 'unknown';
}

export interface ActionProgress {
  /** Resources the current action has finished. */
  done: number;
  failed: number;
  running: number;
  /** Resources the action will touch that it has not started yet. */
  waiting: number;
  /** done + failed + running + waiting: the resources the action touches. */
  total: number;
  /**
   * 'all': the action goes through every resource (create, delete, check,
   * suspend...). 'changed': an update or rollback, which touches only the
   * resources it changes; total then counts those seen so far plus the ones
   * the change preview named.
   */
  scope: 'all' | 'changed';
}

export const emptyProgress = (): ActionProgress => ({ done: 0, failed: 0, running: 0, waiting: 0, total: 0, scope: 'all' });

export interface ProgressInput {
  /** The stack's status, e.g. 'UPDATE_IN_PROGRESS'. */
  stackStatus: string | null | undefined;
  /**
   * When the current action started (the stack's IN_PROGRESS event time, or
   * its updated_time): a resource whose times are older has not been
   * touched by an update yet.
   */
  actionStartedAt?: string | null;
  resources: readonly Pick<HeatResource, 'resource_name' | 'resource_status' | 'creation_time' | 'updated_time'>[];
  /** Resource names an update is expected to change (from Heat's preview), when the studio sent it. */
  expected?: ReadonlySet<string> | null;
}

const PARTIAL_ACTIONS = new Set(['UPDATE', 'ROLLBACK']);

/** Heat times come with or without a zone and always in UTC. */
function timeOf(s: string | null | undefined): number | null {
  if (!s) return null;
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  return Number.isNaN(t) ? null : t;
}

/** Progress of the stack's current action over the resources it touches. */
export function actionProgress(input: ProgressInput): ActionProgress {
  const action = actionOf(input.stackStatus);
  const partial = action !== null && PARTIAL_ACTIONS.has(action);
  const start = timeOf(input.actionStartedAt);
  const p: ActionProgress = { done: 0, failed: 0, running: 0, waiting: 0, total: 0, scope: partial ? 'changed' : 'all' };
  for (const r of input.resources) {
    const phase = phaseOf(r.resource_status);
    const own = actionOf(r.resource_status);
    if (partial) {
      // Heat leaves the resources an update does not change as they were
      // (CREATE_COMPLETE, or UPDATE_COMPLETE from an earlier update, with their
      // old times): only a time since the action's start tells them apart.
      // Without a start time the resource's own action is the best clue left.
      const changedSince = start !== null && Math.max(timeOf(r.updated_time) ?? 0, timeOf(r.creation_time) ?? 0) >= start;
      const touched = phase === 'in-progress' || phase === 'not-started' || own === 'DELETE' || (start === null ? own === action : changedSince);
      if (!touched) {
        if (input.expected?.has(r.resource_name)) p.waiting++;
        continue;
      }
    }
    if (phase === 'in-progress') p.running++;
    else if (phase === 'not-started' || phase === 'unknown') p.waiting++;
    // An 'all' action has finished a resource once the resource shows that
    // action: a CREATE_COMPLETE or CREATE_FAILED one still waits for a delete.
    else if (!partial && action && own !== action) p.waiting++;
    else if (phase === 'failed') p.failed++;
    else p.done++;
  }
  p.total = p.done + p.failed + p.running + p.waiting;
  return p;
}
