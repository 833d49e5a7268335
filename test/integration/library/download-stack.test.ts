// "Sync by downloading" against the real Heat: deploy a library version (with
// a nested template and a get_file), download the stack back into the
// library, and find no semantic difference from the version it came from;
// the deployments of the template are listed from the local record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { composeServices, type Services } from '../../../main/compose';
import type { StackRef } from '../../../shared/cloud/heat-types';
import type { ChannelName, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { isEmptyDiff, semanticDiff } from '../../../shared/library/semantic-diff';
import { loadTestCloud, passwordProfile, uniqueName } from '../cloud/test-cloud';
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

let services: Services;
let profileId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'hs-download-'));
const created: StackRef[] = [];

async function call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const r = await services.dispatcher.dispatch(channel, request);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as ResponseOf<K>;
}

beforeAll(() => {
  const cloud = loadTestCloud();
  services = composeServices({ dataDir, host: 'web', version: 'test' });
  profileId = services.profiles.create(passwordProfile(cloud, 'demo', { name: 'download-demo' }), cloud.users.demo.password).id;
});

afterAll(async () => {
  for (const ref of created) await services.cloud.action(profileId, ref, 'delete').catch(() => undefined);
  services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('downloading a deployed stack into the library', () => {
  it('brings back a version with no semantic difference from the one deployed, nested files included', async () => {
    const [tpl] = services.library.createMany([
      { name: 'words', description: '', tags: [], from: { kind: 'files', entryPath: 'words.yaml', yaml: ENTRY, files: { 'nested/member.yaml': MEMBER, 'scripts/boot.sh': SCRIPT }, environment: 'parameters:\n  length: 7\n' } },
    ]);
    const name = uniqueName('dl-words');
    const result = await call('deploy.create', { profileId, stackName: name, source: { kind: 'library', templateId: tpl!.id, version: 1 }, options: {} });
    created.push(result.stack);
    expect((await settle(services.cloud.heat(profileId), result.stack)).stack_status).toBe('CREATE_COMPLETE');

    const deployments = await call('sync.deployments', { templateId: tpl!.id });
    expect(deployments).toEqual([expect.objectContaining({ stackName: name, templateVersion: 1, profileName: 'download-demo' })]);

    const downloaded = await call('sync.downloadStack', { profileId, stack: result.stack, target: { kind: 'version' } });
    expect(downloaded.version).toBe(2);
    const v1 = services.library.getVersion(tpl!.id, 1);
    const v2 = services.library.getVersion(tpl!.id, 2);
    expect(v2.entryPath).toBe('words.yaml');
    const diff = semanticDiff(v1.yaml, v2.yaml);
    expect(diff, JSON.stringify(diff)).toSatisfy(isEmptyDiff);
    expect(isEmptyDiff(semanticDiff(v1.files['nested/member.yaml']!, v2.files['nested/member.yaml']!))).toBe(true);
    expect(v2.files['scripts/boot.sh']).toBe(SCRIPT);
    expect(parse(v2.environment ?? '')).toMatchObject({ parameters: { length: 7 } });
    expect(v2.note).toContain(name);
    // The downloaded version validates and deploys as it is.
    expect(services.library.get(tpl!.id).status).toBe('usable');
  });

  it('downloads a stack as a new template too, and refuses "new version" for a stack with no library origin', async () => {
    const name = uniqueName('dl-plain');
    const stack = await services.cloud.create(profileId, { stack_name: name, template: { heat_template_version: '2018-08-31', resources: { r: { type: 'OS::Heat::RandomString' } } } });
    created.push(stack.stack);
    await settle(services.cloud.heat(profileId), stack.stack);
    const got = await call('sync.downloadStack', { profileId, stack: stack.stack, target: { kind: 'new', name: 'from the cloud' } });
    expect(got.template.name).toBe('from the cloud');
    expect(services.library.get(got.template.id).latest.yaml).toContain('OS::Heat::RandomString');
    await expect(call('sync.downloadStack', { profileId, stack: stack.stack, target: { kind: 'version' } })).rejects.toThrow(/not deployed from a library template/);
  });
});

describe('re-checking a template with the cloud', () => {
  it('keeps a template usable when Heat validates it, and names Heat\'s reason when it does not', async () => {
    const [good] = services.library.createMany([{ name: 'fine', description: '', tags: [], from: { kind: 'yaml', yaml: MEMBER.replace('length: {type: number}', 'length: {type: number, default: 4}') } }]);
    await expect(call('sync.recheck', { templateId: good!.id, profileId })).resolves.toMatchObject({ status: 'usable', checkedWithCloud: true });

    // Offline this is fine (the type is unknown to the engine only as a warning); Heat refuses it.
    const [bad] = services.library.createMany([{ name: 'unknown type', description: '', tags: [], from: { kind: 'yaml', yaml: 'heat_template_version: 2018-08-31\nresources:\n  x: {type: My::Missing::Type}\n' } }]);
    const result = await call('sync.recheck', { templateId: bad!.id, profileId });
    expect(result, JSON.stringify(result)).toMatchObject({ checkedWithCloud: true });
    expect(result.status).toBe('needs_editing');
    expect(result.reason).toMatch(/^Heat: .*My::Missing::Type/);
    expect(services.library.get(bad!.id).statusReason).toBe(result.reason);
  });
});
