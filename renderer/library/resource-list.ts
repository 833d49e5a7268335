// A short "what is in it" preview of a template for pickers: one line per
// resource, "name (type)". Tolerates YAML that does not parse (no preview).
import { parse } from 'yaml';

export function resourceTypesOf(yaml: string): string[] {
  try {
    const doc = parse(yaml, { version: '1.1', uniqueKeys: false, maxAliasCount: 100 }) as { resources?: unknown } | null;
    const resources = doc?.resources;
    if (!resources || typeof resources !== 'object') return [];
    return Object.entries(resources as Record<string, { type?: unknown }>).map(([name, r]) => `${name} (${typeof r?.type === 'string' ? r.type : '?'})`);
  } catch {
    return [];
  }
}
