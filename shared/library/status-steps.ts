// A template's status as one pipeline (SPEC 1.4: "usable" means resources,
// configuration and quota all pass): ordered steps, each passing, failing
// with a reason (a message key), or finding the cloud unreachable. The first
// failure decides; an unreachable cloud ends the run and the verdict so far
// stands (and says so). Save runs the offline steps (shared/library/
// offline-status.ts), "Check again" runs them all (main/template-status/).
import type { StatusQuotaSource, TemplateStatus } from './model';
import { englishText, type Message } from '../messages/message';

/** What one step found. */
export type StepResult =
  | { kind: 'pass'; quota?: StatusQuotaSource; checkedWithCloud?: boolean; resourceChecks?: ResourceChecks | null }
  | { kind: 'fail'; reason: Message; quota?: StatusQuotaSource; checkedWithCloud?: boolean; resourceChecks?: ResourceChecks | null }
  | { kind: 'unreachable'; error: string; resourceChecks?: ResourceChecks | null };

/** Whether Heat ran its extra resource checks (resource_validate, seed 9.3) for the validate step. */
export type ResourceChecks = 'applied' | 'ignored' | 'refused';

export interface StatusStep<I> {
  /** For the README and the logs: 'hot', 'cached-quota', 'inventory', 'heat', 'quota'. */
  readonly name: string;
  run(input: I): StepResult;
}

export interface AsyncStatusStep<I> {
  readonly name: string;
  run(input: I): StepResult | Promise<StepResult>;
}

export interface StatusOutcome {
  status: TemplateStatus;
  /** English, stored beside `msg` (search, logs); '' when usable. */
  reason: string;
  /** The reason as a message key, worded in the reader's language; null when usable. */
  msg: Message | null;
  /** Which cloud's quota the status was judged against; null when no quota step passed or failed on a reading. */
  quota: StatusQuotaSource | null;
}

export interface PipelineOutcome extends StatusOutcome {
  /** Some step had the cloud's answer (the inventory, Heat's validate). */
  checkedWithCloud: boolean;
  /** Why the cloud steps stopped early (unreachable, auth...); null when they ran or were not asked. */
  cloudError: string | null;
  resourceChecks: ResourceChecks | null;
}

interface Progress {
  outcome: PipelineOutcome;
  done: boolean;
}

const START: PipelineOutcome = { status: 'usable', reason: '', msg: null, quota: null, checkedWithCloud: false, cloudError: null, resourceChecks: null };

/** Adds one step's result to the verdict so far; `done` when no later step may run. */
function fold(so: PipelineOutcome, r: StepResult): Progress {
  const resourceChecks = r.resourceChecks !== undefined ? r.resourceChecks : so.resourceChecks;
  if (r.kind === 'unreachable') return { outcome: { ...so, cloudError: r.error, resourceChecks }, done: true };
  const seen = { checkedWithCloud: so.checkedWithCloud || r.checkedWithCloud === true, resourceChecks };
  if (r.kind === 'fail')
    return { outcome: { ...so, ...seen, status: 'needs_editing', reason: englishText(r.reason), msg: r.reason, quota: r.quota ?? so.quota }, done: true };
  return { outcome: { ...so, ...seen, quota: r.quota ?? so.quota }, done: false };
}

/** The save's run: every step is offline and synchronous (saving never waits for a cloud). */
export function runStatusSteps<I>(steps: readonly StatusStep<I>[], input: I): PipelineOutcome {
  let outcome = START;
  for (const step of steps) {
    const next = fold(outcome, step.run(input));
    outcome = next.outcome;
    if (next.done) break;
  }
  return outcome;
}

/** "Check again": the same rule, with steps that ask the cloud. */
export async function runStatusStepsAsync<I>(steps: readonly AsyncStatusStep<I>[], input: I): Promise<PipelineOutcome> {
  let outcome = START;
  for (const step of steps) {
    const next = fold(outcome, await step.run(input));
    outcome = next.outcome;
    if (next.done) break;
  }
  return outcome;
}
