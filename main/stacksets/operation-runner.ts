// Drives one stack set operation: the pure scheduler (shared/stacksets)
// decides, this class persists every transition first and then does the Heat
// work (heat-instance.ts). Each running stack is polled on its own clock
// (every pollMs with jitter, backing off when the cloud errors), so polls
// spread out instead of reaching Heat together: every Heat request waits for
// Keystone to check its token, and a burst of them queued there (bench
// stackset-runner, test/bench). A freed slot is filled as soon as a result
// arrives. disposed is checked after every await; a runner disposed
// mid-operation leaves the row as the last transition wrote it, and a new
// runner resumes from that row.
import type { OperationRow, StackSetRecord, StackSetRepo, TemplateSource } from '../library/stackset-repo';
import {
  deadlinePassed,
  instancesAfter,
  isFinished,
  onInstanceResult,
  recordStackId,
  requestStop,
  step,
  timeOutOperation,
  upcomingStarts,
  type InstanceStart,
  type OperationState,
} from '../../shared/stacksets/index';
import { AppError } from '../../shared/ipc/errors';
import type { StackSetAccounts } from './accounts';
import { doublingCeiling, spreadJitter } from '../cloud/backoff';
import {
  heatActionFor,
  instanceStackName,
  pollInstance,
  readBaseline,
  stackBody,
  startInstance,
  type InstanceBook,
  type Poll,
  type StackBaseline,
} from './heat-instance';

/**
 * A baseline read ahead is used only this soon after it was read. The longer
 * it is kept, the likelier someone else updated the stack meanwhile; then a
 * first poll could take their finished update for ours.
 */
const READ_AHEAD_MAX_AGE_MS = 30_000;

const TRANSIENT = new Set(['CLOUD_UNREACHABLE', 'SERVICE_UNAVAILABLE', 'TIMEOUT', 'RATE_LIMITED']);

/** A cloud error that says "try later" (unreachable, unavailable, timed out, rate limited), not a refusal. */
function isTransientCloudError(err: unknown): boolean {
  return err instanceof AppError && TRANSIENT.has(err.code);
}

export interface RunnerOptions {
  /** Poll interval of each running stack when many run at once (the longest, errors aside). */
  pollMs: number;
  /** The shortest poll interval, reached when few stacks run. */
  minPollMs: number;
  /** The runner's polling budget: its stacks together are polled about this often per second. */
  pollsPerSecond: number;
  /** Longest wait between polls when the cloud keeps failing. */
  maxBackoffMs: number;
  /** The operation fails with the seed's timeout reason after running this long (queued time not counted). */
  timeoutMs: number;
}

export interface RunnerDeps {
  repo: StackSetRepo;
  accounts: StackSetAccounts;
  now: () => number;
  random: () => number;
  options: RunnerOptions;
  /** After every persisted transition. */
  changed: (state: OperationState) => void;
  /** Once the operation reached a final status (the next queued one may start). */
  finished: (setId: string) => void;
  log: (message: string) => void;
}

export class OperationRunner {
  private state: OperationState;
  private books: Record<string, InstanceBook>;
  private readonly inFlight = new Set<string>();
  private readonly template: TemplateSource | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the pending timer fires (deps.now() time); Infinity without one. */
  private timerAt = Number.POSITIVE_INFINITY;
  private disposed = false;
  /** deps.finished was called: nothing more to do. */
  private ended = false;
  private resumePending: boolean;
  /** Each running instance's next poll; absent for one re-attached after a restart (polled at once). */
  private readonly dueAt = new Map<string, number>();
  /** Instances whose poll is in flight. */
  private readonly polling = new Set<string>();
  /** Consecutive failed polls per instance: its interval doubles with each, up to maxBackoffMs. */
  private readonly pollErrors = new Map<string, number>();
  /** Instances whose start hit a transient cloud error: retried (looking first) after this time. */
  private readonly retryAt = new Map<string, number>();
  private readonly attempts = new Map<string, number>();
  /** Update baselines read while the instance still waited (upcomingStarts), and when. */
  private readonly readAhead = new Map<string, { baseline: StackBaseline; at: number }>();
  /** When each instance's stack was last read ahead (success or not): read again only after half the maximum age. */
  private readonly readAheadTried = new Map<string, number>();
  private readingAhead = false;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly set: StackSetRecord,
    private readonly row: OperationRow,
    state: OperationState,
    resuming: boolean,
  ) {
    this.state = state;
    this.books = { ...((row.runner as Record<string, InstanceBook> | null) ?? {}) };
    this.template = deps.repo.templateVersion(row.template_version_id);
    this.resumePending = resuming;
  }

  get id(): string {
    return this.row.id;
  }

  get current(): OperationState {
    return this.state;
  }

  start(): void {
    this.wake(0);
  }

  /** Stop: waiting instances are cancelled now; running stacks are left to finish. */
  stop(): OperationState {
    const r = requestStop(this.state, this.deps.now());
    if (!r.ok) throw r.error;
    this.state = r.value;
    this.persist();
    this.wake(0);
    return this.state;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A tick within `delay` ms, unless one is already due sooner. */
  private wake(delay: number): void {
    if (this.disposed || this.ended) return;
    const at = this.deps.now() + delay;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.tick(), Math.max(0, delay));
  }

  /** Starts what may start, polls what is due, and sets the next tick. Never waits on the cloud itself. */
  private tick(): void {
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    if (this.disposed || this.ended) return;
    try {
      this.advance();
      this.pollDue();
      this.readAheadNext();
    } catch (err) {
      this.deps.log(`stack set operation ${this.id}: ${(err as Error).message}`);
    }
    if (isFinished(this.state) && this.inFlight.size === 0) {
      this.ended = true;
      this.deps.finished(this.set.stack_set_id);
      return;
    }
    this.wake(this.nextDelay());
  }

  /** Until the earliest poll or retry that is due; at least every pollMs, for the deadline. */
  private nextDelay(): number {
    const now = this.deps.now();
    let next = now + this.deps.options.pollMs;
    for (const [key, at] of this.dueAt) if (!this.polling.has(key) && !this.inFlight.has(key)) next = Math.min(next, at);
    for (const [key, at] of this.retryAt) if (!this.inFlight.has(key)) next = Math.min(next, at);
    return Math.max(0, next - now);
  }

  /** The shared interval (pollInterval), doubled per consecutive failed poll of this instance (up to maxBackoffMs), with +-20% jitter. */
  private interval(key: string): number {
    const base = doublingCeiling(pollInterval(this.dueAt.size, this.deps.options), this.pollErrors.get(key) ?? 0, this.deps.options.maxBackoffMs);
    return spreadJitter(base, this.deps.random);
  }

  /** Start what the scheduler offers, re-attach after a restart, enforce the deadline. */
  private advance(): void {
    const now = this.deps.now();
    // Counted from when the operation began running, not from its creation (time queued is not its own).
    if (deadlinePassed(this.state, now, this.deps.options.timeoutMs)) {
      const r = timeOutOperation(this.state, now);
      if (r.ok) {
        this.state = r.value;
        this.persist();
      }
      return;
    }
    const resuming = this.resumePending;
    this.resumePending = false;
    for (const i of this.state.instances) {
      if (i.status !== 'OPERATION_IN_PROGRESS' || this.books[i.key]?.submitted || this.inFlight.has(i.key)) continue;
      const retry = this.retryAt.get(i.key);
      if (!resuming && (retry === undefined || retry > now)) continue;
      // The request may or may not have reached Heat (a restart, a dropped connection): startInstance looks first.
      this.launch({ key: i.key, region: i.region, domain_id: i.domain_id, stack_id: i.stack_id }, true);
    }
    const { state, starts } = step(this.state, now);
    if (starts.length === 0) return;
    this.state = state;
    for (const s of starts) this.books[s.key] = this.newBook(s);
    // Saved before any Heat call: a crash now resumes with these instances running.
    this.persist();
    for (const s of starts) this.launch(s, false);
  }

  private newBook(s: InstanceStart): InstanceBook {
    return {
      stack_name: instanceStackName(this.set.stack_set_id, s.region, s.domain_id),
      heat_action: heatActionFor(this.state.operation.action, s.stack_id, this.row.retain_stacks),
      submitted: false,
      baseline: null,
    };
  }

  private launch(s: InstanceStart, resuming: boolean): void {
    this.inFlight.add(s.key);
    const book = this.books[s.key] ?? this.newBook(s);
    this.books[s.key] = book;
    this.dueAt.delete(s.key);
    void this.runStart(s, book, resuming).finally(() => {
      this.inFlight.delete(s.key);
      // The started stack's first poll is due one interval from now (set in
      // runStart); waking at once re-polled every running stack each time a
      // start returned (157 GETs for 20 instances in the bench).
      this.wake(isFinished(this.state) && this.inFlight.size === 0 ? 0 : this.nextDelay());
    });
  }

  private async runStart(s: InstanceStart, book: InstanceBook, resuming: boolean): Promise<void> {
    let poll: Poll;
    try {
      if (book.heat_action !== 'delete' && book.heat_action !== 'retain' && this.template === null) {
        throw new Error(`template version ${this.row.template_version_id} is no longer in the library`);
      }
      const target = await this.deps.accounts.target(this.set.profile_ids, s.region, s.domain_id);
      if (this.disposed) return;
      const stackId = this.state.instances.find((i) => i.key === s.key)?.stack_id ?? s.stack_id;
      const ahead = this.readAhead.get(s.key);
      this.readAhead.delete(s.key);
      poll = await startInstance({
        readAhead: ahead && this.deps.now() - ahead.at <= READ_AHEAD_MAX_AGE_MS ? ahead.baseline : null,
        heat: target.heat,
        book,
        stackId,
        resuming,
        body: () => stackBody(this.template as TemplateSource, this.parametersFor(s), target.profile.sandbox, book.stack_name),
        save: (next, id) => {
          if (this.disposed) return;
          this.books[s.key] = next;
          if (id !== null && id !== this.state.instances.find((i) => i.key === s.key)?.stack_id) {
            const r = recordStackId(this.state, s.key, id, this.deps.now());
            if (r.ok) this.state = r.value;
          }
          this.persist();
        },
      });
    } catch (err) {
      // The cloud was briefly away (Heat restarting, a dropped connection): try again
      // later rather than fail the instance; the operation's deadline still bounds it.
      if (isTransientCloudError(err)) {
        const attempt = (this.attempts.get(s.key) ?? 0) + 1;
        this.attempts.set(s.key, attempt);
        const delay = doublingCeiling(this.deps.options.pollMs, attempt, this.deps.options.maxBackoffMs);
        this.retryAt.set(s.key, this.deps.now() + spreadJitter(delay, this.deps.random));
        if (!this.disposed) this.deps.log(`stack set operation ${this.id}: ${s.key} will be retried: ${(err as Error).message}`);
        return;
      }
      poll = { done: true, outcome: 'failed', message: (err as Error).message };
    }
    this.retryAt.delete(s.key);
    if (this.disposed) return;
    if (!poll.done) {
      this.dueAt.set(s.key, this.deps.now() + this.interval(s.key));
      return;
    }
    this.result(s.key, poll);
  }

  /**
   * Reads the stack of the next instance to start while the slots are busy,
   * so a freed slot sends its PUT at once: the read before the PUT was one
   * Keystone-checked round trip on the critical path of every instance
   * (bench stackset-runner). One read at a time, and only while no start is
   * in flight, so it never delays a PUT.
   */
  private readAheadNext(): void {
    if (this.readingAhead || this.inFlight.size > 0 || this.disposed || this.ended) return;
    const now = this.deps.now();
    const action = this.state.operation.action;
    const next = upcomingStarts(this.state).find((u) => {
      if (u.stack_id === null || heatActionFor(action, u.stack_id) !== 'update') return false;
      const tried = this.readAheadTried.get(u.key);
      return tried === undefined || now - tried > READ_AHEAD_MAX_AGE_MS / 2;
    });
    if (next === undefined || next.stack_id === null) return;
    const ref = { name: instanceStackName(this.set.stack_set_id, next.region, next.domain_id), id: next.stack_id };
    this.readingAhead = true;
    this.readAheadTried.set(next.key, now);
    void (async () => {
      try {
        const target = await this.deps.accounts.target(this.set.profile_ids, next.region, next.domain_id);
        const baseline = await readBaseline(target.heat, ref);
        if (!this.disposed) this.readAhead.set(next.key, { baseline, at: this.deps.now() });
      } catch {
        // Nothing lost: the instance reads its stack when it starts.
      } finally {
        this.readingAhead = false;
        if (!this.disposed && !this.ended) this.readAheadNext();
      }
    })();
  }

  private parametersFor(s: InstanceStart): Record<string, unknown> {
    const row = this.deps.repo.listInstances(this.set.stack_set_id).find((i) => i.region === s.region && i.domain_id === s.domain_id);
    return { ...this.row.parameters, ...(row?.parameter_overrides ?? {}), ...(this.row.parameter_overrides ?? {}) };
  }

  /** Polls each running stack whose time has come (or that was re-attached after a restart). */
  private pollDue(): void {
    const now = this.deps.now();
    const running = new Set<string>();
    for (const i of this.state.instances) {
      if (i.status !== 'OPERATION_IN_PROGRESS' || i.stack_id === null || !this.books[i.key]?.submitted || this.inFlight.has(i.key)) continue;
      running.add(i.key);
      const due = this.dueAt.get(i.key);
      if (!this.polling.has(i.key) && (due === undefined || due <= now)) this.poll(i.key, i.region, i.domain_id, i.stack_id);
    }
    for (const key of [...this.dueAt.keys()]) if (!running.has(key)) this.dueAt.delete(key);
  }

  private poll(key: string, region: string, domainId: string, stackId: string): void {
    this.polling.add(key);
    void (async () => {
      try {
        const target = await this.deps.accounts.target(this.set.profile_ids, region, domainId);
        const poll = await pollInstance(target.heat, this.books[key] as InstanceBook, stackId);
        this.pollErrors.delete(key);
        if (poll.done) this.result(key, poll);
      } catch (err) {
        this.pollErrors.set(key, (this.pollErrors.get(key) ?? 0) + 1);
        // A disposed runner's requests fail as its connections close: nothing to report.
        if (!this.disposed) this.deps.log(`stack set operation ${this.id}: polling ${key}: ${(err as Error).message}`);
      } finally {
        this.polling.delete(key);
        if (!this.disposed && this.state.instances.find((i) => i.key === key)?.status === 'OPERATION_IN_PROGRESS') {
          this.dueAt.set(key, this.deps.now() + this.interval(key));
          this.wake(this.nextDelay());
        }
      }
    })();
  }

  private result(key: string, poll: Extract<Poll, { done: true }>): void {
    if (this.disposed) return;
    const current = this.state.instances.find((i) => i.key === key);
    if (current?.status !== 'OPERATION_IN_PROGRESS') return;
    const r = onInstanceResult(this.state, key, poll.outcome, poll.message, this.deps.now(), poll.stackId);
    if (!r.ok) {
      this.deps.log(`stack set operation ${this.id}: ${r.error.error_msg}`);
      return;
    }
    this.state = r.value;
    this.persist();
    this.dueAt.delete(key);
    this.pollErrors.delete(key);
    // Fill the freed slot now rather than at the next tick.
    try {
      this.advance();
    } catch (err) {
      this.deps.log(`stack set operation ${this.id}: ${(err as Error).message}`);
    }
    if (isFinished(this.state) && this.inFlight.size === 0) this.wake(0);
  }

  /** The operation row and the set's instance list, in one transaction. */
  private persist(): void {
    if (this.disposed) return;
    const now = this.deps.now();
    const { repo } = this.deps;
    const setId = this.set.stack_set_id;
    const state = this.state;
    repo.transaction(() => {
      repo.saveOperation(this.id, state.operation.status, state.operation.update_time, state, this.books);
      repo.replaceInstances(setId, instancesAfter(repo.listInstances(setId), state, now), this.overrides(state));
    });
    this.deps.changed(state);
  }

  /** Parameter overrides the operation gives land on the instances it actually deploys. */
  private overrides(state: OperationState): Map<string, Record<string, unknown>> {
    const out = new Map<string, Record<string, unknown>>();
    const given = this.row.parameter_overrides;
    if (given === null) return out;
    for (const i of state.instances) {
      const deployed = i.status !== 'WAIT_IN_PROGRESS' && i.status !== 'CANCEL_COMPLETE';
      if (state.operation.action === 'CREATE_STACK_INSTANCES' || deployed) out.set(`${i.region}\u0000${i.domain_id}`, given);
    }
    return out;
  }
}

/**
 * Each running stack's poll interval: the runner's budget (pollsPerSecond)
 * shared by the stacks it polls, never shorter than minPollMs nor longer than
 * pollMs. With many stacks running it is pollMs, as before; when few run
 * (an operation's tail, where the last stacks decide when it ends) they are
 * looked at sooner, within the request rate the busy phase already had.
 * bench stackset-runner: the runner's lag behind a client that knows when
 * each stack finishes is mostly this wait.
 */
export function pollInterval(running: number, options: Pick<RunnerOptions, 'pollMs' | 'minPollMs' | 'pollsPerSecond'>): number {
  const shared = (Math.max(1, running) * 1000) / options.pollsPerSecond;
  return Math.min(options.pollMs, Math.max(options.minPollMs, shared));
}
