import { z } from 'zod';
import { channel } from './define';
import type { StackOrigin } from '../deploy/model';
import type { StatusQuotaSource, TemplateSummary } from '../library/model';
import type { Message } from '../messages/message';

const id = z.string().min(1).max(128);
const stack = z.object({ name: z.string().min(1).max(255), id: z.string().min(1).max(64) });

export interface Deployment extends StackOrigin {
  profileName: string;
  /** From the offline cache: what the stack was last seen as. */
  status: string | null;
  seenAt: string | null;
}

/** Syncing between the library and the cloud: what was deployed from a template, and downloading stacks back. */
export const syncChannels = {
  /** Stacks created from this template in any cloud profile (works offline, from the cache). */
  'sync.deployments': channel(z.object({ templateId: z.string().min(1).max(64) })).returns<Deployment[]>(),
  /**
   * Brings a deployed stack's template, environment and files into the library:
   * as a new template, or as a new version of an existing one (default: the one it came from).
   */
  'sync.downloadStack': channel(
    z.object({
      profileId: id,
      stack,
      target: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('new'), name: z.string().trim().min(1).max(255) }),
        z.object({ kind: z.literal('version'), templateId: z.string().min(1).max(64).optional() }),
      ]),
    }),
  ).returns<{ template: TemplateSummary; version: number }>(),
  /** The version's YAML beside the template Heat holds for the stack, for a diff. */
  'sync.stackTemplate': channel(z.object({ profileId: id, stack })).returns<{ yaml: string; files: Record<string, string>; environment: string | null }>(),
  /** Recomputes the status now (main/template-status/): offline with the HOT engine, and with rule 7, Heat's validate and the quota when a profile is given and reachable. */
  'sync.recheck': channel(z.object({ templateId: z.string().min(1).max(64), profileId: id.optional() })).returns<{
    status: 'usable' | 'needs_editing';
    reason: string;
    /** The reason as a message key, when it has one (the UI words it). */
    msg?: Message;
    checkedWithCloud: boolean;
    cloudError: string | null;
    /** Heat's extra resource checks (resource_validate): run, ignored or refused by this cloud's Heat; null when Heat was not asked. */
    resourceChecks: 'applied' | 'ignored' | 'refused' | null;
    /** Whose quota the status was judged against (also kept on the template as statusQuota); null when quota played no part. */
    quota: StatusQuotaSource | null;
  }>(),
} as const;
