// Follows one stack: new events by marker (never the whole list again), the
// stack's status from its own stack-level events, resources re-read when the
// events say something changed, an adaptive interval (fast while
// IN_PROGRESS, slow once settled), backoff on errors and a stop flag checked
// after every await. Events are de-duplicated by id, so a retry after a token
// expiry or a Heat restart never emits one twice, and the marker trails the
// newest event by a few seconds (event-overlap.ts), so one that Heat commits
// late is still found. Such a late event comes in a later delta than newer
// ones: consumers place events by event_time (renderer/stacks/timeline.ts).
import type { HeatEvent, HeatResource, ResourceChange, StackRef, WatchDelta } from '../../shared/cloud/heat-types';
import { eventStackId, isInProgress } from '../../shared/cloud/heat-types';
import { AppError, type ErrorPayload } from '../../shared/ipc/errors';
import type { HeatClient, ResourceQuery } from './heat-client';
import { inProgressPacing } from './watch-pacing';
import { doublingCeiling, equalJitter } from './backoff';
import { trailingMarker } from '../../shared/cloud/event-overlap';
import { readEventPages } from './event-pages';

export type WatchHeat = Pick<HeatClient, 'events' | 'resources' | 'show'>;

export type { ResourceChange, WatchDelta };

export interface WatchOptions {
  nestedDepth?: number;
  /** Interval while the stack is IN_PROGRESS, per request made (so at most one request per fastMs). */
  fastMs?: number;
  /** Interval once settled. */
  slowMs?: number;
  /** Least time between two resource list refreshes while in progress. */
  resourceRefreshMs?: number;
  maxBackoffMs?: number;
  pageSize?: number;
  /** The last event already known (e.g. from the offline cache): only newer ones are fetched. */
  marker?: string | null;
  /** Ids already emitted before (cache), never emitted again. */
  knownEventIds?: Iterable<string>;
  onChange(delta: WatchDelta): void;
  onError?(error: ErrorPayload, consecutive: number): void;
  onRecovered?(): void;
  now?: () => number;
  random?: () => number;
}

export class StackWatcher {
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private marker: string | null;
  private readonly seen = new Set<string>();
  private readonly knownResources = new Set<string>();
  private status: string | null = null;
  private statusReason: string | null = null;
  private actionStartedAt: string | null = null;
  private resourcesDirty = true;
  private lastResourceRefresh = 0;
  private failures = 0;
  private started = false;
  readonly stats = { requests: 0, errors: 0, rounds: 0 };
  private readonly o: Required<Omit<WatchOptions, 'onError' | 'onRecovered' | 'marker' | 'knownEventIds'>> & Pick<WatchOptions, 'onError' | 'onRecovered'>;

  constructor(
    private readonly heat: WatchHeat,
    readonly stack: StackRef,
    options: WatchOptions,
  ) {
    this.o = {
      nestedDepth: options.nestedDepth ?? 0,
      fastMs: options.fastMs ?? 1_100,
      slowMs: options.slowMs ?? 40_000,
      resourceRefreshMs: options.resourceRefreshMs ?? 10_000,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      pageSize: options.pageSize ?? 100,
      onChange: options.onChange,
      onError: options.onError,
      onRecovered: options.onRecovered,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
    };
    this.marker = options.marker ?? null;
    for (const id of options.knownEventIds ?? []) this.seen.add(id);
  }

  /** How deep into nested stacks this watcher follows events and resources. */
  get nestedDepth(): number {
    return this.o.nestedDepth;
  }

  get running(): boolean {
    return !this.stopped;
  }

  get currentStatus(): string | null {
    return this.status;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Poll now (e.g. right after the user started an update), instead of waiting for the slow interval. */
  poke(): void {
    if (this.stopped) return;
    this.checkStatus = true;
    this.poked = true;
    // A round in flight would reschedule on its (possibly settled, slow)
    // view when it ends and undo the poke: let it end, then go at once.
    if (this.inRound) this.pokedDuringRound = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.round();
    }, ms);
  }

  private inRound = false;
  /** Read the stack itself next round, not only new events. */
  private checkStatus = false;
  /** An action was just sent: read events even if the status looks unchanged. */
  private poked = false;
  /** Time owed for extra requests of earlier rounds (watch-pacing.ts). */
  private debtMs = 0;
  /** Rounds in a row that brought no event. */
  private quietRounds = 0;
  private pokedDuringRound = false;

  private async round(): Promise<void> {
    if (this.stopped) return;
    this.inRound = true;
    this.pokedDuringRound = false;
    try {
      await this.roundBody();
    } finally {
      this.inRound = false;
      if (this.pokedDuringRound && !this.stopped) this.schedule(0);
    }
  }

  private async roundBody(): Promise<void> {
    const before = this.stats.requests;
    const roundStart = this.o.now();
    let delta: WatchDelta | null = null;
    try {
      delta = await this.poll();
      if (this.stopped) return;
      if (this.failures > 0) {
        this.failures = 0;
        this.o.onRecovered?.();
      }
    } catch (err) {
      if (this.stopped) return;
      this.stats.errors++;
      this.failures++;
      const payload = err instanceof AppError ? err.toPayload() : { code: 'INTERNAL' as const, message: String((err as Error)?.message ?? err) };
      this.o.onError?.(payload, this.failures);
      this.schedule(equalJitter(doublingCeiling(this.o.fastMs, this.failures, this.o.maxBackoffMs), this.o.random));
      return;
    }
    this.stats.rounds++;
    if (delta) this.o.onChange(delta);
    if (this.stopped) return;
    if (delta?.gone) {
      this.stop();
      return;
    }
    // One request per fastMs on average while in progress (watch-pacing.ts spreads a round's extra requests over the next rounds).
    if (!isInProgress(this.status)) {
      this.debtMs = 0;
      this.schedule(this.o.slowMs);
      return;
    }
    const pacing = inProgressPacing(this.o.fastMs, this.stats.requests - before, this.o.now() - roundStart, this.debtMs);
    this.debtMs = pacing.debtMs;
    this.schedule(pacing.delayMs);
  }

  private async poll(): Promise<WatchDelta | null> {
    let gone = false;
    if (!this.started || this.checkStatus) {
      // The first round learns the status (events may be long gone or not yet
      // written); so does the round after a poke (an action was just sent) and
      // every settled round: Heat removes a deleted stack's events, so a
      // delete (ours or someone else's) can only be seen on the stack itself.
      this.checkStatus = false;
      try {
        const s = await this.counted(() => this.heat.show(this.stack));
        // A settled stack that is still as it was needs no event read: one
        // request per slow round keeps the settled rate under 2 a minute.
        if (this.started && !this.poked && s.stack_status === this.status && !isInProgress(s.stack_status)) {
          this.checkStatus = true;
          return null;
        }
        if (s.stack_status !== this.status) this.actionStartedAt = s.updated_time ?? s.creation_time;
        this.status = s.stack_status;
        this.statusReason = s.stack_status_reason;
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
        gone = true;
      }
      if (this.stopped) return null;
      this.started = true;
      this.poked = false;
    }
    const events = gone ? [] : await this.fetchNewEvents();
    if (this.stopped) return null;
    const previous = this.status;
    const changes: ResourceChange[] = [];
    for (const e of events) {
      if (this.isStackEvent(e)) {
        if (isInProgress(e.resource_status)) this.actionStartedAt = e.event_time;
        this.status = e.resource_status;
        this.statusReason = e.resource_status_reason;
        continue;
      }
      const stackId = eventStackId(e);
      const key = `${stackId}/${e.resource_name}`;
      if (!this.knownResources.has(key)) this.resourcesDirty = true;
      changes.push({
        resource_name: e.resource_name,
        stack_id: stackId,
        resource_status: e.resource_status,
        resource_status_reason: e.resource_status_reason,
        physical_resource_id: e.physical_resource_id,
        event_time: e.event_time,
      });
    }
    const settledNow = !isInProgress(this.status);
    // Settled: each slow round reads the stack. In progress with no news for a
    // few rounds: read it too — a stack deleted meanwhile has no events left
    // to tell us (Heat removes them), only its own 404 or DELETE_COMPLETE.
    this.quietRounds = events.length > 0 ? 0 : this.quietRounds + 1;
    if (settledNow || this.quietRounds >= 4) {
      this.checkStatus = true;
      this.quietRounds = 0;
    }
    const justSettled = settledNow && (isInProgress(previous) || events.length > 0);
    if (this.status === 'DELETE_COMPLETE') gone = true;
    let resources: HeatResource[] | null = null;
    const due = this.o.now() - this.lastResourceRefresh >= this.o.resourceRefreshMs;
    if (!gone && ((this.resourcesDirty && due) || justSettled || this.lastResourceRefresh === 0)) {
      resources = await this.refreshResources();
      if (this.stopped) return null;
    }
    const firstRound = this.stats.rounds === 0;
    if (!firstRound && events.length === 0 && resources === null && !gone) return null;
    return {
      stack: this.stack,
      status: this.status,
      statusReason: this.statusReason,
      actionStartedAt: this.actionStartedAt,
      events,
      resourceChanges: changes,
      resources,
      settled: settledNow,
      gone,
    };
  }

  /**
   * Every event after the marker, oldest first, paged; unseen ones only. The
   * marker then trails the newest event by a few seconds (event-overlap.ts),
   * so an event committed late is still found on a later round.
   */
  private async fetchNewEvents(): Promise<HeatEvent[]> {
    const out: HeatEvent[] = [];
    const paging = { marker: this.marker, pageSize: this.o.pageSize, nestedDepth: this.o.nestedDepth };
    const read = await readEventPages(
      (query) => this.counted(() => this.heat.events(this.stack, query)),
      paging,
      (page) => {
        if (this.stopped) return false;
        for (const e of page) {
          if (this.seen.has(e.id)) continue;
          this.seen.add(e.id);
          out.push(e);
        }
        return true;
      },
    );
    if (!read.complete) return out;
    this.marker = trailingMarker(read.listed, read.from);
    return out;
  }

  private async refreshResources(): Promise<HeatResource[]> {
    const query: ResourceQuery = this.o.nestedDepth > 0 ? { nested_depth: this.o.nestedDepth } : {};
    const resources = await this.counted(() => this.heat.resources(this.stack, query));
    this.lastResourceRefresh = this.o.now();
    this.resourcesDirty = false;
    this.knownResources.clear();
    for (const r of resources) {
      const stackId =
        r.links
          .find((l) => l.rel === 'stack')
          ?.href.split('/')
          .filter(Boolean)
          .at(-1) ?? null;
      this.knownResources.add(`${stackId}/${r.resource_name}`);
    }
    return resources;
  }

  private isStackEvent(e: HeatEvent): boolean {
    return e.physical_resource_id === this.stack.id && e.resource_name === this.stack.name;
  }

  private async counted<T>(fn: () => Promise<T>): Promise<T> {
    this.stats.requests++;
    return fn();
  }
}
