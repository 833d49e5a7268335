// The quota service: reads a profile's project quota (quota-reader.ts),
// keeps the last known per profile, project and region (QuotaCacheRepo,
// migration 7) and stands in with it, marked stale with its time, for any
// service that cannot be reached now. It also gives the deploy and the app
// export their verdict: the template counted (shared/quota/count.ts) against
// the quota, over -> refused naming the kinds and numbers.
import { AppError } from '../../shared/ipc/errors';
import { listParam, msg, timeParam } from '../../shared/messages/message';
import { countTemplate, type CountInput } from '../../shared/quota/count';
import { updateDelta } from '../../shared/quota/delta';
import { QUOTA_KINDS, QUOTA_SERVICES, type QuotaService as ServiceName } from '../../shared/quota/kinds';
import type { QuotaReport, ServiceQuota } from '../../shared/quota/model';
import { quotaVerdict, type QuotaCheck } from '../../shared/quota/verdict';
import { sandboxEnvironmentYaml } from '../../shared/cloud/sandbox-environment';
import type { ProfileService } from '../cloud/profile-service';
import type { QuotaCacheRepo, QuotaKey } from '../library/quota-cache-repo';
import { problemOf, readProjectQuota } from './quota-reader';

/** What is being deployed or exported: the files as the library keeps a version. */
export interface QuotaFiles {
  yaml: string;
  entryPath: string;
  files: Record<string, string>;
  environment: string | null;
}

/** A stack update as the quota judges it: the new files with the update's parameters, and the stack's files now. */
export interface QuotaUpdate {
  next: QuotaFiles;
  parameters: Record<string, unknown>;
  extraEnvironment: string | null;
  /** Read from Heat only when the new files count anything. */
  current: () => Promise<QuotaFiles>;
}

export class QuotaService {
  constructor(
    private readonly profiles: Pick<ProfileService, 'get' | 'connection'>,
    private readonly cache: QuotaCacheRepo,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The quota now: read from the cloud, each service that fails replaced by its last known (stale). */
  async read(profileId: string): Promise<QuotaReport> {
    const key = this.key(profileId);
    const last = this.cache.get(key);
    const at = this.now().toISOString();
    let projectId: string | null = last?.projectId ?? null;
    let read: Awaited<ReturnType<typeof readProjectQuota>> | null = null;
    let failure: ReturnType<typeof problemOf> | null = null;
    try {
      const connection = this.profiles.connection(profileId);
      const token = await connection.session.token();
      projectId = token.project?.id ?? null;
      if (!projectId) throw new AppError('PROFILE_INVALID', msg('quota.noProject'));
      read = await readProjectQuota(connection, projectId);
    } catch (err) {
      // Keystone itself failed: every service falls back alike.
      failure = problemOf(err, 'Keystone', 'the token for the quota read');
    }
    const services = {} as Record<ServiceName, ServiceQuota>;
    for (const service of QUOTA_SERVICES) {
      const r = read?.services[service];
      const before = last?.services[service] ?? null;
      if (r?.kinds) services[service] = { service, state: 'fresh', source: r.source, fetchedAt: at, problem: null, kinds: r.kinds };
      else services[service] = fallback(service, r?.problem ?? failure!, before);
    }
    const flavorsFresh = read?.flavors ?? null;
    const report: QuotaReport = {
      profileId,
      projectId,
      region: this.profiles.get(profileId).region,
      readAt: at,
      services,
      flavors: flavorsFresh ? flavorsFresh.map(({ id, name, vcpus, ramMiB }) => ({ id, name, vcpus, ramMiB })) : (last?.flavors ?? null),
      flavorsState: flavorsFresh ? 'fresh' : last?.flavors ? 'stale' : 'unknown',
      flavorsFetchedAt: flavorsFresh ? at : (last?.flavorsFetchedAt ?? null),
    };
    // Something read now (or a known answer such as "no Nova here") is worth keeping.
    if (QUOTA_SERVICES.some((s) => services[s].state === 'fresh' || services[s].problem?.code === 'no-service')) this.cache.save(key, report, at);
    return report;
  }

  /** The last known quota without touching the network, every service marked stale. */
  lastKnown(profileId: string): QuotaReport | null {
    const r = this.cache.get(this.key(profileId));
    return r ? markStale(r) : null;
  }

  /** The newest quota read of any profile (what a template's library status is checked against). */
  newest(): QuotaReport | null {
    const r = this.cache.newest();
    return r ? markStale(r) : null;
  }

  /**
   * The verdict for deploying these files with these parameters to this
   * profile (its sandbox environment included, as the deploy adds it).
   */
  async check(
    profileId: string,
    files: QuotaFiles,
    parameters: Record<string, unknown> = {},
    extraEnvironment: string | null = null,
  ): Promise<{ check: QuotaCheck; report: QuotaReport }> {
    // A template that creates nothing counted by a quota (a sandbox deploy, TestResources) needs no cloud read.
    const offline = this.lastKnown(profileId);
    const first = countTemplate(this.countInput(profileId, files, offline, parameters, extraEnvironment));
    if (offline && !QUOTA_KINDS.some((k) => first[k].known > 0 || first[k].unknown.length > 0)) return { check: quotaVerdict(first, offline), report: offline };
    const report = await this.read(profileId);
    return { check: quotaVerdict(countTemplate(this.countInput(profileId, files, report, parameters, extraEnvironment)), report), report };
  }

  /** Refuses a create over quota, naming the kinds and numbers; unknown kinds never block. */
  async assertWithinQuota(profileId: string, files: QuotaFiles, parameters: Record<string, unknown>, extraEnvironment: string | null): Promise<void> {
    const { check, report } = await this.check(profileId, files, parameters, extraEnvironment);
    refuseOver(check, report, 'deploy');
  }

  /**
   * The verdict for a stack update, which adds only the difference: the new
   * files' count minus what the stack holds now (`current`), so an update that keeps its
   * servers is never over, even at the limit. Null when there is nothing to
   * judge: the new files count nothing a quota counts, or the stack cannot be
   * read now (the difference is unknown, and unknown never blocks: Heat decides).
   */
  async checkUpdate(
    profileId: string,
    { next, parameters, extraEnvironment, current }: QuotaUpdate,
  ): Promise<{ check: QuotaCheck; report: QuotaReport } | null> {
    const first = countTemplate(this.countInput(profileId, next, this.lastKnown(profileId), parameters, extraEnvironment));
    if (!QUOTA_KINDS.some((k) => first[k].known > 0 || first[k].unknown.length > 0)) return null;
    const [report, now] = await Promise.all([this.read(profileId), current().catch(() => null)]);
    if (now === null) return null;
    const added = updateDelta(
      countTemplate(this.countInput(profileId, next, report, parameters, extraEnvironment)),
      countTemplate(this.countInput(profileId, now, report, {}, null)),
    );
    return { check: quotaVerdict(added, report), report };
  }

  /** Refuses an update that adds past the quota (see checkUpdate). */
  async assertUpdateWithinQuota(profileId: string, update: QuotaUpdate): Promise<void> {
    const verdict = await this.checkUpdate(profileId, update);
    if (verdict) refuseOver(verdict.check, verdict.report, 'update');
  }

  private countInput(
    profileId: string,
    files: QuotaFiles,
    report: QuotaReport | null,
    parameters: Record<string, unknown>,
    extraEnvironment: string | null,
  ): CountInput {
    const environments = [files.environment, extraEnvironment].filter((e): e is string => !!e);
    if (this.profiles.get(profileId).sandbox) environments.push(sandboxEnvironmentYaml());
    return { yaml: files.yaml, entryPath: files.entryPath, files: files.files, environments, parameters, flavors: report?.flavors ?? null };
  }

  private key(profileId: string): QuotaKey {
    const p = this.profiles.get(profileId);
    return { profileId, project: p.projectId ?? p.projectName ?? '', region: p.region ?? '' };
  }
}

type RefusalAction = 'deploy' | 'update';

/**
 * Throws QUOTA_EXCEEDED naming the kinds over and their numbers (stale ones
 * with when they were read). The details carry the same facts for the
 * renderer to say in the user's language (renderer/deploy/quota-refusal.ts).
 */
function refuseOver(check: QuotaCheck, report: QuotaReport, action: RefusalAction): void {
  if (check.state !== 'over') return;
  const over = check.kinds.filter((k) => k.relevant && k.state === 'over');
  const staleAt = over.some((k) => k.stale) ? (QUOTA_SERVICES.map((s) => report.services[s]).find((s) => s.state === 'stale')?.fetchedAt ?? null) : null;
  const when = over.some((k) => k.stale) ? msg('quota.staleWhen', { at: staleAt ? timeParam(staleAt) : msg('quota.readEarlier') }) : '';
  const kinds = over.map((k) => ({ kind: k.kind, total: k.total, limit: k.limit, used: k.used, canvas: k.canvas }));
  const summary = listParam(over.map((k) => msg('quota.overKind', { kind: msg(`quota.kind.${k.kind}`), total: String(k.total), limit: String(k.limit) })));
  throw new AppError(
    'QUOTA_EXCEEDED',
    msg('quota.refused', { kinds: summary, added: msg(`quota.added.${action}`), when, consequence: msg(`quota.consequence.${action}`) }),
    { kinds, action, staleAt },
  );
}

function fallback(service: ServiceName, problem: ServiceQuota['problem'], before: ServiceQuota | null): ServiceQuota {
  // Only "cannot reach it now" keeps the last known: a missing service or a refusal is the answer itself.
  if (problem?.code === 'unreachable' && before?.fetchedAt && before.state !== 'unknown') {
    return { ...before, state: 'stale', problem };
  }
  return {
    service,
    state: 'unknown',
    source: null,
    fetchedAt: null,
    problem: problem?.code === 'unreachable' && !before ? { code: 'never-read', message: `${problem.message} No quota was read before.` } : problem,
    kinds: {},
  };
}

function markStale(r: QuotaReport): QuotaReport {
  const services = Object.fromEntries(
    QUOTA_SERVICES.map((s) => [s, r.services[s].state === 'fresh' ? { ...r.services[s], state: 'stale' as const } : r.services[s]]),
  ) as Record<ServiceName, ServiceQuota>;
  return { ...r, services, flavorsState: r.flavors ? 'stale' : 'unknown' };
}
