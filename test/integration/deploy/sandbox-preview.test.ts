// The update preview says when it ran with the sandbox environment (issue 15):
// through a sandbox profile a new version's preview gets the environment
// added ('added'); a parameters-only preview (PATCH) keeps the environment
// the stack was created with ('kept', read back from the stack's files). The
// full-cloud profile's previews say nothing (explained-preview.test.ts).
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../cloud/test-cloud';
import { useStudioOnCloud } from '../support/studio';
import { settle } from '../cloud/templates';

const TEMPLATE = (extra: string) => `heat_template_version: 2018-08-31
parameters:
  length: { type: number, default: 8 }
resources:
  word:
    type: OS::Heat::RandomString
    properties: { length: { get_param: length } }
  server:
    type: OS::Nova::Server
    properties: { image: tiny, flavor: m1.tiny${extra} }
`;

const studio = useStudioOnCloud('sandbox-preview', { sandbox: true });

describe('the update preview through a sandbox profile', () => {
  it("says the sandbox environment was added to a new version's preview, and kept by a parameters-only one", async () => {
    const tpl = studio.services.library.create({ name: uniqueName('sandbox-preview'), description: '', tags: [], from: { kind: 'yaml', yaml: TEMPLATE('') } });
    studio.services.library.saveVersion({ id: tpl.id, yaml: TEMPLATE(', name: renamed'), layout: {}, files: {}, environment: null, note: 'a server name' });
    const r = await studio.call('deploy.create', {
      profileId: studio.profileId,
      stackName: uniqueName('sandbox-preview'),
      source: { kind: 'library', templateId: tpl.id, version: 1 },
      options: {},
    });
    studio.created.push(r.stack);
    expect((await settle(studio.services.profiles.connection(studio.profileId).heat, r.stack)).stack_status).toBe('CREATE_COMPLETE');

    const patched = await studio.call('deploy.previewUpdate', {
      profileId: studio.profileId,
      stack: r.stack,
      source: null,
      options: { parameters: { length: '12' } },
    });
    expect(patched.sandbox).toBe('kept');
    const next = await studio.call('deploy.previewUpdate', {
      profileId: studio.profileId,
      stack: r.stack,
      source: { kind: 'library', templateId: tpl.id, version: 2 },
      options: {},
    });
    expect(next.sandbox).toBe('added');
  });
});
