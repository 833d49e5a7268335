// Resource definitions: allowed keys, type (built-in, environment-mapped or
// nested template), properties against the type's schema, depends_on.
import { isPlaceholder, resourceType, resourceTypeNames } from './catalog';
import type { PropertySchema } from './catalog';
import type { HMap, HNode, PathSegment } from './node';
import { entries, functionCall, get, isMap, isNull, isScalar, isSeq, isString, keyText } from './node';
import { isTemplateFileType } from './template';
import type { ResourceEntry } from './template';
import type { ValidationContext } from './validate-context';
import { addDep, didYouMean } from './validate-context';
import { referCondition, walkFunctions } from './validate-functions';
import { listParam, msg, type Message } from '../messages/message';

/** The property a value check speaks of. */
interface PropertyRef {
  property: string;
  name: string;
}

/** A support message from Heat's schema (its English, quoted) after ours. */
function supportNote(m: Message, note: string | null | undefined): Message {
  return note ? msg('hot.withNote', { text: m, note }) : m;
}

const TYPE_NAMESPACES = new Set<string>();

// Heat keeps resource names in its database and in URLs: a NUL (or any other
// control character, written as an escape in a quoted key) cannot be stored.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;

export function validateResource(ctx: ValidationContext, r: ResourceEntry): void {
  const def = r.definition;
  const control = CONTROL_CHAR.exec(r.name);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    ctx.sink.error(
      'resource-bad-name',
      r.pair.key,
      msg('hot.resource-bad-name', { name: JSON.stringify(r.name), char: String(code) }),
      msg('hot.resource-bad-name.hint'),
    );
  }
  if (!isMap(def)) {
    ctx.sink.error('resource-not-mapping', r.pair.key, msg('hot.resource-not-mapping', { name: r.name }));
    return;
  }
  for (const p of entries(def)) {
    const key = keyText(p.key);
    if (!ctx.info.resource_keys.includes(key)) {
      ctx.sink.error(
        'unknown-resource-key',
        p.key,
        msg('hot.unknown-resource-key', { key, name: r.name, version: ctx.t.version }),
        didYouMean(key, ctx.info.resource_keys) ?? msg('hot.validKeys', { keys: listParam(ctx.info.resource_keys) }),
      );
    }
  }
  const typeNode = get(def, 'type');
  if (!typeNode || isNull(typeNode)) {
    ctx.sink.error('resource-missing-type', r.pair.key, msg('hot.resource-missing-type', { name: r.name }), msg('hot.resource-missing-type.hint'));
  } else if (!isString(typeNode)) {
    ctx.sink.error('resource-bad-type', typeNode, msg('hot.resource-bad-type', { name: r.name }));
  }
  const props = get(def, 'properties');
  if (props && !isNull(props) && !isMap(props)) {
    ctx.sink.error('resource-bad-properties', props, msg('hot.resource-bad-properties', { name: r.name }));
  }
  for (const key of ['metadata', 'update_policy']) {
    const v = get(def, key);
    if (v && !isNull(v) && !isMap(v)) ctx.sink.error('resource-bad-field', v, msg('hot.resource-bad-field', { field: key, name: r.name }));
  }
  const policy = get(def, 'deletion_policy');
  if (isScalar(policy) && policy.value !== null && !ctx.info.deletion_policies.includes(String(policy.value))) {
    ctx.sink.error(
      'resource-bad-deletion-policy',
      policy,
      msg('hot.resource-bad-deletion-policy', { policy: String(policy.value), name: r.name }),
      msg('hot.useOneOf', { values: listParam(ctx.info.deletion_policies) }),
    );
  }
  const cond = get(def, 'condition');
  if (isString(cond)) referCondition(ctx, cond);
  else if (cond && isMap(cond)) walkFunctions(ctx, cond, 'condition', { path: ['condition'] });
  validateDependsOn(ctx, r.name, get(def, 'depends_on'));
  if (isString(typeNode)) validateType(ctx, r, typeNode.value, isMap(props) ? props : undefined);
  for (const key of ['properties', 'metadata', 'update_policy', 'deletion_policy', 'external_id']) {
    const v = get(def, key);
    if (v) walkFunctions(ctx, v, 'template', { resource: r.name, path: [key] });
  }
}

function validateDependsOn(ctx: ValidationContext, name: string, node: HNode | undefined): void {
  if (!node || isNull(node)) return;
  const items = isSeq(node) ? node.items : [node];
  for (const item of items) {
    if (!isScalar(item) || item.value === null) {
      ctx.sink.error('resource-bad-depends-on', item, msg('hot.resource-bad-depends-on', { name }));
      continue;
    }
    const target = String(item.value);
    if (target === name) ctx.sink.error('self-reference', item, msg('hot.self-reference.dependsOn', { name }));
    else if (!ctx.resources.has(target)) {
      ctx.sink.error('unknown-resource', item, msg('hot.unknown-resource', { fn: 'depends_on', name: target }), didYouMean(target, ctx.resources.keys()));
    } else addDep(ctx, name, target);
  }
}

function namespaceKnown(type: string): boolean {
  if (TYPE_NAMESPACES.size === 0) {
    for (const n of [
      'OS::Nova',
      'OS::Neutron',
      'OS::Cinder',
      'OS::Heat',
      'OS::Glance',
      'OS::Swift',
      'OS::Keystone',
      'OS::Octavia',
      'OS::Designate',
      'OS::Trove',
      'OS::Sahara',
      'OS::Magnum',
      'OS::Manila',
      'OS::Mistral',
      'OS::Zaqar',
      'OS::Aodh',
      'OS::Barbican',
      'OS::Senlin',
      'OS::Zun',
      'OS::Blazar',
      'OS::Ironic',
      'OS::Vitrage',
      'OS::Monasca',
      'OS::Tacker',
      'AWS::EC2',
      'AWS::IAM',
    ])
      TYPE_NAMESPACES.add(n);
  }
  return TYPE_NAMESPACES.has(type.split('::').slice(0, 2).join('::'));
}

function validateType(ctx: ValidationContext, r: ResourceEntry, type: string, props: HMap | undefined): void {
  const at = r.typeNode ?? r.pair.key;
  const mapped = ctx.options.environment?.resolve(type, r.name);
  const effective = mapped ? (mapped.file ?? mapped.target) : type;
  if (mapped?.file || (!mapped && isTemplateFileType(type))) {
    const nested = ctx.options.nested?.(mapped?.file ? '' : ctx.t.file, effective);
    if (!nested) {
      if (ctx.options.resolveFile)
        ctx.sink.warning('nested-template-unavailable', at, msg('hot.nested-template-unavailable', { file: effective, name: r.name }));
      return;
    }
    if (props) {
      for (const p of entries(props)) {
        const key = keyText(p.key);
        if (!nested.parameters.has(key)) {
          ctx.sink.error(
            'unknown-property',
            p.key,
            msg('hot.unknown-property.nested', { key, file: effective, name: r.name }),
            didYouMean(key, nested.parameters.keys()),
          );
        }
      }
    }
    for (const [pname, info] of nested.parameters) {
      if (info.required && !props?.index.has(pname) && !ctx.options.environment?.parameterDefaults.has(pname)) {
        // Heat's /validate does not check this, and at create time any
        // environment's parameter_defaults may still supply it (TripleO's
        // way), so it is a warning until validated with that environment.
        ctx.sink.warning('missing-required-property', at, msg('hot.missing-required-property.nested', { name: r.name, parameter: pname, file: effective }));
      }
    }
    return;
  }
  // OS::Heat::None accepts any properties (its validate() does nothing), so
  // a type mapped to it is not checked against its original schema either.
  if (effective === 'OS::Heat::None') return;
  const schema = resourceType(effective);
  if (!schema) {
    if (mapped || isTemplateFileType(type)) return;
    if (namespaceKnown(type)) {
      ctx.sink.error('unknown-resource-type', at, msg('hot.unknown-resource-type', { type }), didYouMean(type, resourceTypeNames()));
    } else {
      ctx.sink.warning('unmapped-resource-type', at, msg('hot.unmapped-resource-type', { type }), msg('hot.unmapped-resource-type.hint'));
    }
    return;
  }
  if (isPlaceholder(effective)) {
    // Heat keeps removed types (OS::Designate::Domain, OS::Magnum::Bay ...)
    // as subclasses of NoneResource: any properties are accepted and the
    // stack creates, but the resource does nothing. Worth a warning only.
    ctx.sink.warning('resource-type-removed', at, supportNote(msg('hot.resource-type-removed.placeholder', { type: effective }), schema.support_message));
    return;
  }
  if (schema.support_status === 'HIDDEN' && /LBaaS V2/.test(schema.support_message ?? '')) {
    // Neutron LBaaS v1: Heat still has the classes, but no current Neutron
    // serves the extension, so Heat answers ResourceTypeUnavailable.
    ctx.sink.error('resource-type-removed', at, supportNote(msg('hot.resource-type-removed', { type: effective }), schema.support_message));
  } else if (schema.support_status === 'HIDDEN') {
    // Hidden types are unlisted, not refused: Heat still instantiates them.
    ctx.sink.warning('resource-type-hidden', at, supportNote(msg('hot.resource-type-hidden', { type: effective }), schema.support_message));
  } else if (schema.support_status === 'DEPRECATED') {
    ctx.sink.warning('resource-type-deprecated', at, supportNote(msg('hot.resource-type-deprecated', { type: effective }), schema.support_message));
  }
  // An external resource is adopted as is: Heat does not check its properties.
  if (!get(r.definition, 'external_id')) checkProperties(ctx, r.name, schema.properties, props, r.pair.key, ['properties']);
  if (effective === 'OS::Heat::ResourceGroup' && props) {
    const rd = get(props, 'resource_def');
    if (isMap(rd)) {
      const rdType = get(rd, 'type');
      if (isString(rdType)) {
        const inner: ResourceEntry = { name: `${r.name}.resource_def`, pair: { key: rdType, value: rd }, definition: rd, type: rdType.value, typeNode: rdType };
        const rdProps = get(rd, 'properties');
        validateType(ctx, inner, rdType.value, isMap(rdProps) ? rdProps : undefined);
      }
    }
  }
}

function checkProperties(
  ctx: ValidationContext,
  resource: string,
  schema: Record<string, PropertySchema>,
  props: HMap | undefined,
  at: HNode,
  path: PathSegment[],
): void {
  if (props) {
    for (const p of entries(props)) {
      const key = keyText(p.key);
      const s = schema[key];
      if (!s) {
        ctx.sink.error('unknown-property', p.key, msg('hot.unknown-property', { key, name: resource }), didYouMean(key, Object.keys(schema)));
        continue;
      }
      if (s.support_status === 'HIDDEN' || s.support_status === 'DEPRECATED') {
        // Heat still accepts most of these through its translation rules
        // (network_id -> network), so this is a warning, not an error.
        ctx.sink.warning(
          'property-deprecated',
          p.key,
          supportNote(
            msg(s.support_status === 'HIDDEN' ? 'hot.property-deprecated.hidden' : 'hot.property-deprecated', { key, name: resource }),
            s.support_message,
          ),
        );
      }
      checkValue(ctx, resource, s, p.value, [...path, key]);
    }
  }
  const replaced = new Set<string>();
  if (props) {
    for (const p of entries(props)) {
      const key = keyText(p.key);
      const m = /Use property ([\w:-]+)/.exec(schema[key]?.support_message ?? '');
      if (m?.[1]) replaced.add(m[1]);
      // Heat's translation rules map old "<name>_id" properties to "<name>".
      if (schema[key]?.support_status && key.endsWith('_id')) replaced.add(key.slice(0, -3));
    }
  }
  for (const [key, s] of Object.entries(schema)) {
    if (replaced.has(key)) continue;
    if (s.required && s.default === undefined && (!props || !props.index.has(key) || isNull(get(props, key)))) {
      ctx.sink.error(
        'missing-required-property',
        props && props.index.has(key) ? (get(props, key) as HNode) : at,
        msg('hot.missing-required-property', { name: resource, property: [...path.slice(1), key].join('.') }),
      );
    }
  }
}

function checkValue(ctx: ValidationContext, resource: string, s: PropertySchema, v: HNode, path: PathSegment[]): void {
  if (isNull(v) || (functionCall(v) && isFunction(ctx, v))) return;
  const where: PropertyRef = { property: path.slice(1).join('.'), name: resource };
  const wrong = (expected: 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'map') =>
    ctx.sink.error('property-wrong-type', v, msg('hot.property-wrong-type', { ...where, expected: msg(`hot.expected.${expected}`) }));
  switch (s.type) {
    case 'string':
      if (!isScalar(v)) return wrong('string');
      break;
    case 'integer':
      if (!isScalar(v) || typeof v.value === 'boolean' || !/^\s*[-+]?\d+\s*$/.test(String(v.value))) return wrong('integer');
      break;
    case 'number':
      if (!isScalar(v) || typeof v.value === 'boolean' || Number.isNaN(Number(v.value)) || String(v.value).trim() === '') return wrong('number');
      break;
    case 'boolean':
      if (!isScalar(v) || !(typeof v.value === 'boolean' || /^(t|true|on|y|yes|1|f|false|off|n|no|0)$/i.test(String(v.value)))) return wrong('boolean');
      break;
    case 'list':
      if (!isSeq(v)) {
        if (isScalar(v) && typeof v.value === 'string') break; // Heat splits comma-delimited strings
        return wrong('list');
      }
      if (s.schema?.['*']) v.items.forEach((item, i) => checkValue(ctx, resource, s.schema?.['*'] as PropertySchema, item, [...path, i]));
      checkConstraints(ctx, s, v, where);
      return;
    case 'map':
      if (!isMap(v)) return wrong('map');
      if (s.schema && !s.schema['*']) checkProperties(ctx, resource, s.schema, v, v, path);
      checkConstraints(ctx, s, v, where);
      return;
  }
  checkConstraints(ctx, s, v, where);
}

/**
 * The schema's constraints on a literal value, as Heat's constraints.py
 * applies them when it creates the resource: allowed_values, range
 * (inclusive), length (characters, items or keys), modulo, allowed_pattern
 * (a match of the whole value). custom_constraint (nova.flavor,
 * neutron.network ...) asks the cloud, so offline it is not checked.
 */
function checkConstraints(ctx: ValidationContext, s: PropertySchema, v: HNode, where: PropertyRef): void {
  for (const c of s.constraints ?? []) {
    const problem = constraintProblem(s.type, c, v);
    if (!problem) continue;
    // The schema's own description is Heat's English, quoted as it is.
    const described = typeof c.description === 'string' && c.description ? ` (${c.description})` : '';
    ctx.sink.error(problem.code, v, msg('hot.property-constraint', { ...where, problem: problem.message, described }));
    return;
  }
}

function constraintProblem(type: PropertySchema['type'], c: Record<string, unknown>, v: HNode): { code: string; message: Message } | undefined {
  const scalar = isScalar(v) && v.value !== null ? v.value : undefined;
  if ('allowed_values' in c) {
    const allowed = c.allowed_values;
    if (Array.isArray(allowed) && scalar !== undefined && !allowed.some((a) => String(a) === String(scalar))) {
      return {
        code: 'property-value-not-allowed',
        message: msg('hot.constraint.notAllowed', { value: String(scalar), allowed: listParam(allowed.map((a) => JSON.stringify(a))) }),
      };
    }
    return undefined;
  }
  const bounds = (key: 'range' | 'length') => {
    const b = c[key] as { min?: unknown; max?: unknown } | undefined;
    const num = (x: unknown) => (typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' && !Number.isNaN(Number(x)) ? Number(x) : undefined);
    return { min: num(b?.min), max: num(b?.max) };
  };
  const outside = (n: number, min: number | undefined, max: number | undefined) => (min !== undefined && n < min) || (max !== undefined && n > max);
  const span = (min: number | undefined, max: number | undefined): Message =>
    min !== undefined && max !== undefined
      ? msg('hot.span.between', { min: String(min), max: String(max) })
      : min !== undefined
        ? msg('hot.span.atLeast', { min: String(min) })
        : msg('hot.span.atMost', { max: String(max) });
  if ('range' in c) {
    if ((type !== 'integer' && type !== 'number') || scalar === undefined || typeof scalar === 'boolean') return undefined;
    const n = Number(scalar);
    const { min, max } = bounds('range');
    if (!Number.isNaN(n) && outside(n, min, max))
      return { code: 'property-out-of-range', message: msg('hot.constraint.range', { value: String(n), span: span(min, max) }) };
    return undefined;
  }
  if ('length' in c) {
    const size = isSeq(v) ? v.items.length : isMap(v) ? v.pairs.length : type === 'string' && scalar !== undefined ? String(scalar).length : undefined;
    const { min, max } = bounds('length');
    if (size !== undefined && outside(size, min, max))
      return { code: 'property-bad-length', message: msg('hot.constraint.length', { size: String(size), span: span(min, max) }) };
    return undefined;
  }
  if ('modulo' in c) {
    const m = c.modulo as { step?: unknown; offset?: unknown } | undefined;
    const step = Number(m?.step);
    const offset = Number(m?.offset);
    if (scalar === undefined || typeof scalar === 'boolean' || !step || Number.isNaN(offset)) return undefined;
    const n = Number(scalar);
    if (!Number.isNaN(n) && ((n % step) + step) % step !== ((offset % step) + step) % step)
      return { code: 'property-out-of-range', message: msg('hot.constraint.modulo', { value: String(n), step: String(step), offset: String(offset) }) };
    return undefined;
  }
  if ('allowed_pattern' in c && typeof c.allowed_pattern === 'string' && type === 'string' && typeof scalar === 'string') {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${c.allowed_pattern})`);
    } catch {
      return undefined; // Python-only regex syntax: Heat will judge.
    }
    const match = re.exec(scalar);
    if (!match || match[0].length !== scalar.length)
      return { code: 'property-pattern-mismatch', message: msg('hot.constraint.pattern', { value: scalar, pattern: c.allowed_pattern }) };
  }
  return undefined;
}

function isFunction(ctx: ValidationContext, v: HNode): boolean {
  const call = functionCall(v);
  return !!call && (ctx.info.functions.includes(call.name) || ctx.info.removed_functions.includes(call.name));
}
