// Which deployments use what another deployment created (the seed's 5.2: an
// existing resource used by another deployment cannot be deleted). Worked
// out from Heat alone, so it holds after a restart and for stacks another
// user or tool made: a stack B *uses* cloud id X when its deployed template
// (GET .../template) declares a parameter that is an existing resource (the
// studio's `heat-studio:existing=` marker) or is constrained to a Neutron
// network/subnet/router/port, and the value B was deployed with (the stack's
// parameters, else the default) is X. Stack A is *used by* B when one of A's
// resources (nested ones too) has X as its physical id.
import type { StackRef, StackSummary } from '../../shared/cloud/heat-types';
import type { StackDependent } from '../../shared/ipc/cloud.contract';
import { readMarker } from '../../shared/topology/existing';
import { AppError } from '../../shared/ipc/errors';
import type { HeatClient } from './heat-client';

/** Parameters whose value names a Neutron object even without the studio's marker (a template written elsewhere). */
const NEUTRON_CONSTRAINTS = new Set(['neutron.network', 'neutron.subnet', 'neutron.router', 'neutron.port']);
/** Deep enough for a ResourceGroup of nested templates: a subnet two levels down still counts. */
const NESTED_DEPTH = 3;

function constrainedToNeutron(def: Record<string, unknown>): boolean {
  const c = Array.isArray(def.constraints) ? def.constraints : [];
  return c.some((x) => !!x && typeof x === 'object' && NEUTRON_CONSTRAINTS.has(String((x as Record<string, unknown>).custom_constraint)));
}

/** The parameters of a deployed template that name a cloud object another stack may own, with their definitions. */
export function neutronParameters(template: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  const params = template.parameters;
  if (!params || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>)
    .filter((e): e is [string, Record<string, unknown>] => !!e[1] && typeof e[1] === 'object')
    .filter(([name, d]) => !!readMarker(name, d) || constrainedToNeutron(d));
}

/** The cloud ids those parameters hold: the value Heat has for the stack, else the default. */
export function referencedIds(params: Array<[string, Record<string, unknown>]>, values: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const [name, d] of params) {
    const value = values[name] ?? d.default;
    if (typeof value === 'string' && value) out.add(value);
  }
  return out;
}

const settledKey = (s: StackSummary) => `${s.id}@${s.updated_time ?? s.creation_time ?? ''}`;
const ref = (s: StackSummary): StackRef => ({ name: s.stack_name, id: s.id });
/** A stack that no longer holds anything (or is already going) cannot block another's delete. */
const alive = (s: StackSummary) => s.stack_status !== 'DELETE_COMPLETE';

export class StackDependencies {
  /** What each stack refers to, by id@updated_time: a template and its values change only with an update, which moves updated_time. */
  private readonly refs = new Map<string, Set<string>>();

  /** Stacks (other than `target`) whose deployed template uses one of `target`'s resources. Fresh from Heat: the delete check must not trust a stale view. */
  async dependentsOf(heat: HeatClient, target: StackRef): Promise<StackDependent[]> {
    const [owned, stacks] = await Promise.all([this.physicalIds(heat, target), heat.listAll()]);
    if (!owned.size) return [];
    const out: StackDependent[] = [];
    for (const s of stacks) {
      if (s.id === target.id || !alive(s)) continue;
      const uses = [...(await this.referenced(heat, s))].filter((id) => owned.has(id));
      if (uses.length) out.push({ id: s.id, name: s.stack_name, resourceIds: uses });
    }
    return out;
  }

  /** For the stacks list: each stack that another uses, with who uses it (stack id -> dependents). */
  async usage(heat: HeatClient): Promise<Record<string, StackDependent[]>> {
    const stacks = (await heat.listAll()).filter(alive);
    const users: Array<{ s: StackSummary; ids: Set<string> }> = [];
    for (const s of stacks) {
      const ids = await this.referenced(heat, s);
      if (ids.size) users.push({ s, ids });
    }
    const out: Record<string, StackDependent[]> = {};
    if (!users.length) return out;
    for (const a of stacks) {
      const owned = await this.physicalIds(heat, ref(a));
      for (const { s, ids } of users) {
        if (s.id === a.id) continue;
        const uses = [...ids].filter((id) => owned.has(id));
        if (uses.length) (out[a.id] ??= []).push({ id: s.id, name: s.stack_name, resourceIds: uses });
      }
    }
    return out;
  }

  private async referenced(heat: HeatClient, s: StackSummary): Promise<Set<string>> {
    const key = settledKey(s);
    const known = this.refs.get(key);
    if (known) return known;
    const template = await gone404(heat.template(ref(s)), {});
    // Only a template that can refer to a Neutron object costs the second call.
    const params = neutronParameters(template);
    const ids = params.length ? referencedIds(params, (await gone404(heat.show(ref(s)), null))?.parameters ?? {}) : new Set<string>();
    if (!s.stack_status.endsWith('_IN_PROGRESS')) this.refs.set(key, ids);
    return ids;
  }

  private async physicalIds(heat: HeatClient, s: StackRef): Promise<Set<string>> {
    const resources = await gone404(heat.resources(s, { nested_depth: NESTED_DEPTH }), []);
    return new Set(resources.map((r) => r.physical_resource_id).filter((x): x is string => !!x));
  }
}

/** A stack deleted between the list and the next call holds nothing: not an error of the check. */
async function gone404<T>(p: Promise<T>, empty: T): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return empty;
    throw err;
  }
}
