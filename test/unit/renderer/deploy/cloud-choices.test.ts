// The deploy form's pickers: which constraints a template's form needs
// listed, facts as one line, and which choice a typed value names.
import { describe, expect, it } from 'vitest';
import { parameterGroups } from '../../../../renderer/deploy/parameter-form';
import { chosen, constraintsOf, factsText } from '../../../../renderer/deploy/cloud-choices';
import { parseTemplate } from '../../../../shared/hot/template';
import type { Choice } from '../../../../shared/existing/choices';

const yaml = `heat_template_version: 2018-08-31
parameters:
  flavor: {type: string, constraints: [{custom_constraint: nova.flavor}]}
  image: {type: string, constraints: [{length: {min: 1}}, {custom_constraint: glance.image}]}
  key: {type: string, constraints: [{custom_constraint: nova.keypair}]}
  other: {type: string, constraints: [{custom_constraint: nova.flavor}]}
  cron: {type: string, constraints: [{custom_constraint: cron_expression}]}
  plain: {type: string}
`;
const t = (key: string, p: Record<string, unknown>) => `${key.split('.').pop()}=${String(p.v ?? '')}`;

describe('cloud choices for a parameter form', () => {
  it('asks for each listable constraint once, never for ones the cloud cannot list', () => {
    expect(constraintsOf(parameterGroups(parseTemplate(yaml)))).toEqual(['nova.flavor', 'glance.image', 'nova.keypair']);
  });

  it('writes facts as one line, booleans only when true, image size in MiB', () => {
    const c: Choice = {
      value: 'cirros',
      name: 'cirros',
      id: 'i1',
      facts: [
        { key: 'status', value: 'active' },
        { key: 'sizeBytes', value: 21430272 },
        { key: 'shared', value: false },
        { key: 'external', value: true },
      ],
    };
    expect(factsText(c, t)).toBe('status=active · sizeBytes=20.4 MiB · external=');
  });

  it('finds the choice a typed value names by value, id or name', () => {
    const list: Choice[] = [
      { value: 'a', name: 'a', id: 'id-a', facts: [] },
      { value: 'id-b2', name: 'b', id: 'id-b2', facts: [] },
    ];
    expect(chosen(list, 'id-a')?.name).toBe('a');
    expect(chosen(list, 'b')?.id).toBe('id-b2');
    expect(chosen(list, 'zzz')).toBeNull();
  });
});
