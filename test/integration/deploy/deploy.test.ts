// Deploying library versions through the deploy.* contract against the real
// Heat: the recommended shared-network server on a sandbox profile, the
// origin remembered, Heat's 409 for a taken name, an update previewed then
// applied from a newer version, a parameters-only update.
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../cloud/test-cloud';
import { useStudioOnCloud } from '../support/studio';
import { settle } from '../cloud/templates';

const COUNTER = (n: number) => `heat_template_version: 2018-08-31
parameters:
  length:
    type: number
    default: 8
    constraints:
      - range: { min: 4, max: 32 }
resources:
${Array.from({ length: n }, (_, i) => `  word_${i}:\n    type: OS::Heat::RandomString\n    properties:\n      length: { get_param: length }\n`).join('')}`;

const studio = useStudioOnCloud('deploy-demo');
const call = studio.call;

describe('deploy.* against the real Heat', () => {
  it('deploys the recommended shared-network server with the sandbox environment and remembers its library origin', async () => {
    const tpl = studio.services.library.list({}).find((t) => t.systemKey === 'shared-network-server')!;
    const name = uniqueName('dep-shared');
    const preview = await call('deploy.preview', {
      profileId: studio.profileId,
      stackName: name,
      source: { kind: 'library', templateId: tpl.id, version: 1 },
      options: {},
    });
    expect(preview.sandbox).toBe(true);
    expect(JSON.stringify(preview.stack)).toContain('server_1');

    const result = await call('deploy.create', {
      profileId: studio.profileId,
      stackName: name,
      source: { kind: 'library', templateId: tpl.id, version: 1 },
      options: { tags: ['e2e'] },
    });
    studio.created.push(result.stack);
    expect(result.origin).toMatchObject({ templateId: tpl.id, templateVersion: 1, stackName: name });
    const done = await settle(studio.services.profiles.connection(studio.profileId).heat, result.stack);
    expect(done.stack_status).toBe('CREATE_COMPLETE');
    expect(await call('deploy.origin', { profileId: studio.profileId, stackId: result.stack.id })).toMatchObject({ templateName: tpl.name });
  });

  it('answers a deploy to a name that exists with Heat’s 409 as a CONFLICT naming the stack', async () => {
    const name = uniqueName('dep-dup');
    const source = { kind: 'yaml', yaml: COUNTER(1) } as const;
    const first = await call('deploy.create', { profileId: studio.profileId, stackName: name, source, options: {} });
    studio.created.push(first.stack);
    const err = await call('deploy.create', { profileId: studio.profileId, stackName: name, source, options: {} }).catch((e: Error & { code: string }) => e);
    expect((err as { code: string }).code).toBe('CONFLICT');
    expect((err as Error).message).toContain(name);
  });

  it('previews an update from a newer library version (one added, the rest unchanged), applies it and moves the origin forward', async () => {
    const tpl = studio.services.library.create({ name: uniqueName('counter'), description: '', tags: [], from: { kind: 'yaml', yaml: COUNTER(2) } });
    studio.services.library.saveVersion({ id: tpl.id, yaml: COUNTER(3), layout: {}, files: {}, environment: null, note: 'one more' });
    const name = uniqueName('dep-upd');
    const first = await call('deploy.create', {
      profileId: studio.profileId,
      stackName: name,
      source: { kind: 'library', templateId: tpl.id, version: 1 },
      options: {},
    });
    studio.created.push(first.stack);
    await settle(studio.services.profiles.connection(studio.profileId).heat, first.stack);

    const changes = await call('deploy.previewUpdate', {
      profileId: studio.profileId,
      stack: first.stack,
      source: { kind: 'library', templateId: tpl.id, version: 2 },
      options: {},
    });
    expect(changes.added.map((r) => (r as { resource_name: string }).resource_name)).toEqual(['word_2']);
    expect(changes.unchanged).toHaveLength(2);

    const updated = await call('deploy.update', {
      profileId: studio.profileId,
      stack: first.stack,
      source: { kind: 'library', templateId: tpl.id, version: 2 },
      options: {},
    });
    expect(updated.origin?.templateVersion).toBe(2);
    expect((await settle(studio.services.profiles.connection(studio.profileId).heat, first.stack)).stack_status).toBe('UPDATE_COMPLETE');
  });

  it('previews a parameters-only update as replacements of what uses the parameter', async () => {
    const name = uniqueName('dep-param');
    const r = await call('deploy.create', { profileId: studio.profileId, stackName: name, source: { kind: 'yaml', yaml: COUNTER(2) }, options: {} });
    studio.created.push(r.stack);
    await settle(studio.services.profiles.connection(studio.profileId).heat, r.stack);
    const changes = await call('deploy.previewUpdate', {
      profileId: studio.profileId,
      stack: r.stack,
      source: null,
      options: { parameters: { length: '12' } },
    });
    expect([...changes.replaced, ...changes.updated].map((x) => (x as { resource_name: string }).resource_name).sort()).toEqual(['word_0', 'word_1']);
  });

  it('keeps and edits the stack’s tags through updates: Heat drops them on a full update that names none (issue 15)', async () => {
    const heat = studio.services.profiles.connection(studio.profileId).heat;
    const tagsOf = async (ref: { name: string; id: string }) => (await heat.show(ref)).tags ?? [];
    const tpl = studio.services.library.create({ name: uniqueName('tagged'), description: '', tags: [], from: { kind: 'yaml', yaml: COUNTER(1) } });
    studio.services.library.saveVersion({ id: tpl.id, yaml: COUNTER(2), layout: {}, files: {}, environment: null, note: 'two' });
    const r = await call('deploy.create', {
      profileId: studio.profileId,
      stackName: uniqueName('dep-tags'),
      source: { kind: 'library', templateId: tpl.id, version: 1 },
      options: { tags: ['web', 'prod'] },
    });
    studio.created.push(r.stack);
    await settle(heat, r.stack);
    // A full update from a newer version, sending the tags the dialog shows: kept.
    await call('deploy.update', {
      profileId: studio.profileId,
      stack: r.stack,
      source: { kind: 'library', templateId: tpl.id, version: 2 },
      options: { tags: ['web', 'prod'] },
    });
    expect((await settle(heat, r.stack)).stack_status).toBe('UPDATE_COMPLETE');
    expect((await tagsOf(r.stack)).sort()).toEqual(['prod', 'web']);
    // Tags edited alone, keeping the template (PATCH).
    await call('deploy.update', { profileId: studio.profileId, stack: r.stack, source: null, options: { tags: ['web', 'v2'] } });
    expect((await settle(heat, r.stack)).stack_status).toBe('UPDATE_COMPLETE');
    expect((await tagsOf(r.stack)).sort()).toEqual(['v2', 'web']);
  });
});
