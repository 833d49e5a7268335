// What the cloud.* channels call: reads that fall back to the offline cache
// (marked stale) when the cloud cannot be reached, actions that never touch
// the cache until Heat accepted them, the sandbox environment added visibly
// for sandbox profiles only, and one watcher per stack pushing changes.
import type {
  StackChange,
  StackRef,
  Fetched,
  HeatEvent,
  HeatResource,
  ResourceChanges,
  StackDetails,
  StackSummary,
  ValidateResult,
} from '../../shared/cloud/heat-types';
import type { ConnectionReport, DeployResult } from '../../shared/ipc/cloud.contract';
import { SANDBOX_ENVIRONMENT_NAME, withSandboxEnvironment } from '../../shared/cloud/sandbox-environment';
import { AppError, type ErrorPayload } from '../../shared/ipc/errors';
import type { EventBus } from '../events/event-bus';
import type { CloudCacheRepo } from '../library/cloud-cache-repo';
import { regionsOffering } from './catalog';
import type { HeatClient, StackBody, StackListQuery } from './heat-client';
import { probeResourceValidate, type ResourceValidateSupport } from './resource-validate-probe';
import type { ProfileService } from './profile-service';
import { StackWatcher, type WatchOptions } from './stack-watcher';
import { readEventPages } from './event-pages';
import { StackDependencies } from './stack-dependencies';
import type { StackDependent } from '../../shared/ipc/cloud.contract';
import { msg } from '../../shared/messages/message';

/** Errors that mean "the cloud is not there right now": reads then serve the cache. */
const OFFLINE_CODES = new Set(['CLOUD_UNREACHABLE', 'TIMEOUT', 'SERVICE_UNAVAILABLE']);

// The shapes the contract gives the renderer are declared once, in the contract.
export type { ConnectionReport, DeployResult } from '../../shared/ipc/cloud.contract';

export interface CloudServiceOptions {
  now?: () => Date;
  watch?: Partial<Pick<WatchOptions, 'fastMs' | 'slowMs' | 'resourceRefreshMs' | 'maxBackoffMs'>>;
}

export class CloudService {
  private readonly watchers = new Map<string, { watcher: StackWatcher; profileId: string }>();
  private readonly online = new Map<string, boolean>();
  private readonly now: () => Date;
  private readonly dependencies = new StackDependencies();

  constructor(
    readonly profiles: ProfileService,
    private readonly cache: CloudCacheRepo,
    private readonly events: EventBus,
    private readonly options: CloudServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async testConnection(profileId: string): Promise<ConnectionReport> {
    const c = this.profiles.connection(profileId);
    const token = await this.track(profileId, () => c.session.authenticate());
    const endpoint = await this.track(profileId, () => c.heat.endpoint());
    // A real Heat call proves the endpoint answers for this token.
    await this.track(profileId, () => c.heat.list({ limit: 1 }));
    return {
      identityUrl: token.identityUrl,
      user: token.user.name,
      project: token.project?.name ?? null,
      projectId: token.project?.id ?? null,
      roles: token.roles,
      endpoint,
      regions: regionsOffering(token.catalog, 'orchestration'),
      tokenExpiresAt: new Date(token.expiresAt).toISOString(),
      warnings: c.warnings,
      warningMsgs: c.warningMsgs,
    };
  }

  async listStacks(profileId: string, query: Omit<StackListQuery, 'marker' | 'limit'> = {}): Promise<Fetched<StackSummary[]>> {
    const filtered = Object.keys(query).length > 0;
    return this.read(
      profileId,
      async () => {
        const stacks = await this.profiles.connection(profileId).heat.listAll(query);
        // Only an unfiltered list says which stacks exist; a filtered one only adds.
        this.cache.saveStackList(profileId, stacks, this.stamp(), !filtered);
        return stacks;
      },
      () => this.cache.stackList(profileId),
    );
  }

  async showStack(profileId: string, ref: StackRef): Promise<Fetched<StackDetails | null>> {
    return this.read(
      profileId,
      async () => {
        const s = await this.profiles.connection(profileId).heat.show(ref, { resolveOutputs: true });
        this.cache.saveStack(profileId, s, this.stamp());
        return s;
      },
      () => this.cache.stack(profileId, ref.id),
    );
  }

  /** The whole timeline: cached events plus what is new since the cached ones (by a marker trailing the newest, so late commits are found). */
  async stackEvents(profileId: string, ref: StackRef, nestedDepth = 0): Promise<Fetched<HeatEvent[]>> {
    return this.read(
      profileId,
      async () => {
        const heat = this.profiles.connection(profileId).heat;
        this.cache.ensureStack(profileId, ref.id, ref.name, 'UNKNOWN', this.stamp());
        const paging = { marker: this.cache.resumeMarker(profileId, ref.id), pageSize: 200, nestedDepth };
        // Each page goes to the cache as it comes (its unique event ids keep a re-read after a purged marker from doubling).
        await readEventPages(
          (query) => heat.events(ref, query),
          paging,
          (page) => void this.cache.appendEvents(profileId, ref.id, page, this.stamp()),
        );
        return this.cache.events(profileId, ref.id).value;
      },
      () => this.cache.events(profileId, ref.id),
    );
  }

  async resources(profileId: string, ref: StackRef, nestedDepth = 0, withDetail = false): Promise<Fetched<HeatResource[]>> {
    return this.read(
      profileId,
      async () => {
        const r = await this.profiles.connection(profileId).heat.resources(ref, {
          ...(nestedDepth ? { nested_depth: nestedDepth } : {}),
          ...(withDetail ? { with_detail: true } : {}),
        });
        this.cache.ensureStack(profileId, ref.id, ref.name, 'UNKNOWN', this.stamp());
        this.cache.saveResources(profileId, ref.id, r, this.stamp());
        return r;
      },
      () => this.cache.resources(profileId, ref.id),
    );
  }

  // Named operations, not the raw client: each applies the sandbox
  // environment itself where Heat reads a body (validate, previews, create,
  // full update), so no caller can forget it, and every call reports the
  // profile's reachability.

  /** The stack as Heat shows it now (no cache, outputs unresolved). */
  showLive(profileId: string, ref: StackRef): Promise<StackDetails> {
    return this.call(profileId, (h) => h.show(ref));
  }

  template(profileId: string, ref: StackRef): Promise<Record<string, unknown>> {
    return this.call(profileId, (h) => h.template(ref));
  }

  environment(profileId: string, ref: StackRef): Promise<Record<string, unknown>> {
    return this.call(profileId, (h) => h.environment(ref));
  }

  files(profileId: string, ref: StackRef): Promise<Record<string, string>> {
    return this.call(profileId, (h) => h.files(ref));
  }

  resourceTypes(profileId: string, query: Parameters<HeatClient['resourceTypes']>[0] = {}): Promise<unknown[]> {
    return this.call(profileId, (h) => h.resourceTypes(query));
  }

  resourceTypeSchema(profileId: string, type: string): Promise<Record<string, unknown>> {
    return this.call(profileId, (h) => h.resourceTypeSchema(type));
  }

  /** Whether this profile's Heat honours resource_validate (resource-validate-probe.ts). */
  probeResourceValidate(profileId: string): Promise<ResourceValidateSupport> {
    return this.call(profileId, (h) => probeResourceValidate(h));
  }

  /** Heat's validate of what would be deployed: with the sandbox environment for a sandbox profile. */
  validate(profileId: string, body: StackBody, opts: Parameters<HeatClient['validate']>[1] = {}): Promise<ValidateResult> {
    const p = this.prepare(profileId, body);
    return this.call(profileId, (h) => h.validate(p.body, opts));
  }

  async previewCreate(profileId: string, body: StackBody): Promise<{ stack: Record<string, unknown>; sandbox: boolean }> {
    const p = this.prepare(profileId, body);
    const result = await this.call(profileId, (h) => h.previewCreate(p.body));
    return { stack: result.stack, sandbox: p.sandbox };
  }

  /** A PATCH preview keeps the stack's environment (add nothing); a full one gets the sandbox environment as update() would send it. */
  async previewUpdate(profileId: string, ref: StackRef, body: StackBody, patch: boolean): Promise<{ changes: ResourceChanges; sandbox: boolean }> {
    const p = patch ? { body: { existing: true, ...body }, sandbox: false } : this.prepare(profileId, body);
    const changes = await this.call(profileId, (h) => h.previewUpdate(ref, p.body, { patch, showNested: false }));
    return { changes, sandbox: p.sandbox };
  }

  /** Creates the stack. Callers judge the quota first (DeployService.create does; the IPC contract offers no other way in). */
  async create(profileId: string, body: StackBody, watch = true): Promise<DeployResult> {
    const p = this.prepare(profileId, body);
    const ref = await this.call(profileId, (h) => h.create(p.body));
    const created = { name: ref.name, id: ref.id };
    if (watch) this.watch(profileId, created);
    return { stack: created, environmentFiles: p.body.environment_files ?? [], sandbox: p.sandbox };
  }

  async update(profileId: string, ref: StackRef, body: StackBody, patch: boolean, watch = true): Promise<DeployResult> {
    // A PATCH keeps the existing environment (and so an earlier sandbox mapping): add nothing then.
    const p = patch ? { body, sandbox: false } : this.prepare(profileId, body);
    await this.call(profileId, (h) => (patch ? h.patch(ref, { existing: true, ...p.body }) : h.update(ref, p.body)));
    if (watch) this.watch(profileId, ref);
    return { stack: ref, environmentFiles: p.body.environment_files ?? [], sandbox: p.sandbox };
  }

  /** The one place the sandbox environment is added: when (and only when) the profile is a sandbox; says so in the result. */
  private prepare(profileId: string, body: StackBody): { body: StackBody; sandbox: boolean } {
    const profile = this.profiles.get(profileId);
    if (!profile.sandbox) return { body, sandbox: false };
    return { body: withSandboxEnvironment(body), sandbox: true };
  }

  private heat(profileId: string): HeatClient {
    return this.profiles.connection(profileId).heat;
  }

  private call<T>(profileId: string, fn: (heat: HeatClient) => Promise<T>): Promise<T> {
    return this.track(profileId, () => fn(this.heat(profileId)));
  }

  async action(profileId: string, ref: StackRef, what: 'delete' | 'cancel' | 'cancelNoRollback' | 'check' | 'suspend' | 'resume'): Promise<void> {
    if (what === 'delete') await this.refuseDeleteInUse(profileId, ref);
    await this.call(profileId, (h) => {
      switch (what) {
        case 'delete':
          return h.delete(ref);
        case 'cancel':
          return h.cancelUpdate(ref);
        case 'cancelNoRollback':
          return h.cancelUpdate(ref, { withoutRollback: true });
        case 'check':
          return h.check(ref);
        case 'suspend':
          return h.suspend(ref);
        case 'resume':
          return h.resume(ref);
      }
    });
    this.watch(profileId, ref);
  }

  /** Stack id -> the deployments that use its resources as existing resources (for the list's marker). */
  async stackDependencies(profileId: string): Promise<Record<string, StackDependent[]>> {
    return this.call(profileId, (h) => this.dependencies.usage(h));
  }

  /** Seed 5.2: Heat would delete the network another deployment stands on (or fail half way); refuse, naming who to delete first. */
  private async refuseDeleteInUse(profileId: string, ref: StackRef): Promise<void> {
    const users = await this.call(profileId, (h) => this.dependencies.dependentsOf(h, ref));
    if (!users.length) return;
    const names = users.map((u) => `"${u.name}"`).join(', ');
    const resources = [...new Set(users.flatMap((u) => u.resourceIds))].join(', ');
    throw new AppError('STACK_IN_USE', msg('cloud.stackInUse', { name: ref.name, users: names, resources }), { stack: ref, usedBy: users });
  }

  /** Starts (or pokes) the watcher of a stack; its changes go to the cache and the renderer. */
  watch(profileId: string, ref: StackRef, nestedDepth = 0): void {
    const key = `${profileId}/${ref.id}`;
    const existing = this.watchers.get(key);
    if (existing?.watcher.running) {
      // A deeper request (the timeline asks for nested events after a deploy
      // started a shallow watch) replaces the watcher; the marker and known
      // events come from the cache, so nothing is fetched twice.
      if (nestedDepth <= existing.watcher.nestedDepth) {
        existing.watcher.poke();
        return;
      }
      existing.watcher.stop();
    }
    this.cache.ensureStack(profileId, ref.id, ref.name, 'UNKNOWN', this.stamp());
    const known = this.cache.events(profileId, ref.id).value.map((e) => e.id);
    const watcher = new StackWatcher(this.heat(profileId), ref, {
      ...this.options.watch,
      nestedDepth,
      marker: this.cache.resumeMarker(profileId, ref.id),
      knownEventIds: known,
      onChange: (d) => {
        const at = this.stamp();
        this.cache.appendEvents(profileId, ref.id, d.events, at);
        if (d.status) this.cache.setStackStatus(profileId, ref.id, d.status, at);
        if (d.resources) this.cache.saveResources(profileId, ref.id, d.resources, at);
        this.setOnline(profileId, true, null);
        const change: StackChange = { profileId, ...d };
        this.events.emit('stack.changed', change);
      },
      onError: (e) => {
        if (OFFLINE_CODES.has(e.code)) this.setOnline(profileId, false, e);
      },
      onRecovered: () => this.setOnline(profileId, true, null),
    });
    this.watchers.set(key, { watcher, profileId });
    watcher.start();
  }

  unwatch(profileId: string, stackId: string): boolean {
    const key = `${profileId}/${stackId}`;
    const w = this.watchers.get(key);
    w?.watcher.stop();
    return this.watchers.delete(key);
  }

  watching(): { profileId: string; stack: StackRef; status: string | null; running: boolean }[] {
    return [...this.watchers.values()].map((w) => ({
      profileId: w.profileId,
      stack: w.watcher.stack,
      status: w.watcher.currentStatus,
      running: w.watcher.running,
    }));
  }

  /** Stops the watchers of a profile (before it is edited or deleted). */
  forgetProfile(profileId: string): void {
    for (const [key, w] of this.watchers) {
      if (w.profileId === profileId) {
        w.watcher.stop();
        this.watchers.delete(key);
      }
    }
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.watcher.stop();
    this.watchers.clear();
    this.profiles.dispose();
  }

  private async read<T>(profileId: string, live: () => Promise<T>, cached: () => { value: T; fetchedAt: string | null }): Promise<Fetched<T>> {
    try {
      const value = await this.track(profileId, live);
      return { value, fetchedAt: this.stamp(), stale: false, error: null };
    } catch (err) {
      if (err instanceof AppError && OFFLINE_CODES.has(err.code)) {
        const c = cached();
        const { code, message, msg } = err.toPayload();
        // The message as data too, so the stale badge reads in the user's language.
        return { value: c.value, fetchedAt: c.fetchedAt, stale: true, error: { code, message, ...(msg ? { msg } : {}) } };
      }
      throw err;
    }
  }

  /** Runs a cloud call and reports reachability changes of the profile. */
  private async track<T>(profileId: string, fn: () => Promise<T>): Promise<T> {
    try {
      const v = await fn();
      this.setOnline(profileId, true, null);
      return v;
    } catch (err) {
      if (err instanceof AppError && OFFLINE_CODES.has(err.code)) this.setOnline(profileId, false, err.toPayload());
      throw err;
    }
  }

  private setOnline(profileId: string, online: boolean, error: ErrorPayload | null): void {
    if (this.online.get(profileId) === online) return;
    this.online.set(profileId, online);
    this.events.emit('cloud.status', {
      profileId,
      online,
      error: error ? { code: error.code, message: error.message, ...(error.msg ? { msg: error.msg } : {}) } : null,
      at: this.stamp(),
    });
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

export { SANDBOX_ENVIRONMENT_NAME };
