// What deploying a template would create, per quota kind: a pure count over
// the template, its nested templates (template resources, ResourceGroup and
// AutoScalingGroup members, OS::Heat::Stack) and its environment. Whatever is
// decided only at deploy time (a flavor the cloud does not list, a size from
// an image, a group count from get_attr, a missing nested file) is reported
// per kind as an unknown part with the resource and the reason, never as 0.
import { environmentFrom, parseEnvironment, type EnvironmentModel } from '../hot/environment';
import { get } from '../hot/node';
import { dirname, joinPath, normalize } from '../hot/paths';
import { isTemplateFileType, parseTemplate, resources, type HotTemplate } from '../hot/template';
import type { FileSource } from '../hot/project';
import { conditionHolds, evaluate, isUnresolved, parameterScope, Unresolved, type Plain, type Scope } from './evaluate';
import { QUOTA_KINDS, type QuotaKind } from './kinds';

/** A flavor's size as the cloud lists it (main/cloud/nova-flavors.ts's Flavor fits). */
export interface FlavorSize {
  id: string;
  name: string;
  vcpus: number;
  ramMiB: number;
}

export type UnknownCode =
  | 'flavor-unknown' // the cloud lists no flavor of that name or id
  | 'flavors-unavailable' // no flavor list: no Nova in this region, or never read
  | 'value-unresolved' // a property decided at deploy time (get_attr, a parameter without value ...)
  | 'count-unresolved' // a group's size decided at deploy time
  | 'condition-unresolved' // the resource's condition is decided at deploy time
  | 'size-from-source' // a volume sized by its image, snapshot, volume or backup
  | 'nested-missing' // a nested template the project does not hold
  | 'nested-remote' // a nested template by URL
  | 'too-deep' // nesting deeper than Heat allows, or a template nesting itself
  | 'indirect' // a service (Magnum, Sahara, Senlin) creates servers in the project
  | 'other-region' // an OS::Heat::Stack created in another region (that region's quota)
  | 'not-hot'; // a CloudFormation or unreadable template

export interface UnknownPart {
  /** The resource, with its parents: `group/server`, `pair[web.yaml]/port`. */
  resource: string;
  code: UnknownCode;
  /** What the reason names: the flavor, the property, the file, the condition. */
  detail: string;
}

export interface KindCount {
  /** What is certain; the total is at least this. */
  known: number;
  /** Parts that cannot be counted offline: the kind's total is unknown when non-empty. */
  unknown: UnknownPart[];
  /** Where the known amount comes from (resource paths with their amount, groups multiplied out). */
  by: Array<{ resource: string; amount: number }>;
}

export type CanvasCount = Record<QuotaKind, KindCount>;

export interface CountInput {
  yaml: string;
  /** The entry already parsed from `yaml` (the editor has it): not parsed again. */
  parsed?: HotTemplate;
  entryPath?: string;
  /** The project's other files (nested templates, get_file targets) by path. */
  files?: Readonly<Record<string, string>>;
  /** Instead of `files`: any file source (the CLI's disk, the corpus), by normalised path. */
  source?: FileSource;
  /** Environment texts in the order Heat merges them (later wins). */
  environments?: readonly string[];
  /** Values given at deploy (the parameter form): strings as Heat receives them. */
  parameters?: Readonly<Record<string, unknown>>;
  /** The cloud's flavors; null when they could not be read. */
  flavors: readonly FlavorSize[] | null;
}

/** Heat's max_nested_stack_depth is 5; a little room for groups (each is a level too). */
const MAX_DEPTH = 12;

interface Frame {
  template: HotTemplate;
  scope: Scope;
  /** Resource path prefix ("" at the top). */
  prefix: string;
  /** Copies of this frame's resources that will exist (group sizes multiplied). */
  factor: number;
  /** Set when this frame may or may not exist (count or condition decided at deploy). */
  maybe: UnknownPart | null;
  depth: number;
  /** Files on the way here, to stop a template nesting itself. */
  chain: readonly string[];
}

export function emptyCount(): CanvasCount {
  return Object.fromEntries(QUOTA_KINDS.map((k) => [k, { known: 0, unknown: [], by: [] }])) as unknown as CanvasCount;
}

export function countTemplate(input: CountInput): CanvasCount {
  const out = emptyCount();
  const entryPath = normalize(input.entryPath ?? 'template.yaml');
  const files = input.files ?? {};
  const read = input.source ? (p: string) => input.source!.read(p) : (p: string) => files[p];
  const envFiles = (input.environments ?? []).map((text, i) => parseEnvironment(text, `\u0000environment-${i}.yaml`));
  const env = environmentFrom(envFiles);
  const template = input.parsed && input.parsed.text === input.yaml && input.parsed.file === entryPath ? input.parsed : parseTemplate(input.yaml, entryPath);
  const counter = new Counter(out, env, read, input.flavors);
  if (template.kind !== 'hot') {
    if (template.kind === 'cfn' || input.yaml.trim() !== '') counter.allUnknown({ resource: entryPath, code: 'not-hot', detail: template.kind });
    return out;
  }
  const explicit = new Map(Object.entries(input.parameters ?? {}));
  const scope: Scope = {
    template,
    params: parameterScope(template, [explicit, env.parameters, env.parameterDefaults]),
    readFile: fileReader(template.file, read),
  };
  counter.countFrame({ template, scope, prefix: '', factor: 1, maybe: null, depth: 0, chain: [entryPath] });
  return out;
}

class Counter {
  private readonly rows = new Map<string, { resource: string; amount: number }>();

  constructor(
    private readonly out: CanvasCount,
    private readonly env: EnvironmentModel,
    private readonly read: (path: string) => string | undefined,
    private readonly flavors: readonly FlavorSize[] | null,
  ) {}

  countFrame(frame: Frame): void {
    for (const r of resources(frame.template)) {
      const path = frame.prefix + r.name;
      const holds = conditionHolds(get(r.definition, 'condition'), frame.scope);
      if (holds === false) continue;
      const maybe = frame.maybe ?? (isUnresolved(holds) ? { resource: path, code: 'condition-unresolved' as const, detail: holds.why } : null);
      const props = evaluate(get(r.definition, 'properties'), frame.scope);
      if (!r.type) continue; // a resource without a type is a validation error the editor shows
      this.countResource({ ...frame, maybe }, r.name, r.type, asMap(props));
    }
  }

  /** One resource of a type (after the environment's registry) with evaluated properties. */
  private countResource(frame: Frame, name: string, type: string, props: Record<string, Plain>): void {
    const path = frame.prefix + name;
    const mapped = this.env.resolve(type, name);
    const target = mapped?.target ?? type;
    const file = mapped?.file ?? (isTemplateFileType(type) ? (/^[a-z]+:\/\//.test(type) ? type : joinPath(dirname(frame.template.file), type)) : undefined);
    if (file !== undefined) return this.countNested(frame, name, file, props);
    const add = (kind: QuotaKind, amount: number | UnknownPart) => this.add(frame, kind, path, amount);
    const unknown = (code: UnknownCode, detail: string): UnknownPart => ({ resource: path, code, detail });
    switch (target) {
      case 'OS::Nova::Server':
        return this.server(frame, path, props);
      case 'OS::Nova::KeyPair':
        return add('key_pairs', 1);
      case 'OS::Nova::FloatingIP':
      case 'OS::Neutron::FloatingIP':
        // A public IP's bandwidth (OS::Neutron::QoSPolicy + QoSBandwidthLimitRule)
        // counts against no quota: Neutron registers none for QoS objects.
        return add('floatingip', 1);
      case 'OS::Neutron::Net':
      case 'OS::Neutron::ProviderNet':
        return add('network', 1);
      case 'OS::Neutron::Subnet':
        return add('subnet', 1);
      case 'OS::Neutron::Port':
        return add('port', 1);
      case 'OS::Neutron::Router':
        // The gateway port (external_gateway_info) belongs to no project: Neutron does not count it.
        return add('router', 1);
      case 'OS::Neutron::RouterInterface':
        // An interface on a subnet makes a port owned by the router's project; one on a given port does not.
        if (!present(props.port) && !present(props.port_id)) add('port', 1);
        return;
      case 'OS::Neutron::SecurityGroup':
        add('security_group', 1);
        return add('security_group_rule', securityGroupRules(props.rules) ?? unknown('value-unresolved', 'rules'));
      case 'OS::Neutron::SecurityGroupRule':
        return add('security_group_rule', 1);
      case 'OS::Octavia::LoadBalancer':
      case 'OS::Neutron::LBaaS::LoadBalancer':
        // The VIP port is created in the load balancer's project.
        return add('port', 1);
      case 'OS::Cinder::Volume':
        add('volumes', 1);
        return add('gigabytes', volumeSize(props, unknown));
      case 'OS::Heat::ResourceGroup':
        return this.group(frame, name, props.count ?? 1, props.resource_def, 'count', 'resource_def');
      case 'OS::Heat::AutoScalingGroup':
        return this.group(frame, name, props.desired_capacity ?? props.min_size ?? 0, props.resource, 'desired_capacity', 'resource');
      case 'OS::Heat::Stack':
        return this.inlineStack(frame, name, props);
      case 'OS::Magnum::Cluster':
      case 'OS::Sahara::Cluster':
      case 'OS::Senlin::Cluster':
        for (const k of ['instances', 'cores', 'ram', 'port'] as const) add(k, unknown('indirect', target));
        return;
      default:
        return;
    }
  }

  private server(frame: Frame, path: string, props: Record<string, Plain>): void {
    const add = (kind: QuotaKind, amount: number | UnknownPart) => this.add(frame, kind, path, amount);
    add('instances', 1);
    const flavor = props.flavor;
    if (typeof flavor !== 'string' && typeof flavor !== 'number') {
      const part: UnknownPart = { resource: path, code: 'value-unresolved', detail: 'flavor' };
      add('cores', part);
      add('ram', part);
    } else if (!this.flavors) {
      const part: UnknownPart = { resource: path, code: 'flavors-unavailable', detail: String(flavor) };
      add('cores', part);
      add('ram', part);
    } else {
      const f = this.flavors.find((x) => x.id === String(flavor)) ?? this.flavors.find((x) => x.name === String(flavor));
      const part: UnknownPart = { resource: path, code: 'flavor-unknown', detail: String(flavor) };
      add('cores', f ? f.vcpus : part);
      add('ram', f ? f.ramMiB : part);
    }
    add('port', serverPorts(props.networks) ?? { resource: path, code: 'value-unresolved', detail: 'networks' });
    for (const v of bootVolumes(props)) {
      add('volumes', 1);
      add('gigabytes', v ?? { resource: path, code: 'value-unresolved', detail: 'block_device_mapping_v2.volume_size' });
    }
  }

  private group(frame: Frame, name: string, rawCount: Plain | undefined, member: Plain | undefined, property: string, memberProperty: string): void {
    const path = frame.prefix + name;
    const count = toCount(rawCount);
    if (count === 0) return;
    const def = asMap(member);
    const type = def.type;
    const next: Frame = { ...frame, prefix: `${path}/`, depth: frame.depth + 1 };
    if (count === null) next.maybe = frame.maybe ?? { resource: path, code: 'count-unresolved', detail: property };
    else next.factor = frame.factor * count;
    if (typeof type !== 'string') {
      this.allUnknown({ resource: path, code: 'value-unresolved', detail: `${memberProperty}.type` }, next);
      return;
    }
    if (next.depth > MAX_DEPTH) return this.allUnknown({ resource: path, code: 'too-deep', detail: type }, frame);
    // Heat names members 0..count-1; one stands for all of them here.
    this.countResource(next, '*', type, asMap(def.properties));
  }

  private inlineStack(frame: Frame, name: string, props: Record<string, Plain>): void {
    const path = frame.prefix + name;
    // A stack in another region uses that region's quota, not this one's.
    const region = asMap(props.context).region_name;
    if (region !== undefined && region !== null)
      return this.allUnknown({ resource: path, code: 'other-region', detail: typeof region === 'string' ? region : '?' }, frame);
    if (typeof props.template !== 'string') return this.allUnknown({ resource: path, code: 'value-unresolved', detail: 'template' }, frame);
    const template = parseTemplate(props.template, `${frame.template.file}#${name}`);
    this.countTemplateIn(frame, name, template, asMap(props.parameters), true);
  }

  private countNested(frame: Frame, name: string, file: string, props: Record<string, Plain>): void {
    const path = frame.prefix + name;
    if (/^[a-z]+:\/\//.test(file)) return this.allUnknown({ resource: path, code: 'nested-remote', detail: file }, frame);
    const text = this.read(file);
    if (text === undefined) return this.allUnknown({ resource: path, code: 'nested-missing', detail: file }, frame);
    this.countTemplateIn(frame, name, parseTemplate(text, file), props, false);
  }

  /** A nested stack: the parent's properties become its parameters; parameter_defaults reach it too. */
  private countTemplateIn(frame: Frame, name: string, template: HotTemplate, props: Record<string, Plain>, inline: boolean): void {
    const path = frame.prefix + name;
    if (frame.depth + 1 > MAX_DEPTH || frame.chain.includes(template.file)) {
      return this.allUnknown({ resource: path, code: 'too-deep', detail: template.file }, frame);
    }
    if (template.kind !== 'hot') return this.allUnknown({ resource: path, code: 'not-hot', detail: template.file }, frame);
    const given = new Map(Object.entries(props).filter(([, v]) => v !== null));
    const scope: Scope = {
      template,
      params: parameterScope(template, [given, this.env.parameterDefaults]),
      readFile: fileReader(inline ? frame.template.file : template.file, this.read),
    };
    const label = inline ? name : `${name}[${template.file}]`;
    this.countFrame({ ...frame, template, scope, prefix: `${frame.prefix}${label}/`, depth: frame.depth + 1, chain: [...frame.chain, template.file] });
  }

  private add(frame: Frame, kind: QuotaKind, resource: string, amount: number | UnknownPart): void {
    if (frame.factor === 0 || amount === 0) return;
    const k = this.out[kind];
    const part = frame.maybe ?? (typeof amount === 'number' ? null : amount);
    if (part) {
      if (!k.unknown.some((u) => u.resource === part.resource && u.code === part.code && u.detail === part.detail)) k.unknown.push(part);
      return;
    }
    const n = (amount as number) * frame.factor;
    k.known += n;
    // Rows by resource path, found by key: thousands of resources must not cost a scan each.
    const key = `${kind}\u0000${resource}`;
    const row = this.rows.get(key);
    if (row) row.amount += n;
    else {
      const fresh = { resource, amount: n };
      this.rows.set(key, fresh);
      k.by.push(fresh);
    }
  }

  /** Something that could create anything: every kind becomes unknown for that reason. */
  allUnknown(part: UnknownPart, frame?: Frame): void {
    if (frame && frame.factor === 0) return;
    const p = frame?.maybe ?? part;
    for (const kind of QUOTA_KINDS) {
      const k = this.out[kind];
      if (!k.unknown.some((u) => u.resource === p.resource && u.code === p.code)) k.unknown.push(p);
    }
  }
}

/** get_file paths are relative to the template that names them. */
function fileReader(templateFile: string, read: (path: string) => string | undefined): (ref: string) => string | undefined {
  const base = templateFile.split('#')[0] ?? templateFile;
  return (ref) => (/^[a-z]+:\/\//.test(ref) ? undefined : read(joinPath(dirname(base), ref)));
}

function asMap(v: Plain | undefined): Record<string, Plain> {
  return v && typeof v === 'object' && !Array.isArray(v) && !isUnresolved(v) ? v : {};
}

function present(v: Plain | undefined): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** A group size: a whole number (Heat accepts numeric strings from parameters), else null (unknown). */
function toCount(v: Plain | undefined): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * Ports Nova (or Heat) creates for a server: one per `networks` entry that
 * does not name a port (Heat makes an internal port for a subnet entry,
 * Nova one for a network entry). `allocate_network: none` makes none,
 * `auto` one; no networks at all is Nova's "auto" too (one port on the
 * project's network). Null when the list is decided at deploy time.
 */
export function serverPorts(networks: Plain | undefined): number | null {
  if (networks === undefined || networks === null) return 1;
  if (!Array.isArray(networks)) return null;
  if (networks.length === 0) return 1;
  let ports = 0;
  for (const entry of networks) {
    if (isUnresolved(entry) || !entry || typeof entry !== 'object' || Array.isArray(entry)) return null;
    const alloc = entry.allocate_network;
    if (isUnresolved(alloc)) return null;
    if (alloc === 'none') return 0;
    if (alloc === 'auto') return 1;
    if (present(entry.port)) continue;
    ports++;
  }
  return ports;
}

/**
 * Rules a new security group ends with, at its peak: Neutron adds two
 * default egress rules (IPv4, IPv6) to every new group; Heat deletes them
 * before the first inline egress rule (heat/.../neutron/security_group.py
 * _create_rules). Null when the rules are decided at deploy time.
 */
export function securityGroupRules(rules: Plain | undefined): number | null {
  if (rules === undefined || rules === null) return 2;
  if (!Array.isArray(rules)) return null;
  let peak = 2;
  let current = 2;
  let egressSeen = false;
  for (const rule of rules) {
    const direction = rule && typeof rule === 'object' && !Array.isArray(rule) && !isUnresolved(rule) ? (rule.direction ?? 'ingress') : new Unresolved('rule');
    if (isUnresolved(direction)) return null;
    if (direction === 'egress' && !egressSeen) {
      egressSeen = true;
      current -= 2;
    }
    current++;
    peak = Math.max(peak, current);
  }
  return peak;
}

function volumeSize(props: Record<string, Plain>, unknown: (code: UnknownCode, detail: string) => UnknownPart): number | UnknownPart {
  const size = props.size;
  const n = typeof size === 'number' ? size : typeof size === 'string' && /^\s*\d+\s*$/.test(size) ? Number(size) : null;
  if (n !== null) return n;
  if (size === undefined || size === null) {
    for (const source of ['image', 'snapshot_id', 'source_volid', 'backup_id']) {
      if (present(props[source])) return unknown('size-from-source', source);
    }
  }
  return unknown('value-unresolved', 'size');
}

/**
 * Volumes Nova creates to boot a server: block_device_mapping_v2 entries
 * with a volume_size built from an image or snapshot (not an existing
 * volume), and legacy block_device_mapping entries sizing a snapshot copy.
 * Each item is the size in GiB, or null when it is decided at deploy time.
 */
export function bootVolumes(props: Record<string, Plain>): Array<number | null> {
  const out: Array<number | null> = [];
  const size = (v: Plain | undefined) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
  const list = (v: Plain | undefined) => (Array.isArray(v) ? v : []);
  for (const e of list(props.block_device_mapping_v2)) {
    const m = asMap(e);
    if (present(m.volume_id) || !present(m.volume_size)) continue;
    if (!present(m.image) && !present(m.image_id) && !present(m.snapshot_id)) continue;
    out.push(size(m.volume_size));
  }
  for (const e of list(props.block_device_mapping)) {
    const m = asMap(e);
    if (present(m.volume_id) || !present(m.snapshot_id) || !present(m.volume_size)) continue;
    out.push(size(m.volume_size));
  }
  return out.filter((v, i) => v !== 0 || out[i] === null);
}
