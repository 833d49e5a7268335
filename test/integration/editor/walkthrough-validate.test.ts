// The seed's "create a server from scratch" walkthrough, built with the same
// pure topology actions the canvas calls, then checked by the real Heat of the
// test cloud (POST /validate through the cloud service's validate, which adds
// the sandbox environment for a sandbox profile): the YAML the editor saves
// is valid for Heat, and the same YAML with the key pair gone is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices, type Services } from '../../../main/compose';
import { applyEdit } from '../../../shared/hot/edits';
import { parseTemplate } from '../../../shared/hot/template';
import type { HotTemplate } from '../../../shared/hot/template';
import { blank, dropped, linked } from '../../unit/shared/topology/helpers';
import { loadTestCloud, passwordProfile } from '../cloud/test-cloud';

let services: Services;
let profileId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'hs-walkthrough-'));

/** Drop a server on the empty canvas, connect a key pair, drop a floating IP and a volume on the server. */
function walkthrough(): HotTemplate {
  let t = dropped(blank(), 'server');
  t = dropped(t, 'key-pair');
  t = linked(t, 'server_1', 'key_pair_1');
  t = dropped(t, 'floating-ip', 'server_1');
  return dropped(t, 'volume', 'server_1');
}

beforeAll(() => {
  const cloud = loadTestCloud();
  services = composeServices({ dataDir, host: 'web', version: 'test' });
  const fields = passwordProfile(cloud, 'demo', { name: 'walkthrough-demo' });
  // The test cloud has Heat only: the sandbox environment maps Nova/Neutron/Cinder to OS::Heat::None.
  expect(fields.sandbox).toBe(true);
  profileId = services.profiles.create(fields, cloud.users.demo.password).id;
});

afterAll(() => {
  services?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the walkthrough template checked by real Heat', () => {
  it('writes the seed topology: external network, router, private network, server, key pair, floating IP and volume', () => {
    const text = walkthrough().text;
    for (const type of [
      'OS::Neutron::Router',
      'OS::Neutron::Net',
      'OS::Nova::Server',
      'OS::Nova::KeyPair',
      'OS::Neutron::FloatingIP',
      'OS::Neutron::FloatingIPAssociation',
      'OS::Cinder::Volume',
      'OS::Cinder::VolumeAttachment',
    ]) {
      expect(text).toContain(`type: ${type}`);
    }
    expect(text).toContain('key_name: { get_resource: key_pair_1 }');
  });

  it('is valid for Heat with the sandbox environment', async () => {
    const result = await services.cloud.validate(profileId, { template: walkthrough().text });
    // Heat answers a valid template with its parameters, the external network among them.
    expect(Object.keys(result.Parameters ?? {})).toContain('external_network_1');
  });

  it('is invalid for Heat when the key pair is removed but the server still references it', async () => {
    const t = walkthrough();
    const mutant = applyEdit(t, { op: 'removeResource', name: 'key_pair_1' }).text;
    expect(parseTemplate(mutant).text).toContain('get_resource: key_pair_1');
    expect(mutant).not.toContain('type: OS::Nova::KeyPair');
    await expect(services.cloud.validate(profileId, { template: mutant })).rejects.toThrow(/key_pair_1/);
  });
});
