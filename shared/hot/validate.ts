// Offline validation of one template: the passes Heat runs at
// POST /validate, each reporting located diagnostics with stable codes.
import { DiagnosticSink, LineIndex } from './diagnostics';
import type { Diagnostic } from './diagnostics';
import type { HNode, HPair } from './node';
import { entries, get, isMap, isNull, isScalar, isString, keyText } from './node';
import { names, resources, section } from './template';
import type { HotTemplate, ResourceEntry } from './template';
import type { ValidateOptions, ValidationContext } from './validate-context';
import { didYouMean } from './validate-context';
import { referCondition, walkFunctions } from './validate-functions';
import { validateParameterGroups, validateParameters } from './validate-parameters';
import { validateResource } from './validate-resources';
import { KNOWN_VERSIONS, LIMITS } from './versions';
import { listParam, msg } from '../messages/message';

export type { ValidateOptions } from './validate-context';

export function validateTemplate(t: HotTemplate, options: ValidateOptions = {}): Diagnostic[] {
  const sink = new DiagnosticSink(t.file, t.lines);
  sink.items.push(...t.loadDiagnostics);
  if (t.text.length > LIMITS.maxTemplateSize) {
    sink.warning(
      'template-too-large',
      null,
      msg('hot.template-too-large', { bytes: t.text.length, limit: LIMITS.maxTemplateSize }),
      msg('hot.template-too-large.hint'),
    );
  }
  if (t.loadDiagnostics.some((d) => d.severity === 'error')) return sink.items;
  const root = t.root;
  if (root === null || isNull(root)) {
    // Located at line 1, column 1 (not 0:0): editors and the CLI show it at the file's start.
    sink.error('missing-version', { start: 0, end: 0 }, msg('hot.missing-version.empty'), msg('hot.missing-version.emptyHint'));
    return sink.items;
  }
  if (!isMap(root)) {
    sink.error('not-a-mapping', root, msg('hot.not-a-mapping'), msg('hot.not-a-mapping.hint'));
    return sink.items;
  }
  if (t.kind === 'cfn') {
    sink.add('info', 'cfn-template', null, msg('hot.cfn-template'));
    return sink.items;
  }
  if (t.kind !== 'hot' || !t.versionNode) {
    sink.error('missing-version', root, msg('hot.missing-version'), msg('hot.missing-version.hint'));
    return sink.items;
  }
  const info = t.version_info;
  if (!info) {
    sink.error(
      'unknown-version',
      t.versionNode,
      msg('hot.unknown-version', { version: t.version ?? '' }),
      didYouMean(t.version ?? '', KNOWN_VERSIONS) ?? msg('hot.useOneOf', { values: listParam(KNOWN_VERSIONS) }),
    );
    return sink.items;
  }
  const resourceList = resources(t);
  const ctx: ValidationContext = {
    t,
    sink,
    info,
    parameters: names(t, 'parameters'),
    resources: new Map(resourceList.map((r) => [r.name, r])),
    conditions: names(t, 'conditions'),
    options,
    deps: new Map(),
    usedConditions: new Set(),
  };
  for (const pair of entries(root)) {
    const name = keyText(pair.key);
    if (!info.sections.includes(name)) {
      const hint =
        name === 'conditions'
          ? msg('hot.unknown-section.conditions')
          : (didYouMean(name, info.sections) ?? msg('hot.unknown-section.hint', { sections: listParam(info.sections) }));
      sink.error('unknown-section', pair.key, msg('hot.unknown-section', { name, version: t.version }), hint);
    }
  }
  const desc = section(t, 'description');
  if (desc && !isNull(desc) && !isScalar(desc)) sink.error('bad-description', desc, msg('hot.bad-description'));
  validateParameters(ctx, section(t, 'parameters'));
  validateParameterGroups(ctx, section(t, 'parameter_groups'));
  const res = section(t, 'resources');
  if (res && !isNull(res) && !isMap(res)) sink.error('section-not-mapping', res, msg('hot.section-not-mapping.resources'));
  for (const r of resourceList) validateResource(ctx, r);
  if (resourceList.length > LIMITS.maxResourcesPerStack) {
    sink.warning('too-many-resources', res ?? null, msg('hot.too-many-resources', { count: resourceList.length, limit: LIMITS.maxResourcesPerStack }));
  }
  validateOutputs(ctx, section(t, 'outputs'));
  validateConditions(ctx, section(t, 'conditions'));
  reportCycles(ctx);
  checkEnvironmentParameters(ctx);
  return sink.items;
}

function validateConditions(ctx: ValidationContext, node: HNode | undefined): void {
  if (!node || isNull(node)) return;
  if (!isMap(node)) {
    ctx.sink.error('section-not-mapping', node, msg('hot.section-not-mapping.conditions'));
    return;
  }
  // Heat evaluates a condition only when something uses it, so problems in
  // an unused condition are warnings. Used ones are checked first because
  // they mark the conditions they refer to as used.
  const pending = entries(node);
  const done = new Set<HPair>();
  const check = (pair: HPair, used: boolean): void => {
    done.add(pair);
    const before = ctx.sink.items.length;
    const v = pair.value;
    if (isString(v)) {
      if (v.value === keyText(pair.key)) ctx.sink.error('condition-cycle', v, msg('hot.condition-cycle', { name: v.value }));
      else referCondition(ctx, v);
    } else walkFunctions(ctx, v, 'condition', { path: ['conditions', keyText(pair.key)] });
    if (!used) {
      for (const d of ctx.sink.items.slice(before)) {
        if (d.severity !== 'error') continue;
        d.severity = 'warning';
        d.message += ` (condition "${keyText(pair.key)}" is not used, so Heat does not evaluate it)`;
      }
    }
  };
  for (let progress = true; progress;) {
    progress = false;
    for (const pair of pending) {
      if (!done.has(pair) && ctx.usedConditions.has(keyText(pair.key))) {
        check(pair, true);
        progress = true;
      }
    }
  }
  for (const pair of pending) if (!done.has(pair)) check(pair, false);
}

function validateOutputs(ctx: ValidationContext, node: HNode | undefined): void {
  if (!node || isNull(node)) return;
  if (!isMap(node)) {
    ctx.sink.error('section-not-mapping', node, msg('hot.section-not-mapping.outputs'));
    return;
  }
  for (const pair of entries(node)) {
    const name = keyText(pair.key);
    const def = pair.value;
    if (!isMap(def)) {
      ctx.sink.error('output-not-mapping', pair.key, msg('hot.output-not-mapping', { name }));
      continue;
    }
    for (const p of entries(def)) {
      const key = keyText(p.key);
      // Heat reads outputs with dict.get and never checks their keys
      // (HOTemplate.validate_section runs only for tmpl['outputs'], which
      // the engine does not use): a stray key is ignored, so a warning.
      if (!ctx.info.output_keys.includes(key)) {
        ctx.sink.warning(
          'unknown-output-key',
          p.key,
          msg('hot.unknown-output-key', { key, name }),
          didYouMean(key, ctx.info.output_keys) ?? msg('hot.validKeys', { keys: listParam(ctx.info.output_keys) }),
        );
      }
    }
    if (!def.index.has('value'))
      ctx.sink.error('output-missing-value', pair.key, msg('hot.output-missing-value', { name }), msg('hot.output-missing-value.hint'));
    const cond = get(def, 'condition');
    if (isString(cond)) referCondition(ctx, cond);
    const value = get(def, 'value');
    if (value) walkFunctions(ctx, value, 'template', { path: ['outputs', name, 'value'] });
  }
}

/** Tarjan-free cycle search: DFS with colours, reporting each cycle once. */
function reportCycles(ctx: ValidationContext): void {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const m of ctx.deps.get(n) ?? []) {
      const s = state.get(m);
      if (s === 1) {
        const cycle = [...stack.slice(stack.indexOf(m)), m];
        const key = [...cycle].slice(0, -1).sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          const r = ctx.resources.get(m) as ResourceEntry;
          ctx.sink.error('dependency-cycle', r.pair.key, msg('hot.dependency-cycle', { cycle: cycle.join(' -> ') }), msg('hot.dependency-cycle.hint'));
        }
      } else if (s === undefined) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of ctx.deps.keys()) if (!state.has(n)) visit(n);
}

/** Heat refuses `parameters` values the template does not declare. */
function checkEnvironmentParameters(ctx: ValidationContext): void {
  const env = ctx.options.environment;
  if (!env) return;
  for (const [name, src] of env.parameterSources) {
    if (ctx.parameters.has(name)) continue;
    const sink = new DiagnosticSink(src.env.file, new LineIndex(src.env.text));
    sink.error(
      'environment-unknown-parameter',
      src.key,
      msg('hot.environment-unknown-parameter', { name, file: ctx.t.file }),
      didYouMean(name, ctx.parameters) ?? msg('hot.environment-unknown-parameter.hint'),
    );
    ctx.sink.items.push(...sink.items);
  }
}
