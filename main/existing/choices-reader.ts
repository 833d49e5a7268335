// What the deploy form's pickers offer for a parameter's custom_constraint,
// read live from the active profile's cloud and region through the
// read-only service clients: one list per constraint, each read on its own
// (one service failing, or a list only an admin may read, leaves the others
// usable; the form shows a plain text field with the reason). Nothing is
// cached: a picker offers what exists now.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { choiceValues, isPickable, type Choice, type ChoiceFact, type ChoiceList, type PickableConstraint } from '../../shared/existing/choices';
import type { Connection } from '../cloud/connection';
import { listFlavors } from '../cloud/nova-flavors';
import type { ServiceClient, ServiceKind } from '../cloud/service-client';

type Json = Record<string, unknown>;
/** A safety stop for paged lists (Glance, Nova's servers). */
const MAX_PAGES = 20;
const PAGE = 500;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const fact = (key: ChoiceFact['key'], value: unknown): ChoiceFact[] =>
  typeof value === 'string' ? (value ? [{ key, value }] : []) : typeof value === 'number' || typeof value === 'boolean' ? [{ key, value }] : [];

interface Raw {
  id: string;
  name: string;
  facts: ChoiceFact[];
}

/** Which service lists each constraint. */
const SERVICE: Record<PickableConstraint, ServiceKind> = {
  'glance.image': 'image',
  'nova.flavor': 'compute',
  'nova.keypair': 'compute',
  'nova.host': 'compute',
  'nova.server': 'compute',
  'neutron.network': 'network',
  'neutron.subnet': 'network',
  'neutron.port': 'network',
  'neutron.router': 'network',
  'neutron.security_group': 'network',
  'neutron.qos_policy': 'network',
  'neutron.subnetpool': 'network',
  'cinder.volume': 'volume',
  'cinder.vtype': 'volume',
  'cinder.snapshot': 'volume',
  'cinder.backup': 'volume',
};

async function list(c: ServiceClient, path: string, key: string, query?: Record<string, string | number>): Promise<Json[]> {
  const { body } = await c.get<Json>(path, query ? { query } : {});
  const items = body?.[key];
  if (!Array.isArray(items))
    throw new AppError('BAD_RESPONSE', msg('cloud.answerWithoutList', { service: c.serviceName, request: `GET ${path}`, key }), {
      service: c.serviceName,
      path,
    });
  return items.filter((x): x is Json => !!x && typeof x === 'object');
}

/** Nova and Cinder page "detail" lists by a `*_links` rel=next carrying a marker. */
async function pagedByMarker(c: ServiceClient, path: string, key: string): Promise<Json[]> {
  const out: Json[] = [];
  let marker: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string | number> = marker ? { limit: PAGE, marker } : { limit: PAGE };
    const { body } = await c.get<Json>(path, { query });
    const items = body?.[key];
    if (!Array.isArray(items))
      throw new AppError('BAD_RESPONSE', msg('cloud.answerWithoutList', { service: c.serviceName, request: `GET ${path}`, key }), {
        service: c.serviceName,
        path,
      });
    out.push(...(items as Json[]));
    const links = body?.[`${key}_links`];
    const next = Array.isArray(links) ? (links as Json[]).find((l) => l.rel === 'next') : undefined;
    if (!next || items.length === 0) break;
    marker = str((items as Json[]).at(-1)?.id) || null;
    if (!marker) break;
  }
  return out;
}

async function images(c: ServiceClient): Promise<Raw[]> {
  const out: Raw[] = [];
  let marker: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { body }: { body: Json | null } = await c.get<Json>('/images', { query: marker ? { limit: PAGE, marker } : { limit: PAGE } });
    const items = body?.images;
    if (!Array.isArray(items))
      throw new AppError('BAD_RESPONSE', msg('cloud.answerWithoutList', { service: 'Glance', request: 'GET /images', key: 'images' }), { service: 'Glance' });
    for (const i of items as Json[])
      out.push({ id: str(i.id), name: str(i.name), facts: [...fact('status', i.status), ...fact('sizeBytes', i.size), ...fact('type', i.disk_format)] });
    const next: string | null = typeof body?.next === 'string' ? body.next : null;
    const found: RegExpExecArray | null = next ? /[?&]marker=([^&#]+)/.exec(next) : null;
    if (!found || items.length === 0) break;
    marker = decodeURIComponent(found[1] as string);
  }
  return out;
}

async function readOne(constraint: PickableConstraint, c: ServiceClient, connection: Pick<Connection, 'service' | 'session'>): Promise<Raw[]> {
  switch (constraint) {
    case 'glance.image':
      return images(c);
    case 'nova.flavor':
      return (await listFlavors(connection))
        .filter((f) => !f.disabled)
        .map((f) => ({
          id: f.id,
          name: f.name,
          facts: [
            { key: 'vcpus', value: f.vcpus },
            { key: 'ramMiB', value: f.ramMiB },
            { key: 'diskGiB', value: f.diskGiB },
          ],
        }));
    case 'nova.keypair':
      return (await list(c, '/os-keypairs', 'keypairs')).map((k) => {
        const kp = (k.keypair ?? {}) as Json;
        return { id: str(kp.name), name: str(kp.name), facts: [...fact('type', kp.type), ...fact('fingerprint', kp.fingerprint)] };
      });
    case 'nova.host':
      // Heat checks a host against Nova's compute services; listing them needs an admin token (a 403 otherwise, shown as the reason).
      return (await list(c, '/os-services', 'services', { binary: 'nova-compute' })).map((s) => ({
        id: str(s.host),
        name: str(s.host),
        facts: [...fact('zone', s.zone), ...fact('status', s.state)],
      }));
    case 'nova.server':
      return (await pagedByMarker(c, '/servers/detail', 'servers')).map((s) => ({ id: str(s.id), name: str(s.name), facts: fact('status', s.status) }));
    case 'neutron.network':
      return (await list(c, '/networks', 'networks')).map((n) => ({
        id: str(n.id),
        name: str(n.name),
        facts: [...fact('shared', n.shared === true), ...fact('external', n['router:external'] === true), ...fact('status', n.status)],
      }));
    case 'neutron.subnet': {
      const [subnets, networks] = await Promise.all([list(c, '/subnets', 'subnets'), list(c, '/networks', 'networks')]);
      const netName = new Map(networks.map((n) => [str(n.id), str(n.name) || str(n.id)]));
      return subnets.map((s) => ({
        id: str(s.id),
        name: str(s.name),
        facts: [...fact('cidr', s.cidr), ...fact('network', netName.get(str(s.network_id)) ?? str(s.network_id))],
      }));
    }
    case 'neutron.port': {
      const [ports, networks] = await Promise.all([list(c, '/ports', 'ports'), list(c, '/networks', 'networks')]);
      const netName = new Map(networks.map((n) => [str(n.id), str(n.name) || str(n.id)]));
      return ports.map((p) => {
        const ips = Array.isArray(p.fixed_ips)
          ? (p.fixed_ips as Json[])
              .map((f) => str(f.ip_address))
              .filter(Boolean)
              .join(', ')
          : '';
        return {
          id: str(p.id),
          name: str(p.name),
          facts: [...fact('address', ips), ...fact('network', netName.get(str(p.network_id)) ?? str(p.network_id)), ...fact('status', p.status)],
        };
      });
    }
    case 'neutron.router':
      return (await list(c, '/routers', 'routers')).map((r) => ({
        id: str(r.id),
        name: str(r.name),
        facts: [...fact('status', r.status), ...fact('external', !!r.external_gateway_info)],
      }));
    case 'neutron.security_group': {
      const project = (await connection.session.token()).project?.id;
      return (await list(c, '/security-groups', 'security_groups', project ? { project_id: project } : undefined)).map((g) => ({
        id: str(g.id),
        name: str(g.name),
        facts: fact('description', g.description),
      }));
    }
    case 'neutron.qos_policy':
      return (await list(c, '/qos/policies', 'policies')).map((p) => ({
        id: str(p.id),
        name: str(p.name),
        facts: [...fact('shared', p.shared === true), ...fact('description', p.description)],
      }));
    case 'neutron.subnetpool':
      return (await list(c, '/subnetpools', 'subnetpools')).map((p) => ({
        id: str(p.id),
        name: str(p.name),
        facts: [...fact('shared', p.shared === true), ...fact('cidr', Array.isArray(p.prefixes) ? (p.prefixes as unknown[]).map(str).join(', ') : '')],
      }));
    case 'cinder.volume':
      return (await pagedByMarker(c, '/volumes/detail', 'volumes')).map((v) => ({
        id: str(v.id),
        name: str(v.name),
        facts: [...fact('sizeGiB', v.size), ...fact('status', v.status), ...fact('zone', v.availability_zone)],
      }));
    case 'cinder.vtype':
      return (await list(c, '/types', 'volume_types')).map((v) => ({ id: str(v.id), name: str(v.name), facts: fact('description', v.description) }));
    case 'cinder.snapshot':
      return (await pagedByMarker(c, '/snapshots/detail', 'snapshots')).map((s) => ({
        id: str(s.id),
        name: str(s.name),
        facts: [...fact('sizeGiB', s.size), ...fact('status', s.status)],
      }));
    case 'cinder.backup':
      return (await pagedByMarker(c, '/backups/detail', 'backups')).map((b) => ({
        id: str(b.id),
        name: str(b.name),
        facts: [...fact('sizeGiB', b.size), ...fact('status', b.status)],
      }));
  }
}

/** Sorted by name; the value is the name unless another one shares it (then the id, which Heat also accepts). */
function toChoices(raw: Raw[]): Choice[] {
  const items = raw.filter((r) => r.id).map((r) => ({ ...r, name: r.name || r.id }));
  items.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const values = choiceValues(items);
  return items.map((r) => ({ value: values.get(r)!, name: r.name, id: r.id, facts: r.facts }));
}

/** One list per constraint asked for (unknown names get an error entry, never a guess). */
export async function readChoices(connection: Pick<Connection, 'service' | 'session'>, constraints: readonly string[]): Promise<ChoiceList[]> {
  return Promise.all(
    [...new Set(constraints)].map(async (constraint): Promise<ChoiceList> => {
      if (!isPickable(constraint))
        return { constraint, ok: false, code: 'UNSUPPORTED', message: `The studio cannot list "${constraint}" values from the cloud.` };
      try {
        const c = connection.service(SERVICE[constraint]);
        if (!(await c.available()))
          return { constraint, ok: false, code: 'NO_ENDPOINT', message: `This cloud's catalog has no ${c.serviceName} in the profile's region.` };
        return { constraint, ok: true, choices: toChoices(await readOne(constraint, c, connection)) };
      } catch (err) {
        const e = err instanceof AppError ? err : new AppError('INTERNAL', err instanceof Error ? err.message : String(err));
        return { constraint, ok: false, code: e.code, message: e.message };
      }
    }),
  );
}
