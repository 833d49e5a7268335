// The update preview's explanation: Heat's lists (shapes as the test cloud's
// Heat 19 answers `openstack stack update --dry-run`) against the two
// templates, with property schemas as GET /resource_types/{type} gives them.
import { describe, expect, it } from 'vitest';
import { explainChanges, parametersFor, type TypeSchema } from '../../../../shared/deploy/change-explain';

const template = (cidr: string, portNet: string) => ({
  heat_template_version: '2018-08-31',
  parameters: { flavor: { type: 'string', default: 'm1.tiny' } },
  resources: {
    net_a: { type: 'OS::Neutron::Net' },
    net_b: { type: 'OS::Neutron::Net' },
    subnet: { type: 'OS::Neutron::Subnet', properties: { network: { get_resource: 'net_a' }, cidr } },
    port: { type: 'OS::Neutron::Port', properties: { network: { get_resource: portNet } } },
    server: { type: 'OS::Nova::Server', properties: { flavor: { get_param: 'flavor' }, networks: [{ port: { get_resource: 'port' } }] } },
  },
});
const SCHEMAS: Record<string, TypeSchema> = {
  'OS::Nova::Server': { properties: { flavor: { update_allowed: true }, networks: { update_allowed: true }, key_name: { update_allowed: false } } },
  'OS::Neutron::Subnet': { properties: { network: { update_allowed: false }, cidr: { update_allowed: false } } },
  'OS::Neutron::Port': { properties: { network: { update_allowed: false } } },
};
const res = (resource_name: string, resource_type: string) => ({ resource_name, resource_type, resource_action: 'INIT' });
// What Heat listed for a flavor change on the test cloud: the port and subnet (get_resource only) as replaced.
const HEAT_FLAVOR = {
  added: [],
  deleted: [],
  unchanged: [res('net_a', 'OS::Neutron::Net')],
  updated: [res('server', 'OS::Nova::Server')],
  replaced: [res('port', 'OS::Neutron::Port'), res('subnet', 'OS::Neutron::Subnet')],
};

describe('explainChanges', () => {
  it('names a changed parameter-driven property as an update in place, and marks references-only listings as conservative', () => {
    const t = template('10.0.0.0/24', 'net_a');
    const out = explainChanges(
      HEAT_FLAVOR,
      { template: t, parameters: { flavor: 'm1.tiny' } },
      { template: t, parameters: { flavor: 'm1.small' } },
      (x) => SCHEMAS[x] ?? null,
    );
    expect(out.find((e) => e.name === 'server')).toMatchObject({
      kind: 'updated',
      forcedBy: [],
      conservative: false,
      properties: [{ name: 'flavor', before: 'm1.tiny', after: 'm1.small', effect: 'update', unresolved: false }],
    });
    expect(out.find((e) => e.name === 'port')).toMatchObject({ kind: 'replaced', properties: [], conservative: true, references: ['net_a'] });
    expect(out.find((e) => e.name === 'subnet')).toMatchObject({ conservative: true, references: ['net_a'] });
  });

  it('names the properties that force a replacement from update_allowed, and immutable ones', () => {
    const heat = { ...HEAT_FLAVOR, updated: [] };
    const out = explainChanges(
      heat,
      { template: template('10.0.0.0/24', 'net_a'), parameters: { flavor: 'm1.tiny' } },
      { template: template('10.0.1.0/24', 'net_b'), parameters: { flavor: 'm1.tiny' } },
      (x) => SCHEMAS[x] ?? null,
    );
    expect(out.find((e) => e.name === 'subnet')).toMatchObject({
      forcedBy: ['cidr'],
      properties: [{ name: 'cidr', before: '10.0.0.0/24', after: '10.0.1.0/24', effect: 'replace' }],
    });
    expect(out.find((e) => e.name === 'port')).toMatchObject({
      forcedBy: ['network'],
      properties: [{ name: 'network', before: '{"get_resource":"net_a"}', after: '{"get_resource":"net_b"}', unresolved: true }],
    });
    const imm = explainChanges(
      { updated: [res('subnet', 'OS::Neutron::Subnet')], replaced: [] },
      { template: template('a', 'net_a'), parameters: {} },
      { template: template('b', 'net_a'), parameters: {} },
      () => ({ properties: { cidr: { update_allowed: true, immutable: true } } }),
    );
    expect(imm[0]).toMatchObject({ forcedBy: ['cidr'], properties: [{ effect: 'immutable' }] });
  });

  it('says "unknown" without a schema, treats 8 and "8" as one value, and resolves get_param paths, list_join and str_replace', () => {
    const t = (p: Record<string, unknown>) => ({ resources: { x: { type: 'My::Nested.yaml', properties: p } } });
    const out = explainChanges(
      { updated: [res('x', 'My::Nested.yaml')], replaced: [] },
      {
        template: t({
          n: 8,
          j: { list_join: ['-', ['a', { get_param: 'p' }]] },
          s: { str_replace: { template: 'h-$n', params: { $n: { get_param: 'p' } } } },
          m: { get_param: ['m', 'k'] },
        }),
        parameters: { p: 'b', m: '{"k":"v1"}' },
      },
      { template: t({ n: '8', j: 'a-b', s: 'h-c', m: 'v2' }), parameters: {} },
      () => null,
    );
    expect(out[0]!.properties.map((p) => [p.name, p.before, p.after, p.effect])).toEqual([
      ['m', 'v1', 'v2', 'unknown'],
      ['s', 'h-b', 'h-c', 'unknown'],
    ]);
  });

  it('fills the new side’s parameters from defaults, parameter_defaults and parameters, in Heat’s order', () => {
    const t = { parameters: { a: { default: 1 }, b: { default: 2 }, c: {} } };
    expect(parametersFor(t, { c: 'given' }, { parameter_defaults: { b: 'pd', zz: 'ignored' }, parameters: { a: 'env' } })).toEqual({
      a: 'env',
      b: 'pd',
      c: 'given',
    });
  });
});
