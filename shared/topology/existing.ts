// Existing cloud resources on the canvas (SPEC 1.5, the seed's 5.2). An
// existing network or router is a *parameter* whose default is its cloud id,
// marked for the studio in the parameter's `tags` (Heat accepts `tags` on
// parameters from heat_template_version 2018-03-02 and ignores them):
//
//   existing_net_private1:
//     type: string
//     label: Existing private network private1
//     description: ...
//     default: 6a1c...            # the cloud id: what Heat resolves
//     constraints:
//       - custom_constraint: neutron.network   # Heat re-checks it exists
//     tags: [heat-studio:existing=private-network, heat-studio:name=private1, heat-studio:parent=existing_router_router1]
//
// `existing=<kind>` marks it (kind: external-network, shared-network,
// private-network, router); `parent=<parameter>` is the existing parent it
// hangs under (the cloud's relation, fixed on the canvas); `name=` is the
// cloud name the drag showed. Re-opening the template reads the marker back,
// so the node is drawn existing, read-only and with its parents.
import { entries, get, keyText, toValue } from '../hot/node';
import { resources, sectionMap } from '../hot/template';
import type { HotTemplate } from '../hot/template';
import { versionInfo } from '../hot/versions';
import { EXISTING_KINDS, existsInCloud } from '../existing/inventory';
import type { ChainLink, ExistingKind, Inventory } from '../existing/inventory';
import type { Topology } from './model';
import { PARAM_NODE_PREFIX } from './kinds';
import { applyTopologyEdits } from './text-edits';
import type { TopologyEdit } from './text-edits';

export const MARKER_PREFIX = 'heat-studio:';
const TAG_EXISTING = `${MARKER_PREFIX}existing=`;
const TAG_PARENT = `${MARKER_PREFIX}parent=`;
const TAG_NAME = `${MARKER_PREFIX}name=`;

export interface ExistingMarker {
  kind: ExistingKind;
  /** The cloud id: the parameter's default ('' when it has none). */
  id: string;
  /** The cloud name recorded at drag time (the parameter name when absent). */
  name: string;
  /** The parent parameter's name, or null for a root. */
  parent: string | null;
}

/** The marker of one parameter definition (a plain value), or null when it is not an existing resource. */
export function readMarker(paramName: string, def: unknown): ExistingMarker | null {
  if (!def || typeof def !== 'object' || Array.isArray(def)) return null;
  const d = def as Record<string, unknown>;
  const tags = Array.isArray(d.tags) ? d.tags.filter((x): x is string => typeof x === 'string') : [];
  const kindTag = tags.find((x) => x.startsWith(TAG_EXISTING));
  const kind = kindTag?.slice(TAG_EXISTING.length) as ExistingKind | undefined;
  if (!kind || !EXISTING_KINDS.includes(kind)) return null;
  const parent = tags.find((x) => x.startsWith(TAG_PARENT))?.slice(TAG_PARENT.length) || null;
  const name = tags.find((x) => x.startsWith(TAG_NAME))?.slice(TAG_NAME.length) || paramName;
  return { kind, id: typeof d.default === 'string' ? d.default : '', name, parent };
}

/** Every existing-resource parameter of the template, by parameter name (a parent that is not declared is dropped). */
export function existingParams(t: HotTemplate): Map<string, ExistingMarker> {
  const out = new Map<string, ExistingMarker>();
  const params = sectionMap(t, 'parameters');
  if (!params) return out;
  for (const p of entries(params)) {
    const name = keyText(p.key);
    const m = readMarker(name, toValue(p.value));
    if (m) out.set(name, m);
  }
  for (const m of out.values()) if (m.parent !== null && !out.has(m.parent)) m.parent = null;
  return out;
}

/** Whether a canvas node id (`param:<name>`) is an existing resource of the template. */
export function isExistingId(t: HotTemplate, nodeId: string): boolean {
  return nodeId.startsWith(PARAM_NODE_PREFIX) && existingParams(t).has(nodeId.slice(PARAM_NODE_PREFIX.length));
}

/** Heat accepts `tags` on parameters from this version on; older templates cannot carry the marker. */
export function acceptsMarker(t: HotTemplate): boolean {
  return !!t.version && !!versionInfo(t.version)?.parameter_keys.includes('tags');
}

const SHORT: Record<ExistingKind, string> = {
  'external-network': 'existing_ext',
  'shared-network': 'existing_shared',
  'private-network': 'existing_net',
  router: 'existing_router',
};
const LABEL: Record<ExistingKind, string> = {
  'external-network': 'external network',
  'shared-network': 'shared network',
  'private-network': 'private network',
  router: 'router',
};

/** `existing_net_<name>` with the name reduced to what a parameter name reads well with (ids stand in for names Heat's charset or ASCII lacks). */
export function parameterNameFor(kind: ExistingKind, name: string, id: string): string {
  const clean = name
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return `${SHORT[kind]}_${clean || id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'resource'}`;
}

/** The parameter definition written for an existing resource. */
export function markerParameter(link: Pick<ChainLink, 'kind' | 'id' | 'name'>, parentParam: string | null): Record<string, unknown> {
  const what = LABEL[link.kind];
  const tags = [`${TAG_EXISTING}${link.kind}`, `${TAG_NAME}${link.name}`];
  if (parentParam) tags.push(`${TAG_PARENT}${parentParam}`);
  return {
    type: 'string',
    label: `Existing ${what} ${link.name}`,
    description: `The existing ${what} "${link.name}" (${link.id}) in the cloud, referenced by id; Heat Studio draws it read-only (tag ${TAG_EXISTING}${link.kind}).`,
    default: link.id,
    constraints: [{ custom_constraint: link.kind === 'router' ? 'neutron.router' : 'neutron.network' }],
    tags,
  };
}

export type ExistingDropResult =
  | { ok: true; template: HotTemplate; added: string[]; node: string }
  | { ok: false; reason: 'existing-needs-version' | 'cfn-read-only' | 'no-connection'; params?: Record<string, string> };

/**
 * Adds an existing resource with its parents (root first, as parentChain
 * gives them). A resource already on the canvas (same cloud id and kind) is
 * reused, not added twice; `node` is the dragged one's node id.
 */
export function dropExisting(t: HotTemplate, chain: readonly ChainLink[]): ExistingDropResult {
  if (t.kind === 'cfn') return { ok: false, reason: 'cfn-read-only' };
  const leaf = chain[chain.length - 1];
  if (!leaf) return { ok: false, reason: 'no-connection' };
  if (!acceptsMarker(t)) return { ok: false, reason: 'existing-needs-version', params: { version: t.version ?? '' } };
  const present = existingParams(t);
  const params = sectionMap(t, 'parameters');
  const taken = new Set(params ? entries(params).map((p) => keyText(p.key)) : []);
  for (const r of resources(t)) taken.add(r.name);
  const paramOf = new Map<string, string>();
  const edits: TopologyEdit[] = [];
  const added: string[] = [];
  for (const link of chain) {
    const reuse = [...present].find(([, m]) => m.id === link.id && m.kind === link.kind)?.[0];
    if (reuse) {
      paramOf.set(link.id, reuse);
      continue;
    }
    const base = parameterNameFor(link.kind, link.name, link.id);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    paramOf.set(link.id, name);
    const parent = link.parentId ? (paramOf.get(link.parentId) ?? null) : null;
    edits.push({ op: 'addEntry', path: ['parameters'], key: name, value: markerParameter(link, parent) });
    added.push(PARAM_NODE_PREFIX + name);
  }
  const node = PARAM_NODE_PREFIX + (paramOf.get(leaf.id) as string);
  const template = edits.length ? applyTopologyEdits(t, edits) : t;
  // The dragged resource first: the editor selects the first added node.
  return { ok: true, template, added: [node, ...added.filter((a) => a !== node)], node };
}

/**
 * Read-only enforcement for edits outside the canvas actions (the
 * inspector): an existing resource's parameter may be removed, never
 * changed. Returns the parameter that an edit changed, or null.
 */
export function changedExisting(before: HotTemplate, after: HotTemplate): string | null {
  const a = sectionMap(before, 'parameters');
  const b = sectionMap(after, 'parameters');
  for (const name of existingParams(before).keys()) {
    const now = b ? get(b, name) : undefined;
    if (now === undefined) continue;
    if (JSON.stringify(toValue(now)) !== JSON.stringify(toValue(a ? get(a, name) : undefined))) return name;
  }
  return null;
}

/** Existing nodes whose resource the inventory no longer holds: the canvas marks them missing (nothing else changes). */
export function missingExisting(topo: Topology, inv: Inventory): Set<string> {
  const out = new Set<string>();
  for (const n of topo.nodes) {
    if (n.existing?.id && EXISTING_KINDS.includes(n.kind as ExistingKind) && !existsInCloud(inv, n.kind as ExistingKind, n.existing.id)) out.add(n.id);
  }
  return out;
}
