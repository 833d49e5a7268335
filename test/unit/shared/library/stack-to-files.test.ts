import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { relativePath, stackToFiles } from '../../../../shared/library/stack-to-files';
import { semanticDiff, isEmptyDiff } from '../../../../shared/library/semantic-diff';

describe('stackToFiles', () => {
  const entryYaml =
    'heat_template_version: 2018-08-31\nresources:\n  group:\n    type: OS::Heat::ResourceGroup\n    properties:\n      resource_def: {type: nested/member.yaml}\n  boot: {type: OS::Heat::Value, properties: {value: {get_file: scripts/boot.sh}}}\n';
  const member = { heat_template_version: '2018-08-31', resources: { r: { type: 'OS::Heat::RandomString' } } };

  it('turns file:// URLs back into the paths the library keeps, and JSON nested templates into YAML', () => {
    const held = {
      template: {
        heat_template_version: '2018-08-31',
        resources: {
          group: { type: 'OS::Heat::ResourceGroup', properties: { resource_def: { type: 'file:///nested/member.yaml' } } },
          boot: { type: 'OS::Heat::Value', properties: { value: { get_file: 'file:///scripts/boot.sh' } } },
        },
      },
      files: { 'file:///nested/member.yaml': JSON.stringify(member), 'file:///scripts/boot.sh': 'echo $HOME\n', 'heat-studio-sandbox.yaml': '{}' },
      environment: { parameters: {}, parameter_defaults: {}, resource_registry: { 'OS::Nova::*': 'OS::Heat::None', resources: {} }, event_sinks: [] },
    };
    const out = stackToFiles(held);
    expect(isEmptyDiff(semanticDiff(entryYaml, out.yaml))).toBe(true);
    expect(Object.keys(out.files).sort()).toEqual(['nested/member.yaml', 'scripts/boot.sh']);
    expect(parse(out.files['nested/member.yaml']!)).toEqual(member);
    expect(out.files['scripts/boot.sh']).toBe('echo $HOME\n');
    expect(out.environment).toBeNull(); // only the sandbox mapping and Heat's empty sections were there
  });

  it("keeps the user's environment and quotes strings YAML 1.1 would read as booleans", () => {
    const out = stackToFiles({
      template: { heat_template_version: '2018-08-31', parameters: { flag: { type: 'string', default: 'yes' } }, resources: {} },
      files: {},
      environment: { parameters: { flag: 'no' }, resource_registry: { 'My::Thing': 'OS::Heat::None' } },
    });
    expect(out.yaml).toContain('default: "yes"');
    expect(parse(out.environment!)).toEqual({ parameters: { flag: 'no' }, resource_registry: { 'My::Thing': 'OS::Heat::None' } });
  });

  it('computes relative paths between library files', () => {
    expect(relativePath('.', 'a/b.yaml')).toBe('a/b.yaml');
    expect(relativePath('x/y', 'x/z/c.yaml')).toBe('../z/c.yaml');
    expect(relativePath('x', 'x/c.yaml')).toBe('c.yaml');
  });
});
