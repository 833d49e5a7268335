// Turns what Heat holds for a stack (its template and nested files as
// parsed JSON, keyed by the file:// URLs the client sent, and its merged
// environment) back into library files: YAML text, nested files at paths
// relative to the root, references rewritten from URLs to those paths, and
// the studio's own sandbox mapping taken out of the environment (it was
// added at deploy time, never written by the user). Pure.
import { stringify } from 'yaml';
import { dirname, normalize } from '../hot/paths';
import { SANDBOX_SERVICE_PATTERNS } from '../cloud/sandbox-environment';

export interface HeldStack {
  template: Record<string, unknown>;
  environment: Record<string, unknown>;
  files: Record<string, string>;
}

export interface StackFiles {
  entryPath: string;
  yaml: string;
  files: Record<string, string>;
  environment: string | null;
}

const ENV_SECTIONS = ['parameters', 'parameter_defaults', 'resource_registry', 'event_sinks', 'encrypted_param_names', 'parameter_merge_strategies'];

export function stackToFiles(held: HeldStack, entryPath = 'template.yaml'): StackFiles {
  // file:///nested/x.yaml -> nested/x.yaml (the library root-relative path the deploy sent).
  const pathOf = new Map<string, string>();
  for (const url of Object.keys(held.files)) {
    if (url.startsWith('file://')) pathOf.set(url, normalize(url.slice('file://'.length).replace(/^\/+/, '')));
  }
  const relativeTo = (fromFile: string, target: string): string => relativePath(dirname(fromFile), target);
  const rewrite = (value: unknown, fromFile: string): unknown => {
    if (typeof value === 'string') {
      const target = pathOf.get(value);
      return target === undefined ? value : relativeTo(fromFile, target);
    }
    if (Array.isArray(value)) return value.map((v) => rewrite(v, fromFile));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, rewrite(v, fromFile)]));
    }
    return value;
  };

  const files: Record<string, string> = {};
  for (const [url, text] of Object.entries(held.files)) {
    const path = pathOf.get(url);
    if (path === undefined) continue; // the sandbox environment and other non-file entries
    const parsed = parseJsonObject(text);
    files[path] = parsed && isTemplate(parsed) ? toYaml(rewrite(parsed, path)) : text;
  }
  return {
    entryPath,
    yaml: toYaml(rewrite(held.template, entryPath)),
    files,
    environment: environmentYaml(rewrite(held.environment, entryPath) as Record<string, unknown>),
  };
}

function environmentYaml(env: Record<string, unknown>): string | null {
  const out: Record<string, unknown> = {};
  for (const section of ENV_SECTIONS) {
    let value = env[section];
    if (section === 'resource_registry' && value && typeof value === 'object') {
      const registry = { ...(value as Record<string, unknown>) };
      for (const p of SANDBOX_SERVICE_PATTERNS) if (registry[p] === 'OS::Heat::None') delete registry[p];
      // Heat adds an empty per-resource section to every environment.
      if (registry.resources && typeof registry.resources === 'object' && Object.keys(registry.resources).length === 0) delete registry.resources;
      value = registry;
    }
    if (isEmpty(value)) continue;
    out[section] = value;
  }
  return Object.keys(out).length ? toYaml(out) : null;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v as object).length === 0);
}

function isTemplate(v: Record<string, unknown>): boolean {
  return 'heat_template_version' in v || 'HeatTemplateFormatVersion' in v || 'AWSTemplateFormatVersion' in v;
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function toYaml(value: unknown): string {
  // Heat reads YAML 1.1: quote strings 1.1 would read as booleans (yes/no/on/off).
  return stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
}

/** POSIX relative path from a directory to a root-relative path. */
export function relativePath(fromDir: string, to: string): string {
  const from = fromDir === '.' ? [] : normalize(fromDir).split('/');
  const target = normalize(to).split('/');
  let i = 0;
  while (i < from.length && i < target.length - 1 && from[i] === target[i]) i++;
  return [...from.slice(i).map(() => '..'), ...target.slice(i)].join('/');
}
