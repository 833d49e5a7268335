// Just enough of Heat's intrinsic functions to count resources offline:
// literals, get_param (through parameter values, the environment and
// defaults, typed as Heat types them) and the condition functions. Anything
// decided at deploy time (get_attr, get_resource, str_replace ...) becomes an
// Unresolved value carrying why, so a count that depends on it is reported as
// unknown rather than guessed.
import { entries, functionCall, isMap, isScalar, isSeq, keyText, toValue, type HNode } from '../hot/node';
import { sectionMap, type HotTemplate } from '../hot/template';
import { KNOWN_VERSIONS, versionInfo } from '../hot/versions';

export class Unresolved {
  constructor(readonly why: string) {}
}

export type Plain = string | number | boolean | null | Unresolved | Plain[] | { [key: string]: Plain };

export function isUnresolved(v: unknown): v is Unresolved {
  return v instanceof Unresolved;
}

export interface Scope {
  template: HotTemplate;
  /** Parameter values already typed; an Unresolved says why a parameter has none. */
  params: ReadonlyMap<string, Plain>;
  /** get_file: a project file by the path written in the template (relative to it); undefined if absent. */
  readFile?: (ref: string) => string | undefined;
}

/** The value of a property node: literals as they are, get_param looked up, other functions unresolved. */
export function evaluate(node: HNode | undefined, scope: Scope, depth = 0): Plain {
  if (!node) return null;
  if (depth > 50) return new Unresolved('nesting');
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((i) => evaluate(i, scope, depth + 1));
  const call = functionCall(node);
  if (call && isFunctionName(call.name, scope.template)) {
    if (call.name === 'get_param') return getParam(call.args, scope, depth);
    if (call.name === 'get_file' && isScalar(call.args) && typeof call.args.value === 'string' && scope.readFile) {
      return scope.readFile(call.args.value) ?? new Unresolved(`get_file ${call.args.value}`);
    }
    return new Unresolved(call.name);
  }
  const out: { [key: string]: Plain } = {};
  for (const p of entries(node)) out[keyText(p.key)] = evaluate(p.value, scope, depth + 1);
  return out;
}

/** A one-key map is a function call when the template's version has that function (as Heat decides); `{size: 10}` is not. */
function isFunctionName(name: string, template: HotTemplate): boolean {
  const info = template.version_info ?? versionInfo(LATEST_VERSION);
  return !!info && (info.functions.includes(name) || info.removed_functions.includes(name) || info.condition_functions.includes(name));
}

const LATEST_VERSION =
  KNOWN_VERSIONS.filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
    .sort()
    .at(-1) ?? '';

function getParam(args: HNode, scope: Scope, depth: number): Plain {
  const path = isSeq(args) ? args.items.map((a) => evaluate(a, scope, depth + 1)) : [evaluate(args, scope, depth + 1)];
  const [name, ...rest] = path;
  if (typeof name !== 'string') return new Unresolved('get_param');
  let value: Plain = scope.params.has(name) ? (scope.params.get(name) as Plain) : new Unresolved(`parameter ${name}`);
  for (const key of rest) {
    if (isUnresolved(value)) return value;
    if (Array.isArray(value) && typeof key === 'number') value = value[key] ?? null;
    else if (Array.isArray(value) && typeof key === 'string' && /^\d+$/.test(key)) value = value[Number(key)] ?? null;
    else if (value && typeof value === 'object' && !Array.isArray(value) && (typeof key === 'string' || typeof key === 'number'))
      value = (value as Record<string, Plain>)[String(key)] ?? null;
    else return new Unresolved(`get_param ${name}`);
  }
  return value;
}

/**
 * A parameter's value as Heat types it: deploy forms and environments send
 * strings, Heat turns them into numbers, lists, JSON or booleans by the
 * parameter's declared type.
 */
export function typedParameter(type: string, value: unknown, name: string): Plain {
  if (value instanceof Unresolved) return value;
  if (value === null || value === undefined) return new Unresolved(`parameter ${name}`);
  switch (type) {
    case 'number': {
      if (typeof value === 'number') return value;
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? n : new Unresolved(`parameter ${name}`);
    }
    case 'json':
      if (typeof value === 'string') {
        try {
          return JSON.parse(value) as Plain;
        } catch {
          return new Unresolved(`parameter ${name}`);
        }
      }
      return value as Plain;
    case 'comma_delimited_list':
      if (typeof value === 'string') return value === '' ? [] : value.split(',').map((s) => s.trim());
      return value as Plain;
    case 'boolean':
      if (typeof value === 'string') {
        const v = value.toLowerCase();
        if (['true', 't', 'on', 'yes', 'y', '1'].includes(v)) return true;
        if (['false', 'f', 'off', 'no', 'n', '0'].includes(v)) return false;
        return new Unresolved(`parameter ${name}`);
      }
      return value as Plain;
    default:
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : (value as Plain);
  }
}

/** Sources of a parameter's value, strongest first (Heat: explicit, environment parameters, parameter_defaults, default). */
export function parameterScope(template: HotTemplate, sources: ReadonlyArray<ReadonlyMap<string, unknown>>): Map<string, Plain> {
  const params = new Map<string, Plain>();
  const section = sectionMap(template, 'parameters');
  if (!section) return params;
  for (const p of entries(section)) {
    const name = keyText(p.key);
    const decl = p.value;
    const type = isMap(decl) && isScalar(decl.index.get('type')?.value) ? String((decl.index.get('type')!.value as { value: unknown }).value) : 'string';
    let raw: unknown = undefined;
    for (const s of sources) {
      if (s.has(name)) {
        raw = s.get(name);
        break;
      }
    }
    if (raw === undefined && isMap(decl) && decl.index.has('default')) raw = toValue(decl.index.get('default')!.value);
    params.set(name, typedParameter(type, raw, name));
  }
  return params;
}

/**
 * Whether a resource's `condition` holds: a boolean, or a named condition
 * built from equals/not/and/or/get_param. Unresolved when it depends on
 * something only Heat knows at deploy time.
 */
export function conditionHolds(condition: HNode | undefined, scope: Scope, depth = 0): boolean | Unresolved {
  if (!condition) return true;
  if (depth > 20) return new Unresolved('condition');
  if (isScalar(condition)) {
    if (typeof condition.value === 'boolean') return condition.value;
    if (typeof condition.value === 'string') {
      const named = sectionMap(scope.template, 'conditions')?.index.get(condition.value)?.value;
      if (!named) return new Unresolved(`condition ${condition.value}`);
      return conditionHolds(named, scope, depth + 1);
    }
    return new Unresolved('condition');
  }
  const call = functionCall(condition);
  if (!call) return new Unresolved('condition');
  const list = isSeq(call.args) ? call.args.items : [call.args];
  switch (call.name) {
    case 'equals': {
      if (list.length !== 2) return new Unresolved('equals');
      const [a, b] = list.map((n) => evaluate(n, scope));
      if (containsUnresolved(a) || containsUnresolved(b)) return new Unresolved('equals');
      return JSON.stringify(a) === JSON.stringify(b);
    }
    case 'not': {
      const v = conditionHolds(call.args, scope, depth + 1);
      return isUnresolved(v) ? v : !v;
    }
    case 'and':
    case 'or': {
      const vs = list.map((n) => conditionHolds(n, scope, depth + 1));
      const decided = call.name === 'and' ? vs.some((v) => v === false) : vs.some((v) => v === true);
      if (decided) return call.name === 'or';
      const open = vs.find(isUnresolved);
      return open ?? call.name === 'and';
    }
    case 'get_param': {
      const v = evaluate(condition, scope);
      return typeof v === 'boolean' ? v : new Unresolved('condition');
    }
    default:
      return new Unresolved(call.name);
  }
}

export function containsUnresolved(v: Plain | undefined): boolean {
  if (isUnresolved(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnresolved);
  if (v && typeof v === 'object') return Object.values(v).some(containsUnresolved);
  return false;
}
