// Reads one project's quota from Nova, Neutron and Cinder through the
// read-only service clients, falling back to what a non-admin member can
// read when the quota API answers 403 (Nova and Cinder /limits, Neutron's
// limits plus counting the project's own resources). A service the catalog
// lacks is reported as such, never as an error; an unreachable service is
// reported so the caller can fall back to the last known quota.
import { AppError } from '../../shared/ipc/errors';
import { msg, type Message } from '../../shared/messages/message';
import type { KindQuota, QuotaSource, ServiceProblem, ServiceQuota } from '../../shared/quota/model';
import type { QuotaKind, QuotaService } from '../../shared/quota/kinds';
import {
  NEUTRON_COLLECTIONS,
  parseCinderLimits,
  parseCinderQuotaUsage,
  parseNeutronQuotaDetails,
  parseNeutronQuotaLimits,
  parseNovaLimits,
  parseNovaQuotaDetail,
  QuotaParseError,
  withUsage,
} from '../../shared/quota/parse';
import type { Connection } from '../cloud/connection';
import type { ServiceClient } from '../cloud/service-client';
import { listFlavors, type Flavor } from '../cloud/nova-flavors';

type Kinds = Partial<Record<QuotaKind, KindQuota>>;

/** Errors that mean "cannot reach it now": the last known quota stands in. */
const UNREACHABLE = new Set(['CLOUD_UNREACHABLE', 'TIMEOUT', 'SERVICE_UNAVAILABLE', 'TLS_ERROR', 'RATE_LIMITED']);

export interface ServiceRead {
  service: QuotaService;
  /** Set when read; otherwise `problem` says why not. */
  kinds: Kinds | null;
  source: QuotaSource | null;
  problem: ServiceProblem | null;
}

export interface ProjectQuotaRead {
  services: Record<QuotaService, ServiceRead>;
  flavors: Flavor[] | null;
  flavorsProblem: ServiceProblem | null;
}

export async function readProjectQuota(connection: Pick<Connection, 'service'>, projectId: string): Promise<ProjectQuotaRead> {
  const nova = connection.service('compute');
  const [compute, network, volume, flavors] = await Promise.all([
    guarded('compute', nova, () => readNova(nova, projectId)),
    guarded('network', connection.service('network'), () => readNeutron(connection.service('network'), projectId)),
    guarded('volume', connection.service('volume'), () => readCinder(connection.service('volume'), projectId)),
    readFlavors(connection),
  ]);
  return { services: { compute, network, volume }, flavors: flavors.flavors, flavorsProblem: flavors.problem };
}

async function readFlavors(connection: Pick<Connection, 'service'>): Promise<{ flavors: Flavor[] | null; problem: ServiceProblem | null }> {
  const nova = connection.service('compute');
  try {
    if (!(await nova.available())) return { flavors: null, problem: noService(nova) };
    return { flavors: await listFlavors(connection), problem: null };
  } catch (err) {
    return { flavors: null, problem: problemOf(err, 'Nova', 'GET /flavors/detail') };
  }
}

/** Runs one service's read; "no such service" and failures become a problem, never a throw. */
async function guarded(service: QuotaService, client: ServiceClient, read: () => Promise<{ kinds: Kinds; source: QuotaSource }>): Promise<ServiceRead> {
  try {
    if (!(await client.available())) return { service, kinds: null, source: null, problem: noService(client) };
    const r = await read();
    return { service, kinds: r.kinds, source: r.source, problem: null };
  } catch (err) {
    return { service, kinds: null, source: null, problem: problemOf(err, client.serviceName, 'its quota API') };
  }
}

function noService(client: ServiceClient): ServiceProblem {
  return {
    code: 'no-service',
    message: `This cloud has no ${client.serviceName} (${client.kind}) endpoint in the profile's region, so its quotas cannot be read.`,
  };
}

export function problemOf(err: unknown, serviceName: string, what: string): ServiceProblem {
  if (err instanceof AppError) {
    if (UNREACHABLE.has(err.code)) return { code: 'unreachable', message: `${serviceName} cannot be reached (${what}): ${err.message}` };
    if (err.code === 'FORBIDDEN') return { code: 'forbidden', message: `${serviceName} refuses to show this project's quota (${what}): ${err.message}` };
    return { code: 'error', message: `${serviceName} (${what}): ${err.message}` };
  }
  if (err instanceof QuotaParseError) return { code: 'error', message: `${serviceName} answered in an unexpected shape: ${err.message}` };
  return { code: 'error', message: `${serviceName} (${what}): ${err instanceof Error ? err.message : String(err)}` };
}

const forbidden = (service: string, tried: Message): AppError => new AppError('FORBIDDEN', msg('quota.forbidden', { service, tried }), { service });

async function readNova(nova: ServiceClient, projectId: string): Promise<{ kinds: Kinds; source: QuotaSource }> {
  const p = encodeURIComponent(projectId);
  const detail = await nova.get<unknown>(`/os-quota-sets/${p}/detail`, { accept: [403, 404] });
  let kinds: Kinds;
  let source: QuotaSource;
  if (detail.status < 300) {
    kinds = parseNovaQuotaDetail(detail.body);
    source = 'quota-detail';
  } else {
    const limits = await nova.get<unknown>('/limits', { accept: [403] });
    if (limits.status >= 300) throw forbidden('Nova', msg('quota.tried.nova', { project: projectId }));
    kinds = parseNovaLimits(limits.body);
    source = 'limits';
  }
  // Key pairs are a per-user quota: the project view says 0 used, so count the user's own.
  const keypairs = await nova.get<{ keypairs?: unknown[] }>('/os-keypairs', { accept: [403, 404] });
  if (keypairs.status < 300 && Array.isArray(keypairs.body?.keypairs)) {
    const q = kinds.key_pairs ?? { limit: null, used: null };
    kinds.key_pairs = { limit: q.limit, used: Math.max(q.used ?? 0, keypairs.body.keypairs.length) };
  }
  return { kinds, source };
}

async function readNeutron(neutron: ServiceClient, projectId: string): Promise<{ kinds: Kinds; source: QuotaSource }> {
  const p = encodeURIComponent(projectId);
  const details = await neutron.get<unknown>(`/quotas/${p}/details`, { accept: [403, 404] });
  if (details.status < 300) return { kinds: parseNeutronQuotaDetails(details.body), source: 'quota-detail' };
  // No quota details for this member (or no quota-details extension): the limits if readable, and usage by counting.
  const limits = await neutron.get<unknown>(`/quotas/${p}`, { accept: [403, 404] });
  const base = limits.status < 300 ? parseNeutronQuotaLimits(limits.body) : {};
  const counts: Partial<Record<QuotaKind, number>> = {};
  for (const c of NEUTRON_COLLECTIONS) {
    const list = await neutron.get<Record<string, unknown>>(c.path, { query: { project_id: projectId, fields: 'id' }, accept: [403, 404] });
    const items = list.body?.[c.key];
    if (list.status < 300 && Array.isArray(items)) counts[c.kind] = items.length;
  }
  if (limits.status >= 300 && Object.keys(counts).length === 0) throw forbidden('Neutron', msg('quota.tried.neutron', { project: projectId }));
  return { kinds: withUsage(base, counts), source: limits.status < 300 ? 'quota+listing' : 'listing' };
}

async function readCinder(cinder: ServiceClient, projectId: string): Promise<{ kinds: Kinds; source: QuotaSource }> {
  const p = encodeURIComponent(projectId);
  // Cinder's catalog URL is usually /v3/{project_id}; a project-less /v3 needs microversion 3.67 for the same paths.
  const url = await cinder.endpoint();
  const headers: Record<string, string> = url.includes(projectId) ? {} : { 'OpenStack-API-Version': 'volume 3.67' };
  const usage = await cinder.get<unknown>(`/os-quota-sets/${p}`, { query: { usage: 'true' }, accept: [403, 404], headers });
  if (usage.status < 300) return { kinds: parseCinderQuotaUsage(usage.body), source: 'quota-detail' };
  const limits = await cinder.get<unknown>('/limits', { accept: [403], headers });
  if (limits.status >= 300) throw forbidden('Cinder', msg('quota.tried.cinder', { project: projectId }));
  return { kinds: parseCinderLimits(limits.body), source: 'limits' };
}

export type { ServiceQuota };
