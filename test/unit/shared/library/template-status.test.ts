import { describe, expect, it } from 'vitest';
import { templateStatus } from '../../../../shared/library/template-status';
import { RECOMMENDED_TEMPLATES } from '../../../../shared/library/recommended';

describe('templateStatus', () => {
  it('marks both recommended templates usable', () => {
    for (const rec of RECOMMENDED_TEMPLATES) expect(templateStatus(rec.yaml, {}, null)).toMatchObject({ status: 'usable', reason: '' });
  });

  it('names the first error with its line and column, and counts the rest', () => {
    const yaml =
      'heat_template_version: 2018-08-31\nresources:\n  a:\n    type: OS::Heat::Value\n    properties: {value: {get_resource: nope}}\n  b:\n    type: OS::Heat::None\n    depends_on: [missing]\n';
    const v = templateStatus(yaml, {}, null);
    expect(v.status).toBe('needs_editing');
    expect(v.reason).toMatch(/^line 5, column \d+: .*nope/);
    expect(v.reason).toMatch(/and 1 more/);
  });

  it("validates a nested template type against the version's files and an environment mapping", () => {
    const nested = 'heat_template_version: 2018-08-31\nparameters:\n  size: {type: number}\nresources: {}\n';
    const yaml = 'heat_template_version: 2018-08-31\nresources:\n  n:\n    type: My::Thing\n    properties: {size: 1}\n';
    const env = 'resource_registry:\n  My::Thing: nested.yaml\n';
    expect(templateStatus(yaml, { 'nested.yaml': nested }, env).status).toBe('usable');
    const wrongProperty = yaml.replace('size: 1', 'colour: red');
    expect(templateStatus(wrongProperty, { 'nested.yaml': nested }, env).status).toBe('needs_editing');
  });

  it('says a blank template has no resources yet', () => {
    expect(templateStatus('heat_template_version: 2018-08-31\nresources: {}\n', {}, null).reason).toMatch(/no resources/);
  });
});
