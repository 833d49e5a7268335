// What the canvas actions and the connection table share when they write HOT:
// fresh resource names, references to a node, a free CIDR, and the template's
// own parameter uses (so a replaced parameter can be dropped).
import { resources, sectionMap } from '../hot/template';
import type { HotTemplate } from '../hot/template';
import { entries, get, keyText, toValue } from '../hot/node';
import { PARAM_NODE_PREFIX } from './kinds';
import type { TopologyEdit } from './text-edits';

/** Resource and parameter names already taken in a template, handing out free ones. */
export class Names {
  private readonly taken: Set<string>;
  constructor(t: HotTemplate) {
    const params = sectionMap(t, 'parameters');
    this.taken = new Set([...resources(t).map((r) => r.name), ...(params ? entries(params).map((p) => keyText(p.key)) : [])]);
  }
  next(base: string): string {
    for (let i = 1; ; i++) {
      const name = `${base}_${i}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }
  /** `name` itself while free, else `name_1`, `name_2`... */
  claim(name: string): string {
    if (this.taken.has(name)) return this.next(name);
    this.taken.add(name);
    return name;
  }
  has(name: string): boolean {
    return this.taken.has(name);
  }
}

/** A reference to a node: get_param for network parameters, get_resource otherwise. */
export function refTo(id: string): Record<string, string> {
  return id.startsWith(PARAM_NODE_PREFIX) ? { get_param: id.slice(PARAM_NODE_PREFIX.length) } : { get_resource: id };
}

/** The next 192.168.N.0/24 no subnet of the template uses yet (the seed's CIDR warning). */
export function freeCidr(t: HotTemplate): string {
  const used = new Set<string>();
  for (const r of resources(t)) {
    const cidr = toValue(get(get(r.definition, 'properties'), 'cidr'));
    if (typeof cidr === 'string') used.add(cidr);
  }
  for (let n = 10; n < 255; n++) if (!used.has(`192.168.${n}.0/24`)) return `192.168.${n}.0/24`;
  return '10.0.0.0/24';
}

export function addResource(name: string, def: Record<string, unknown>): TopologyEdit {
  return { op: 'addEntry', path: ['resources'], key: name, value: def };
}

/** `{get_param: x}` (or `[x, ...]`) as x, else null. */
export function paramName(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const arg = (value as Record<string, unknown>).get_param;
  if (typeof arg === 'string') return arg;
  return Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : null;
}

/** How many get_param calls name `param` in resources, outputs and conditions. */
export function countParamUses(t: HotTemplate, param: string): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (paramName(v) === param) n++;
      Object.values(v).forEach(walk);
    }
  };
  for (const section of ['resources', 'outputs', 'conditions']) walk(toValue(sectionMap(t, section)));
  return n;
}
