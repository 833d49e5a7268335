// The cloud's flavors (Nova `GET /flavors/detail`): the quota panel turns a
// server's flavor (by name or id) into cores and RAM, and the inspector's
// flavor picker lists them. Read-only, paged by `flavors_links` rel="next"
// (Nova caps a page at its `max_limit`, 1000 by default), never cached here:
// callers decide what to keep.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { Connection } from './connection';

/** What the studio needs of a flavor; sizes as Nova gives them (RAM in MiB, disk in GiB). */
export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
  isPublic: boolean;
  disabled: boolean;
}

/** Nova's flavor JSON (microversion 2.1 fields; extension names as Nova spells them). */
interface NovaFlavor {
  id?: unknown;
  name?: unknown;
  vcpus?: unknown;
  ram?: unknown;
  disk?: unknown;
  'os-flavor-access:is_public'?: unknown;
  'OS-FLV-DISABLED:disabled'?: unknown;
}

interface NovaFlavorPage {
  flavors?: NovaFlavor[];
  flavors_links?: Array<{ rel?: string; href?: string }>;
}

/** A safety stop against a server whose "next" link never ends. */
const MAX_PAGES = 100;

/**
 * Every flavor the project can use. Throws NO_ENDPOINT-derived errors as
 * the service client does; call `connection.service('compute').available()`
 * first to tell "no Nova here" from a failure.
 */
export async function listFlavors(connection: Pick<Connection, 'service'>): Promise<Flavor[]> {
  const nova = connection.service('compute');
  const out: Flavor[] = [];
  const seen = new Set<string>();
  let marker: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string> = marker ? { marker } : {};
    const { body } = await nova.get<NovaFlavorPage>('/flavors/detail', { query });
    const list = body?.flavors;
    if (!Array.isArray(list)) {
      throw new AppError('BAD_RESPONSE', msg('cloud.answerWithoutList', { service: 'Nova', request: 'GET /flavors/detail', key: 'flavors' }), {
        service: 'Nova',
      });
    }
    let added = 0;
    for (const raw of list) {
      const f = parseFlavor(raw);
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push(f);
      added++;
    }
    const next = body?.flavors_links?.find((l) => l.rel === 'next')?.href;
    if (!next || added === 0) return out;
    marker = new URL(next).searchParams.get('marker') ?? out.at(-1)!.id;
  }
  return out;
}

/** One flavor; a flavor without an id or a numeric vcpus/ram is a broken answer, named. */
export function parseFlavor(raw: NovaFlavor): Flavor {
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : null;
  if (id === null || typeof raw.vcpus !== 'number' || typeof raw.ram !== 'number') {
    throw new AppError('BAD_RESPONSE', msg('cloud.nova.badFlavor', { raw: JSON.stringify(raw).slice(0, 200) }), { service: 'Nova' });
  }
  return {
    id,
    name: typeof raw.name === 'string' ? raw.name : id,
    vcpus: raw.vcpus,
    ramMiB: raw.ram,
    diskGiB: typeof raw.disk === 'number' ? raw.disk : 0,
    isPublic: raw['os-flavor-access:is_public'] !== false,
    disabled: raw['OS-FLV-DISABLED:disabled'] === true,
  };
}

/**
 * Heat's nova.flavor constraint accepts a flavor's name or id: the id wins
 * when both match (an id is unique, a name need not be).
 */
export function findFlavor(flavors: readonly Flavor[], nameOrId: string): Flavor | null {
  return flavors.find((f) => f.id === nameOrId) ?? flavors.find((f) => f.name === nameOrId) ?? null;
}
