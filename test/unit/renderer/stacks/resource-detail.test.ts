import { describe, expect, it } from 'vitest';
import { detailRows, templateProperties } from '../../../../renderer/stacks/resource-detail';

describe('detailRows', () => {
  it('flattens nested maps and lists into dotted paths, one value a row', () => {
    const rows = detailRows({ name: 'web-1', networks: { private: ['10.0.0.5', 'fd00::5'] }, addresses: { private: [{ addr: '10.0.0.5', version: 4 }] } });
    expect(rows).toEqual([
      { path: 'name', text: 'web-1' },
      { path: 'networks.private[0]', text: '10.0.0.5' },
      { path: 'networks.private[1]', text: 'fd00::5' },
      { path: 'addresses.private[0].addr', text: '10.0.0.5' },
      { path: 'addresses.private[0].version', text: '4' },
    ]);
  });

  it("leaves out Heat's show attribute, keeps null, empty and deep values as JSON", () => {
    const rows = detailRows({ show: { id: 'x' }, size: null, tags: [], metadata: {}, a: { b: { c: { d: { e: 1 } } } } });
    expect(rows).toEqual([
      { path: 'size', text: 'null' },
      { path: 'tags', text: '[]' },
      { path: 'metadata', text: '{}' },
      { path: 'a.b.c.d', text: '{"e":1}' },
    ]);
  });

  it('has no rows for a missing map', () => {
    expect(detailRows(null)).toEqual([]);
  });
});

describe('templateProperties', () => {
  it("reads a resource's properties from a HOT or a CFN template, nothing for an unknown name", () => {
    expect(templateProperties({ resources: { web: { type: 'OS::Nova::Server', properties: { flavor: { get_param: 'flavor' } } } } }, 'web')).toEqual({
      flavor: { get_param: 'flavor' },
    });
    expect(templateProperties({ Resources: { Web: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'cirros' } } } }, 'Web')).toEqual({ ImageId: 'cirros' });
    expect(templateProperties({ resources: {} }, 'web')).toEqual({});
    expect(templateProperties(null, 'web')).toEqual({});
  });
});
