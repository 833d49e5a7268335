// Turns a request (set, action, targets, preferences) into a fresh operation
// state, or refuses it with the seed's reason. Nothing outside is touched, so a
// refusal leaves the set, its instances and its other operations unchanged.
import { accept, MAX_QUEUED_OPERATIONS, refuse, STACK_SET_ERRORS as E, type Checked } from './errors';
import {
  ACTIVE_OPERATION_STATUSES,
  OPERATION_ACTIONS,
  formatTimestamp,
  instanceKey,
  isUuid,
  type DeploymentTargets,
  type OperationAction,
  type StackInstance,
  type StackSet,
  type StackSetOperation,
} from './model';
import { OPERATION_STATE_SCHEMA, operationStatus, operationStatusMessage, type InstanceRun, type OperationState } from './operation-state';
import { checkRegionLimits, validatePreferences } from './preferences';
import { resolveDeploymentTargets, selectInstances } from './targets';

/** Injected randomness: returns a number in [0, 1), like Math.random. */
export type Rng = () => number;

export interface CreateOperationInput {
  /** A fresh UUID from the caller (crypto.randomUUID in the main process). */
  operationId: string;
  set: StackSet;
  /** The set's current instances. */
  instances: readonly StackInstance[];
  action: OperationAction;
  targets: DeploymentTargets;
  /** The bytes of the file domain_ids_uri names, read by the caller. */
  domainIdsCsv?: Uint8Array;
  /** Raw operation_preferences as the user sent them; undefined takes every default. */
  preferences?: unknown;
  /** The stack_set_id the user pinned, if any; must be the set's current id. */
  requestedSetId?: string;
  /** The set's other operations: if one is running or queued, this one queues behind it. */
  otherOperations: readonly Pick<StackSetOperation, 'status'>[];
  now: number;
  rng: Rng;
}

/** Fisher-Yates with the injected rng, so the "random" order is reproducible in tests. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng() * (i + 1)));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function createOperation(input: CreateOperationInput): Checked<OperationState> {
  const { set } = input;
  if (!isUuid(input.operationId)) {
    return refuse(E.operationIdInvalid, 'stack_set_operation_id', 'stack_set_operation_id must be a UUID');
  }
  if (input.requestedSetId !== undefined && input.requestedSetId !== set.stack_set_id) {
    return refuse(E.staleSetId, 'stack_set_id', `stack_set_id ${input.requestedSetId} is not the id of the current stack set "${set.stack_set_name}"`);
  }
  // Seed 002's 429: too many requests. Each operation waits its turn, so a bounded queue is what keeps a loop of requests from piling up.
  const waiting = input.otherOperations.filter((o) => o.status === 'QUEUE_IN_PROGRESS').length;
  if (waiting >= MAX_QUEUED_OPERATIONS) {
    return refuse(
      E.tooManyQueued,
      'stack_set_name',
      `stack set "${set.stack_set_name}" already has ${waiting} operations queued (at most ${MAX_QUEUED_OPERATIONS}): try again when one has run`,
    );
  }
  if (!(OPERATION_ACTIONS as readonly string[]).includes(input.action)) {
    return refuse(E.actionInvalid, 'action', `action must be one of ${OPERATION_ACTIONS.join(', ')}`);
  }
  const targets = resolveDeploymentTargets(input.targets, input.domainIdsCsv);
  if (!targets.ok) return targets;
  const prefs = validatePreferences(input.preferences, targets.value.regions);
  if (!prefs.ok) return prefs;
  const pairs = selectInstances(input.action, input.instances, targets.value);
  if (!pairs.ok) return pairs;

  const perRegion = targets.value.regions.map((r) => [r, pairs.value.filter((p) => p.region === r).length] as const).filter(([, n]) => n > 0);
  const limits = checkRegionLimits(prefs.value, perRegion);
  if (!limits.ok) return limits;

  // Seed: without region_order "实际部署region顺序随机"; drawn once here and
  // stored, so a resumed operation keeps the order it started with. PARALLEL
  // runs every region at once, so its order only fixes the listing.
  const order =
    prefs.value.regionConcurrencyType === 'PARALLEL'
      ? limits.value.map((l) => l.region)
      : (prefs.value.regionOrder?.filter((r) => limits.value.some((l) => l.region === r)) ??
        shuffle(
          limits.value.map((l) => l.region),
          input.rng,
        ));
  const regions = order.map((region) => {
    const l = limits.value.find((x) => x.region === region);
    return { region, tolerance: l?.tolerance ?? 0, concurrency: l?.concurrency ?? 1 };
  });

  const stackIds = new Map(input.instances.map((i) => [instanceKey(i.region, i.domain_id), i.stack_id]));
  const instances: InstanceRun[] = regions.flatMap(({ region }) =>
    pairs.value
      .filter((p) => p.region === region)
      .map((p) => {
        const key = instanceKey(p.region, p.domain_id);
        return {
          key,
          region: p.region,
          domain_id: p.domain_id,
          status: 'WAIT_IN_PROGRESS' as const,
          status_message: '',
          stack_id: stackIds.get(key) ?? null,
          started_at: null,
          finished_at: null,
        };
      }),
  );

  const time = formatTimestamp(input.now);
  const queued = input.otherOperations.some((o) => o.status === 'QUEUE_IN_PROGRESS' || ACTIVE_OPERATION_STATUSES.includes(o.status));
  const operation: StackSetOperation = {
    stack_set_operation_id: input.operationId,
    stack_set_id: set.stack_set_id,
    stack_set_name: set.stack_set_name,
    status: 'QUEUE_IN_PROGRESS',
    status_message: '',
    action: input.action,
    ...agencyFieldsOf(set),
    deployment_targets: copyTargets(input.targets),
    create_time: time,
    update_time: time,
    operation_preferences: copyPreferences(input.preferences),
  };
  const state: OperationState = {
    schema: OPERATION_STATE_SCHEMA,
    operation,
    preferences: prefs.value,
    regions,
    instances,
    queued,
    stop: 'none',
    stopMessage: '',
    timedOut: false,
    running_since: queued ? null : time,
  };
  const status = operationStatus(state);
  return accept({ ...state, operation: { ...operation, status, status_message: operationStatusMessage(state, status) } });
}

/**
 * Seed: with SERVICE_MANAGED "指定该参数将报错400" for all three agency fields, so
 * such an operation's metadata never carries one, whatever the stored set row
 * holds (the set's own validation refuses them; this keeps a bad row from
 * leaking them into every operation).
 */
function agencyFieldsOf(set: StackSet): Partial<StackSetOperation> {
  const out: Partial<StackSetOperation> = {};
  if (set.permission_model === 'SERVICE_MANAGED') return out;
  if (set.administration_agency_name) out.administration_agency_name = set.administration_agency_name;
  if (set.administration_agency_urn) out.administration_agency_urn = set.administration_agency_urn;
  if (set.managed_agency_name) out.managed_agency_name = set.managed_agency_name;
  return out;
}

function copyTargets(t: DeploymentTargets): DeploymentTargets {
  return {
    regions: [...t.regions],
    ...(t.domain_ids !== undefined ? { domain_ids: [...t.domain_ids] } : {}),
    ...(t.domain_ids_uri !== undefined ? { domain_ids_uri: t.domain_ids_uri } : {}),
  };
}

/** The metadata echoes the preferences as given (validated above), copied so later edits to the request do not leak in. */
function copyPreferences(raw: unknown): StackSetOperation['operation_preferences'] {
  const p = (raw ?? {}) as StackSetOperation['operation_preferences'];
  return { ...p, ...(p.region_order !== undefined ? { region_order: [...p.region_order] } : {}) };
}
