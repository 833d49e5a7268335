// Which parameters of a deployed template name another stack's resource (the
// Heat side is tested on the real cloud: test/integration/stacks/in-use.test.ts).
import { describe, expect, it } from 'vitest';
import { neutronParameters, referencedIds } from '../../../../main/cloud/stack-dependencies';

const template = {
  parameters: {
    existing_net_a: { type: 'string', default: 'net-1', tags: ['heat-studio:existing=private-network'] },
    other_tool_net: { type: 'string', constraints: [{ custom_constraint: 'neutron.network' }] },
    flavor: { type: 'string', default: 'm1.tiny', constraints: [{ custom_constraint: 'nova.flavor' }] },
  },
};

describe('referencedIds', () => {
  it('takes marked and Neutron-constrained parameters, the stack’s value before the default', () => {
    const params = neutronParameters(template);
    expect(params.map(([n]) => n)).toEqual(['existing_net_a', 'other_tool_net']);
    expect([...referencedIds(params, { other_tool_net: 'net-2' })]).toEqual(['net-1', 'net-2']);
    expect([...referencedIds(params, { existing_net_a: 'net-3' })]).toEqual(['net-3']);
  });
  it('finds nothing in a template without parameters', () => {
    expect(neutronParameters({ resources: {} })).toEqual([]);
  });
});
