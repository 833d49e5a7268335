// Explains Heat's update preview (preview_update): for each resource Heat
// would update or replace, which properties differ between the stack's
// template now and the new one (parameters resolved as far as the studio
// can), and for a replacement which changed property forces it, from the
// resource type's schema (update_allowed / immutable, as Heat's
// Resource.update_template_diff_properties decides).
//
// Heat's preview is conservative: the new stack it compares against is never
// created, so every get_resource / get_attr in it resolves to something other
// than what the running stack holds, and a resource that only references
// another one is listed as updated or replaced even when nothing in its own
// definition changes (seen on the test cloud: the same template sent again
// lists a port and a subnet on `get_resource: net` as replaced). Those get
// `conservative: true` and the resources they reference.

/** One property of `GET /v1/{project}/resource_types/{type}`. */
export interface PropertySchema {
  update_allowed?: boolean;
  immutable?: boolean;
}
export interface TypeSchema {
  properties: Record<string, PropertySchema>;
}

/** What a change to one property does to the resource. */
export type PropertyEffect = 'update' | 'replace' | 'immutable' | 'unknown';

export interface PropertyChange {
  name: string;
  /** Display text of the old and new value (null: not set). */
  before: string | null;
  after: string | null;
  effect: PropertyEffect;
  /** The value holds a reference (get_resource, get_attr...) only Heat resolves, when it runs the update. */
  unresolved: boolean;
}

export interface ResourceExplanation {
  name: string;
  type: string;
  kind: 'updated' | 'replaced';
  properties: PropertyChange[];
  /** Other parts of the definition that differ: type, metadata, depends_on, update_policy, deletion_policy, condition. */
  other: string[];
  /** Changed properties that force the replacement (update_allowed false), or that Heat refuses to change (immutable). */
  forcedBy: string[];
  /** Heat lists it though nothing in its own definition differs (Heat's preview cannot resolve the references in it). */
  conservative: boolean;
  references: string[];
}

export interface TemplateSide {
  template: unknown;
  /** Parameter values: Heat's stack parameters for the running stack; for the new one, what would be sent (defaults filled). */
  parameters: Record<string, unknown>;
}

const REF_FUNCTIONS = new Set(['get_resource', 'get_attr', 'Ref', 'Fn::GetAtt']);
const OTHER_KEYS = ['type', 'metadata', 'depends_on', 'update_policy', 'deletion_policy', 'condition', 'external_id'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function resourcesOf(template: unknown): Record<string, Record<string, unknown>> {
  if (!isObject(template)) return {};
  const r = template.resources ?? template.Resources;
  if (!isObject(r)) return {};
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(r)) if (isObject(v)) out[k] = v;
  return out;
}

/** Parameter values as Heat uses them: the new side's values filled from the template's defaults. */
export function parametersFor(template: unknown, given: Record<string, unknown>, environment?: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const params = isObject(template) && isObject(template.parameters) ? template.parameters : {};
  for (const [k, v] of Object.entries(params)) if (isObject(v) && 'default' in v) out[k] = v.default;
  if (isObject(environment)) {
    if (isObject(environment.parameter_defaults)) for (const [k, v] of Object.entries(environment.parameter_defaults)) if (k in params) out[k] = v;
    if (isObject(environment.parameters)) Object.assign(out, environment.parameters);
  }
  return Object.assign(out, given);
}

/** Resolves get_param (with a path), list_join and str_replace on known values; anything else stays as written. */
function resolve(v: unknown, params: Record<string, unknown>, refs: Set<string>): unknown {
  if (Array.isArray(v)) return v.map((x) => resolve(x, params, refs));
  if (!isObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1) {
    const fn = keys[0]!;
    const arg = v[fn];
    if (fn === 'get_param') {
      const path = Array.isArray(arg) ? arg : [arg];
      const name = path[0];
      if (typeof name !== 'string' || !(name in params)) return v;
      let value: unknown = params[name];
      for (const step of path.slice(1)) {
        const key = resolve(step, params, refs);
        if (typeof value === 'string') {
          try {
            value = JSON.parse(value);
          } catch {
            return v;
          }
        }
        if (Array.isArray(value) && (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key)))) value = value[Number(key)];
        else if (isObject(value) && typeof key === 'string') value = value[key];
        else return v;
      }
      return value;
    }
    if (REF_FUNCTIONS.has(fn)) {
      const target = Array.isArray(arg) ? arg[0] : arg;
      if (typeof target === 'string') refs.add(target);
      return { [fn]: resolve(arg, params, refs) };
    }
    if (fn === 'list_join' && Array.isArray(arg) && typeof arg[0] === 'string') {
      const rest = arg.slice(1).map((x) => resolve(x, params, refs));
      const items: unknown[] = [];
      for (const r of rest) {
        if (Array.isArray(r)) items.push(...r);
        else if (typeof r === 'string') items.push(...r.split(','));
        else return { list_join: [arg[0], ...rest] };
      }
      if (items.every((i) => typeof i === 'string' || typeof i === 'number')) return items.join(arg[0]);
      return { list_join: [arg[0], ...rest] };
    }
    if (fn === 'str_replace' && isObject(arg)) {
      const template = resolve(arg.template, params, refs);
      const map = resolve(arg.params, params, refs);
      if (typeof template === 'string' && isObject(map) && Object.values(map).every((x) => typeof x === 'string' || typeof x === 'number')) {
        let out = template;
        for (const [from, to] of Object.entries(map).sort((a, b) => b[0].length - a[0].length)) out = out.split(from).join(String(to));
        return out;
      }
      return { str_replace: { template, params: map } };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = resolve(x, params, refs);
  return out;
}

/** Heat compares typed property values: 8 and "8" are one value. */
function canonical(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(String(v));
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

function hasRef(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasRef);
  if (!isObject(v)) return false;
  return Object.keys(v).some((k) => REF_FUNCTIONS.has(k) || hasRef(v[k]));
}

/** A value for one line of the preview: scalars as they are, structures as compact JSON, cut at 160 characters. */
export function displayValue(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
}

function nameAndType(r: unknown): { name: string; type: string } {
  const x = isObject(r) ? r : {};
  return { name: typeof x.resource_name === 'string' ? x.resource_name : '?', type: typeof x.resource_type === 'string' ? x.resource_type : '' };
}

export function explainChanges(
  changes: { updated: unknown[]; replaced: unknown[]; added?: unknown[]; deleted?: unknown[] },
  before: TemplateSide,
  after: TemplateSide,
  schemaOf: (type: string) => TypeSchema | null,
): ResourceExplanation[] {
  const oldRes = resourcesOf(before.template);
  const newRes = resourcesOf(after.template);
  const changed = new Set<string>();
  for (const list of [changes.updated, changes.replaced, changes.added ?? [], changes.deleted ?? []]) for (const r of list) changed.add(nameAndType(r).name);
  const out: ResourceExplanation[] = [];
  for (const [kind, list] of [
    ['replaced', changes.replaced],
    ['updated', changes.updated],
  ] as const) {
    for (const r of list) {
      const { name, type: listedType } = nameAndType(r);
      const o = oldRes[name] ?? {};
      const n = newRes[name] ?? {};
      const type = typeof n.type === 'string' ? n.type : listedType;
      const refs = new Set<string>();
      const op = resolve(isObject(o.properties) ? o.properties : {}, before.parameters, refs) as Record<string, unknown>;
      const np = resolve(isObject(n.properties) ? n.properties : {}, after.parameters, refs) as Record<string, unknown>;
      const schema = schemaOf(type);
      const properties: PropertyChange[] = [];
      for (const key of [...new Set([...Object.keys(op), ...Object.keys(np)])].sort()) {
        if (canonical(op[key]) === canonical(np[key])) continue;
        const s = schema?.properties[key];
        const effect: PropertyEffect = !schema || !s ? 'unknown' : s.immutable ? 'immutable' : s.update_allowed ? 'update' : 'replace';
        properties.push({ name: key, before: displayValue(op[key]), after: displayValue(np[key]), effect, unresolved: hasRef(op[key]) || hasRef(np[key]) });
      }
      const other = OTHER_KEYS.filter((k) => canonical(resolve(o[k], before.parameters, new Set())) !== canonical(resolve(n[k], after.parameters, new Set())));
      const forcedBy = properties.filter((p) => p.effect === 'replace' || p.effect === 'immutable').map((p) => p.name);
      // References are compared as written (get_resource: net on both sides is no change); when nothing of its
      // own differs, the listing comes from the preview's unresolved references.
      const ownChange = properties.length > 0 || other.length > 0;
      const references = [...refs].filter((x) => x in oldRes || x in newRes).sort();
      out.push({
        name,
        type,
        kind,
        properties,
        other: [...other],
        forcedBy,
        conservative: !ownChange,
        references: references.filter((x) => changed.has(x) || !ownChange),
      });
    }
  }
  return out;
}
