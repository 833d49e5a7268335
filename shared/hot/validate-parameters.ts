// Parameters and parameter_groups, with Heat's rules for keys, types,
// constraints and defaults that must satisfy their own constraints.
import type { HMap, HNode } from './node';
import { entries, get, isMap, isNull, isScalar, isSeq, isString, keyText, toValue } from './node';
import type { ValidationContext } from './validate-context';
import { didYouMean } from './validate-context';
import { listParam, msg, type Message } from '../messages/message';

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
    ctx.sink.error('section-not-mapping', section, msg('hot.section-not-mapping.parameters'));
    return;
  }
  for (const pair of entries(section)) {
    const name = keyText(pair.key);
    const def = pair.value;
    if (!isMap(def)) {
      ctx.sink.error('parameter-not-mapping', pair.key, msg('hot.parameter-not-mapping', { name }));
      continue;
    }
    for (const k of entries(def)) {
      const key = keyText(k.key);
      if (!ctx.info.parameter_keys.includes(key)) {
        ctx.sink.error(
          'unknown-parameter-key',
          k.key,
          msg('hot.unknown-parameter-key', { key, name, version: ctx.t.version }),
          didYouMean(key, ctx.info.parameter_keys) ?? msg('hot.validKeys', { keys: listParam(ctx.info.parameter_keys) }),
        );
      }
    }
    const typeNode = get(def, 'type');
    if (!typeNode) {
      ctx.sink.error(
        'parameter-missing-type',
        pair.key,
        msg('hot.parameter-missing-type', { name }),
        msg('hot.parameter-missing-type.hint', { types: listParam(ctx.info.parameter_types) }),
      );
      continue;
    }
    const type = isScalar(typeNode) ? String(typeNode.value) : '';
    if (!ctx.info.parameter_types.includes(type)) {
      ctx.sink.error(
        'parameter-bad-type',
        typeNode,
        msg('hot.parameter-bad-type', { name, type }),
        didYouMean(type, ctx.info.parameter_types) ?? msg('hot.useOneOf', { values: listParam(ctx.info.parameter_types) }),
      );
      continue;
    }
    for (const flag of ['hidden', 'immutable']) {
      const f = get(def, flag);
      if (f && !(isScalar(f) && (typeof f.value === 'boolean' || /^(true|false)$/i.test(String(f.value))))) {
        ctx.sink.error('parameter-bad-flag', f, msg('hot.parameter-bad-flag', { flag, name }));
      }
    }
    const checks = validateConstraints(ctx, name, type, get(def, 'constraints'));
    const dflt = get(def, 'default');
    if (dflt && !isNull(dflt)) checkDefault(ctx, name, type, dflt, checks);
  }
}

type Check = (value: unknown) => Message | undefined;

function validateConstraints(ctx: ValidationContext, name: string, type: string, node: HNode | undefined): Check[] {
  const checks: Check[] = [];
  if (!node || isNull(node)) return checks;
  if (!isSeq(node)) {
    ctx.sink.error('parameter-bad-constraints', node, msg('hot.parameter-bad-constraints.list', { name }));
    return checks;
  }
  for (const c of node.items) {
    if (!isMap(c)) {
      ctx.sink.error('parameter-bad-constraints', c, msg('hot.parameter-bad-constraints.mapping', { name }));
      continue;
    }
    const kinds = entries(c)
      .map((p) => keyText(p.key))
      .filter((k) => k !== 'description');
    const kind = kinds[0];
    if (kinds.length !== 1 || kind === undefined || !CONSTRAINT_KEYS.includes(kind)) {
      ctx.sink.error('parameter-bad-constraints', c, msg('hot.parameter-bad-constraints.oneKind', { name, kinds: listParam(CONSTRAINT_KEYS) }));
      continue;
    }
    const arg = get(c, kind) as HNode;
    if (kind === 'modulo' && !ctx.info.modulo_constraint) {
      ctx.sink.error('constraint-not-in-version', c, msg('hot.constraint-not-in-version'));
      continue;
    }
    if (!(CONSTRAINTS_FOR[type] ?? []).includes(kind)) {
      ctx.sink.error('constraint-wrong-type', c, msg('hot.constraint-wrong-type', { kind, name, type }));
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
  const bad = (problem: Message): undefined => {
    ctx.sink.error('parameter-bad-constraints', arg, msg('hot.parameter-bad-constraints', { name, problem }));
    return undefined;
  };
  switch (kind) {
    case 'length':
    case 'range': {
      if (!isMap(arg)) return bad(msg('hot.constraintArg.needsMinMaxMap', { kind }));
      for (const p of entries(arg)) if (!['min', 'max'].includes(keyText(p.key))) return bad(msg('hot.constraintArg.onlyMinMax', { kind }));
      const min = num(get(arg, 'min'));
      const max = num(get(arg, 'max'));
      if (get(arg, 'min') && min === undefined) return bad(msg('hot.constraintArg.notNumber', { kind, bound: 'min' }));
      if (get(arg, 'max') && max === undefined) return bad(msg('hot.constraintArg.notNumber', { kind, bound: 'max' }));
      if (min === undefined && max === undefined) return bad(msg('hot.constraintArg.needsMinOrMax', { kind }));
      return (v) => {
        const size = kind === 'length' ? lengthOf(v) : Number(v);
        if (size === undefined || Number.isNaN(size)) return undefined;
        if (min !== undefined && size < min)
          return msg(kind === 'length' ? 'hot.check.lengthBelow' : 'hot.check.valueBelow', { size: String(size), bound: String(min) });
        if (max !== undefined && size > max)
          return msg(kind === 'length' ? 'hot.check.lengthAbove' : 'hot.check.valueAbove', { size: String(size), bound: String(max) });
        return undefined;
      };
    }
    case 'modulo': {
      const step = num(get(arg, 'step'));
      const offset = num(get(arg, 'offset'));
      if (!isMap(arg) || step === undefined || offset === undefined) return bad(msg('hot.constraintArg.moduloBoth'));
      if (step === 0) return bad(msg('hot.constraintArg.moduloZero'));
      if (Math.abs(offset) >= Math.abs(step)) return bad(msg('hot.constraintArg.moduloOffset'));
      return (v) => {
        const n = Number(v);
        if (Number.isNaN(n)) return undefined;
        return ((n % step) + step) % step === ((offset % step) + step) % step
          ? undefined
          : msg('hot.check.modulo', { value: String(n), step: String(step), offset: String(offset) });
      };
    }
    case 'allowed_values': {
      if (!isSeq(arg)) return bad(msg('hot.constraintArg.allowedValuesList'));
      const allowed = arg.items.map((i) => toValue(i));
      return (v) => {
        const values = Array.isArray(v) ? v : [v];
        for (const x of values)
          if (!allowed.some((a) => String(a) === String(x)))
            return msg('hot.check.notAllowed', { value: String(x), allowed: listParam(allowed.map((a) => JSON.stringify(a))) });
        return undefined;
      };
    }
    case 'allowed_pattern': {
      if (!isString(arg)) return bad(msg('hot.constraintArg.patternString'));
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${arg.value})`);
      } catch {
        return undefined; // Python regex syntax we cannot compile; Heat will judge.
      }
      return (v) => {
        const m = re.exec(String(v));
        return m && m[0].length === String(v).length ? undefined : msg('hot.check.pattern', { value: String(v), pattern: arg.value });
      };
    }
    case 'custom_constraint':
      if (!isString(arg)) return bad(msg('hot.constraintArg.customName'));
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
  const fail = (problem: Message, hint?: Message): void =>
    ctx.sink.error('parameter-default-invalid', node, msg('hot.parameter-default-invalid', { name, problem }), hint);
  switch (type) {
    case 'number':
      if (typeof value === 'boolean' || !isScalar(node) || Number.isNaN(Number(value)) || String(value).trim() === '')
        return fail(msg('hot.default.notNumber', { value: String(value) }));
      break;
    case 'boolean':
      if (!(typeof value === 'boolean' || value === '' || /^(t|true|on|y|yes|1|f|false|off|n|no|0)$/i.test(String(value))))
        return fail(msg('hot.default.notBoolean', { value: String(value) }));
      break;
    case 'comma_delimited_list':
      if (typeof value === 'string')
        value = value.split(','); // Python: ''.split(',') == ['']
      else if (!Array.isArray(value)) return fail(msg('hot.default.notList'));
      break;
    case 'json':
      if (value === '') value = {};
      else if (typeof value === 'string') {
        try {
          value = JSON.parse(value);
        } catch {
          return fail(msg('hot.default.badJson'));
        }
      } else if (typeof value !== 'object') return fail(msg('hot.default.notJson'));
      break;
    case 'string':
      if (!isScalar(node)) return fail(msg('hot.default.notString'), msg('hot.default.notString.hint'));
      break;
  }
  for (const check of checks) {
    const problem = check(value);
    if (problem) return fail(problem, msg('hot.parameter-default-invalid.hint'));
  }
}

export function validateParameterGroups(ctx: ValidationContext, section: HNode | undefined): void {
  if (!section || isNull(section)) return;
  if (!isSeq(section)) {
    ctx.sink.error('section-not-list', section, msg('hot.section-not-list'));
    return;
  }
  const seen = new Map<string, HNode>();
  for (const group of section.items) {
    if (!isMap(group)) {
      ctx.sink.error('parameter-group-invalid', group, msg('hot.parameter-group-invalid.mapping'));
      continue;
    }
    const params = get(group, 'parameters');
    if (!params) {
      ctx.sink.error('parameter-group-invalid', group, msg('hot.parameter-group-invalid.noParameters'));
      continue;
    }
    if (!isSeq(params)) {
      ctx.sink.error('parameter-group-invalid', params, msg('hot.parameter-group-invalid.list'));
      continue;
    }
    for (const p of params.items) {
      const pname = isScalar(p) ? String(p.value) : '';
      if (!ctx.parameters.has(pname)) {
        ctx.sink.error(
          'parameter-group-unknown-parameter',
          p,
          msg('hot.parameter-group-unknown-parameter', { name: pname }),
          didYouMean(pname, ctx.parameters),
        );
      } else if (seen.has(pname)) {
        ctx.sink.error('parameter-group-duplicate', p, msg('hot.parameter-group-duplicate', { name: pname }));
      }
      seen.set(pname, p);
    }
  }
}
