// What the inspector shows for one property, derived from the catalog's
// schema and the current value (pure): a select for allowed values, a picker
// of canvas resources for references, a picker of the cloud's values (image,
// flavor, key pair, availability zone; free text still allowed), a number or
// text box, or YAML for maps, lists and intrinsic functions.
import type { PropertySchema } from '../../shared/hot/catalog';
import type { Kind } from '../../shared/topology/kinds';
import type { Topology } from '../../shared/topology/model';
import { refId, refOf } from '../../shared/topology/model';

export type FieldControl = 'select' | 'boolean' | 'number' | 'text' | 'reference' | 'yaml' | 'cloud';

/** Which list of the cloud's inventory a property's picker offers. */
export type CloudSource = 'images' | 'flavors' | 'keyPairs' | 'computeZones' | 'volumeZones' | 'securityGroups';

/**
 * Where the cloud picker writes: the property itself, or (when the property
 * is `{get_param: p}`, as the canvas writes a server's image and flavor) the
 * default of parameter p.
 */
export interface CloudPick {
  source: CloudSource;
  parameter: string | null;
}

export interface Field {
  name: string;
  required: boolean;
  description: string;
  control: FieldControl;
  /** allowed values for 'select'; node ids for 'reference'. */
  options: string[];
  value: unknown;
  /** Set for 'cloud' (the value to pick), and for a list property (security groups) the cloud can add to. */
  cloud?: CloudPick;
}

/** What the form needs besides the property values: the resource type and the template's parameter defaults. */
export interface FormContext {
  type: string;
  paramDefaults: Record<string, unknown>;
}

const CLOUD_SOURCES: Record<string, Record<string, CloudSource>> = {
  'OS::Nova::Server': { image: 'images', flavor: 'flavors', key_name: 'keyPairs', availability_zone: 'computeZones', security_groups: 'securityGroups' },
  'OS::Cinder::Volume': { image: 'images', availability_zone: 'volumeZones' },
  'OS::Neutron::Port': { security_groups: 'securityGroups' },
};

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
  return (
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    /^(get_|str_|list_|Fn::|Ref$|if$|repeat$|digest$|yaql$|map_|make_url$|filter$|contains$|equals$)/.test(Object.keys(v)[0] ?? '')
  );
}

export function fieldFor(name: string, schema: PropertySchema, value: unknown, topo: Topology, ctx?: FormContext): Field {
  const base = { name, required: !!schema.required, description: schema.description ?? '', value, options: [] as string[] };
  const constraint = customConstraint(schema);
  const kinds = constraint ? CONSTRAINT_KINDS[constraint] : undefined;
  const ref = refOf(value);
  const source = ctx ? CLOUD_SOURCES[ctx.type]?.[name] : undefined;
  if (source && schema.type === 'list') {
    return { ...base, control: 'yaml', cloud: { source, parameter: null } };
  }
  if (source && ctx) {
    // The canvas writes `image: { get_param: image }`: picking sets the parameter's default.
    if (ref && 'param' in ref && ref.param in ctx.paramDefaults) {
      const d = ctx.paramDefaults[ref.param];
      return { ...base, control: 'cloud', cloud: { source, parameter: ref.param }, value: typeof d === 'string' || typeof d === 'number' ? String(d) : '' };
    }
    const onCanvas = !!kinds && topo.nodes.some((n) => kinds.includes(n.kind));
    if (typeof value === 'string' || (value === undefined && !onCanvas)) return { ...base, control: 'cloud', cloud: { source, parameter: null } };
  }
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
export function fieldsFor(properties: Record<string, PropertySchema>, values: Record<string, unknown>, topo: Topology, ctx?: FormContext): Field[] {
  return Object.entries(properties)
    .filter(([, s]) => s.support_status !== 'HIDDEN')
    .sort(([a, sa], [b, sb]) => Number(!!sb.required) - Number(!!sa.required) || a.localeCompare(b))
    .map(([n, s]) => fieldFor(n, s, values[n], topo, ctx));
}
