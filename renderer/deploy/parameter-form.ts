// The deploy dialog's parameter form, generated from the template itself
// (shared/hot): each parameter's type, default, label, description, hidden
// flag and constraints, grouped by parameter_groups. Values are checked
// here before anything is sent, with the constraint's own description when
// the template gives one (as Heat reports it) or a translatable reason.
import { entries, get, isMap, isSeq, keyText, toValue, type HNode } from '../../shared/hot/node';
import { sectionMap, section, type HotTemplate } from '../../shared/hot/template';

export type ParamType = 'string' | 'number' | 'json' | 'comma_delimited_list' | 'boolean';

export type Constraint =
  | { kind: 'length'; min: number | null; max: number | null; description: string | null }
  | { kind: 'range'; min: number | null; max: number | null; description: string | null }
  | { kind: 'modulo'; step: number; offset: number; description: string | null }
  | { kind: 'allowed_values'; values: string[]; description: string | null }
  | { kind: 'allowed_pattern'; pattern: string; description: string | null }
  | { kind: 'custom_constraint'; name: string; description: string | null };

export interface ParameterField {
  name: string;
  type: ParamType;
  label: string | null;
  description: string | null;
  /** The default as the form shows it (text), or null when there is none. */
  defaultText: string | null;
  hidden: boolean;
  /** From an allowed_values constraint: the form shows a select. */
  allowedValues: string[] | null;
  constraints: Constraint[];
  /** Set when an environment supplies the value (then `defaultText` is that value): where it comes from, shown beside the field. */
  fromEnvironment?: string;
}

export interface FieldGroup {
  label: string | null;
  description: string | null;
  fields: ParameterField[];
}

/** Why a value is refused: a message key with its values, or the template's own words. */
export interface Refusal {
  key: string;
  params: Record<string, string | number>;
  /** The constraint's description from the template, shown instead of `key` when set. */
  custom: string | null;
}

const TYPES: readonly ParamType[] = ['string', 'number', 'json', 'comma_delimited_list', 'boolean'];

const str = (n: HNode | undefined): string | null => {
  const v = toValue(n);
  return v === undefined || v === null ? null : String(v);
};
const num = (n: HNode | undefined): number | null => {
  const v = toValue(n);
  return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : null;
};

/** The default as text: lists joined by commas, JSON as JSON. */
export function defaultText(type: ParamType, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (type === 'comma_delimited_list' && Array.isArray(value)) return value.join(',');
  if (type === 'json' && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function readConstraints(node: HNode | undefined): Constraint[] {
  if (!isSeq(node)) return [];
  const out: Constraint[] = [];
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const description = str(get(item, 'description'));
    const length = get(item, 'length');
    const range = get(item, 'range');
    const modulo = get(item, 'modulo');
    const allowed = get(item, 'allowed_values');
    const pattern = get(item, 'allowed_pattern');
    const custom = get(item, 'custom_constraint');
    if (length) out.push({ kind: 'length', min: num(get(length, 'min')), max: num(get(length, 'max')), description });
    if (range) out.push({ kind: 'range', min: num(get(range, 'min')), max: num(get(range, 'max')), description });
    if (modulo) out.push({ kind: 'modulo', step: num(get(modulo, 'step')) ?? 1, offset: num(get(modulo, 'offset')) ?? 0, description });
    if (isSeq(allowed)) out.push({ kind: 'allowed_values', values: allowed.items.map((v) => String(toValue(v))), description });
    if (pattern) out.push({ kind: 'allowed_pattern', pattern: str(pattern) ?? '', description });
    if (custom) out.push({ kind: 'custom_constraint', name: str(custom) ?? '', description });
  }
  return out;
}

export function parameterFields(t: HotTemplate): ParameterField[] {
  const params = sectionMap(t, 'parameters');
  if (!params) return [];
  return entries(params).map((pair) => {
    const def = pair.value;
    const declared = str(get(def, 'type'));
    const type: ParamType = TYPES.includes(declared as ParamType) ? (declared as ParamType) : 'string';
    const constraints = readConstraints(get(def, 'constraints'));
    const allowed = constraints.find((c) => c.kind === 'allowed_values');
    return {
      name: keyText(pair.key),
      type,
      label: str(get(def, 'label')),
      description: str(get(def, 'description')),
      defaultText: defaultText(type, toValue(get(def, 'default'))),
      hidden: toValue(get(def, 'hidden')) === true,
      allowedValues: allowed?.kind === 'allowed_values' ? allowed.values : null,
      constraints,
    };
  });
}

/** Fields in parameter_groups order; parameters in no group come last, in template order. */
export function parameterGroups(t: HotTemplate): FieldGroup[] {
  const fields = parameterFields(t);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const used = new Set<string>();
  const groups: FieldGroup[] = [];
  const declared = section(t, 'parameter_groups');
  if (isSeq(declared)) {
    for (const g of declared.items) {
      const names = get(g, 'parameters');
      const members = isSeq(names) ? names.items.map((n) => byName.get(String(toValue(n)))).filter((f): f is ParameterField => !!f && !used.has(f.name)) : [];
      members.forEach((f) => used.add(f.name));
      if (members.length) groups.push({ label: str(get(g, 'label')), description: str(get(g, 'description')), fields: members });
    }
  }
  const rest = fields.filter((f) => !used.has(f.name));
  if (rest.length) groups.push({ label: null, description: null, fields: rest });
  return groups;
}

export function initialValues(groups: readonly FieldGroup[]): Record<string, string> {
  return Object.fromEntries(groups.flatMap((g) => g.fields.map((f) => [f.name, f.defaultText ?? ''])));
}

const refuse = (key: string, params: Record<string, string | number>, custom: string | null): Refusal => ({ key, params, custom });

/** Why `text` is refused for `field`, or null when Heat would accept it. */
export function checkValue(field: ParameterField, text: string): Refusal | null {
  if (text === '' && field.defaultText === null) return refuse('deploy.reason.required', {}, null);
  const value = text === '' ? (field.defaultText ?? '') : text;
  if (field.type === 'number' && (value.trim() === '' || Number.isNaN(Number(value)))) return refuse('deploy.reason.number', {}, null);
  if (field.type === 'boolean' && !/^(true|false|yes|no|on|off|t|f|y|n|1|0)$/i.test(value)) return refuse('deploy.reason.boolean', {}, null);
  if (field.type === 'json') {
    try {
      JSON.parse(value);
    } catch {
      return refuse('deploy.reason.json', {}, null);
    }
  }
  for (const c of field.constraints) {
    const r = checkConstraint(field.type, c, value);
    if (r) return r;
  }
  return null;
}

function checkConstraint(type: ParamType, c: Constraint, value: string): Refusal | null {
  const items = type === 'comma_delimited_list' ? value.split(',').map((s) => s.trim()) : [value];
  switch (c.kind) {
    case 'length': {
      const n = type === 'comma_delimited_list' ? items.length : [...value].length;
      if ((c.min !== null && n < c.min) || (c.max !== null && n > c.max))
        return refuse(bounds('deploy.reason.length', c.min, c.max), { min: c.min ?? 0, max: c.max ?? 0 }, c.description);
      return null;
    }
    case 'range': {
      const n = Number(value);
      if ((c.min !== null && n < c.min) || (c.max !== null && n > c.max))
        return refuse(bounds('deploy.reason.range', c.min, c.max), { min: c.min ?? 0, max: c.max ?? 0 }, c.description);
      return null;
    }
    case 'modulo': {
      const n = Number(value);
      if (c.step !== 0 && (((n - c.offset) % c.step) + c.step) % c.step !== 0)
        return refuse('deploy.reason.modulo', { step: c.step, offset: c.offset }, c.description);
      return null;
    }
    case 'allowed_values': {
      const bad = items.find((v) => !c.values.includes(v));
      return bad === undefined ? null : refuse('deploy.reason.allowed', { values: c.values.join(', ') }, c.description);
    }
    case 'allowed_pattern': {
      // Heat anchors the pattern at the start and requires it to match the whole value.
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${c.pattern})$`);
      } catch {
        return null;
      }
      return items.every((v) => re.test(v)) ? null : refuse('deploy.reason.pattern', { pattern: c.pattern }, c.description);
    }
    case 'custom_constraint':
      return null; // checked by the cloud (e.g. nova.flavor): Heat's preview reports it
  }
}

function bounds(base: string, min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${base}Between`;
  return min !== null ? `${base}Min` : `${base}Max`;
}

/** The parameters to send: every value the user typed that differs from the default. */
export function parametersToSend(groups: readonly FieldGroup[], values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of groups.flatMap((g) => g.fields)) {
    const v = values[f.name] ?? '';
    if (v !== '' && v !== f.defaultText) out[f.name] = v;
  }
  return out;
}

/**
 * The update dialog's values after its form is (re)built for another
 * template: what the stack runs with now (else the default), except the
 * fields the person has already typed into — a form that finishes loading
 * after the first keystroke must never put the old value back.
 */
export function rebuiltValues(
  groups: readonly FieldGroup[],
  current: Readonly<Record<string, unknown>>,
  typed: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    groups.flatMap((g) =>
      g.fields.map((f) => {
        if (f.name in typed) return [f.name, typed[f.name]!];
        const now = current[f.name];
        return [f.name, now === undefined || now === null ? (f.defaultText ?? '') : String(now)];
      }),
    ),
  );
}

/** The fields whose value differs from the baseline the form was built with: what the person typed. */
export function typedSince(
  baseline: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string>>,
  typed: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = { ...typed };
  for (const [k, v] of Object.entries(values)) if (v !== baseline[k] || k in typed) out[k] = v;
  return out;
}
