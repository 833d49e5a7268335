// Choices for a parameter's custom_constraint (glance.image, nova.flavor,
// nova.keypair, neutron.network ...): the deploy and update forms offer what
// the active cloud and region hold, with facts an operator picks by (a
// flavor's vCPU/RAM/disk, an image's size and status, a network's shared /
// external flags), and free text stays allowed. Pure: main fills them from
// Nova, Neutron, Cinder and Glance (main/existing/choices-reader.ts).

/** The custom constraints (Heat 19's `heat.constraints` entry points) the forms can list from the cloud. */
export const PICKABLE_CONSTRAINTS = [
  'glance.image',
  'nova.flavor',
  'nova.keypair',
  'nova.host',
  'nova.server',
  'neutron.network',
  'neutron.subnet',
  'neutron.port',
  'neutron.router',
  'neutron.security_group',
  'neutron.qos_policy',
  'neutron.subnetpool',
  'cinder.volume',
  'cinder.vtype',
  'cinder.snapshot',
  'cinder.backup',
] as const;

export type PickableConstraint = (typeof PICKABLE_CONSTRAINTS)[number];

export function isPickable(name: string): name is PickableConstraint {
  return (PICKABLE_CONSTRAINTS as readonly string[]).includes(name);
}

/**
 * One fact about a choice, translated by the renderer: `key` names it
 * (`vcpus`, `ramMiB`, `status`, `shared` ...), `value` is what the cloud said.
 */
export interface ChoiceFact {
  key:
    | 'vcpus'
    | 'ramMiB'
    | 'diskGiB'
    | 'sizeBytes'
    | 'sizeGiB'
    | 'status'
    | 'shared'
    | 'external'
    | 'cidr'
    | 'network'
    | 'address'
    | 'type'
    | 'fingerprint'
    | 'description'
    | 'zone';
  value: string | number | boolean;
}

export interface Choice {
  /** What goes into the parameter: the name when it is unique, else the id (Heat accepts both). */
  value: string;
  /** The cloud's name (or the id when it has none). */
  name: string;
  id: string;
  facts: ChoiceFact[];
}

/** One constraint's list, or why it could not be read (the form falls back to plain text with this reason). */
export type ChoiceList = { constraint: string; ok: true; choices: Choice[] } | { constraint: string; ok: false; code: string; message: string };

/**
 * The value to put in a parameter for resources listed by name: the name,
 * unless two of them share it (Heat then refuses the name as ambiguous), in
 * which case the id.
 */
export function choiceValues<T extends { id: string; name: string }>(items: readonly T[]): Map<T, string> {
  const count = new Map<string, number>();
  for (const i of items) if (i.name) count.set(i.name, (count.get(i.name) ?? 0) + 1);
  return new Map(items.map((i) => [i, i.name && count.get(i.name) === 1 ? i.name : i.id]));
}

/** The constraint a parameter field carries that the cloud can list, if any. */
export function pickableConstraint(constraints: ReadonlyArray<{ kind: string; name?: string }>): PickableConstraint | null {
  for (const c of constraints) if (c.kind === 'custom_constraint' && typeof c.name === 'string' && isPickable(c.name)) return c.name;
  return null;
}
