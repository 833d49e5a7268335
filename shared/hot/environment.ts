// Heat environment files: parsing with the same loader as templates, Heat's
// section rules, and the merged resource_registry used to resolve types.
import { DiagnosticSink, LineIndex } from './diagnostics';
import type { Diagnostic } from './diagnostics';
import { loadYaml } from './load';
import type { HNode } from './node';
import { entries, get, isMap, isNull, isScalar, isSeq, keyText, toValue } from './node';
import { dirname, joinPath } from './paths';
import { listParam, msg } from '../messages/message';

export const ENV_SECTIONS = [
  'parameters',
  'resource_registry',
  'parameter_defaults',
  'encrypted_param_names',
  'event_sinks',
  'parameter_merge_strategies',
] as const;
const HOOKS = ['pre-create', 'pre-update', 'pre-delete', 'post-create', 'post-update', 'post-delete'];
const MERGE_STRATEGIES = ['overwrite', 'merge', 'deep_merge'];

export interface EnvironmentFile {
  file: string;
  text: string;
  root: HNode | null;
  diagnostics: Diagnostic[];
}

export function parseEnvironment(text: string, file = 'environment.yaml'): EnvironmentFile {
  const sink = new DiagnosticSink(file, new LineIndex(text));
  const root = loadYaml(text, sink);
  if (root && !isNull(root) && !isMap(root)) {
    sink.error('environment-not-mapping', root, msg('hot.environment-not-mapping'));
  } else if (isMap(root)) {
    for (const pair of entries(root)) {
      const name = keyText(pair.key);
      if (!(ENV_SECTIONS as readonly string[]).includes(name)) {
        sink.error(
          'environment-unknown-section',
          pair.key,
          msg('hot.environment-unknown-section', { name }),
          msg('hot.environment-unknown-section.hint', { sections: listParam(ENV_SECTIONS) }),
        );
      } else if (isNull(pair.value)) {
        sink.error('environment-empty-section', pair.key, msg('hot.environment-empty-section', { name }), msg('hot.environment-empty-section.hint'));
      } else checkSection(sink, name, pair.value);
    }
  }
  return { file, text, root, diagnostics: sink.items };
}

function checkSection(sink: DiagnosticSink, name: string, value: HNode): void {
  if (['parameters', 'parameter_defaults', 'resource_registry', 'parameter_merge_strategies'].includes(name) && !isMap(value)) {
    sink.error('environment-bad-section', value, msg('hot.environment-bad-section.mapping', { name }));
    return;
  }
  if (['encrypted_param_names', 'event_sinks'].includes(name) && !isSeq(value)) {
    sink.error('environment-bad-section', value, msg('hot.environment-bad-section.list', { name }));
    return;
  }
  if (name === 'parameter_merge_strategies' && isMap(value)) {
    for (const p of entries(value)) {
      if (!isScalar(p.value) || !MERGE_STRATEGIES.includes(String(p.value.value))) {
        sink.error(
          'environment-bad-merge-strategy',
          p.value,
          msg('hot.environment-bad-merge-strategy', { name: keyText(p.key), strategies: listParam(MERGE_STRATEGIES) }),
        );
      }
    }
  }
  if (name === 'resource_registry' && isMap(value)) {
    for (const p of entries(value)) {
      const key = keyText(p.key);
      if (key === 'resources') {
        if (!isMap(p.value)) {
          sink.error('environment-bad-section', p.value, msg('hot.environment-bad-section.resources'));
          continue;
        }
        for (const r of entries(p.value)) checkResourceOverride(sink, keyText(r.key), r.value);
      } else if (key !== 'base_url' && !isScalar(p.value)) {
        sink.error('environment-bad-mapping', p.value, msg('hot.environment-bad-mapping', { name: key }));
      }
    }
  }
}

function checkResourceOverride(sink: DiagnosticSink, name: string, value: HNode): void {
  if (!isMap(value)) {
    sink.error('environment-bad-section', value, msg('hot.environment-bad-section.resource', { name }));
    return;
  }
  for (const p of entries(value)) {
    const key = keyText(p.key);
    if (key === 'hooks') {
      const hooks = isSeq(p.value) ? p.value.items : [p.value];
      for (const h of hooks) {
        if (!isScalar(h) || !HOOKS.includes(String(h.value))) {
          sink.error(
            'environment-bad-hook',
            h,
            msg('hot.environment-bad-hook', { hook: String(toValue(h)) }),
            msg('hot.environment-bad-hook.hint', { hooks: listParam(HOOKS) }),
          );
        }
      }
    } else if (key === 'restricted_actions') {
      continue;
    } else if (isMap(p.value)) {
      checkResourceOverride(sink, `${name}.${key}`, p.value);
    }
  }
}

interface Mapping {
  target: string;
  /** Environment file the mapping came from (file targets are relative to it). */
  from: string;
}

/** The merged view of one or more environment files (later files win). */
export class EnvironmentModel {
  readonly registry = new Map<string, Mapping>();
  readonly perResource = new Map<string, Map<string, Mapping>>();
  readonly parameters = new Map<string, unknown>();
  /** Where each `parameters` entry was set, for located diagnostics. */
  readonly parameterSources = new Map<string, { env: EnvironmentFile; key: HNode }>();
  readonly parameterDefaults = new Map<string, unknown>();
  readonly files: EnvironmentFile[] = [];

  add(env: EnvironmentFile): this {
    this.files.push(env);
    const root = env.root;
    if (!isMap(root)) return this;
    const params = get(root, 'parameters');
    if (isMap(params)) {
      for (const p of entries(params)) {
        this.parameters.set(keyText(p.key), toValue(p.value));
        this.parameterSources.set(keyText(p.key), { env, key: p.key });
      }
    }
    const defaults = get(root, 'parameter_defaults');
    if (isMap(defaults)) for (const p of entries(defaults)) this.parameterDefaults.set(keyText(p.key), toValue(p.value));
    const rr = get(root, 'resource_registry');
    if (!isMap(rr)) return this;
    const base = get(rr, 'base_url');
    const from = isScalar(base) && typeof base.value === 'string' ? joinPath(dirname(env.file), base.value) + '/x' : env.file;
    for (const p of entries(rr)) {
      const key = keyText(p.key);
      if (key === 'resources' && isMap(p.value)) {
        for (const r of entries(p.value)) {
          if (!isMap(r.value)) continue;
          const m = this.perResource.get(keyText(r.key)) ?? new Map<string, Mapping>();
          for (const t of entries(r.value)) {
            if (isScalar(t.value) && typeof t.value.value === 'string' && keyText(t.key) !== 'hooks') m.set(keyText(t.key), { target: t.value.value, from });
          }
          this.perResource.set(keyText(r.key), m);
        }
      } else if (key !== 'base_url' && isScalar(p.value)) {
        this.registry.set(key, { target: p.value.value === null ? 'OS::Heat::None' : String(p.value.value), from });
      }
    }
    return this;
  }

  /**
   * Follows the registry from a type to what Heat would instantiate: a
   * built-in type name, or a template file path (resolved against the
   * environment file that mapped it). Wildcards ("OS::Foo::*") follow Heat.
   */
  resolve(type: string, resourceName?: string): { target: string; file?: string } | undefined {
    let cur = type;
    let file: string | undefined;
    let mapped = false;
    for (let hop = 0; hop < 10; hop++) {
      const m = (resourceName ? this.perResource.get(resourceName)?.get(cur) : undefined) ?? this.registry.get(cur) ?? this.wildcard(cur);
      if (!m || m.target === cur) break;
      mapped = true;
      cur = m.target;
      if (!cur.includes('::')) {
        file = /^[a-z]+:\/\//.test(cur) ? cur : joinPath(dirname(m.from), cur);
        break;
      }
    }
    if (!mapped) return undefined;
    return file ? { target: cur, file } : { target: cur };
  }

  resolveType(type: string): string | undefined {
    const r = this.resolve(type);
    return r ? (r.file ?? r.target) : undefined;
  }

  private wildcard(type: string): Mapping | undefined {
    for (const [key, m] of this.registry) {
      if (!key.endsWith('*')) continue;
      const prefix = key.slice(0, -1);
      if (!type.startsWith(prefix)) continue;
      // Heat's GlobResourceInfo: "OS::Foo::*: Bar::*" keeps the suffix,
      // "OS::Foo::*: OS::Heat::None" maps every match to one type.
      return { target: m.target.endsWith('*') ? m.target.slice(0, -1) + type.slice(prefix.length) : m.target, from: m.from };
    }
    return undefined;
  }
}

export function environmentFrom(files: EnvironmentFile[]): EnvironmentModel {
  const env = new EnvironmentModel();
  for (const f of files) env.add(f);
  return env;
}
