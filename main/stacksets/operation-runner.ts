// Drives one stack set operation: the pure scheduler (shared/stacksets)
// decides, this class persists every transition first and then does the Heat
// work (heat-instance.ts). A setTimeout chain polls the running stacks: fast
// while any runs, backing off with jitter when the cloud errors. disposed is
// checked after every await; a runner disposed mid-operation leaves the row
// as the last transition wrote it, and a new runner resumes from that row.
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
  type InstanceStart,
  type OperationState,
} from '../../shared/stacksets/index';
import { AppError } from '../../shared/ipc/errors';
import type { StackSetAccounts } from './accounts';
import { heatActionFor, instanceStackName, pollInstance, stackBody, startInstance, type InstanceBook, type Poll } from './heat-instance';

const TRANSIENT = new Set(['CLOUD_UNREACHABLE', 'SERVICE_UNAVAILABLE', 'TIMEOUT', 'RATE_LIMITED']);

function isTransient(err: unknown): boolean {
  return err instanceof AppError && TRANSIENT.has(err.code);
}

export interface RunnerOptions {
  /** Poll interval while stacks are in progress. */
  pollMs: number;
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
  private ticking = false;
  private again = false;
  private disposed = false;
  private errors = 0;
  private resumePending: boolean;
  /** Instances whose start hit a transient cloud error: retried (looking first) after this time. */
  private readonly retryAt = new Map<string, number>();
  private readonly attempts = new Map<string, number>();

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

  private wake(delay: number): void {
    if (this.disposed) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.ticking = true;
    this.again = false;
    let failed = false;
    try {
      this.advance();
      await this.pollRunning();
    } catch (err) {
      failed = true;
      // A disposed runner's requests fail as its connections close: nothing to report.
      if (!this.disposed) this.deps.log(`stack set operation ${this.id}: ${(err as Error).message}`);
    } finally {
      this.ticking = false;
    }
    if (this.disposed) return;
    if (isFinished(this.state) && this.inFlight.size === 0) {
      this.deps.finished(this.set.stack_set_id);
      return;
    }
    this.errors = failed ? this.errors + 1 : 0;
    const base = this.again ? 0 : Math.min(this.deps.options.maxBackoffMs, this.deps.options.pollMs * 2 ** this.errors);
    this.wake(base === 0 ? 0 : base * (0.8 + 0.4 * this.deps.random()));
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
      heat_action: heatActionFor(this.state.operation.action, s.stack_id),
      submitted: false,
      baseline: null,
    };
  }

  private launch(s: InstanceStart, resuming: boolean): void {
    this.inFlight.add(s.key);
    const book = this.books[s.key] ?? this.newBook(s);
    this.books[s.key] = book;
    void this.runStart(s, book, resuming).finally(() => {
      this.inFlight.delete(s.key);
      this.wake(0);
    });
  }

  private async runStart(s: InstanceStart, book: InstanceBook, resuming: boolean): Promise<void> {
    let poll: Poll;
    try {
      if (book.heat_action !== 'delete' && this.template === null) {
        throw new Error(`template version ${this.row.template_version_id} is no longer in the library`);
      }
      const target = await this.deps.accounts.target(this.set.profile_ids, s.region, s.domain_id);
      if (this.disposed) return;
      const stackId = this.state.instances.find((i) => i.key === s.key)?.stack_id ?? s.stack_id;
      poll = await startInstance({
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
      if (isTransient(err)) {
        const attempt = (this.attempts.get(s.key) ?? 0) + 1;
        this.attempts.set(s.key, attempt);
        const delay = Math.min(this.deps.options.maxBackoffMs, this.deps.options.pollMs * 2 ** attempt);
        this.retryAt.set(s.key, this.deps.now() + delay * (0.8 + 0.4 * this.deps.random()));
        if (!this.disposed) this.deps.log(`stack set operation ${this.id}: ${s.key} will be retried: ${(err as Error).message}`);
        return;
      }
      poll = { done: true, outcome: 'failed', message: (err as Error).message };
    }
    this.retryAt.delete(s.key);
    if (this.disposed || !poll.done) return;
    this.result(s.key, poll);
  }

  private parametersFor(s: InstanceStart): Record<string, unknown> {
    const row = this.deps.repo.listInstances(this.set.stack_set_id).find((i) => i.region === s.region && i.domain_id === s.domain_id);
    return { ...this.row.parameters, ...(row?.parameter_overrides ?? {}), ...(this.row.parameter_overrides ?? {}) };
  }

  private async pollRunning(): Promise<void> {
    const running = this.state.instances.filter(
      (i) => i.status === 'OPERATION_IN_PROGRESS' && i.stack_id !== null && this.books[i.key]?.submitted && !this.inFlight.has(i.key),
    );
    if (running.length === 0) return;
    const errors: Error[] = [];
    await Promise.all(
      running.map(async (i) => {
        try {
          const target = await this.deps.accounts.target(this.set.profile_ids, i.region, i.domain_id);
          const book = this.books[i.key] as InstanceBook;
          const poll = await pollInstance(target.heat, book, i.stack_id as string);
          if (!this.disposed && poll.done) this.result(i.key, poll);
        } catch (err) {
          errors.push(err as Error);
        }
      }),
    );
    if (errors.length > 0) throw errors[0] as Error;
  }

  private result(key: string, poll: Extract<Poll, { done: true }>): void {
    const current = this.state.instances.find((i) => i.key === key);
    if (current?.status !== 'OPERATION_IN_PROGRESS') return;
    const r = onInstanceResult(this.state, key, poll.outcome, poll.message, this.deps.now(), poll.stackId);
    if (!r.ok) {
      this.deps.log(`stack set operation ${this.id}: ${r.error.error_msg}`);
      return;
    }
    this.state = r.value;
    this.persist();
    this.wake(0);
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
