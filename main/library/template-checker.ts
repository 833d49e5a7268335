// How the library decides a template's status on save: the HOT engine's
// offline validation (shared/library/template-status.ts). Injected into the
// library service so a later checker can add Heat's own POST /validate when a
// cloud is connected.
import { templateStatus, type StatusVerdict } from '../../shared/library/template-status';
import { countTemplate } from '../../shared/quota/count';
import { overQuotaMessage, quotaVerdict } from '../../shared/quota/verdict';
import { englishText } from '../../shared/messages/message';
import type { QuotaReport } from '../../shared/quota/model';
import { sandboxEnvironmentYaml } from '../../shared/cloud/sandbox-environment';

export type { StatusVerdict };

export type TemplateChecker = (
  yaml: string,
  files: Record<string, string>,
  environment: string | null,
  entryPath?: string,
) => Pick<StatusVerdict, 'status' | 'reason' | 'msg'>;

export const hotChecker: TemplateChecker = (yaml, files, environment, entryPath) => templateStatus(yaml, files, environment, entryPath);

/** The last known quota a status is checked against, and whether that cloud is a sandbox (nothing real created). */
export interface StatusQuota {
  report: QuotaReport;
  sandbox: boolean;
}

/**
 * SPEC 1.4: "usable" means resources, configuration and quota all pass. The
 * quota part uses the newest quota the studio read (the cloud the user last
 * worked against, offline too): over quota there -> "needs editing" with the
 * kinds, numbers, region and the time of that reading. Without any quota read,
 * or when the count is unknown, quota does not change the status: a status
 * must not depend on something the studio cannot know.
 */
export function quotaAwareChecker(base: TemplateChecker, lastQuota: () => StatusQuota | null): TemplateChecker {
  return (yaml, files, environment, entryPath) => {
    const verdict = base(yaml, files, environment, entryPath);
    if (verdict.status !== 'usable') return verdict;
    const q = lastQuota();
    if (!q) return verdict;
    const environments = [environment, q.sandbox ? sandboxEnvironmentYaml() : null].filter((e): e is string => !!e);
    const count = countTemplate({ yaml, files, environments, ...(entryPath ? { entryPath } : {}), flavors: q.report.flavors });
    const check = quotaVerdict(count, q.report);
    if (check.state !== 'over') return verdict;
    const msg = overQuotaMessage(check, q.report);
    return { status: 'needs_editing', reason: englishText(msg), msg };
  };
}
