// What the inspector shows for one property, derived from the catalog's
// schema and the current value (pure): a select for allowed values, a picker
// of canvas resources for references, a number or text box, or YAML for
// maps, lists and intrinsic functions.
import type { PropertySchema } from '../../shared/hot/catalog';
import type { Kind } from '../../shared/topology/kinds';
import type { Topology } from '../../shared/topology/model';
import { refId, refOf } from '../../shared/topology/model';

export type FieldControl = 'select' | 'boolean' | 'number' | 'text' | 'reference' | 'yaml';

export interface Field {
  name: string;
  required: boolean;
  description: string;
  control: FieldControl;
  /** allowed values for 'select'; node ids for 'reference'. */
  options: string[];
  value: unknown;
}

const CONSTRAINT_KINDS: Record<string, Kind[]> = {
  'neutron.network': ['private-network', 'shared-network', 'external-network'],
  'neutron.subnet': ['subnet'],
  'neutron.port': ['port'],
  'neutron.router': ['router'],
  'neutron.security_group': ['security-group'],
  'nova.server': ['server'],
  'nova.keypair': ['key-pair'],
  'cinder.volume': ['volume'],
  'octavia.loadbalancer': ['loadbalancer'],
  'octavia.listener': ['listener'],
  'octavia.pool': ['pool'],
};

function customConstraint(s: PropertySchema): string | undefined {
  for (const c of s.constraints ?? []) if (typeof c.custom_constraint === 'string') return c.custom_constraint;
  return undefined;
}

function allowedValues(s: PropertySchema): string[] | undefined {
  for (const c of s.constraints ?? []) if (Array.isArray(c.allowed_values)) return c.allowed_values.map(String);
  return undefined;
}

export function isIntrinsic(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && /^(get_|str_|list_|Fn::|Ref$|if$|repeat$|digest$|yaql$|map_|make_url$|filter$|contains$|equals$)/.test(Object.keys(v)[0] ?? '');
}

export function fieldFor(name: string, schema: PropertySchema, value: unknown, topo: Topology): Field {
  const base = { name, required: !!schema.required, description: schema.description ?? '', value, options: [] as string[] };
  const constraint = customConstraint(schema);
  const kinds = constraint ? CONSTRAINT_KINDS[constraint] : undefined;
  const ref = refOf(value);
  if (kinds && (value === undefined || ref)) {
    return { ...base, control: 'reference', options: topo.nodes.filter((n) => kinds.includes(n.kind)).map((n) => n.id), value: refId(ref) ?? '' };
  }
  if (value !== undefined && (typeof value === 'object' || value === null) && !(value === null)) return { ...base, control: 'yaml' };
  if (schema.type === 'map' || schema.type === 'list' || schema.type === 'any') return { ...base, control: 'yaml' };
  const allowed = allowedValues(schema);
  if (allowed) return { ...base, control: 'select', options: allowed };
  if (schema.type === 'boolean') return { ...base, control: 'boolean', options: ['true', 'false'] };
  if (schema.type === 'integer' || schema.type === 'number') return { ...base, control: 'number' };
  return { ...base, control: 'text' };
}

/** Required first, then by name; support-status HIDDEN properties left out. */
export function fieldsFor(properties: Record<string, PropertySchema>, values: Record<string, unknown>, topo: Topology): Field[] {
  return Object.entries(properties)
    .filter(([, s]) => s.support_status !== 'HIDDEN')
    .sort(([a, sa], [b, sb]) => Number(!!sb.required) - Number(!!sa.required) || a.localeCompare(b))
    .map(([n, s]) => fieldFor(n, s, values[n], topo));
}
