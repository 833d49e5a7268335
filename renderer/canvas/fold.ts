// The seed-style view (issue 18): helper resources folded into what they mean,
// as the product manual draws a topology. A view of the canvas only; the
// YAML and the full view's nodes are untouched:
//   router interface        -> edge router — network (through its subnet)
//   port                    -> edge server — network, labelled with its fixed IP
//   floating-IP association -> a public-IP badge on the server, edge server — floating IP
//   volume attachment       -> edge server — volume
// Each folded edge carries the helper's name (`helper`), so selecting it
// selects the helper resource. A helper whose ends cannot be found stays a node.
import type { ElementDefinition } from 'cytoscape';
import type { Kind } from '../../shared/topology/kinds';
import type { Topology } from '../../shared/topology/model';

/** Prefix of a folded edge's id: `fold:<helper resource>`. */
export const FOLD_PREFIX = 'fold:';

const NETWORK_KINDS: ReadonlySet<Kind> = new Set<Kind>(['private-network', 'shared-network', 'external-network']);

export interface FoldWords {
  /** Appended to a server's label when a floating IP is associated with it (translated). */
  publicIp: string;
}

export function foldHelpers(els: ElementDefinition[], topo: Topology, fixedIps: ReadonlyMap<string, string>, words: FoldWords): ElementDefinition[] {
  const kindOf = (id: string): Kind | undefined => topo.byId.get(id)?.kind;
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const e of topo.edges) {
    (out.get(e.source) ?? out.set(e.source, []).get(e.source))?.push(e.target);
    (into.get(e.target) ?? into.set(e.target, []).get(e.target))?.push(e.source);
  }
  const outOf = (id: string, kinds: ReadonlySet<Kind>) => (out.get(id) ?? []).find((t) => kinds.has(kindOf(t) as Kind));
  const intoOf = (id: string, kinds: ReadonlySet<Kind>) => (into.get(id) ?? []).find((s) => kinds.has(kindOf(s) as Kind));
  /** A network, or the network of a subnet. */
  const networkOf = (id: string | undefined): string | undefined => {
    if (!id) return undefined;
    if (NETWORK_KINDS.has(kindOf(id) as Kind)) return id;
    return kindOf(id) === 'subnet' ? outOf(id, NETWORK_KINDS) : undefined;
  };
  const one = (k: Kind): ReadonlySet<Kind> => new Set([k]);
  const subnetOrNet = new Set<Kind>([...NETWORK_KINDS, 'subnet']);

  const hidden = new Set<string>();
  const added: ElementDefinition[] = [];
  const badged = new Set<string>();
  const fold = (helper: string, source: string | undefined, target: string | undefined, label: string): void => {
    if (!source || !target) return;
    hidden.add(helper);
    added.push({ group: 'edges', data: { id: FOLD_PREFIX + helper, source, target, label, kind: 'folded', helper } });
  };
  for (const n of topo.nodes) {
    if (n.kind === 'router-interface') fold(n.id, outOf(n.id, one('router')), networkOf(outOf(n.id, subnetOrNet)), '');
    else if (n.kind === 'port') fold(n.id, intoOf(n.id, one('server')), networkOf(outOf(n.id, subnetOrNet)), fixedIps.get(n.id) ?? n.name);
    else if (n.kind === 'volume-attachment') fold(n.id, outOf(n.id, one('server')), outOf(n.id, one('volume')), '');
    else if (n.kind === 'floating-ip-association') {
      const port = outOf(n.id, one('port'));
      const server = port ? intoOf(port, one('server')) : outOf(n.id, one('server'));
      fold(n.id, server, outOf(n.id, one('floating-ip')), '');
      if (server && hidden.has(n.id)) badged.add(server);
    }
  }
  if (!hidden.size) return els;
  const kept: ElementDefinition[] = [];
  for (const el of els) {
    const d = el.data;
    if (el.group === 'nodes') {
      if (hidden.has(d.id as string)) continue;
      kept.push(badged.has(d.id as string) ? { ...el, data: { ...d, label: `${d.label as string} ⊕ ${words.publicIp}`, publicIp: 1 } } : el);
    } else if (!hidden.has(d.source as string) && !hidden.has(d.target as string)) kept.push(el);
  }
  return kept.concat(added);
}
