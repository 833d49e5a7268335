// The update dialog's change preview explained, on the real full cloud: for
// each resource Heat's preview_update lists as updated or replaced, the
// properties that differ (old -> new) and, from the type's schema
// (GET /resource_types/{type}: update_allowed / immutable), which of them
// force the replacement. Heat's preview is conservative: a resource that only
// references another (get_resource) is listed as replaced with nothing of its
// own changed; the explanation says so.
import { describe, expect, it } from 'vitest';
import { openstackCli, requireFullCloud, uniqueName } from '../cloud/test-cloud';
import { useStudioOnCloud } from '../support/studio';
import { settle } from '../cloud/templates';
import type { ResourceExplanation } from '../../../shared/deploy/change-explain';

const TEMPLATE = (cidr: string, portNet: string) => `heat_template_version: 2018-08-31
parameters:
  flavor: { type: string, default: m1.tiny }
  image: { type: string, default: tiny }
resources:
  net_a:
    type: OS::Neutron::Net
  net_b:
    type: OS::Neutron::Net
  subnet:
    type: OS::Neutron::Subnet
    properties: { network: { get_resource: net_a }, cidr: ${cidr} }
  port:
    type: OS::Neutron::Port
    properties: { network: { get_resource: ${portNet} } }
  server:
    type: OS::Nova::Server
    properties:
      flavor: { get_param: flavor }
      image: { get_param: image }
      networks: [{ port: { get_resource: port } }]
`;

// Not a sandbox: its OS::Heat::None placeholders are never updated nor replaced, and the preview would list nothing.
const studio = useStudioOnCloud('explained-preview', { sandbox: false });
const call = studio.call;
const byName = (list: ResourceExplanation[] | null, name: string) => list?.find((e) => e.name === name);
const names = (list: unknown[]) => list.map((r) => (r as { resource_name: string }).resource_name).sort();

describe('the update preview explained (real Heat, full cloud)', () => {
  it('names the changed properties, what forces each replacement, and where Heat’s preview is conservative', async () => {
    requireFullCloud();
    const tpl = studio.services.library.create({
      name: uniqueName('explain'),
      description: '',
      tags: [],
      from: { kind: 'yaml', yaml: TEMPLATE('10.31.0.0/24', 'net_a') },
    });
    studio.services.library.saveVersion({
      id: tpl.id,
      yaml: TEMPLATE('10.31.1.0/24', 'net_b'),
      layout: {},
      files: {},
      environment: null,
      note: 'move the port',
    });
    const r = await call('deploy.create', {
      profileId: studio.profileId,
      stackName: uniqueName('explain'),
      source: { kind: 'library', templateId: tpl.id, version: 1 },
      options: {},
    });
    studio.created.push(r.stack);
    expect((await settle(studio.services.profiles.connection(studio.profileId).heat, r.stack)).stack_status).toBe('CREATE_COMPLETE');

    // A new flavor (parameters only): the server is updated in place, flavor named with old -> new.
    const flavor = await call('deploy.previewUpdate', {
      profileId: studio.profileId,
      stack: r.stack,
      source: null,
      options: { parameters: { flavor: 'm1.small' } },
    });
    expect(flavor.sandbox).toBeNull(); // a full-cloud profile: no sandbox note
    expect(names(flavor.updated)).toContain('server');
    expect(byName(flavor.explained, 'server')).toMatchObject({
      kind: 'updated',
      forcedBy: [],
      conservative: false,
      properties: [{ name: 'flavor', before: 'm1.tiny', after: 'm1.small', effect: 'update' }],
    });
    // Heat lists the port (get_resource: net_a) as replaced though nothing of its own changed.
    expect(names(flavor.replaced)).toContain('port');
    expect(byName(flavor.explained, 'port')).toMatchObject({ kind: 'replaced', properties: [], forcedBy: [], conservative: true, references: ['net_a'] });

    // A new image on the server: update_allowed (Heat rebuilds the server in place).
    const imageId = openstackCli(requireFullCloud(), 'demo', ['image', 'show', 'tiny', '-f', 'value', '-c', 'id']).trim();
    const image = await call('deploy.previewUpdate', {
      profileId: studio.profileId,
      stack: r.stack,
      source: null,
      options: { parameters: { image: imageId } },
    });
    expect(byName(image.explained, 'server')?.properties).toEqual([{ name: 'image', before: 'tiny', after: imageId, effect: 'update', unresolved: false }]);

    // The next version: the subnet's cidr and the port's network change, both forcing a replacement.
    const moved = await call('deploy.previewUpdate', {
      profileId: studio.profileId,
      stack: r.stack,
      source: { kind: 'library', templateId: tpl.id, version: 2 },
      options: {},
    });
    expect(moved.sandbox).toBeNull();
    expect(names(moved.replaced)).toEqual(expect.arrayContaining(['port', 'subnet']));
    expect(byName(moved.explained, 'subnet')).toMatchObject({
      kind: 'replaced',
      forcedBy: ['cidr'],
      conservative: false,
      properties: [{ name: 'cidr', before: '10.31.0.0/24', after: '10.31.1.0/24', effect: 'replace' }],
    });
    expect(byName(moved.explained, 'port')).toMatchObject({
      kind: 'replaced',
      forcedBy: ['network'],
      properties: [{ name: 'network', effect: 'replace', unresolved: true }],
    });
    expect(byName(moved.explained, 'port')?.properties[0]?.after).toContain('net_b');
  });
});
