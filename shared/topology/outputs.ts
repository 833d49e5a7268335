// "Add as output" in the inspector: the attribute an operator wants back
// from a deployed resource (a server's first address, a floating IP's
// address), as a stack output. Offered only for HOT templates (CFN writes
// Outputs with Fn::GetAtt), and never twice for the same attribute.
import { entries, functionCall, get, isMap, keyText, toValue } from '../hot/node';
import type { HotTemplate } from '../hot/template';
import { resources } from '../hot/template';
import type { TopologyEdit } from './text-edits';

/** The attribute worth an output, per resource type. */
const OUTPUT_ATTRIBUTE: Record<string, string> = {
  'OS::Nova::Server': 'first_address',
  'OS::Neutron::FloatingIP': 'floating_ip_address',
  'OS::Nova::FloatingIP': 'ip',
};

export interface OutputSuggestion {
  resource: string;
  attribute: string;
  /** The output key a new output gets (free in the template), or the existing one's key. */
  key: string;
  /** True when an output already returns exactly this attribute. */
  exists: boolean;
}

function outputsMap(t: HotTemplate) {
  const outputs = isMap(t.root) ? get(t.root, 'outputs') : undefined;
  return isMap(outputs) ? outputs : undefined;
}

/** The key of an output whose value is `{get_attr: [resource, attribute]}`, if any. */
function existingOutput(t: HotTemplate, resource: string, attribute: string): string | undefined {
  const outputs = outputsMap(t);
  for (const pair of outputs ? entries(outputs) : []) {
    const value = isMap(pair.value) ? get(pair.value, 'value') : undefined;
    const call = value ? functionCall(value) : undefined;
    if (call?.name !== 'get_attr') continue;
    const args = toValue(call.args);
    if (Array.isArray(args) && args.length === 2 && args[0] === resource && args[1] === attribute) return keyText(pair.key);
  }
  return undefined;
}

function freeKey(t: HotTemplate, base: string): string {
  const outputs = outputsMap(t);
  const taken = new Set(outputs ? entries(outputs).map((p) => keyText(p.key)) : []);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** What "Add as output" offers for one resource (null: nothing for this type or template kind). */
export function outputSuggestion(t: HotTemplate, resource: string): OutputSuggestion | null {
  if (t.kind !== 'hot') return null;
  const entry = resources(t).find((r) => r.name === resource);
  const attribute = entry ? OUTPUT_ATTRIBUTE[entry.type ?? ''] : undefined;
  if (!attribute) return null;
  const existing = existingOutput(t, resource, attribute);
  return { resource, attribute, key: existing ?? freeKey(t, `${resource}_${attribute}`), exists: existing !== undefined };
}

/** The edit adding the suggested output, with a description in the user's words. */
export function addOutputEdit(s: OutputSuggestion, description: string): TopologyEdit {
  return { op: 'addEntry', path: ['outputs'], key: s.key, value: { description, value: { get_attr: [s.resource, s.attribute] } } };
}
