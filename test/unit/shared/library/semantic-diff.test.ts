import { describe, expect, it } from 'vitest';
import { isEmptyDiff, semanticDiff } from '../../../../shared/library/semantic-diff';

const V1 = `heat_template_version: 2018-08-31
parameters:
  image: {type: string, default: cirros}
  flavor: {type: string}
resources:
  net: {type: OS::Neutron::Net}
  server:
    type: OS::Nova::Server
    properties:
      image: {get_param: image}
      networks:
        - network: {get_resource: net}
outputs:
  ip: {value: {get_attr: [server, first_address]}}
`;

describe('semanticDiff', () => {
  it('is empty for a reformatted, re-commented copy of the same template', () => {
    const reformatted = `# a comment\nheat_template_version: "2018-08-31"\nparameters:\n  flavor:\n    type: string\n  image:\n    type: string\n    default: cirros\nresources:\n  server:\n    type: OS::Nova::Server\n    properties: {image: {get_param: image}, networks: [{network: {get_resource: net}}]}\n  net:\n    type: OS::Neutron::Net\noutputs:\n  ip:\n    value: {get_attr: [server, first_address]}\n`;
    expect(isEmptyDiff(semanticDiff(V1, reformatted))).toBe(true);
  });

  it('names added, removed and changed resources with the property paths that changed', () => {
    const v2 = V1.replace(
      '  net: {type: OS::Neutron::Net}',
      '  net2: {type: OS::Neutron::Net}\n  vol: {type: OS::Cinder::Volume, properties: {size: 1}}',
    ).replace('network: {get_resource: net}', 'network: {get_resource: net2}');
    const d = semanticDiff(V1, v2);
    expect(d.resources).toEqual([
      { name: 'net', kind: 'removed', paths: [] },
      { name: 'net2', kind: 'added', paths: [] },
      { name: 'server', kind: 'changed', paths: ['properties.networks[0].network.get_resource'] },
      { name: 'vol', kind: 'added', paths: [] },
    ]);
  });

  it('calls out a resource whose type changed', () => {
    const d = semanticDiff(V1, V1.replace('net: {type: OS::Neutron::Net}', 'net: {type: OS::Heat::None}'));
    expect(d.resources).toEqual([{ name: 'net', kind: 'changed', paths: ['type'], typeChange: { from: 'OS::Neutron::Net', to: 'OS::Heat::None' } }]);
  });

  it('reports parameter and output changes and the template version', () => {
    const v2 = V1.replace('default: cirros', 'default: ubuntu').replace('2018-08-31', '2021-04-16').replace('first_address', 'networks');
    const d = semanticDiff(V1, v2);
    expect(d.parameters).toEqual([{ name: 'image', kind: 'changed', paths: ['default'] }]);
    expect(d.outputs).toEqual([{ name: 'ip', kind: 'changed', paths: ['value.get_attr[1]'] }]);
    expect(d.version).toEqual({ from: '2018-08-31', to: '2021-04-16' });
  });

  it('is not comparable when a side does not parse, rather than guessing', () => {
    expect(semanticDiff(V1, 'resources: [').comparable).toBe(false);
  });
});
