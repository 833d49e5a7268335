// Copy and paste of resources: copied as plain values, pasted under fresh
// names with references among the pasted set rewritten to the copies (so a
// copied server and its port stay joined), references outside kept.
import { toValue } from '../hot/node';
import { resources } from '../hot/template';
import type { HotTemplate } from '../hot/template';
import { applyTopologyEdits } from './text-edits';

export interface CopiedResource {
  name: string;
  definition: unknown;
}

export function copyResources(t: HotTemplate, ids: readonly string[]): CopiedResource[] {
  const want = new Set(ids);
  return resources(t)
    .filter((r) => want.has(r.name))
    .map((r) => ({ name: r.name, definition: toValue(r.definition) }));
}

function rewrite(v: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(v)) return v.map((x) => rewrite(x, names));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === 'get_resource' && typeof o.get_resource === 'string')
    return { get_resource: names.get(o.get_resource) ?? o.get_resource };
  if (keys.length === 1 && keys[0] === 'get_attr' && Array.isArray(o.get_attr) && typeof o.get_attr[0] === 'string') {
    return { get_attr: [names.get(o.get_attr[0]) ?? o.get_attr[0], ...o.get_attr.slice(1).map((x) => rewrite(x, names))] };
  }
  if (keys.includes('depends_on')) {
    const d = o.depends_on;
    const out: Record<string, unknown> = {};
    for (const k of keys)
      out[k] =
        k === 'depends_on'
          ? Array.isArray(d)
            ? d.map((x) => (typeof x === 'string' ? (names.get(x) ?? x) : x))
            : typeof d === 'string'
              ? (names.get(d) ?? d)
              : d
          : rewrite(o[k], names);
    return out;
  }
  return Object.fromEntries(keys.map((k) => [k, rewrite(o[k], names)]));
}

export function pasteResources(t: HotTemplate, copied: readonly CopiedResource[]): { template: HotTemplate; added: string[] } {
  const taken = new Set(resources(t).map((r) => r.name));
  const names = new Map<string, string>();
  for (const c of copied) {
    let i = 1;
    while (taken.has(`${c.name}_copy${i === 1 ? '' : i}`)) i++;
    const n = `${c.name}_copy${i === 1 ? '' : i}`;
    taken.add(n);
    names.set(c.name, n);
  }
  const template = applyTopologyEdits(
    t,
    copied.map((c) => ({ op: 'addEntry' as const, path: ['resources'], key: names.get(c.name) as string, value: rewrite(c.definition, names) })),
  );
  return { template, added: [...names.values()] };
}
