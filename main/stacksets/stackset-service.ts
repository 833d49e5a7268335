// Stack sets for the IPC handlers: sets, their instances and operations.
// Every refusal is decided before anything is written (the seed's reason,
// nothing changed); accepted operations are persisted and handed to an
// OperationRunner, one at a time per set, oldest first. resumeAll() picks up
// what a previous run of the app left unfinished.
import { randomUUID } from 'node:crypto';
import { openSync, readSync, closeSync } from 'node:fs';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { needsEditingMessage } from '../../shared/library/version-status';
import {
  activateOperation,
  createOperation,
  nextQueued,
  parseOperationState,
  refuse,
  requestStop,
  resolveStackSet,
  STACK_SET_ERRORS as E,
  toErrorPayload,
  validateNewStackSetName,
  validatePermissionModel,
  DOMAIN_IDS_CSV_MAX_BYTES,
  type Checked,
  type OperationState,
  type StackSetError,
  type StackSetOperation,
} from '../../shared/stacksets/index';
import type { EventBus } from '../events/event-bus';
import type { StackSetRecord, StackSetRepo } from '../library/stackset-repo';
import type {
  CreateOperationRequest,
  CreateStackSetRequest,
  OperationDetails,
  OperationProgress,
  PublicStackSet,
  StackSetDetails,
  StackSetRef,
  StackSetSummary,
} from '../../shared/ipc/stacksets.contract';
import type { StackSetAccount, StackSetAccounts } from './accounts';
import { instanceStackName, stackBody } from './heat-instance';
import { seedErrorFromCloud, type RequestFacts } from './seed-errors';
import { OperationRunner, type RunnerOptions } from './operation-runner';
import { pairKey, recheckQueued } from './queue-recheck';

export interface StackSetServiceOptions extends Partial<RunnerOptions> {
  now?: () => number;
  random?: () => number;
  log?: (message: string) => void;
}

/** A StackSetError thrown as the app's one error type, keeping the seed's code and field. */
export function failWith(error: StackSetError): never {
  const p = toErrorPayload(error);
  throw new AppError(p.code, p.msg ?? p.message, {
    ...p.details,
    encoded_authorization_message: error.encoded_authorization_message,
    http_status: error.http_status,
  });
}

function must<T>(checked: Checked<T>): T {
  if (!checked.ok) failWith(checked.error);
  return checked.value;
}

export function progressOf(state: OperationState): OperationProgress {
  const p: OperationProgress = { total: state.instances.length, waiting: 0, running: 0, complete: 0, failed: 0, cancelled: 0 };
  for (const i of state.instances) {
    if (i.status === 'WAIT_IN_PROGRESS') p.waiting++;
    else if (i.status === 'OPERATION_IN_PROGRESS') p.running++;
    else if (i.status === 'OPERATION_COMPLETE') p.complete++;
    else if (i.status === 'OPERATION_FAILED') p.failed++;
    else p.cancelled++;
  }
  return p;
}

export class StackSetService {
  private readonly runners = new Map<string, OperationRunner>();
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly log: (message: string) => void;
  private readonly runnerOptions: RunnerOptions;
  private disposed = false;

  constructor(
    private readonly repo: StackSetRepo,
    private readonly accounts: StackSetAccounts,
    private readonly events: EventBus,
    options: StackSetServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? ((m) => console.warn(m));
    this.runnerOptions = {
      pollMs: options.pollMs ?? 1000,
      minPollMs: Math.min(options.minPollMs ?? 500, options.pollMs ?? 1000),
      pollsPerSecond: options.pollsPerSecond ?? 10,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 6 * 3600_000,
    };
  }

  listSets(): StackSetSummary[] {
    return this.repo.listSets().map((set) => {
      const instances = this.repo.listInstances(set.stack_set_id);
      const last = this.repo.listOperations(set.stack_set_id)[0];
      const counts: Record<string, number> = {};
      for (const i of instances) counts[i.status] = (counts[i.status] ?? 0) + 1;
      return {
        ...publicSet(set),
        instance_count: instances.length,
        instance_statuses: counts,
        last_operation_status: last ? (last.status as StackSetOperation['status']) : null,
      };
    });
  }

  getSet(ref: StackSetRef): StackSetDetails {
    const set = this.resolve(ref);
    return {
      set: publicSet(set),
      instances: this.repo.listInstances(set.stack_set_id).map((i) => ({ ...i, stack_name: instanceStackName(set.stack_set_id, i.region, i.domain_id) })),
      operations: this.repo.listOperations(set.stack_set_id).map((row) => this.operationOf(row.state)),
    };
  }

  async listAccounts(profileIds: readonly string[]): Promise<StackSetAccount[]> {
    return this.accounts.list(profileIds);
  }

  async createSet(req: CreateStackSetRequest): Promise<StackSetDetails> {
    const name = must(validateNewStackSetName(req.stack_set_name, this.repo.listSets()));
    const agencies = must(
      validatePermissionModel(req.permission_model ?? 'SERVICE_MANAGED', {
        ...(req.administration_agency_name !== undefined ? { administration_agency_name: req.administration_agency_name } : {}),
        ...(req.administration_agency_urn !== undefined ? { administration_agency_urn: req.administration_agency_urn } : {}),
        ...(req.managed_agency_name !== undefined ? { managed_agency_name: req.managed_agency_name } : {}),
      }),
    );
    if (!this.repo.templateVersion(req.template_version_id)) {
      throw new AppError('NOT_FOUND', msg('stackset.versionMissing', { id: String(req.template_version_id) }), { field: 'template_version_id' });
    }
    this.refuseNeedsEditing(req.template_version_id);
    // Every joined profile must authenticate now: its project is what the set's instances are made of.
    await this.accountsOf(req.profile_ids, 'profile_ids');
    const time = new Date(this.now()).toISOString();
    const set: StackSetRecord = {
      stack_set_id: randomUUID(),
      stack_set_name: name,
      stack_set_description: req.stack_set_description ?? '',
      ...agencies,
      template_version_id: req.template_version_id,
      parameters: req.parameters ?? {},
      profile_ids: [...req.profile_ids],
      create_time: time,
      update_time: time,
      deleted_at: null,
    };
    this.repo.insertSet(set);
    this.events.emit('stacksets.changed', { stack_set_id: set.stack_set_id });
    return this.getSet({ stack_set_name: name, stack_set_id: set.stack_set_id });
  }

  /** Only an empty set with no unfinished operation may go; its id is never reused. */
  deleteSet(ref: StackSetRef): { deleted: true } {
    const set = this.resolve(ref);
    if (this.repo.listInstances(set.stack_set_id).length > 0) {
      throw new AppError('CONFLICT', msg('stackset.stillHasInstances', { name: set.stack_set_name }));
    }
    if (this.repo.listOperations(set.stack_set_id).some((o) => !isFinal(o.status))) {
      throw new AppError('CONFLICT', msg('stackset.operationRunning', { name: set.stack_set_name }));
    }
    this.repo.markDeleted(set.stack_set_id, new Date(this.now()).toISOString());
    this.events.emit('stacksets.changed', { stack_set_id: set.stack_set_id });
    return { deleted: true };
  }

  async createOperation(req: CreateOperationRequest): Promise<StackSetOperation> {
    const set = this.resolve(req);
    if (req.retain_stacks && req.action !== 'DELETE_STACK_INSTANCES') {
      throw new AppError('BAD_REQUEST', msg('stackset.retainOnlyDelete', { action: req.action }), { field: 'retain_stacks' });
    }
    // Every action but a delete deploys the set's version (or the one a DEPLOY_STACK_SET names).
    if (req.action !== 'DELETE_STACK_INSTANCES') {
      this.refuseNeedsEditing(req.action === 'DEPLOY_STACK_SET' && req.template_version_id !== undefined ? req.template_version_id : set.template_version_id);
    }
    const instances = this.repo.listInstances(set.stack_set_id);
    const csv = req.domain_ids_csv !== undefined ? Buffer.from(req.domain_ids_csv, 'base64') : readCsv(req.deployment_targets.domain_ids_uri);
    const state = must(
      createOperation({
        operationId: randomUUID(),
        set,
        instances,
        action: req.action,
        targets: req.deployment_targets,
        ...(csv !== undefined ? { domainIdsCsv: csv } : {}),
        preferences: req.operation_preferences,
        ...(req.stack_set_id !== undefined ? { requestedSetId: req.stack_set_id } : {}),
        otherOperations: this.repo.listOperations(set.stack_set_id).map((o) => ({ status: o.status as StackSetOperation['status'] })),
        now: this.now(),
        rng: this.random,
      }),
    );
    if (req.action === 'CREATE_STACK_INSTANCES') {
      await this.checkReachable(set, state);
      await this.checkHeatAllows(set, state);
    }
    let templateVersionId = set.template_version_id;
    let parameters = set.parameters;
    if (req.action === 'DEPLOY_STACK_SET') {
      if (req.template_version_id !== undefined) {
        if (!this.repo.templateVersion(req.template_version_id))
          throw new AppError('NOT_FOUND', msg('stackset.versionMissing', { id: String(req.template_version_id) }));
        templateVersionId = req.template_version_id;
      }
      parameters = req.parameters ?? parameters;
    }
    const op = state.operation;
    this.repo.transaction(() => {
      if (templateVersionId !== set.template_version_id || parameters !== set.parameters) {
        this.repo.updateSet({ ...set, template_version_id: templateVersionId, parameters, update_time: op.create_time });
      }
      this.repo.insertOperation({
        id: op.stack_set_operation_id,
        stack_set_id: set.stack_set_id,
        status: op.status,
        created_at: op.create_time,
        updated_at: op.update_time,
        state,
        runner: {},
        template_version_id: templateVersionId,
        parameters,
        parameter_overrides: req.parameter_overrides ?? null,
        retain_stacks: req.retain_stacks === true,
      });
    });
    this.emitOperation(state);
    if (op.status === 'OPERATION_IN_PROGRESS') this.run(op.stack_set_operation_id, state, false);
    return op;
  }

  getOperation(id: string): OperationDetails {
    const running = this.runners.get(id);
    const state = running ? running.current : this.stateOf(id);
    return { operation: state.operation, progress: progressOf(state), instances: state.instances };
  }

  stopOperation(id: string): StackSetOperation {
    const running = this.runners.get(id);
    if (running) return running.stop().operation;
    // A queued operation has no runner: stopping it cancels every instance at once.
    const state = this.stateOf(id);
    const stopped = must(requestStop(state, this.now()));
    const op = stopped.operation;
    this.repo.saveOperation(id, op.status, op.update_time, stopped, this.repo.getOperation(id)?.runner ?? {});
    this.emitOperation(stopped);
    return op;
  }

  /** After a restart: re-attach every operation that was running, then start what was queued. */
  resumeAll(): void {
    const sets = new Set<string>();
    for (const row of this.repo.listUnfinishedOperations()) {
      sets.add(row.stack_set_id);
      const parsed = parseOperationState(row.state);
      if (!parsed.ok) {
        this.log(`stack set operation ${row.id} cannot be resumed: ${parsed.error.error_msg}`);
        continue;
      }
      if (parsed.value.operation.status !== 'QUEUE_IN_PROGRESS') this.run(row.id, parsed.value, true);
    }
    for (const setId of sets) this.startNextQueued(setId);
  }

  dispose(): void {
    this.disposed = true;
    for (const r of this.runners.values()) r.dispose();
    this.runners.clear();
  }

  private run(id: string, state: OperationState, resuming: boolean): void {
    const row = this.repo.getOperation(id);
    const set = row ? this.repo.getSet(row.stack_set_id) : null;
    if (!row || !set || this.runners.has(id)) return;
    const runner = new OperationRunner(
      {
        repo: this.repo,
        accounts: this.accounts,
        now: this.now,
        random: this.random,
        options: this.runnerOptions,
        changed: (s) => this.emitOperation(s),
        finished: (setId) => {
          this.runners.delete(id);
          this.startNextQueued(setId);
        },
        log: this.log,
      },
      set,
      row,
      state,
      resuming,
    );
    this.runners.set(id, runner);
    runner.start();
  }

  /**
   * The oldest queued operation of the set gets its turn. Its selection was
   * checked when it was queued; what changed since (an instance created or
   * deleted by the operation before it) cancels that instance, with the reason.
   */
  private startNextQueued(setId: string): void {
    if (this.disposed) return;
    const rows = this.repo.listOperations(setId);
    const states = rows.map((r) => parseOperationState(r.state)).flatMap((p) => (p.ok ? [p.value] : []));
    const nextId = nextQueued(states.map((s) => s.operation));
    const next = states.find((s) => s.operation.stack_set_operation_id === nextId);
    if (!next) return;
    const existing = new Set(this.repo.listInstances(setId).map((i) => pairKey(i.region, i.domain_id)));
    const rechecked = recheckQueued(next, existing, this.now());
    const activated = must(activateOperation(rechecked, this.now()));
    const id = activated.operation.stack_set_operation_id;
    this.repo.saveOperation(id, activated.operation.status, activated.operation.update_time, activated, this.repo.getOperation(id)?.runner ?? {});
    this.emitOperation(activated);
    this.run(id, activated, false);
  }

  /** A new instance must be a region and a project some joined profile reaches. */
  /** The joined profiles' accounts; a token Keystone rejects (or Keystone failing) answers in the seed's shape, naming the profile. */
  private async accountsOf(profileIds: readonly string[], field: string): Promise<StackSetAccount[]> {
    const out: StackSetAccount[] = [];
    for (const id of profileIds) {
      try {
        out.push(await this.accounts.account(id));
      } catch (err) {
        this.failFromCloud(err, { action: 'authenticate', field, profile: this.profileName(id) });
      }
    }
    return out;
  }

  private profileName(id: string): string {
    return this.accounts.profileName(id);
  }

  /** A cloud refusal in the seed's shape when it is one of its statuses (401, 403, 429, 500); anything else as it came. */
  private failFromCloud(err: unknown, facts: RequestFacts): never {
    const seed = seedErrorFromCloud(err, facts);
    if (seed) failWith(seed);
    throw err;
  }

  /**
   * Heat's own yes before anything is written: the set's template previewed
   * once per (region, project) of a create, so a project Heat's policy does
   * not allow (an admin-only resource type, 403) or a Heat failing (500) is
   * answered now, not as a failed instance later. Other preview answers (a
   * parameter Heat finds wrong...) are left to the run, which names them per
   * instance as before.
   */
  /** Seed 1.4, as a deploy refuses it (deploy-service.ts): a "needs editing" version can only be edited. */
  private refuseNeedsEditing(versionId: string): void {
    const verdict = this.repo.versionVerdict(versionId);
    if (verdict?.status !== 'needs_editing') return;
    failWith(refuse(E.versionNeedsEditing, 'template_version_id', needsEditingMessage('deploy', verdict.msg ?? verdict.reason)).error);
  }

  private async checkHeatAllows(set: StackSetRecord, state: OperationState): Promise<void> {
    const template = this.repo.templateVersion(set.template_version_id);
    if (!template) return;
    for (const i of state.instances) {
      const target = await this.accounts.target(set.profile_ids, i.region, i.domain_id);
      const body = stackBody(template, set.parameters, target.profile.sandbox, instanceStackName(set.stack_set_id, i.region, i.domain_id));
      try {
        await target.heat.previewCreate(body);
      } catch (err) {
        const seed = seedErrorFromCloud(err, {
          action: 'preview CREATE_STACK_INSTANCES',
          field: 'deployment_targets',
          profile: target.profile.name,
          project: i.domain_id,
          region: i.region,
        });
        if (seed) failWith(seed);
      }
    }
  }

  private async checkReachable(set: StackSetRecord, state: OperationState): Promise<void> {
    const accounts = await this.accountsOf(set.profile_ids, 'deployment_targets.domain_ids');
    for (const i of state.instances) {
      const account = accounts.find((a) => a.project_id === i.domain_id);
      if (!account)
        failWith(
          refuse(
            E.domainNotManaged,
            'deployment_targets.domain_ids',
            `domain "${i.domain_id}" is not a project of any cloud profile joined to stack set "${set.stack_set_name}"`,
          ).error,
        );
      if (!account.regions.includes(i.region)) {
        failWith(
          refuse(E.regionNotManaged, 'deployment_targets.regions', `region "${i.region}" offers no Heat endpoint to project ${account.project_name}`).error,
        );
      }
    }
  }

  private resolve(ref: StackSetRef): StackSetRecord {
    const found = must(resolveStackSet(this.repo.listSets(), ref));
    return found as StackSetRecord;
  }

  private stateOf(id: string): OperationState {
    const row = this.repo.getOperation(id);
    if (!row) throw new AppError('NOT_FOUND', msg('stackset.operationNotFound', { id: String(id) }), { id });
    return must(parseOperationState(row.state));
  }

  private operationOf(raw: unknown): StackSetOperation {
    return (raw as OperationState).operation;
  }

  private emitOperation(state: OperationState): void {
    this.events.emit('stacksets.operation', {
      stack_set_id: state.operation.stack_set_id,
      operation: state.operation,
      progress: progressOf(state),
      instances: state.instances,
    });
  }
}

function isFinal(status: string): boolean {
  return ['OPERATION_COMPLETE', 'OPERATION_FAILED', 'STOP_COMPLETE', 'STOP_FAILED'].includes(status);
}

function publicSet(set: StackSetRecord): PublicStackSet {
  const { deleted_at: _d, ...rest } = set;
  void _d;
  return rest;
}

/** Reads at most one byte more than the seed allows, so a huge file is refused without loading it. */
function readCsv(path: string | undefined): Uint8Array | undefined {
  if (path === undefined) return undefined;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(DOMAIN_IDS_CSV_MAX_BYTES + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
