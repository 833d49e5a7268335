import { describe, expect, it } from 'vitest';
import { ENV_SECTIONS, environmentFrom, parseEnvironment } from '../../../../shared/hot/environment';
import { entries, isMap, isNull, keyText } from '../../../../shared/hot/node';
import { manifest, readCorpus } from './corpus-helpers';

const environments = manifest().filter((e) => e.kind === 'environment');

describe('the shared environment corpus', () => {
  it('parses all 276 environment files, each section one Heat knows, erring only on the five with an empty section', () => {
    const problems: string[] = [];
    const sections = new Map<string, number>();
    let empty = 0;
    for (const e of environments) {
      const text = readCorpus(e.path);
      const env = parseEnvironment(text, e.path);
      for (const d of env.diagnostics) if (d.severity === 'error') problems.push(`${e.path}:${d.line} ${d.code} ${d.message}`);
      if (env.root === null || isNull(env.root)) {
        empty++;
        continue;
      }
      if (!isMap(env.root)) {
        problems.push(`${e.path}: not a mapping`);
        continue;
      }
      for (const p of entries(env.root)) {
        const name = keyText(p.key);
        sections.set(name, (sections.get(name) ?? 0) + 1);
        // Offsets locate the key in the original bytes (what edits splice).
        if (!text.slice(p.key.start, p.key.end).includes(name)) problems.push(`${e.path}: key ${name} not at its offsets`);
      }
    }
    expect(environments.length).toBe(276);
    // Five TripleO examples leave parameter_defaults with only comments under
    // it; Heat's environment_format.validate refuses a null section.
    expect(problems).toEqual(EMPTY_SECTION_FILES.map((f) => expect.stringMatching(new RegExp(`^${f}:\\d+ environment-empty-section`))));
    expect([...sections.keys()].every((s) => (ENV_SECTIONS as readonly string[]).includes(s))).toBe(true);
    // Recorded counts (also in the issue note): which sections the corpus uses.
    expect(Object.fromEntries([...sections].sort())).toEqual(EXPECTED_SECTIONS);
    expect(empty).toBe(EXPECTED_EMPTY);
  });

  it('merges every environment file into a registry without throwing, and gives back its bytes unchanged', () => {
    let mappings = 0;
    for (const e of environments) {
      const text = readCorpus(e.path);
      const env = parseEnvironment(text, e.path);
      const model = environmentFrom([env]);
      mappings += model.registry.size;
      expect(env.text).toBe(text);
    }
    expect(mappings).toBe(EXPECTED_MAPPINGS);
  });
});

const EMPTY_SECTION_FILES = [
  'tripleo-heat-templates/environments/barbican-backend-dogtag.yaml',
  'tripleo-heat-templates/environments/barbican-backend-kmip.yaml',
  'tripleo-heat-templates/environments/barbican-backend-simple-crypto.yaml',
  'tripleo-heat-templates/environments/firewall.yaml',
  'tripleo-heat-templates/environments/rhsm.yaml',
];
const EXPECTED_SECTIONS: Record<string, number> = { parameter_defaults: 195, parameter_merge_strategies: 1, parameters: 6, resource_registry: 219 };
const EXPECTED_EMPTY = 0;
const EXPECTED_MAPPINGS = 1494;
