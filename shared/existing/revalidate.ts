// Rule 7 of the seed (SPEC 1.2): "if an image or availability zone used by a
// saved template is later deleted or unavailable, deploying or exporting
// that template fails" — so a template is re-validated against what the
// cloud holds now. Pure: the inventory comes from main (live), the template
// from the library. Checked: existing resources (the studio's marked
// parameters), servers' image, flavor, key pair and availability zone, and
// volumes' image and availability zone. A value that is not a name (a
// get_resource, a parameter without a value) is not guessed at.
import { functionCall, get, isString, toValue } from '../hot/node';
import type { HNode } from '../hot/node';
import { parseTemplate, resources } from '../hot/template';
import type { HotTemplate } from '../hot/template';
import { existingParams } from '../topology/existing';
import { existsInCloud } from './inventory';
import type { Inventory, InventoryService } from './inventory';
import { englishText, listParam, msg, type Message, type MessageKey } from '../messages/message';

export type MissingCode = 'existing' | 'image' | 'flavor' | 'zone' | 'key-pair';

export interface MissingInCloud {
  code: MissingCode;
  /** The value looked for (a cloud id or name). */
  value: string;
  /** Where: the resource and property, or the existing resource's parameter. */
  resource: string | null;
  property: string | null;
  parameter: string | null;
  file: string;
  /** English (logs, details); `msg` is the same as a message key, worded in the reader's language. */
  message: string;
  msg: Message;
  /**
   * The value was typed for this deploy (a parameter value that differs from
   * the template's own default or environment): the deploy is refused, but
   * the saved template is not at fault and keeps its status.
   */
  given: boolean;
  /** Some of what the cloud does hold of that kind (names), to pick from instead. */
  available: string[];
}

/** Where the inventory was read, for messages that say where a thing is missing. */
export interface InventoryScope {
  project: string;
  region: string;
}

export interface RevalidationInput {
  entryPath: string;
  yaml: string;
  files: Record<string, string>;
  environment: string | null;
  /** Values given at deploy time: they win over the environment and the defaults. */
  parameters?: Record<string, unknown>;
}

interface Check {
  code: MissingCode;
  service: InventoryService;
  /** The kind's word, and its plural for "key pairs there: ..." (message keys: the reader's language). */
  what: MessageKey;
  whats: MessageKey;
  has: (inv: Inventory, v: string) => boolean;
  names: (inv: Inventory) => string[];
}

const activeImages = (inv: Inventory) => inv.images.filter((i) => i.status === 'active');
const IMAGE: Check = {
  code: 'image',
  service: 'image',
  what: 'rule7.kind.image',
  whats: 'rule7.kinds.image',
  has: (inv, v) => activeImages(inv).some((i) => i.id === v || i.name === v),
  names: (inv) => activeImages(inv).map((i) => i.name || i.id),
};
const FLAVOR: Check = {
  code: 'flavor',
  service: 'compute',
  what: 'rule7.kind.flavor',
  whats: 'rule7.kinds.flavor',
  has: (inv, v) => inv.flavors.some((f) => f.id === v || f.name === v),
  names: (inv) => inv.flavors.map((f) => f.name || f.id),
};
const KEY: Check = {
  code: 'key-pair',
  service: 'compute',
  what: 'rule7.kind.key-pair',
  whats: 'rule7.kinds.key-pair',
  has: (inv, v) => inv.keyPairs.some((k) => k.name === v),
  names: (inv) => inv.keyPairs.map((k) => k.name),
};
const COMPUTE_ZONE: Check = {
  code: 'zone',
  service: 'compute',
  what: 'rule7.kind.zone',
  whats: 'rule7.kinds.zone',
  has: (inv, v) => inv.zones.compute.includes(v),
  names: (inv) => inv.zones.compute,
};
const VOLUME_ZONE: Check = {
  code: 'zone',
  service: 'volume',
  what: 'rule7.kind.zone',
  whats: 'rule7.kinds.zone',
  has: (inv, v) => inv.zones.volume.includes(v),
  names: (inv) => inv.zones.volume,
};
/** How many of the cloud's names a message lists. */
const LISTED = 8;

/** Which properties of which types name something the cloud must still hold. */
const CHECKED: Record<string, Record<string, Check>> = {
  'OS::Nova::Server': { image: IMAGE, flavor: FLAVOR, key_name: KEY, availability_zone: COMPUTE_ZONE },
  'OS::Cinder::Volume': { image: IMAGE, availability_zone: VOLUME_ZONE },
};

const KIND_TEXT = {
  'external-network': 'rule7.kind.external-network',
  'shared-network': 'rule7.kind.shared-network',
  'private-network': 'rule7.kind.private-network',
  router: 'rule7.kind.router',
} as const satisfies Record<string, MessageKey>;

/** A problem's message, and its English text beside it (the text is what older callers and logs read). */
function worded(m: Message): { message: string; msg: Message } {
  return { message: englishText(m), msg: m };
}

/** The entry and every HOT file of the project, parsed. */
function* hotFiles(input: RevalidationInput): Generator<[string, HotTemplate]> {
  for (const [file, text] of [[input.entryPath, input.yaml] as const, ...Object.entries(input.files).filter(([p]) => /\.(ya?ml|template)$/i.test(p))]) {
    const t = parseTemplate(text, file);
    if (t.kind === 'hot' && t.root) yield [file, t];
  }
}

/**
 * Whether rule 7 has anything to ask the cloud about: an existing-resource
 * parameter, or a server/volume whose image, flavor, key or zone the cloud
 * must hold. When not, the inventory read (seconds) is skipped.
 */
export function needsCloudCheck(input: RevalidationInput): boolean {
  for (const [, t] of hotFiles(input)) {
    if (existingParams(t).size > 0) return true;
    if (resources(t).some((r) => CHECKED[r.type ?? ''])) return true;
  }
  return false;
}

export function revalidate(input: RevalidationInput, inv: Inventory, scope?: InventoryScope): MissingInCloud[] {
  const out: MissingInCloud[] = [];
  const env = environmentValues(input.environment);
  const typed = input.parameters ?? {};
  const where = scope
    ? scope.region
      ? msg('rule7.where.projectRegion', { project: scope.project, region: scope.region })
      : msg('rule7.where.project', { project: scope.project })
    : msg('rule7.where.cloud');
  for (const [file, t] of hotFiles(input)) {
    const isEntry = file === input.entryPath;
    // Deploy values and the environment reach the entry's parameters only.
    const given: Record<string, unknown> = isEntry ? { ...env, ...typed } : {};
    // A value typed for this deploy, unless it is the template's own (forms send the defaults back).
    const isTyped = (parameter: string | null, v: unknown) => isEntry && parameter !== null && parameter in typed && v !== templateValue(t, parameter, env);
    const value = (n: HNode | undefined): { value: string; parameter: string | null } | null => resolve(t, n, given);
    if (!inv.unavailable.includes('network')) {
      for (const [name, m] of existingParams(t)) {
        const v = name in given ? given[name] : m.id;
        if (typeof v !== 'string' || !v || existsInCloud(inv, m.kind, v)) continue;
        const fromDeploy = isTyped(name, v) && v !== m.id;
        out.push({
          code: 'existing',
          value: v,
          resource: null,
          property: null,
          parameter: name,
          file,
          ...worded(
            fromDeploy
              ? msg('rule7.existingGiven', { kind: msg(KIND_TEXT[m.kind]), value: v, where, parameter: name })
              : msg('rule7.existingGone', { kind: msg(KIND_TEXT[m.kind]), name: m.name, value: v, parameter: name }),
          ),
          given: fromDeploy,
          available: [],
        });
      }
    }
    for (const r of resources(t)) {
      const checks = CHECKED[r.type ?? ''];
      if (!checks) continue;
      const props = get(r.definition, 'properties');
      for (const [prop, check] of Object.entries(checks)) {
        if (inv.unavailable.includes(check.service)) continue;
        const found = value(get(props, prop));
        if (!found || check.has(inv, found.value)) continue;
        const fromDeploy = isTyped(found.parameter, found.value);
        const via = found.parameter ? msg(fromDeploy ? 'rule7.via.given' : 'rule7.via.parameter', { parameter: found.parameter }) : '';
        const available = check.names(inv).slice(0, LISTED);
        // Whether it ever existed is not known: say what is true now, and what there is instead.
        const whats = msg(check.whats);
        const there = available.length
          ? msg(check.names(inv).length > LISTED ? 'rule7.there.someMore' : 'rule7.there.some', { whats, names: listParam(available) })
          : msg('rule7.there.none', { whats });
        const params = { value: found.value, where, at: `${r.name}.${prop}`, via, there };
        out.push({
          code: check.code,
          value: found.value,
          resource: r.name,
          property: prop,
          parameter: found.parameter,
          file,
          ...worded(check.code === 'zone' ? msg('rule7.zoneUnavailable', params) : msg('rule7.missing', { ...params, what: msg(check.what) })),
          given: fromDeploy,
          available,
        });
      }
    }
  }
  return out;
}

/** A parameter's value as the template itself sets it: its environment's, else its default. */
function templateValue(t: HotTemplate, name: string, env: Record<string, unknown>): unknown {
  if (name in env) return env[name];
  const def = toValue(get(get(t.root ?? undefined, 'parameters'), name));
  return def && typeof def === 'object' ? (def as Record<string, unknown>).default : undefined;
}

/** The status reason a person reads in the library: the first problem, and how many more (English). */
export function revalidationReason(problems: readonly MissingInCloud[]): string {
  const reason = revalidationMessage(problems);
  return reason ? englishText(reason) : '';
}

/** The same reason as a message key, worded in the reader's language; null when nothing is missing. */
export function revalidationMessage(problems: readonly MissingInCloud[]): Message | null {
  const first = problems[0];
  if (!first) return null;
  return problems.length > 1 ? msg('status.more', { text: first.msg, n: problems.length - 1 }) : first.msg;
}

/** A literal string, or get_param of a parameter with a value (given, else default). */
function resolve(t: HotTemplate, n: HNode | undefined, given: Record<string, unknown>): { value: string; parameter: string | null } | null {
  if (!n) return null;
  if (isString(n)) return n.value ? { value: n.value, parameter: null } : null;
  const call = functionCall(n);
  if (call?.name !== 'get_param' || !isString(call.args)) return null;
  const name = call.args.value;
  const def = toValue(get(get(t.root ?? undefined, 'parameters'), name));
  const v = name in given ? given[name] : def && typeof def === 'object' ? (def as Record<string, unknown>).default : undefined;
  return typeof v === 'string' && v ? { value: v, parameter: name } : null;
}

/** An environment's parameter values (parameters over parameter_defaults). */
export function environmentValues(environment: string | null): Record<string, unknown> {
  if (!environment) return {};
  const env = toValue(parseTemplate(environment, 'environment').root);
  if (!env || typeof env !== 'object' || Array.isArray(env)) return {};
  const pick = (k: string) => {
    const v = (env as Record<string, unknown>)[k];
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  };
  return { ...pick('parameter_defaults'), ...pick('parameters') };
}
