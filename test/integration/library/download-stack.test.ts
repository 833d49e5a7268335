// "Sync by downloading" against the real Heat: deploy a library version (with
// a nested template and a get_file), download the stack back into the
// library, and find no semantic difference from the version it came from;
// the deployments of the template are listed from the local record.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isEmptyDiff, semanticDiff } from '../../../shared/library/semantic-diff';
import { uniqueName } from '../cloud/test-cloud';
import { useStudioOnCloud } from '../support/studio';
import { settle } from '../cloud/templates';

const ENTRY = `heat_template_version: 2018-08-31
# a comment Heat does not keep
parameters:
  length: {type: number, default: 6}
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: 2
      resource_def:
        type: nested/member.yaml
        properties: {length: {get_param: length}}
  script:
    type: OS::Heat::Value
    properties:
      value: {get_file: scripts/boot.sh}
outputs:
  words: {value: {get_attr: [group, value]}}
`;
const MEMBER = `heat_template_version: 2018-08-31
parameters:
  length: {type: number}
resources:
  word: {type: OS::Heat::RandomString, properties: {length: {get_param: length}}}
outputs:
  value: {value: {get_attr: [word, value]}}
`;
const SCRIPT = '#!/bin/sh\necho "$HOME"\n';

const studio = useStudioOnCloud('download-demo');
const call = studio.call;

describe('downloading a deployed stack into the library', () => {
  it('brings back a version with no semantic difference from the one deployed, nested files included', async () => {
    const [tpl] = studio.services.library.createMany([
      {
        name: 'words',
        description: '',
        tags: [],
        from: {
          kind: 'files',
          entryPath: 'words.yaml',
          yaml: ENTRY,
          files: { 'nested/member.yaml': MEMBER, 'scripts/boot.sh': SCRIPT },
          environment: 'parameters:\n  length: 7\n',
        },
      },
    ]);
    const name = uniqueName('dl-words');
    const result = await call('deploy.create', {
      profileId: studio.profileId,
      stackName: name,
      source: { kind: 'library', templateId: tpl!.id, version: 1 },
      options: {},
    });
    studio.created.push(result.stack);
    expect((await settle(studio.services.profiles.connection(studio.profileId).heat, result.stack)).stack_status).toBe('CREATE_COMPLETE');

    const deployments = await call('sync.deployments', { templateId: tpl!.id });
    expect(deployments).toEqual([expect.objectContaining({ stackName: name, templateVersion: 1, profileName: 'download-demo' })]);

    const downloaded = await call('sync.downloadStack', { profileId: studio.profileId, stack: result.stack, target: { kind: 'version' } });
    expect(downloaded.version).toBe(2);
    const v1 = studio.services.library.getVersion(tpl!.id, 1);
    const v2 = studio.services.library.getVersion(tpl!.id, 2);
    expect(v2.entryPath).toBe('words.yaml');
    const diff = semanticDiff(v1.yaml, v2.yaml);
    expect(diff, JSON.stringify(diff)).toSatisfy(isEmptyDiff);
    expect(isEmptyDiff(semanticDiff(v1.files['nested/member.yaml']!, v2.files['nested/member.yaml']!))).toBe(true);
    expect(v2.files['scripts/boot.sh']).toBe(SCRIPT);
    expect(parse(v2.environment ?? '')).toMatchObject({ parameters: { length: 7 } });
    expect(v2.note).toContain(name);
    // The downloaded version validates and deploys as it is.
    expect(studio.services.library.get(tpl!.id).status).toBe('usable');
  });

  it('downloads a stack as a new template too, and refuses "new version" for a stack with no library origin', async () => {
    const name = uniqueName('dl-plain');
    const stack = await studio.services.cloud.create(studio.profileId, {
      stack_name: name,
      template: { heat_template_version: '2018-08-31', resources: { r: { type: 'OS::Heat::RandomString' } } },
    });
    studio.created.push(stack.stack);
    await settle(studio.services.profiles.connection(studio.profileId).heat, stack.stack);
    const got = await call('sync.downloadStack', { profileId: studio.profileId, stack: stack.stack, target: { kind: 'new', name: 'from the cloud' } });
    expect(got.template.name).toBe('from the cloud');
    expect(studio.services.library.get(got.template.id).latest.yaml).toContain('OS::Heat::RandomString');
    await expect(call('sync.downloadStack', { profileId: studio.profileId, stack: stack.stack, target: { kind: 'version' } })).rejects.toThrow(
      /not deployed from a library template/,
    );
  });
});

describe('re-checking a template with the cloud', () => {
  it("keeps a template usable when Heat validates it, and names Heat's reason when it does not", async () => {
    const [good] = studio.services.library.createMany([
      { name: 'fine', description: '', tags: [], from: { kind: 'yaml', yaml: MEMBER.replace('length: {type: number}', 'length: {type: number, default: 4}') } },
    ]);
    await expect(call('sync.recheck', { templateId: good!.id, profileId: studio.profileId })).resolves.toMatchObject({
      status: 'usable',
      checkedWithCloud: true,
    });

    // Offline this is fine (the type is unknown to the engine only as a warning); Heat refuses it.
    const [bad] = studio.services.library.createMany([
      {
        name: 'unknown type',
        description: '',
        tags: [],
        from: { kind: 'yaml', yaml: 'heat_template_version: 2018-08-31\nresources:\n  x: {type: My::Missing::Type}\n' },
      },
    ]);
    const result = await call('sync.recheck', { templateId: bad!.id, profileId: studio.profileId });
    expect(result, JSON.stringify(result)).toMatchObject({ checkedWithCloud: true });
    expect(result.status).toBe('needs_editing');
    expect(result.reason).toMatch(/^Heat: .*My::Missing::Type/);
    expect(studio.services.library.get(bad!.id).statusReason).toBe(result.reason);
  });
});
