// SPEC 1.4 on the real Heat: a library version whose status is "needs
// editing" can only be edited. deploy.create refuses it with NEEDS_EDITING
// before Heat sees it (no stack of that name appears), an older version and a
// YAML file from outside the library are judged by the same offline checks,
// and a usable version of the same template still deploys.
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../cloud/test-cloud';
import { useStudioOnCloud } from '../support/studio';
import { settle } from '../cloud/templates';

const studio = useStudioOnCloud('needs-editing');
const call = studio.call;
const GOOD = 'heat_template_version: 2018-08-31\nresources:\n  word: {type: OS::Heat::RandomString, properties: {length: 8}}\n';
// Heat would create this (an unknown get_param is Heat's error at create, not at the studio's preview), but the HOT engine finds it.
const BROKEN = 'heat_template_version: 2018-08-31\nresources:\n  word: {type: OS::Heat::RandomString, properties: {length: {get_param: missing}}}\n';

async function noStack(name: string): Promise<void> {
  expect((await studio.services.cloud.listStacks(studio.profileId, { name })).value).toEqual([]);
}

describe('a version that needs editing is refused by deploy.create (real Heat)', () => {
  it('refuses the latest version with NEEDS_EDITING and its recorded reason; Heat never sees it', async () => {
    const tpl = studio.services.library.create({ name: uniqueName('needs-edit'), description: '', tags: [], from: { kind: 'yaml', yaml: BROKEN } });
    expect(tpl.status).toBe('needs_editing');
    const stackName = uniqueName('ne-latest');
    await expect(
      call('deploy.create', { profileId: studio.profileId, stackName, source: { kind: 'library', templateId: tpl.id, version: 1 }, options: {} }),
    ).rejects.toMatchObject({
      code: 'NEEDS_EDITING',
      message: `Refused: the template needs editing. It can only be edited, not deployed, until its checks pass. ${tpl.statusReason}`,
    });
    await noStack(stackName);
  });

  it('judges an older version and a YAML file offline: the broken one refused, the usable one deployed', async () => {
    const tpl = studio.services.library.create({ name: uniqueName('needs-edit-fixed'), description: '', tags: [], from: { kind: 'yaml', yaml: BROKEN } });
    studio.services.library.saveVersion({ id: tpl.id, yaml: GOOD, layout: {}, files: {}, environment: null, note: 'fixed' });
    expect(studio.services.library.get(tpl.id).status).toBe('usable');
    const old = uniqueName('ne-old');
    await expect(
      call('deploy.create', { profileId: studio.profileId, stackName: old, source: { kind: 'library', templateId: tpl.id, version: 1 }, options: {} }),
    ).rejects.toMatchObject({
      code: 'NEEDS_EDITING',
      message: expect.stringMatching(/^Refused: the template needs editing\. .*line 3, column \d+: .*missing/),
    });
    const file = uniqueName('ne-file');
    await expect(
      call('deploy.create', { profileId: studio.profileId, stackName: file, source: { kind: 'yaml', yaml: BROKEN }, options: {} }),
    ).rejects.toMatchObject({
      code: 'NEEDS_EDITING',
      message: expect.stringMatching(/line 3, column \d+: .*missing/),
    });
    await noStack(old);
    await noStack(file);
    const good = await call('deploy.create', {
      profileId: studio.profileId,
      stackName: uniqueName('ne-v2'),
      source: { kind: 'library', templateId: tpl.id, version: 2 },
      options: {},
    });
    studio.created.push(good.stack);
    expect((await settle(studio.services.profiles.connection(studio.profileId).heat, good.stack)).stack_status).toBe('CREATE_COMPLETE');
  });
});
