// Stack sets (SPEC section 4, seed 002). Request schemas only check shapes and
// sizes: the seed's own rules (name, preferences, targets, CSV) are checked by
// shared/stacksets in the main process so a refusal carries the seed's
// error_code and field (details.error_code, details.field), never a zod message.
import { z } from 'zod';
import { channel } from './define';
import type { InstanceRun } from '../stacksets/operation-state';
import type { OperationAction, OperationStatus, StackInstance, StackSet, StackSetOperation } from '../stacksets/model';

const uuidish = z.string().min(1).max(64);
const setRef = { stack_set_name: z.string().max(1024), stack_set_id: uuidish.optional() };
const params = z.record(z.string().max(255), z.unknown());

export interface StackSetRef {
  stack_set_name: string;
  stack_set_id?: string | undefined;
}

export interface PublicStackSet extends StackSet {
  /** Cloud profiles joined to the set; their projects are its accounts. */
  profile_ids: string[];
}

export interface StackSetSummary extends PublicStackSet {
  instance_count: number;
  /** How many instances are in each status. */
  instance_statuses: Record<string, number>;
  last_operation_status: OperationStatus | null;
}

export interface StackInstanceView extends StackInstance {
  parameter_overrides: Record<string, unknown>;
  /** The Heat stack's name in its project and region (derived from the set id and the pair). */
  stack_name: string;
}

export interface StackSetDetails {
  set: PublicStackSet;
  instances: StackInstanceView[];
  /** Newest first; each exactly the seed's operation metadata. */
  operations: StackSetOperation[];
}

export interface OperationProgress {
  total: number;
  waiting: number;
  running: number;
  complete: number;
  failed: number;
  cancelled: number;
}

export interface OperationDetails {
  operation: StackSetOperation;
  progress: OperationProgress;
  /** The operation's instances with their per-instance reasons. */
  instances: InstanceRun[];
}

export interface StackSetAccountView {
  profile_id: string;
  profile_name: string;
  project_id: string;
  project_name: string;
  regions: string[];
  sandbox: boolean;
}

export interface CreateStackSetRequest {
  stack_set_name: string;
  stack_set_description?: string | undefined;
  permission_model?: string | undefined;
  administration_agency_name?: string | undefined;
  administration_agency_urn?: string | undefined;
  managed_agency_name?: string | undefined;
  template_version_id: string;
  parameters?: Record<string, unknown> | undefined;
  profile_ids: string[];
}

export interface CreateOperationRequest extends StackSetRef {
  action: OperationAction;
  deployment_targets: { regions: string[]; domain_ids?: string[] | undefined; domain_ids_uri?: string | undefined };
  /** The CSV's bytes, base64, when the renderer read the file (browser mode has no paths). */
  domain_ids_csv?: string | undefined;
  operation_preferences?: Record<string, unknown> | undefined;
  /** Parameters the selected instances pass on top of the set's (create, deploy, update instances). */
  parameter_overrides?: Record<string, unknown> | undefined;
  /** DEPLOY_STACK_SET only: a new template version and parameters for the whole set. */
  template_version_id?: string | undefined;
  parameters?: Record<string, unknown> | undefined;
  /** DELETE_STACK_INSTANCES only (CloudFormation's RetainStacks): the instances leave the set and their Heat stacks stay. */
  retain_stacks?: boolean | undefined;
}

export const stacksetChannels = {
  'stacksets.list': channel(z.object({})).returns<StackSetSummary[]>(),

  'stacksets.get': channel(z.object(setRef)).returns<StackSetDetails>(),

  /** Cloud profiles that may join a set (no secrets: the profile values never carry one). */
  'stacksets.profiles': channel(z.object({})).returns<Array<{ id: string; name: string; projectName: string | null; authUrl: string }>>(),

  /** The projects and regions each profile reaches (authenticates every profile). */
  'stacksets.accounts': channel(z.object({ profile_ids: z.array(uuidish).max(100) })).returns<StackSetAccountView[]>(),

  'stacksets.create': channel(
    z.object({
      stack_set_name: z.string().max(1024),
      stack_set_description: z.string().max(1024).optional(),
      permission_model: z.string().max(64).optional(),
      administration_agency_name: z.string().max(1024).optional(),
      administration_agency_urn: z.string().max(1024).optional(),
      managed_agency_name: z.string().max(1024).optional(),
      template_version_id: uuidish,
      parameters: params.optional(),
      profile_ids: z.array(uuidish).min(1, 'join at least one cloud profile').max(100),
    }),
  ).returns<StackSetDetails>(),

  'stacksets.delete': channel(z.object(setRef)).returns<{ deleted: true }>(),

  /** Start (or queue) an operation; answers its metadata. */
  'stacksets.operate': channel(
    z.object({
      ...setRef,
      action: z.string().max(64) as unknown as z.ZodType<OperationAction>,
      deployment_targets: z.object({
        regions: z.array(z.string().max(255)).max(200),
        domain_ids: z.array(z.string().max(1024)).max(100_000).optional(),
        domain_ids_uri: z.string().max(4096).optional(),
      }),
      // Big enough to carry a file the seed refuses (its limit is 100 KB) so the refusal is the seed's.
      domain_ids_csv: z
        .string()
        .max(4 * 1024 * 1024)
        .optional(),
      operation_preferences: z.record(z.string().max(255), z.unknown()).optional(),
      parameter_overrides: params.optional(),
      template_version_id: uuidish.optional(),
      parameters: params.optional(),
      retain_stacks: z.boolean().optional(),
    }),
  ).returns<StackSetOperation>(),

  'stacksets.operation': channel(z.object({ stack_set_operation_id: uuidish })).returns<OperationDetails>(),

  'stacksets.stop': channel(z.object({ stack_set_operation_id: uuidish })).returns<StackSetOperation>(),
} as const;
