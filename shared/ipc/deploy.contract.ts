import { z } from 'zod';
import { channel } from './define';
import type { DeployResult } from './cloud.contract';
import type { ExplainedChanges } from '../cloud/heat-types';
import type { StackOrigin } from '../deploy/model';

// deploy.*: deploying and updating from a library version (or picked YAML),
// with the origin of each stack remembered. Plain stack operations (show,
// events, delete, cancel, check...) stay on cloud.*.
const id = z.string().min(1).max(128);
const stack = z.object({ name: z.string().min(1).max(255), id: z.string().min(1).max(64) });

export const deploySource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library'), templateId: z.string().min(1).max(64), version: z.number().int().min(1) }),
  z.object({
    kind: z.literal('yaml'),
    yaml: z
      .string()
      .min(1)
      .max(8 * 1024 * 1024),
    files: z.record(z.string().max(4096), z.string()).default({}),
    entryPath: z.string().min(1).max(4096).default('template.yaml'),
  }),
]);

export const deployOptions = z.object({
  parameters: z.record(z.string().max(255), z.string().max(1024 * 1024)).default({}),
  environment: z
    .string()
    .max(1024 * 1024)
    .nullable()
    .default(null),
  disableRollback: z.boolean().default(false),
  timeoutMins: z.number().int().min(1).max(10_080).nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(255)).max(50).default([]),
});

const deployRequest = z.object({ profileId: id, stackName: z.string().trim().min(1).max(255), source: deploySource, options: deployOptions });
export const updateRequest = z.object({
  profileId: id,
  stack,
  /** A new template (e.g. a newer library version); null keeps the stack's template and changes parameters only (PATCH). */
  source: deploySource.nullable(),
  options: deployOptions,
});

export const deployChannels = {
  /** Heat's preview of a create: the resources it would make, nothing created. */
  'deploy.preview': channel(deployRequest).returns<{ stack: Record<string, unknown>; sandbox: boolean }>(),
  /** Creates the stack, starts watching it, remembers its library origin. A taken name is Heat's 409 (CONFLICT). */
  'deploy.create': channel(deployRequest).returns<DeployResult & { origin: StackOrigin | null }>(),
  /** Heat's change preview of an update: added / replaced / updated / deleted / unchanged. */
  'deploy.previewUpdate': channel(updateRequest).returns<ExplainedChanges>(),
  'deploy.update': channel(updateRequest).returns<DeployResult & { origin: StackOrigin | null }>(),
  'deploy.origin': channel(z.object({ profileId: id, stackId: z.string().min(1).max(64) })).returns<StackOrigin | null>(),
  'deploy.origins': channel(z.object({ profileId: id })).returns<StackOrigin[]>(),
} as const;
