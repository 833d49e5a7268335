// The inspector's cloud pickers (property-form.ts): which properties offer
// the cloud's values, and where a pick is written (the property, or the
// default of the parameter the property gets).
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../shared/hot/template';
import { resourceType } from '../../../../shared/hot/catalog';
import { buildTopology } from '../../../../shared/topology/model';
import { fieldsFor } from '../../../../renderer/editor/property-form';

const topo = buildTopology(parseTemplate('heat_template_version: 2018-08-31\nresources: {}\n'));
const server = resourceType('OS::Nova::Server')!;
const volume = resourceType('OS::Cinder::Volume')!;
const byName = (fields: ReturnType<typeof fieldsFor>) => new Map(fields.map((f) => [f.name, f]));

describe('cloud pickers', () => {
  it('a server offers images, flavors, key pairs and compute zones; get_param writes the parameter default', () => {
    const f = byName(
      fieldsFor(server.properties, { image: { get_param: 'image' }, flavor: 'm1.tiny' }, topo, {
        type: 'OS::Nova::Server',
        paramDefaults: { image: 'cirros' },
      }),
    );
    expect(f.get('image')).toMatchObject({ control: 'cloud', cloud: { source: 'images', parameter: 'image' }, value: 'cirros' });
    expect(f.get('flavor')).toMatchObject({ control: 'cloud', cloud: { source: 'flavors', parameter: null }, value: 'm1.tiny' });
    expect(f.get('key_name')).toMatchObject({ control: 'cloud', cloud: { source: 'keyPairs' } });
    expect(f.get('availability_zone')).toMatchObject({ control: 'cloud', cloud: { source: 'computeZones' } });
    expect(f.get('security_groups')).toMatchObject({ control: 'yaml', cloud: { source: 'securityGroups' } });
  });
  it('a volume offers images and volume zones', () => {
    const f = byName(fieldsFor(volume.properties, {}, topo, { type: 'OS::Cinder::Volume', paramDefaults: {} }));
    expect(f.get('availability_zone')?.cloud?.source).toBe('volumeZones');
    expect(f.get('image')?.cloud?.source).toBe('images');
  });
  it('a key pair on the canvas keeps the resource picker; another intrinsic stays YAML', () => {
    const withKey = buildTopology(parseTemplate('heat_template_version: 2018-08-31\nresources:\n  kp: {type: OS::Nova::KeyPair, properties: {name: k}}\n'));
    const f = byName(
      fieldsFor(server.properties, { key_name: { get_resource: 'kp' }, image: { str_replace: { template: 'x', params: {} } } }, withKey, {
        type: 'OS::Nova::Server',
        paramDefaults: {},
      }),
    );
    expect(f.get('key_name')?.control).toBe('reference');
    expect(f.get('image')?.control).toBe('yaml');
    expect(byName(fieldsFor(server.properties, {}, withKey, { type: 'OS::Nova::Server', paramDefaults: {} })).get('key_name')?.control).toBe('reference');
  });
  it('without a context (no cloud), the form is as before', () => {
    expect(byName(fieldsFor(server.properties, { flavor: 'm1.tiny' }, topo)).get('flavor')?.control).toBe('text');
  });
});
