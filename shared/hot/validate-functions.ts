// Intrinsic functions: which ones the template's version allows (Heat's
// per-version tables), their argument shapes, and the references they make
// (parameters, resources, attributes, conditions, files).
import { BASE_ATTRIBUTES, isPlaceholder, resourceType } from './catalog';
import type { HNode, HScalar, PathSegment } from './node';
import { functionCall, get, isMap, isNull, isScalar, isSeq, isString } from './node';
import type { ValidationContext } from './validate-context';
import { addDep, didYouMean } from './validate-context';
import { OUTSIDE_FOLDER, outsideFolderMessage } from './file-refs';
import { KNOWN_VERSIONS, PSEUDO_PARAMETERS, versionInfo } from './versions';

export type WalkMode = 'template' | 'condition';

/** Every function name any HOT version knows (to flag use in the wrong version). */
const ALL_FUNCTIONS = new Set<string>(
  KNOWN_VERSIONS.flatMap((v) => {
    const i = versionInfo(v);
    return i ? [...i.functions, ...i.condition_functions] : [];
  }),
);

export interface WalkOwner {
  /** Resource the snippet belongs to (for dependency edges), if any. */
  resource?: string;
  path: PathSegment[];
}

export function walkFunctions(ctx: ValidationContext, node: HNode, mode: WalkMode, owner: WalkOwner, depth = 0): void {
  if (depth > 200) return;
  if (isSeq(node)) {
    node.items.forEach((item, i) => walkFunctions(ctx, item, mode, { ...owner, path: [...owner.path, i] }, depth + 1));
    return;
  }
  if (!isMap(node)) return;
  const call = functionCall(node);
  if (call) {
    const known = mode === 'condition' ? conditionAllowed(ctx, call.name) : ctx.info.functions.includes(call.name);
    if (ctx.info.removed_functions.includes(call.name)) {
      ctx.sink.error('function-removed', call.pair.key, `The function ${call.name} is not supported in heat_template_version ${ctx.t.version}.`, hintFor(call.name));
      return;
    }
    if (known) {
      checkCall(ctx, call.name, call.args, call.pair.key, mode, owner);
      if (call.name !== 'yaql' || mode === 'condition') walkArgs(ctx, call.name, call.args, mode, owner, depth);
      return;
    }
    if (mode === 'condition' && ctx.info.functions.includes(call.name)) {
      ctx.sink.error('function-not-allowed-in-condition', call.pair.key, `The function ${call.name} cannot be used in a condition.`, `Conditions may use ${ctx.info.condition_functions.join(', ')}.`);
      return;
    }
    if (ALL_FUNCTIONS.has(call.name) && !(mode === 'template' && ['equals', 'not', 'and', 'or'].includes(call.name))) {
      ctx.sink.warning('function-not-in-version', call.pair.key, `${call.name} is not a function in heat_template_version ${ctx.t.version}; Heat will pass it through as plain data.`, 'Use a newer heat_template_version.');
    }
  }
  for (const p of node.pairs) {
    if (p.merged) continue;
    walkFunctions(ctx, p.value, mode, { ...owner, path: [...owner.path, String(p.key.value)] }, depth + 1);
  }
}

function conditionAllowed(ctx: ValidationContext, name: string): boolean {
  return ctx.info.condition_functions.includes(name);
}

function hintFor(name: string): string | undefined {
  const hot: Record<string, string> = {
    Ref: 'Use get_param or get_resource.',
    'Fn::GetAtt': 'Use get_attr.',
    'Fn::Join': 'Use list_join.',
    'Fn::Select': 'Use a path in get_attr/get_param, or yaql.',
    'Fn::Split': 'Use str_split.',
    'Fn::Replace': 'Use str_replace.',
    'Fn::Base64': 'Pass the string directly.',
  };
  return hot[name];
}

function walkArgs(ctx: ValidationContext, name: string, args: HNode, mode: WalkMode, owner: WalkOwner, depth: number): void {
  // get_resource/get_attr/get_param name arguments are references, not data;
  // still walk nested function calls inside their arguments.
  walkFunctions(ctx, args, mode, { ...owner, path: [...owner.path, name] }, depth + 1);
}

function argError(ctx: ValidationContext, at: HNode, name: string, shape: string): void {
  ctx.sink.error('function-bad-arguments', at, `Arguments to "${name}" must be ${shape}.`);
}

function isList(n: HNode, min: number, max = Infinity): boolean {
  return isSeq(n) && n.items.length >= min && n.items.length <= max;
}

function checkCall(ctx: ValidationContext, name: string, args: HNode, keyNode: HScalar, mode: WalkMode, owner: WalkOwner): void {
  switch (name) {
    case 'get_param': {
      const first = isSeq(args) ? args.items[0] : args;
      if (!first || !(isScalar(first) || isMap(first))) return argError(ctx, args, name, 'a parameter name or [name, path...]');
      if (isScalar(first)) {
        const p = String(first.value);
        if (!ctx.parameters.has(p) && !PSEUDO_PARAMETERS.includes(p)) {
          // In an output Heat resolves it only when the output is shown (an
          // output error, the stack still creates); in a resource the create
          // fails with UserParameterMissing.
          ctx.sink.add(inOutput(owner) ? 'warning' : 'error', 'unknown-parameter', first, `get_param refers to "${p}", which is not a declared parameter.`, didYouMean(p, ctx.parameters) ?? 'Declare it under parameters.');
        }
      }
      return;
    }
    case 'get_resource': {
      if (!isString(args)) return argError(ctx, args, name, 'a resource name');
      referResource(ctx, args, owner, name);
      return;
    }
    case 'get_attr': {
      const minArgs = ctx.info.class >= 'HOTemplate20161014' ? 1 : 2;
      if (!isList(args, minArgs) || !isSeq(args)) return argError(ctx, args, name, minArgs === 1 ? '[resource, attribute, path...]' : '[resource, attribute, path...] (at least two items)');
      const res = args.items[0];
      if (!isString(res)) return argError(ctx, args, name, '[resource name, attribute, ...] with a literal resource name');
      const entry = referResource(ctx, res, owner, name);
      const attr = args.items[1];
      if (entry?.type && isString(attr)) checkAttribute(ctx, effectiveType(ctx, entry.type, entry.name), attr, res.value);
      return;
    }
    case 'get_file':
      if (!isString(args)) return argError(ctx, args, name, 'a file path or URL');
      if (!/^[a-z]+:\/\//.test(args.value)) {
        const outside = ctx.options.outsideRoot?.(ctx.t.file, args.value);
        if (outside) return ctx.sink.error(OUTSIDE_FOLDER, args, outsideFolderMessage(args.value, outside.path, outside.root, 'read'));
      }
      if (ctx.options.resolveFile && !/^[a-z]+:\/\//.test(args.value) && !ctx.options.resolveFile(ctx.t.file, args.value)) {
        ctx.sink.warning('file-not-found', args, `get_file refers to "${args.value}", which is not among the available files.`);
      }
      return;
    case 'list_join':
      if (ctx.info.class === 'HOTemplate20130523' || ctx.info.class === 'HOTemplate20141016' || ctx.info.class === 'HOTemplate20150430') {
        if (!isList(args, 2, 2)) argError(ctx, args, name, '[delimiter, list]');
      } else if (!isList(args, 2)) argError(ctx, args, name, '[delimiter, list, ...]');
      return;
    case 'str_replace':
    case 'str_replace_strict':
    case 'str_replace_vstrict':
      if (!isMap(args) || !get(args, 'template') || !get(args, 'params')) return argError(ctx, args, name, 'a mapping with "template" and "params"');
      return;
    case 'repeat':
      if (!isMap(args) || !get(args, 'for_each') || !get(args, 'template')) return argError(ctx, args, name, 'a mapping with "for_each" and "template"');
      return;
    case 'digest':
      if (!isList(args, 2, 2)) argError(ctx, args, name, '[algorithm, value]');
      return;
    case 'str_split':
      if (!isList(args, 2, 3)) argError(ctx, args, name, '[delimiter, string] or [delimiter, string, index]');
      return;
    case 'map_merge':
    case 'list_concat':
    case 'list_concat_unique':
      if (!isSeq(args) && !functionCall(args)) argError(ctx, args, name, 'a list');
      return;
    case 'map_replace':
      if (!isList(args, 2, 2)) argError(ctx, args, name, '[mapping, {keys: ..., values: ...}]');
      return;
    case 'yaql':
      if (!isMap(args) || !get(args, 'expression')) argError(ctx, args, name, 'a mapping with "expression" and "data"');
      return;
    case 'if': {
      if (!isList(args, 2, 3) || !isSeq(args)) return argError(ctx, args, name, '[condition, value_if_true, value_if_false]');
      const cond = args.items[0];
      if (isString(cond)) referCondition(ctx, cond);
      else if (cond) walkFunctions(ctx, cond, 'condition', owner);
      return;
    }
    case 'filter':
      if (!isList(args, 2, 2)) argError(ctx, args, name, '[values_to_remove, list]');
      return;
    case 'make_url':
      if (!isMap(args) && !functionCall(args)) argError(ctx, args, name, 'a mapping of URL parts (scheme, host, port, path, query, fragment ...)');
      return;
    case 'contains':
      if (!isList(args, 2, 2)) argError(ctx, args, name, '[value, sequence]');
      return;
    case 'equals':
      if (!isList(args, 2, 2)) argError(ctx, args, name, '[value1, value2]');
      return;
    case 'and':
    case 'or':
      if (!isList(args, 2)) argError(ctx, args, name, 'a list of at least two conditions');
      else if (isSeq(args)) for (const c of args.items) if (isString(c)) referCondition(ctx, c);
      return;
    case 'not':
      if (isString(args)) referCondition(ctx, args);
      return;
    case 'resource_facade':
      if (!isString(args) || !['metadata', 'deletion_policy', 'update_policy'].includes(args.value)) argError(ctx, args, name, 'one of metadata, deletion_policy, update_policy');
      return;
  }
  void keyNode;
  void mode;
}

function referResource(ctx: ValidationContext, node: HScalar, owner: WalkOwner, fn: string) {
  const target = String(node.value);
  const entry = ctx.resources.get(target);
  if (!entry) {
    // Heat checks get_attr references in outputs when it validates, but a
    // get_resource in an output only fails when the output is shown.
    const severity = fn === 'get_resource' && inOutput(owner) ? 'warning' : 'error';
    ctx.sink.add(severity, 'unknown-resource', node, `${fn} refers to "${target}", which is not a resource in this template.`, didYouMean(target, ctx.resources.keys()));
    return undefined;
  }
  if (owner.resource) {
    if (owner.resource === target) ctx.sink.error('self-reference', node, `Resource "${target}" refers to itself with ${fn}.`);
    else addDep(ctx, owner.resource, target);
  }
  return entry;
}

function inOutput(owner: WalkOwner): boolean {
  return owner.resource === undefined && owner.path[0] === 'outputs';
}

export function referCondition(ctx: ValidationContext, node: HScalar): void {
  const name = String(node.value);
  ctx.usedConditions.add(name);
  if (!ctx.conditions.has(name)) {
    ctx.sink.error('unknown-condition', node, `Condition "${name}" is not defined in the conditions section.`, didYouMean(name, ctx.conditions));
  }
}

/** Types whose attributes come from members, outputs or config (not the schema). */
const DYNAMIC_ATTRIBUTES = /Deployment|Group|Chain|::Stack$|TestResource|None$/;

function checkAttribute(ctx: ValidationContext, type: string, attr: HScalar, resource: string): void {
  const schema = resourceType(type);
  const name = String(attr.value);
  if (schema) {
    // NoneResource (and the removed types built on it) answers any attribute with null.
    if (DYNAMIC_ATTRIBUTES.test(type) || isPlaceholder(type)) return;
    if (!(name in schema.attributes) && !BASE_ATTRIBUTES.includes(name)) {
      ctx.sink.error('unknown-attribute', attr, `Resource "${resource}" (${type}) has no attribute "${name}".`, didYouMean(name, Object.keys(schema.attributes)));
    }
    return;
  }
  const nested = ctx.options.nested?.(ctx.t.file, mappedFile(ctx, type) ?? type);
  if (nested && !nested.outputs.has(name) && !BASE_ATTRIBUTES.includes(name) && !name.startsWith('resource.')) {
    ctx.sink.error('unknown-attribute', attr, `Resource "${resource}" (${type}) has no output "${name}" to read as an attribute.`, didYouMean(name, nested.outputs));
  }
}

/** The type Heat instantiates for a resource: the environment's mapping, if any. */
function effectiveType(ctx: ValidationContext, type: string, resource: string): string {
  const mapped = ctx.options.environment?.resolve(type, resource);
  return mapped && !mapped.file ? mapped.target : type;
}

function mappedFile(ctx: ValidationContext, type: string): string | undefined {
  const target = ctx.options.environment?.resolveType(type);
  return target && !target.includes('::') ? target : undefined;
}

export function isNullish(n: HNode | undefined): boolean {
  return !n || isNull(n);
}
