// The app export's over-quota verdict (SPEC 1.2: over quota -> save only),
// computed in main from the version being exported and the quota of the
// cloud the renderer names (its active one), so the renderer cannot simply
// claim "within quota". No cloud named, or a count that is unknown: no verdict,
// nothing blocked.
import type { QuotaVerdict } from '../../shared/apps/model';
import { appQuotaVerdict } from '../../shared/quota/verdict';
import type { LibraryService } from '../library/library-service';
import type { QuotaService } from './quota-service';

export async function appExportQuota(
  quota: Pick<QuotaService, 'check'>,
  library: Pick<LibraryService, 'get' | 'getVersion'>,
  profileId: string | null | undefined,
  templateId: string,
  number: number | undefined,
): Promise<QuotaVerdict | null> {
  if (!profileId) return null;
  const v = number === undefined ? library.get(templateId).latest : library.getVersion(templateId, number);
  const { check } = await quota.check(profileId, { yaml: v.yaml, entryPath: v.entryPath, files: v.files, environment: v.environment });
  return check.state === 'over' ? appQuotaVerdict(check) : null;
}
