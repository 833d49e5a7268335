// The deploy form's pickers and the studio's key pairs on the FULL test
// cloud, through the contract: each custom_constraint lists what demo's
// project sees with its facts (or says why not: nova.host needs an admin),
// a key pair generated in the studio is in `openstack keypair list` with the
// fingerprint of the key made here, and a pasted public key imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { ChoiceList } from '../../../shared/existing/choices';
import { openstackCli, passwordProfile, requireFullCloud, uniqueName, type FullTestCloud } from '../cloud/test-cloud';
import { generateKey } from '../../../main/existing/keypairs';
import { useStudioOnCloud } from '../support/studio';

const studio = useStudioOnCloud('choices-demo');
let cloud: FullTestCloud;
let demo = '';
const keys: string[] = [];

beforeAll(() => {
  cloud = requireFullCloud();
  demo = studio.services.profiles.create(passwordProfile(cloud, 'demo', { name: 'choices-real', sandbox: false }), cloud.users.demo.password).id;
});
afterAll(() => {
  for (const k of keys) {
    try {
      openstackCli(cloud, 'demo', ['keypair', 'delete', k]);
    } catch {
      // already gone
    }
  }
});

const ok = (lists: ChoiceList[], c: string) => {
  const l = lists.find((x) => x.constraint === c);
  if (!l?.ok) throw new Error(`${c}: ${l && !l.ok ? l.message : 'missing'}`);
  return l.choices;
};

describe('pickers for custom constraints', () => {
  it("lists demo's flavors, images, networks and volume types with their facts", async () => {
    const lists = await studio.call('existing.choices', {
      profileId: demo,
      constraints: ['nova.flavor', 'glance.image', 'neutron.network', 'cinder.vtype', 'neutron.security_group', 'nova.keypair'],
    });
    const tiny = ok(lists, 'nova.flavor').find((c) => c.name === 'm1.tiny');
    expect(tiny?.facts.map((f) => f.key)).toEqual(['vcpus', 'ramMiB', 'diskGiB']);
    const image = ok(lists, 'glance.image').find((c) => c.name === cloud.image);
    expect(image?.facts).toContainEqual({ key: 'status', value: 'active' });
    expect(image?.facts.find((f) => f.key === 'sizeBytes')?.value).toBeGreaterThan(0);
    const pub = ok(lists, 'neutron.network').find((c) => c.id === cloud.publicNetworkId);
    expect(pub?.facts).toContainEqual({ key: 'external', value: true });
    expect(ok(lists, 'cinder.vtype').length).toBeGreaterThan(0);
    expect(ok(lists, 'neutron.security_group').map((c) => c.name)).toContain('default');
    expect(Array.isArray(ok(lists, 'nova.keypair'))).toBe(true);
  });

  it('says why a list cannot be read rather than offering nothing (nova.host needs an admin; an unknown constraint is named)', async () => {
    const lists = await studio.call('existing.choices', { profileId: demo, constraints: ['nova.host', 'barbican.secret'] });
    const host = lists.find((l) => l.constraint === 'nova.host');
    expect(host?.ok).toBe(false);
    expect(host && !host.ok && host.code).toBe('FORBIDDEN');
    const other = lists.find((l) => l.constraint === 'barbican.secret');
    expect(other && !other.ok && other.code).toBe('UNSUPPORTED');
  });
});

describe('key pairs made in the studio', () => {
  it('generates an ed25519 key, uploads only the public key, and Nova holds it with the same fingerprint', async () => {
    const name = uniqueName('hs-key');
    keys.push(name);
    const r = await studio.call('existing.createKeyPair', { profileId: demo, name, mode: 'generate', algorithm: 'ed25519' });
    expect(r.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    const blob = Buffer.from(r.publicKey.split(' ')[1]!, 'base64');
    const mine = createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
    expect(r.fingerprint).toBe(mine);
    const listed = JSON.parse(openstackCli(cloud, 'demo', ['keypair', 'list', '-f', 'json'])) as Array<{ Name: string; Fingerprint: string }>;
    expect(listed.find((k) => k.Name === name)?.Fingerprint).toBe(mine);
    // The studio kept nothing: the picker now offers it, with its fingerprint.
    const lists = await studio.call('existing.choices', { profileId: demo, constraints: ['nova.keypair'] });
    expect(ok(lists, 'nova.keypair').find((c) => c.name === name)?.facts).toContainEqual({ key: 'fingerprint', value: mine });
  });

  it("imports a pasted public key; a taken name is Nova's CONFLICT", async () => {
    const name = uniqueName('hs-imp');
    keys.push(name);
    const key = generateKey('rsa', 'me@laptop');
    const r = await studio.call('existing.createKeyPair', { profileId: demo, name, mode: 'import', publicKey: `${key.publicKey}\n` });
    expect(r.privateKey).toBeNull();
    expect(r.fingerprint).toBe(key.fingerprint);
    const shown = JSON.parse(openstackCli(cloud, 'demo', ['keypair', 'show', name, '-f', 'json'])) as { fingerprint: string };
    expect(shown.fingerprint).toBe(key.fingerprint);
    await expect(studio.call('existing.createKeyPair', { profileId: demo, name, mode: 'import', publicKey: key.publicKey })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
