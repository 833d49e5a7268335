// The save's steps (shared/library/offline-status.ts) fed from the library
// file itself: the newest quota the studio read (the cloud the user last
// worked against, offline too) and whether that profile is a sandbox. Both
// are plain rows, so the checker exists before any cloud service does.
import { hotChecker, quotaAwareChecker, type StatusQuota, type TemplateChecker } from '../../shared/library/offline-status';
import type { CloudProfileRepo } from '../library/cloud-profile-repo';
import type { QuotaCacheRepo } from '../library/quota-cache-repo';

export function saveChecker(quotaCache: Pick<QuotaCacheRepo, 'newest'>, profiles: Pick<CloudProfileRepo, 'get'>): TemplateChecker {
  return quotaAwareChecker(hotChecker, (): StatusQuota | null => {
    const report = quotaCache.newest();
    // A reading of a profile removed since says nothing about any cloud the user has.
    const profile = report ? profiles.get(report.profileId) : null;
    return report && profile ? { report, sandbox: profile.sandbox, profileName: profile.name } : null;
  });
}
