// Reading a persisted operation state back (the runner stores it as JSON in
// SQLite after every transition). A row written by an older or corrupted build
// is refused rather than half-trusted, and the metadata status must agree with
// what the instances say, or resuming would act on a lie.
import { z } from 'zod';
import { accept, refuse, STACK_SET_ERRORS as E, type Checked } from './errors';
import {
  FAILURE_TOLERANCE_MODES,
  INSTANCE_STATUSES,
  OPERATION_ACTIONS,
  OPERATION_STATUSES,
  REGION_CONCURRENCY_TYPES,
  TIMESTAMP_PATTERN,
  UUID_PATTERN,
} from './model';
import { OPERATION_STATE_SCHEMA, operationStatus, type OperationState } from './operation-state';

const timestamp = z.string().regex(TIMESTAMP_PATTERN);
const amount = z.object({ kind: z.enum(['count', 'percentage']), value: z.number().int().min(0).max(100) });

const operationSchema = z.object({
  stack_set_operation_id: z.string().regex(UUID_PATTERN),
  stack_set_id: z.string().regex(UUID_PATTERN),
  stack_set_name: z.string().min(1).max(128),
  status: z.enum(OPERATION_STATUSES),
  status_message: z.string(),
  action: z.enum(OPERATION_ACTIONS),
  administration_agency_name: z.string().max(64).optional(),
  administration_agency_urn: z.string().max(64).optional(),
  managed_agency_name: z.string().max(64).optional(),
  deployment_targets: z.object({
    regions: z.array(z.string()),
    domain_ids: z.array(z.string()).optional(),
    domain_ids_uri: z.string().optional(),
  }),
  create_time: timestamp,
  update_time: timestamp,
  operation_preferences: z.object({
    region_concurrency_type: z.enum(REGION_CONCURRENCY_TYPES).optional(),
    region_order: z.array(z.string()).optional(),
    failure_tolerance_count: z.number().int().optional(),
    failure_tolerance_percentage: z.number().int().optional(),
    max_concurrent_count: z.number().int().optional(),
    max_concurrent_percentage: z.number().int().optional(),
    failure_tolerance_mode: z.enum(FAILURE_TOLERANCE_MODES).optional(),
  }),
});

const stateSchema = z.object({
  schema: z.literal(OPERATION_STATE_SCHEMA),
  operation: operationSchema,
  preferences: z.object({
    regionConcurrencyType: z.enum(REGION_CONCURRENCY_TYPES),
    regionOrder: z.array(z.string()).nullable(),
    failureTolerance: amount,
    maxConcurrent: amount,
    failureToleranceMode: z.enum(FAILURE_TOLERANCE_MODES),
  }),
  regions: z.array(z.object({ region: z.string(), tolerance: z.number().int().min(0), concurrency: z.number().int().min(1) })),
  instances: z.array(
    z.object({
      key: z.string(),
      region: z.string(),
      domain_id: z.string(),
      status: z.enum(INSTANCE_STATUSES),
      status_message: z.string(),
      stack_id: z.string().nullable(),
      started_at: timestamp.nullable(),
      finished_at: timestamp.nullable(),
    }),
  ),
  queued: z.boolean(),
  stop: z.enum(['none', 'requested', 'failed']),
  stopMessage: z.string(),
  timedOut: z.boolean(),
  // Absent from rows written before the timeout counted from the start of running (see legacyRunningSince).
  running_since: timestamp.nullable().optional(),
});

export function parseOperationState(json: unknown): Checked<OperationState> {
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return refuse(E.stateInvalid, where || 'state', `stored operation state is invalid at "${where}": ${issue?.message ?? 'unknown'}`);
  }
  const { running_since, ...rest } = parsed.data;
  const state = { ...rest, running_since: running_since === undefined ? legacyRunningSince(rest) : running_since } as OperationState;
  const regions = new Set(state.regions.map((r) => r.region));
  const stray = state.instances.find((i) => !regions.has(i.region));
  if (stray !== undefined) return refuse(E.stateInvalid, 'instances', `stored instance ${stray.key} names a region the operation does not have`);
  if (operationStatus(state) !== state.operation.status) {
    return refuse(E.stateInvalid, 'operation.status', `stored status ${state.operation.status} does not follow from the instances (${operationStatus(state)})`);
  }
  return accept(state);
}

/**
 * A row from before running_since existed: queued means not running yet; else
 * the earliest instance start is when it ran (an operation starts instances as
 * soon as it runs), and with none started its last transition (the activation)
 * is the closest known moment. Never the creation time, which would count the
 * queue.
 */
function legacyRunningSince(state: Omit<OperationState, 'running_since'>): string | null {
  if (state.queued) return null;
  const starts = state.instances
    .map((i) => i.started_at)
    .filter((t): t is string => t !== null)
    .sort();
  return starts[0] ?? state.operation.update_time;
}
