// The status steps that need no cloud, and the save's checker built from
// them (shared/library/status-steps.ts runs them): the HOT engine's offline
// validation, then the quota last read for a cloud (the one the user last
// worked against, offline too). Without any quota read, or when the count is
// unknown, quota does not change the status: a status must not depend on
// something the studio cannot know.
import { templateStatus } from './template-status';
import type { StatusQuotaSource } from './model';
import { runStatusSteps, type StatusOutcome, type StatusStep, type StepResult } from './status-steps';
import type { VersionFiles } from '../deploy/stack-body';
import { countTemplate } from '../quota/count';
import { overQuotaMessage, quotaVerdict, type QuotaCheck } from '../quota/verdict';
import type { QuotaReport } from '../quota/model';
import { sandboxEnvironmentYaml } from '../cloud/sandbox-environment';

export type { StatusOutcome };

/** How the library computes a status on save; injected into the library service (no quota: none was used). */
export type TemplateChecker = (
  yaml: string,
  files: Record<string, string>,
  environment: string | null,
  entryPath?: string,
) => Omit<StatusOutcome, 'quota'> & { quota?: StatusOutcome['quota'] };

/** A quota reading a status is checked against, and whether that cloud is a sandbox (nothing real created). */
export interface StatusQuota {
  report: QuotaReport;
  sandbox: boolean;
  /** The profile's name, recorded with the status; absent: the profile id stands for it. */
  profileName?: string | null;
}

/** Step 1: the HOT engine offline (shared/library/template-status.ts), its first error located. */
export const hotStep: StatusStep<VersionFiles> = {
  name: 'hot',
  run(v) {
    const verdict = templateStatus(v.yaml, v.files, v.environment, v.entryPath);
    return verdict.msg ? { kind: 'fail', reason: verdict.msg } : { kind: 'pass' };
  },
};

/** Whose quota a reading is, for the status to say. */
export function quotaSource(report: QuotaReport, profileName: string | null): StatusQuotaSource {
  return { profileId: report.profileId, profileName, region: report.region, readAt: report.readAt };
}

/** A quota verdict as a step's result: over -> needs editing with the kinds, numbers, region and time of the reading. */
export function quotaResult(check: QuotaCheck, report: QuotaReport, profileName: string | null): StepResult {
  const quota = quotaSource(report, profileName);
  return check.state === 'over' ? { kind: 'fail', reason: overQuotaMessage(check, report), quota } : { kind: 'pass', quota };
}

/** Step 2 of a save: the template counted against a quota already read (no reading: the step passes, saying nothing). */
export function cachedQuotaStep(lastQuota: () => StatusQuota | null): StatusStep<VersionFiles> {
  return {
    name: 'cached-quota',
    run(v) {
      const q = lastQuota();
      if (!q) return { kind: 'pass' };
      const environments = [v.environment, q.sandbox ? sandboxEnvironmentYaml() : null].filter((e): e is string => !!e);
      const count = countTemplate({ yaml: v.yaml, files: v.files, environments, entryPath: v.entryPath, flavors: q.report.flavors });
      return quotaResult(quotaVerdict(count, q.report), q.report, q.profileName ?? null);
    },
  };
}

/** A checker that runs the given offline steps. */
export function checkerOf(steps: readonly StatusStep<VersionFiles>[]): TemplateChecker {
  return (yaml, files, environment, entryPath = 'template.yaml') => {
    const { status, reason, msg, quota } = runStatusSteps(steps, { yaml, files, environment, entryPath });
    return { status, reason, msg, quota };
  };
}

/** The HOT engine alone (tests, and libraries seeded before any cloud exists). */
export const hotChecker: TemplateChecker = checkerOf([hotStep]);

/** A checker as the first step of a longer run. */
function checkerStep(check: TemplateChecker): StatusStep<VersionFiles> {
  return {
    name: 'hot',
    run(v) {
      const verdict = check(v.yaml, v.files, v.environment, v.entryPath);
      return verdict.msg ? { kind: 'fail', reason: verdict.msg } : { kind: 'pass' };
    },
  };
}

/** The save's steps: the HOT engine (`base`: hotChecker), then the newest quota read (SPEC 1.4). */
export function quotaAwareChecker(base: TemplateChecker, lastQuota: () => StatusQuota | null): TemplateChecker {
  return checkerOf([checkerStep(base), cachedQuotaStep(lastQuota)]);
}
