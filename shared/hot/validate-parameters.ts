// Parameters and parameter_groups, with Heat's rules for keys, types,
// constraints and defaults that must satisfy their own constraints.
import type { HMap, HNode } from './node';
import { entries, get, isMap, isNull, isScalar, isSeq, isString, keyText, toValue } from './node';
import type { ValidationContext } from './validate-context';
import { didYouMean } from './validate-context';

const CONSTRAINT_KEYS = ['length', 'range', 'modulo', 'allowed_values', 'allowed_pattern', 'custom_constraint'];
/** Which constraint kinds Heat accepts for which parameter type. */
const CONSTRAINTS_FOR: Record<string, string[]> = {
  string: ['length', 'allowed_values', 'allowed_pattern', 'custom_constraint'],
  number: ['range', 'modulo', 'allowed_values', 'custom_constraint'],
  comma_delimited_list: ['length', 'allowed_values', 'custom_constraint'],
  json: ['length', 'allowed_values', 'custom_constraint'],
  boolean: ['allowed_values', 'custom_constraint'],
};

export function validateParameters(ctx: ValidationContext, section: HNode | undefined): void {
  if (!section || isNull(section)) return;
  if (!isMap(section)) {
    ctx.sink.error('section-not-mapping', section, 'The parameters section must be a mapping of parameter names to definitions.');
    return;
  }
  for (const pair of entries(section)) {
    const name = keyText(pair.key);
    const def = pair.value;
    if (!isMap(def)) {
      ctx.sink.error('parameter-not-mapping', pair.key, `Parameter "${name}" must be a mapping with at least a type.`);
      continue;
    }
    for (const k of entries(def)) {
      const key = keyText(k.key);
      if (!ctx.info.parameter_keys.includes(key)) {
        ctx.sink.error(
          'unknown-parameter-key',
          k.key,
          `Invalid key "${key}" for parameter "${name}" in heat_template_version ${ctx.t.version}.`,
          didYouMean(key, ctx.info.parameter_keys) ?? `Allowed keys: ${ctx.info.parameter_keys.join(', ')}.`,
        );
      }
    }
    const typeNode = get(def, 'type');
    if (!typeNode) {
      ctx.sink.error('parameter-missing-type', pair.key, `Parameter "${name}" has no type.`, `Add "type: string" (or ${ctx.info.parameter_types.join(', ')}).`);
      continue;
    }
    const type = isScalar(typeNode) ? String(typeNode.value) : '';
    if (!ctx.info.parameter_types.includes(type)) {
      ctx.sink.error('parameter-bad-type', typeNode, `Parameter "${name}" has type "${type}", which Heat does not know.`, didYouMean(type, ctx.info.parameter_types) ?? `Use one of ${ctx.info.parameter_types.join(', ')}.`);
      continue;
    }
    for (const flag of ['hidden', 'immutable']) {
      const f = get(def, flag);
      if (f && !(isScalar(f) && (typeof f.value === 'boolean' || /^(true|false)$/i.test(String(f.value))))) {
        ctx.sink.error('parameter-bad-flag', f, `"${flag}" of parameter "${name}" must be true or false.`);
      }
    }
    const checks = validateConstraints(ctx, name, type, get(def, 'constraints'));
    const dflt = get(def, 'default');
    if (dflt && !isNull(dflt)) checkDefault(ctx, name, type, dflt, checks);
  }
}

type Check = (value: unknown) => string | undefined;

function validateConstraints(ctx: ValidationContext, name: string, type: string, node: HNode | undefined): Check[] {
  const checks: Check[] = [];
  if (!node || isNull(node)) return checks;
  if (!isSeq(node)) {
    ctx.sink.error('parameter-bad-constraints', node, `The constraints of parameter "${name}" must be a list.`);
    return checks;
  }
  for (const c of node.items) {
    if (!isMap(c)) {
      ctx.sink.error('parameter-bad-constraints', c, `Each constraint of parameter "${name}" must be a mapping.`);
      continue;
    }
    const kinds = entries(c).map((p) => keyText(p.key)).filter((k) => k !== 'description');
    const kind = kinds[0];
    if (kinds.length !== 1 || kind === undefined || !CONSTRAINT_KEYS.includes(kind)) {
      ctx.sink.error('parameter-bad-constraints', c, `A constraint of parameter "${name}" must have exactly one of ${CONSTRAINT_KEYS.join(', ')} (and an optional description).`);
      continue;
    }
    const arg = get(c, kind) as HNode;
    if (kind === 'modulo' && !ctx.info.modulo_constraint) {
      ctx.sink.error('constraint-not-in-version', c, `The modulo constraint needs heat_template_version 2017-02-24 or later.`);
      continue;
    }
    if (!(CONSTRAINTS_FOR[type] ?? []).includes(kind)) {
      ctx.sink.error('constraint-wrong-type', c, `A ${kind} constraint does not apply to parameter "${name}" of type ${type}.`);
      continue;
    }
    const check = constraintCheck(ctx, name, kind, arg, c);
    if (check) checks.push(check);
  }
  return checks;
}

function num(n: HNode | undefined): number | undefined {
  if (!isScalar(n) || n.value === null || typeof n.value === 'boolean') return undefined;
  const v = Number(n.value);
  return Number.isFinite(v) ? v : undefined;
}

function constraintCheck(ctx: ValidationContext, name: string, kind: string, arg: HNode, at: HMap): Check | undefined {
  const bad = (msg: string): undefined => {
    ctx.sink.error('parameter-bad-constraints', arg, `Parameter "${name}": ${msg}`);
    return undefined;
  };
  switch (kind) {
    case 'length':
    case 'range': {
      if (!isMap(arg)) return bad(`${kind} needs a mapping with min and/or max.`);
      for (const p of entries(arg)) if (!['min', 'max'].includes(keyText(p.key))) return bad(`${kind} accepts only min and max.`);
      const min = num(get(arg, 'min'));
      const max = num(get(arg, 'max'));
      if (get(arg, 'min') && min === undefined) return bad(`${kind} min must be a number.`);
      if (get(arg, 'max') && max === undefined) return bad(`${kind} max must be a number.`);
      if (min === undefined && max === undefined) return bad(`${kind} needs min or max.`);
      return (v) => {
        const size = kind === 'length' ? lengthOf(v) : Number(v);
        if (size === undefined || Number.isNaN(size)) return undefined;
        if (min !== undefined && size < min) return `${kind === 'length' ? 'length' : 'value'} ${size} is below the minimum ${min}`;
        if (max !== undefined && size > max) return `${kind === 'length' ? 'length' : 'value'} ${size} is above the maximum ${max}`;
        return undefined;
      };
    }
    case 'modulo': {
      const step = num(get(arg, 'step'));
      const offset = num(get(arg, 'offset'));
      if (!isMap(arg) || step === undefined || offset === undefined) return bad('modulo needs both step and offset.');
      if (step === 0) return bad('modulo step cannot be 0.');
      if (Math.abs(offset) >= Math.abs(step)) return bad('modulo offset must be smaller than step.');
      return (v) => {
        const n = Number(v);
        if (Number.isNaN(n)) return undefined;
        return ((n % step) + step) % step === ((offset % step) + step) % step ? undefined : `${n} is not a multiple of ${step} plus ${offset}`;
      };
    }
    case 'allowed_values': {
      if (!isSeq(arg)) return bad('allowed_values must be a list.');
      const allowed = arg.items.map((i) => toValue(i));
      return (v) => {
        const values = Array.isArray(v) ? v : [v];
        for (const x of values) if (!allowed.some((a) => String(a) === String(x))) return `"${String(x)}" is not one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
        return undefined;
      };
    }
    case 'allowed_pattern': {
      if (!isString(arg)) return bad('allowed_pattern must be a string.');
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${arg.value})`);
      } catch {
        return undefined; // Python regex syntax we cannot compile; Heat will judge.
      }
      return (v) => {
        const m = re.exec(String(v));
        return m && m[0].length === String(v).length ? undefined : `"${String(v)}" does not match the pattern ${arg.value}`;
      };
    }
    case 'custom_constraint':
      if (!isString(arg)) return bad('custom_constraint must be a constraint name.');
      void at;
      return undefined;
  }
  return undefined;
}

function lengthOf(v: unknown): number | undefined {
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) return v.length;
  if (v && typeof v === 'object') return Object.keys(v).length;
  return undefined;
}

function checkDefault(ctx: ValidationContext, name: string, type: string, node: HNode, checks: Check[]): void {
  let value = toValue(node);
  const fail = (msg: string, hint?: string): void =>
    ctx.sink.error('parameter-default-invalid', node, `The default of parameter "${name}" is invalid: ${msg}.`, hint);
  switch (type) {
    case 'number':
      if (typeof value === 'boolean' || !isScalar(node) || Number.isNaN(Number(value)) || String(value).trim() === '') return fail(`"${String(value)}" is not a number`);
      break;
    case 'boolean':
      if (!(typeof value === 'boolean' || value === '' || /^(t|true|on|y|yes|1|f|false|off|n|no|0)$/i.test(String(value)))) return fail(`"${String(value)}" is not a boolean`);
      break;
    case 'comma_delimited_list':
      if (typeof value === 'string') value = value.split(','); // Python: ''.split(',') == ['']
      else if (!Array.isArray(value)) return fail('it must be a list or a comma separated string');
      break;
    case 'json':
      if (value === '') value = {};
      else if (typeof value === 'string') {
        try {
          value = JSON.parse(value);
        } catch {
          return fail('it is not valid JSON');
        }
      } else if (typeof value !== 'object') return fail('it must be a mapping, a list or a JSON string');
      break;
    case 'string':
      if (!isScalar(node)) return fail('it must be a string, not a list or mapping', 'Quote the value or change the parameter type to json.');
      break;
  }
  for (const check of checks) {
    const problem = check(value);
    if (problem) return fail(problem, 'Change the default or the constraint.');
  }
}

export function validateParameterGroups(ctx: ValidationContext, section: HNode | undefined): void {
  if (!section || isNull(section)) return;
  if (!isSeq(section)) {
    ctx.sink.error('section-not-list', section, 'parameter_groups must be a list of groups.');
    return;
  }
  const seen = new Map<string, HNode>();
  for (const group of section.items) {
    if (!isMap(group)) {
      ctx.sink.error('parameter-group-invalid', group, 'Each parameter group must be a mapping with label, description and parameters.');
      continue;
    }
    const params = get(group, 'parameters');
    if (!params) {
      ctx.sink.error('parameter-group-invalid', group, 'A parameter group must have a "parameters" list.');
      continue;
    }
    if (!isSeq(params)) {
      ctx.sink.error('parameter-group-invalid', params, 'The parameters of a parameter group must be a list.');
      continue;
    }
    for (const p of params.items) {
      const pname = isScalar(p) ? String(p.value) : '';
      if (!ctx.parameters.has(pname)) {
        ctx.sink.error('parameter-group-unknown-parameter', p, `Parameter group names "${pname}", which is not a declared parameter.`, didYouMean(pname, ctx.parameters));
      } else if (seen.has(pname)) {
        ctx.sink.error('parameter-group-duplicate', p, `Parameter "${pname}" is in more than one parameter group.`);
      }
      seen.set(pname, p);
    }
  }
}
