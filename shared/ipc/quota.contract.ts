// quota.*: the project's quota and usage for the editor's quota panel (read
// now, or the last known offline, marked stale), and the verdict for a
// deploy with the deploy form's parameters. Counting the canvas is local
// (shared/quota/count.ts); these channels only bring the cloud's side.
import { z } from 'zod';
import { channel } from './define';
import { deployOptions, deploySource, updateRequest } from './deploy.contract';
import type { QuotaReport } from '../quota/model';
import type { QuotaCheck } from '../quota/verdict';

const profileId = z.string().min(1).max(128);

export const quotaChannels = {
  /** Reads the quota now; each service that cannot be reached comes from the last known (stale, with its time). */
  'quota.read': channel(z.object({ profileId })).returns<QuotaReport>(),
  /** The last known quota without touching the network (null if never read). */
  'quota.lastKnown': channel(z.object({ profileId })).returns<QuotaReport | null>(),
  /** The deploy dialog's verdict: the source counted with the form's parameters against the quota read now. */
  'quota.checkDeploy': channel(z.object({ profileId, source: deploySource, options: deployOptions })).returns<{ check: QuotaCheck; report: QuotaReport }>(),
  /**
   * The update dialog's verdict: what the update adds (the new files' count minus the stack's own, read back
   * from Heat) against the quota read now; null when there is nothing to judge (nothing counted, or Heat cannot show the stack).
   */
  'quota.checkUpdate': channel(updateRequest).returns<{ check: QuotaCheck; report: QuotaReport } | null>(),
} as const;
