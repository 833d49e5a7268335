// Issue 15, bugs 2 and 3, on the FULL test cloud: a value typed into the
// deploy form that the cloud does not hold (key_name "nokey", flavor "m9.nothing") refuses the
// deploy with what is true ("there is no key pair ... in project demo; key
// pairs there: ..."), and leaves the saved template as it was: its status,
// reason and times. A value the template itself names (its default) is still
// the template's problem and marks it "needs editing" (rule 7).
import { beforeAll, describe, expect, it } from 'vitest';
import { passwordProfile, requireFullCloud, type FullTestCloud } from '../cloud/test-cloud';
import { useStudioOnCloud } from '../support/studio';

const studio = useStudioOnCloud('typed-values-sandbox');
let cloud: FullTestCloud;
let demo = '';

const SERVER = (keyDefault: string) => `heat_template_version: 2018-08-31
parameters:
  key_name:
    type: string
    default: "${keyDefault}"
resources:
  server_1:
    type: OS::Nova::Server
    properties:
      image: ${cloud.image}
      flavor: m1.tiny
      key_name: { get_param: key_name }
`;

beforeAll(() => {
  cloud = requireFullCloud();
  demo = studio.services.profiles.create(passwordProfile(cloud, 'demo', { name: 'typed-demo', sandbox: false }), cloud.users.demo.password).id;
});

describe('values typed for a deploy are not the template', () => {
  it('a key pair typed into the form that the project lacks refuses the preview, and the template keeps its status and times', async () => {
    const t = studio.services.library.create({ name: 'typed-key', description: '', tags: [], from: { kind: 'yaml', yaml: SERVER('') } });
    const before = await studio.call('library.get', { id: t.id });
    const source = { kind: 'library' as const, templateId: t.id, version: 1 };
    const err = await studio
      .call('deploy.preview', { profileId: demo, stackName: 'typed-key-never', source, options: { parameters: { key_name: 'nokey' } } })
      .catch((e: Error & { code?: string }) => e);
    expect(err).toMatchObject({ code: 'VALUE_NOT_IN_CLOUD' });
    const message = (err as Error).message;
    expect(message).toMatch(
      /^Refused: There is no key pair "nokey" in project demo \(RegionOne\) \(server_1\.key_name, the value given for parameter key_name\); /,
    );
    expect(message).not.toMatch(/no longer exists|needs editing/);
    const after = await studio.call('library.get', { id: t.id });
    expect({ status: after.status, statusReason: after.statusReason, updatedAt: after.updatedAt }).toEqual({
      status: before.status,
      statusReason: before.statusReason,
      updatedAt: before.updatedAt,
    });
  });

  it('a flavor typed into the form that never existed is named as missing, not "no longer exists", and the template is untouched', async () => {
    const yaml = SERVER('')
      .replace('flavor: m1.tiny', 'flavor: { get_param: flavor }')
      .replace('parameters:\n', 'parameters:\n  flavor:\n    type: string\n    default: m1.tiny\n');
    const t = studio.services.library.create({ name: 'typed-flavor', description: '', tags: [], from: { kind: 'yaml', yaml } });
    const before = await studio.call('library.get', { id: t.id });
    const source = { kind: 'library' as const, templateId: t.id, version: 1 };
    const err = await studio
      .call('deploy.preview', { profileId: demo, stackName: 'typed-flavor-never', source, options: { parameters: { flavor: 'm9.nothing' } } })
      .catch((e: Error & { code?: string }) => e);
    expect(err).toMatchObject({ code: 'VALUE_NOT_IN_CLOUD' });
    expect((err as Error).message).toMatch(
      /^Refused: There is no flavor "m9\.nothing" in project demo \(RegionOne\) \(server_1\.flavor, the value given for parameter flavor\)/,
    );
    expect((err as Error).message).not.toMatch(/no longer exists|needs editing/);
    const after = await studio.call('library.get', { id: t.id });
    expect({ status: after.status, statusReason: after.statusReason, updatedAt: after.updatedAt }).toEqual({
      status: before.status,
      statusReason: before.statusReason,
      updatedAt: before.updatedAt,
    });
  });

  it('a key pair the template itself names is still the template’s problem: "needs editing", with the same true words', async () => {
    const t = studio.services.library.create({ name: 'template-key', description: '', tags: [], from: { kind: 'yaml', yaml: SERVER('nokey') } });
    const source = { kind: 'library' as const, templateId: t.id, version: 1 };
    // The form sends the default back: still the template's own value.
    await expect(
      studio.call('deploy.preview', { profileId: demo, stackName: 'template-key-never', source, options: { parameters: { key_name: 'nokey' } } }),
    ).rejects.toMatchObject({
      code: 'NEEDS_EDITING',
      message: expect.stringMatching(
        /^Refused: the template needs editing\. It can only be edited, not deployed, until its checks pass\. There is no key pair "nokey" in project demo/,
      ),
    });
    const after = await studio.call('library.get', { id: t.id });
    expect(after.status).toBe('needs_editing');
    expect(after.statusReason).toMatch(/^There is no key pair "nokey" in project demo \(RegionOne\) \(server_1\.key_name, through parameter key_name\)/);
  });
});
