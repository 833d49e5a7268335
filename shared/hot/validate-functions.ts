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
import { listParam, msg, type Message } from '../messages/message';

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
      ctx.sink.error('function-removed', call.pair.key, msg('hot.function-removed', { name: call.name, version: ctx.t.version }), hintFor(call.name));
      return;
    }
    if (known) {
      checkCall(ctx, call.name, call.args, call.pair.key, mode, owner);
      if (call.name !== 'yaql' || mode === 'condition') walkArgs(ctx, call.name, call.args, mode, owner, depth);
      return;
    }
    if (mode === 'condition' && ctx.info.functions.includes(call.name)) {
      ctx.sink.error(
        'function-not-allowed-in-condition',
        call.pair.key,
        msg('hot.function-not-allowed-in-condition', { name: call.name }),
        msg('hot.function-not-allowed-in-condition.hint', { functions: listParam(ctx.info.condition_functions) }),
      );
      return;
    }
    if (ALL_FUNCTIONS.has(call.name) && !(mode === 'template' && ['equals', 'not', 'and', 'or'].includes(call.name))) {
      ctx.sink.warning(
        'function-not-in-version',
        call.pair.key,
        msg('hot.function-not-in-version', { name: call.name, version: ctx.t.version }),
        msg('hot.function-not-in-version.hint'),
      );
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

/** The HOT way to write a CloudFormation function HOT removed. */
function hintFor(name: string): Message | undefined {
  const instead: Record<string, string> = {
    Ref: 'get_param / get_resource',
    'Fn::GetAtt': 'get_attr',
    'Fn::Join': 'list_join',
    'Fn::Select': 'get_attr / get_param (path), yaql',
    'Fn::Split': 'str_split',
    'Fn::Replace': 'str_replace',
  };
  if (name === 'Fn::Base64') return msg('hot.function-removed.base64');
  const use = instead[name];
  return use ? msg('hot.function-removed.hint', { use }) : undefined;
}

function walkArgs(ctx: ValidationContext, name: string, args: HNode, mode: WalkMode, owner: WalkOwner, depth: number): void {
  // get_resource/get_attr/get_param name arguments are references, not data;
  // still walk nested function calls inside their arguments.
  walkFunctions(ctx, args, mode, { ...owner, path: [...owner.path, name] }, depth + 1);
}

/** `shape` is HOT notation ([delimiter, list]) kept as written, or a worded shape. */
function argError(ctx: ValidationContext, at: HNode, name: string, shape: string | Message): void {
  ctx.sink.error('function-bad-arguments', at, msg('hot.function-bad-arguments', { name, shape }));
}

function isList(n: HNode, min: number, max = Infinity): boolean {
  return isSeq(n) && n.items.length >= min && n.items.length <= max;
}

function checkCall(ctx: ValidationContext, name: string, args: HNode, keyNode: HScalar, mode: WalkMode, owner: WalkOwner): void {
  switch (name) {
    case 'get_param': {
      const first = isSeq(args) ? args.items[0] : args;
      if (!first || !(isScalar(first) || isMap(first))) return argError(ctx, args, name, msg('hot.shape.parameter'));
      if (isScalar(first)) {
        const p = String(first.value);
        if (!ctx.parameters.has(p) && !PSEUDO_PARAMETERS.includes(p)) {
          // In an output Heat resolves it only when the output is shown (an
          // output error, the stack still creates); in a resource the create
          // fails with UserParameterMissing.
          ctx.sink.add(
            inOutput(owner) ? 'warning' : 'error',
            'unknown-parameter',
            first,
            msg('hot.unknown-parameter', { name: p }),
            didYouMean(p, ctx.parameters) ?? msg('hot.unknown-parameter.hint'),
          );
        }
      }
      return;
    }
    case 'get_resource': {
      if (!isString(args)) return argError(ctx, args, name, msg('hot.shape.resource'));
      referResource(ctx, args, owner, name);
      return;
    }
    case 'get_attr': {
      const minArgs = ctx.info.class >= 'HOTemplate20161014' ? 1 : 2;
      if (!isList(args, minArgs) || !isSeq(args))
        return argError(ctx, args, name, minArgs === 1 ? '[resource, attribute, path...]' : msg('hot.shape.getAttrTwo'));
      const res = args.items[0];
      if (!isString(res)) return argError(ctx, args, name, msg('hot.shape.getAttrLiteral'));
      const entry = referResource(ctx, res, owner, name);
      const attr = args.items[1];
      if (entry?.type && isString(attr)) checkAttribute(ctx, effectiveType(ctx, entry.type, entry.name), attr, res.value);
      return;
    }
    case 'get_file':
      if (!isString(args)) return argError(ctx, args, name, msg('hot.shape.file'));
      if (!/^[a-z]+:\/\//.test(args.value)) {
        const outside = ctx.options.outsideRoot?.(ctx.t.file, args.value);
        if (outside) return ctx.sink.error(OUTSIDE_FOLDER, args, outsideFolderMessage(args.value, outside.path, outside.root, 'read'));
      }
      if (ctx.options.resolveFile && !/^[a-z]+:\/\//.test(args.value) && !ctx.options.resolveFile(ctx.t.file, args.value)) {
        ctx.sink.warning('file-not-found', args, msg('hot.file-not-found.getFile', { path: args.value }));
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
      if (!isMap(args) || !get(args, 'template') || !get(args, 'params'))
        return argError(ctx, args, name, msg('hot.shape.mappingWith', { keys: '"template", "params"' }));
      return;
    case 'repeat':
      if (!isMap(args) || !get(args, 'for_each') || !get(args, 'template'))
        return argError(ctx, args, name, msg('hot.shape.mappingWith', { keys: '"for_each", "template"' }));
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
      if (!isSeq(args) && !functionCall(args)) argError(ctx, args, name, msg('hot.shape.list'));
      return;
    case 'map_replace':
      if (!isList(args, 2, 2)) argError(ctx, args, name, '[mapping, {keys: ..., values: ...}]');
      return;
    case 'yaql':
      if (!isMap(args) || !get(args, 'expression')) argError(ctx, args, name, msg('hot.shape.mappingWith', { keys: '"expression", "data"' }));
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
      if (!isMap(args) && !functionCall(args)) argError(ctx, args, name, msg('hot.shape.urlParts'));
      return;
    case 'contains':
      if (!isList(args, 2, 2)) argError(ctx, args, name, '[value, sequence]');
      return;
    case 'equals':
      if (!isList(args, 2, 2)) argError(ctx, args, name, '[value1, value2]');
      return;
    case 'and':
    case 'or':
      if (!isList(args, 2)) argError(ctx, args, name, msg('hot.shape.twoConditions'));
      else if (isSeq(args)) for (const c of args.items) if (isString(c)) referCondition(ctx, c);
      return;
    case 'not':
      if (isString(args)) referCondition(ctx, args);
      return;
    case 'resource_facade':
      if (!isString(args) || !['metadata', 'deletion_policy', 'update_policy'].includes(args.value))
        argError(ctx, args, name, msg('hot.shape.oneOf', { values: listParam(['metadata', 'deletion_policy', 'update_policy']) }));
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
    ctx.sink.add(severity, 'unknown-resource', node, msg('hot.unknown-resource', { fn, name: target }), didYouMean(target, ctx.resources.keys()));
    return undefined;
  }
  if (owner.resource) {
    if (owner.resource === target) ctx.sink.error('self-reference', node, msg('hot.self-reference', { name: target, fn }));
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
    ctx.sink.error('unknown-condition', node, msg('hot.unknown-condition', { name }), didYouMean(name, ctx.conditions));
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
      ctx.sink.error('unknown-attribute', attr, msg('hot.unknown-attribute', { resource, type, name }), didYouMean(name, Object.keys(schema.attributes)));
    }
    return;
  }
  const nested = ctx.options.nested?.(ctx.t.file, mappedFile(ctx, type) ?? type);
  if (nested && !nested.outputs.has(name) && !BASE_ATTRIBUTES.includes(name) && !name.startsWith('resource.')) {
    ctx.sink.error('unknown-attribute', attr, msg('hot.unknown-attribute.nested', { resource, type, name }), didYouMean(name, nested.outputs));
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
