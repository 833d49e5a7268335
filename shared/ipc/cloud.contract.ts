import { z } from 'zod';
import { channel } from './define';
import type { Message } from '../messages/message';
import { AUTH_KINDS, INTERFACES, type CloudProfile, type ImportCandidate } from '../cloud/profile';
import { CONTROL_CHAR_MESSAGE, hasControlChar } from '../library/names';
import type { Fetched, HeatEvent, HeatResource, StackDetails, StackRef, StackSummary } from '../cloud/heat-types';

// Secrets travel renderer -> main only (create/update a profile); no response
// ever carries one: profiles say `hasSecret`.
const id = z.string().min(1).max(128);
const text = (max = 1024) => z.string().trim().max(max);
const optionalText = (max = 1024) => text(max).nullable().default(null);
const secret = z
  .string()
  .min(1)
  .max(64 * 1024);

export const profileFields = z.object({
  name: text(128)
    .min(1, 'a name is required')
    .refine((s) => !hasControlChar(s), CONTROL_CHAR_MESSAGE),
  authUrl: text(2048).min(1, 'the auth URL is required'),
  region: optionalText(255),
  interface: z.enum(INTERFACES).default('public'),
  authKind: z.enum(AUTH_KINDS).default('password'),
  username: optionalText(255),
  userId: optionalText(255),
  userDomainName: optionalText(255),
  userDomainId: optionalText(255),
  projectName: optionalText(255),
  projectId: optionalText(255),
  projectDomainName: optionalText(255),
  projectDomainId: optionalText(255),
  applicationCredentialId: optionalText(255),
  applicationCredentialName: optionalText(255),
  caBundlePath: optionalText(4096),
  insecure: z.boolean().default(false),
  endpointOverride: optionalText(2048),
  sandbox: z.boolean().default(false),
});

const stack = z.object({ name: z.string().min(1).max(255), id: z.string().min(1).max(64) });
const target = z.object({ profileId: id, stack });
const many = z.union([z.string().max(255), z.array(z.string().max(255)).max(50)]);

const listFilters = z.object({
  id: z.string().max(64).optional(),
  status: many.optional(),
  name: many.optional(),
  action: many.optional(),
  tenant: z.string().max(255).optional(),
  username: z.string().max(255).optional(),
  owner_id: z.string().max(64).optional(),
  sort_keys: many.optional(),
  sort_dir: z.enum(['asc', 'desc']).optional(),
  show_deleted: z.boolean().optional(),
  show_nested: z.boolean().optional(),
  show_hidden: z.boolean().optional(),
  tags: z.string().max(1024).optional(),
  tags_any: z.string().max(1024).optional(),
  not_tags: z.string().max(1024).optional(),
  not_tags_any: z.string().max(1024).optional(),
  global_tenant: z.boolean().optional(),
});

export interface ConnectionReport {
  identityUrl: string;
  user: string;
  project: string | null;
  projectId: string | null;
  roles: string[];
  endpoint: string;
  regions: string[];
  tokenExpiresAt: string;
  warnings: string[];
  /** The same warnings as messages (shared/messages), worded in the reader's language. */
  warningMsgs?: Message[];
}

/** What adding the "Local sandbox" profile found (shared/cloud/local-sandbox.ts). */
export interface LocalSandboxResult {
  profile: CloudProfile;
  /** False when it existed already (then refreshed, not duplicated). */
  created: boolean;
  /** Which services the local cloud's catalog offers in RegionOne. */
  services: Record<'compute' | 'network' | 'volume' | 'image', boolean>;
}

/** A stack that uses, as an existing resource, something another stack created (main/cloud/stack-dependencies.ts). */
export interface StackDependent {
  id: string;
  name: string;
  /** The cloud ids of the other stack's resources it refers to. */
  resourceIds: string[];
}

export interface DeployResult {
  stack: StackRef;
  /** The environment files Heat was given, in order: the sandbox one shows here when it was added. */
  environmentFiles: string[];
  sandbox: boolean;
}

export const cloudChannels = {
  'cloud.profiles.list': channel(z.object({})).returns<CloudProfile[]>(),
  'cloud.profiles.create': channel(z.object({ fields: profileFields, secret: secret.nullable().default(null) })).returns<CloudProfile>(),
  /** `secret` omitted keeps the stored one; null removes it. */
  'cloud.profiles.update': channel(z.object({ id, fields: profileFields, secret: secret.nullable().optional() })).returns<CloudProfile>(),
  'cloud.profiles.delete': channel(z.object({ id })).returns<{ deleted: true }>(),
  'cloud.profiles.test': channel(z.object({ profileId: id })).returns<ConnectionReport>(),
  /** Adds the "Local sandbox" profile (the local cloud of `npm run cloud:up -- --full`) after checking it answers. */
  'cloud.profiles.addLocalSandbox': channel(z.object({})).returns<LocalSandboxResult>(),

  /**
   * Without arguments: the clouds.yaml (+ secure.yaml) openstacksdk would read.
   * Give the files' contents; `path` is refused unless main's own file dialog
   * chose it (ProfileServiceOptions.isChosenPath; never in the browser host).
   */
  'cloud.import.cloudsYaml': channel(
    z.object({
      path: z.string().max(4096).optional(),
      cloudsYaml: z
        .string()
        .max(1024 * 1024)
        .optional(),
      secureYaml: z
        .string()
        .max(1024 * 1024)
        .optional(),
    }),
  ).returns<ImportCandidate[]>(),
  'cloud.import.openrc': channel(
    z.object({
      path: z.string().max(4096).optional(),
      text: z
        .string()
        .max(1024 * 1024)
        .optional(),
    }),
  ).returns<ImportCandidate[]>(),
  'cloud.import.save': channel(
    z.object({
      choices: z
        .array(
          z.object({
            candidateId: id,
            name: text(128)
              .min(1)
              .refine((s) => !hasControlChar(s), CONTROL_CHAR_MESSAGE)
              .optional(),
          }),
        )
        .min(1)
        .max(100),
    }),
  ).returns<CloudProfile[]>(),

  /** Every stack (all pages), cached; from the cache, marked stale, when the cloud cannot be reached. */
  'cloud.stacks.list': channel(z.object({ profileId: id, filters: listFilters.default({}) })).returns<Fetched<StackSummary[]>>(),
  'cloud.stacks.show': channel(target).returns<Fetched<StackDetails | null>>(),
  /** The whole timeline (cached + new since the last cached event). */
  'cloud.stacks.events': channel(target.extend({ nestedDepth: z.number().int().min(0).max(10).default(0) })).returns<Fetched<HeatEvent[]>>(),
  'cloud.stacks.resources': channel(target.extend({ nestedDepth: z.number().int().min(0).max(10).default(0), withDetail: z.boolean().default(false) })).returns<
    Fetched<HeatResource[]>
  >(),
  'cloud.stacks.template': channel(target).returns<Record<string, unknown>>(),

  /** Refused with STACK_IN_USE (naming the stacks to delete first) while another deployment uses one of its resources. */
  'cloud.stacks.delete': channel(target).returns<{ accepted: true }>(),
  /** For the list: stack id -> the deployments using its resources (only stacks that are used appear). */
  'cloud.stacks.dependencies': channel(z.object({ profileId: id })).returns<Record<string, StackDependent[]>>(),
  'cloud.stacks.cancel': channel(target.extend({ withoutRollback: z.boolean().default(false) })).returns<{ accepted: true }>(),
  'cloud.stacks.check': channel(target).returns<{ accepted: true }>(),
  'cloud.stacks.suspend': channel(target).returns<{ accepted: true }>(),
  'cloud.stacks.resume': channel(target).returns<{ accepted: true }>(),

  'cloud.resourceTypes': channel(z.object({ profileId: id, name: z.string().max(255).optional(), withDescription: z.boolean().default(false) })).returns<
    unknown[]
  >(),

  /** Follow a stack; changes arrive as 'stack.changed' events, reachability as 'cloud.status'. */
  'cloud.watch.start': channel(target.extend({ nestedDepth: z.number().int().min(0).max(10).default(0) })).returns<{ watching: true }>(),
  'cloud.watch.stop': channel(z.object({ profileId: id, stackId: z.string().min(1).max(64) })).returns<{ stopped: boolean }>(),
} as const;
