// The stack-set data model, field for field as seed 002 ("Show stack set
// operation metadata") names it. Field names stay snake_case on purpose: the
// operation metadata must be exactly the seed's response body, and keeping the
// set and its instances in the same spelling avoids a mapping layer that could
// drift. In the desktop product a "region" is a region of a cloud profile and a
// "domain id" is a Keystone project id in it.

export const PERMISSION_MODELS = ['SELF_MANAGED', 'SERVICE_MANAGED'] as const;
export type PermissionModel = (typeof PERMISSION_MODELS)[number];

export const INSTANCE_STATUSES = [
  'WAIT_IN_PROGRESS',
  'OPERATION_IN_PROGRESS',
  'OPERATION_COMPLETE',
  'OPERATION_FAILED',
  'CANCEL_COMPLETE',
  'INOPERABLE',
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** An instance in one of these will not change again within an operation. */
export const FINAL_INSTANCE_STATUSES: readonly InstanceStatus[] = ['OPERATION_COMPLETE', 'OPERATION_FAILED', 'CANCEL_COMPLETE', 'INOPERABLE'];

export const OPERATION_STATUSES = [
  'QUEUE_IN_PROGRESS',
  'OPERATION_IN_PROGRESS',
  'OPERATION_COMPLETE',
  'OPERATION_FAILED',
  'STOP_IN_PROGRESS',
  'STOP_COMPLETE',
  'STOP_FAILED',
] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const FINAL_OPERATION_STATUSES: readonly OperationStatus[] = ['OPERATION_COMPLETE', 'OPERATION_FAILED', 'STOP_COMPLETE', 'STOP_FAILED'];

/** Statuses that hold the set: a new operation on it queues behind them. */
export const ACTIVE_OPERATION_STATUSES: readonly OperationStatus[] = ['OPERATION_IN_PROGRESS', 'STOP_IN_PROGRESS'];

export const OPERATION_ACTIONS = [
  'CREATE_STACK_INSTANCES',
  'DELETE_STACK_INSTANCES',
  'DEPLOY_STACK_SET',
  'DEPLOY_STACK_INSTANCES',
  'UPDATE_STACK_INSTANCES',
] as const;
export type OperationAction = (typeof OPERATION_ACTIONS)[number];

export const REGION_CONCURRENCY_TYPES = ['SEQUENTIAL', 'PARALLEL'] as const;
export type RegionConcurrencyType = (typeof REGION_CONCURRENCY_TYPES)[number];

export const FAILURE_TOLERANCE_MODES = ['STRICT_FAILURE_TOLERANCE', 'SOFT_FAILURE_TOLERANCE'] as const;
export type FailureToleranceMode = (typeof FAILURE_TOLERANCE_MODES)[number];

/** Agency fields of a set; which may be present depends on the permission model. */
export interface AgencyFields {
  administration_agency_name?: string;
  administration_agency_urn?: string;
  managed_agency_name?: string;
}

export interface StackSet extends AgencyFields {
  /** UUID; a re-created set with the same name gets a new one. */
  stack_set_id: string;
  stack_set_name: string;
  stack_set_description: string;
  permission_model: PermissionModel;
  /** The library template version the set deploys (shared/library TemplateVersion.id). */
  template_version_id: string;
  /** Parameter values passed to every instance's stack. */
  parameters: Record<string, unknown>;
  create_time: string;
  update_time: string;
}

export interface StackInstance {
  stack_set_id: string;
  region: string;
  /** The Keystone project the instance's stack lives in. */
  domain_id: string;
  status: InstanceStatus;
  status_message: string;
  /** The Heat stack this instance maps to; null until Heat has created it. */
  stack_id: string | null;
  create_time: string;
  update_time: string;
}

export interface DeploymentTargets {
  regions: string[];
  /** Exactly one of domain_ids and domain_ids_uri. */
  domain_ids?: string[];
  /** Where the CSV of domain ids lives (in the desktop product: a local file the main process reads). */
  domain_ids_uri?: string;
}

/** As the user sent them; absent keys take the seed's defaults. */
export interface OperationPreferences {
  region_concurrency_type?: RegionConcurrencyType;
  region_order?: string[];
  failure_tolerance_count?: number;
  failure_tolerance_percentage?: number;
  max_concurrent_count?: number;
  max_concurrent_percentage?: number;
  failure_tolerance_mode?: FailureToleranceMode;
}

/** Exactly the seed's operation metadata (table 4 of seed 002). */
export interface StackSetOperation extends AgencyFields {
  stack_set_operation_id: string;
  stack_set_id: string;
  stack_set_name: string;
  status: OperationStatus;
  status_message: string;
  action: OperationAction;
  deployment_targets: DeploymentTargets;
  create_time: string;
  update_time: string;
  operation_preferences: OperationPreferences;
}

/**
 * The seed's timestamp format, YYYY-MM-DDTHH:mm:ss.SSSZ in UTC with
 * milliseconds; Date#toISOString produces exactly that for years 0-9999.
 */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/**
 * One string per (region, domain) pair. Both parts are URI-encoded so a region
 * or project id containing "/" cannot collide with another pair.
 */
export function instanceKey(region: string, domainId: string): string {
  return `${encodeURIComponent(region)}/${encodeURIComponent(domainId)}`;
}
