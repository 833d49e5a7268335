// Heat v1 shapes as the studio uses them (field names exactly as Heat sends
// them, so nothing is lost in translation and the openstack CLI agrees).

import type { ResourceExplanation } from '../deploy/change-explain';
import type { Message } from '../messages/message';

export interface HeatLink {
  href: string;
  rel: string;
}

export interface StackSummary {
  id: string;
  stack_name: string;
  stack_status: string;
  stack_status_reason: string | null;
  creation_time: string | null;
  updated_time: string | null;
  deletion_time: string | null;
  description: string | null;
  parent: string | null;
  stack_owner: string | null;
  stack_user_project_id: string | null;
  project?: string;
  tags: string[] | null;
  links: HeatLink[];
}

export interface StackOutput {
  output_key: string;
  output_value?: unknown;
  description?: string;
  output_error?: string;
}

export interface StackDetails extends StackSummary {
  capabilities: unknown[];
  disable_rollback: boolean;
  notification_topics: unknown[];
  outputs?: StackOutput[];
  parameters: Record<string, string>;
  template_description: string | null;
  timeout_mins: number | null;
}

export interface HeatEvent {
  id: string;
  event_time: string;
  resource_name: string;
  logical_resource_id: string;
  physical_resource_id: string | null;
  resource_status: string;
  resource_status_reason: string | null;
  links: HeatLink[];
  /** Only on single-event GETs. */
  resource_type?: string;
}

export interface HeatResource {
  resource_name: string;
  logical_resource_id: string;
  physical_resource_id: string | null;
  resource_type: string;
  resource_status: string;
  resource_status_reason: string | null;
  required_by: string[];
  creation_time: string | null;
  updated_time: string | null;
  links: HeatLink[];
  /** With nested_depth: the parent resource of a nested stack's resource. */
  parent_resource?: string;
  /** With with_detail=true. */
  attributes?: Record<string, unknown>;
  description?: string;
}

export interface ValidateResult {
  Description?: string;
  Parameters?: Record<string, unknown>;
  ParameterGroups?: unknown[];
  Environment?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ResourceChanges {
  added: unknown[];
  deleted: unknown[];
  replaced: unknown[];
  unchanged: unknown[];
  updated: unknown[];
}

/** Heat's update preview with the studio's explanation of each update / replacement (null: it could not be worked out). */
export interface ExplainedChanges extends ResourceChanges {
  explained: ResourceExplanation[] | null;
  /**
   * Whether Heat previewed with the sandbox environment (compute, network and
   * storage types as OS::Heat::None): 'added' to this update's body (a sandbox
   * profile), 'kept' from the stack's create (a parameters-only update keeps
   * its environment), null when it did not.
   */
  sandbox: 'added' | 'kept' | null;
}

/** A stack reference: Heat addresses a stack by name and id. */
export interface StackRef {
  name: string;
  id: string;
}

/** Split "CREATE_IN_PROGRESS" into action and status (Heat filters need the halves). */
export function splitStatus(status: string): { action: string; status: string } {
  const i = status.indexOf('_');
  if (i < 0) return { action: status, status: '' };
  return { action: status.slice(0, i), status: status.slice(i + 1) };
}

export function isInProgress(status: string | null | undefined): boolean {
  return typeof status === 'string' && status.endsWith('_IN_PROGRESS');
}

/** The nested stack an event belongs to, from its `stack` link (Heat sends no stack_name). */
export function eventStackId(event: Pick<HeatEvent, 'links'>): string | null {
  const href = event.links.find((l) => l.rel === 'stack')?.href;
  if (!href) return null;
  const parts = href.split('/').filter(Boolean);
  return parts.at(-1) ?? null;
}

/** A resource status read from an event, before the resource list is re-read. */
export interface ResourceChange {
  resource_name: string;
  /** The (nested) stack the resource belongs to. */
  stack_id: string | null;
  resource_status: string;
  resource_status_reason: string | null;
  physical_resource_id: string | null;
  /** The event's time: the local copy of the resource learns it changed in the current action. */
  event_time: string;
}

/** What the watcher pushes on the 'stack.changed' event. */
/** One round of a stack watcher (main/cloud/stack-watcher.ts): what changed in the stack since the last round. */
export interface WatchDelta {
  stack: StackRef;
  /** Current stack status (from the newest stack-level event or a show). */
  status: string | null;
  statusReason: string | null;
  /** When the stack's current (or last) action started: its IN_PROGRESS event time, or the stack's own times. */
  actionStartedAt: string | null;
  /** New events only, oldest first. */
  events: HeatEvent[];
  /** Resource status changes read from those events (immediate, before any refresh). */
  resourceChanges: ResourceChange[];
  /** The full resource list when it was re-read in this round, else null. */
  resources: HeatResource[] | null;
  settled: boolean;
  /** Set when the stack no longer exists (deleted). */
  gone: boolean;
}

/** A watcher's round as the renderer gets it ('stack.changed'): the delta and the profile it came from. */
export interface StackChange extends WatchDelta {
  profileId: string;
}

/** A value read from the cloud, or from the offline cache when the cloud cannot be reached. */
export interface Fetched<T> {
  value: T;
  /** When the value was fetched from the cloud (ISO); null if never. */
  fetchedAt: string | null;
  /** True when the cloud could not be reached and this is the cached copy. */
  stale: boolean;
  /** Why it is stale. */
  error: { code: string; message: string; msg?: Message } | null;
}
