// cloud.* channels: validate (done by the dispatcher), call the service, map.
import { sandboxEnvironmentYaml, SANDBOX_ENVIRONMENT_NAME } from '../../shared/cloud/sandbox-environment';
import type { CloudServices } from '../cloud/index';
import type { StackListQuery } from '../cloud/heat-client';
import { addLocalSandbox, type LocalSandboxOptions } from '../cloud/local-sandbox';
import type { DomainHandlers } from './dispatcher';

const accepted = { accepted: true } as const;

export function cloudHandlers(services: Pick<CloudServices, 'cloud' | 'profiles'>, localSandbox: LocalSandboxOptions = {}): DomainHandlers<'cloud'> {
  const { cloud, profiles } = services;
  return {
    'cloud.profiles.list': () => profiles.list(),
    'cloud.profiles.get': ({ id }) => profiles.get(id),
    'cloud.profiles.create': ({ fields, secret }) => profiles.create(fields, secret),
    'cloud.profiles.update': ({ id, fields, secret }) => {
      cloud.forgetProfile(id);
      return profiles.update(id, fields, secret);
    },
    'cloud.profiles.delete': ({ id }) => {
      cloud.forgetProfile(id);
      profiles.delete(id);
      return { deleted: true };
    },
    'cloud.profiles.test': ({ profileId }) => cloud.testConnection(profileId),
    'cloud.profiles.addLocalSandbox': async () => {
      const result = await addLocalSandbox(profiles, localSandbox);
      cloud.forgetProfile(result.profile.id);
      return result;
    },

    'cloud.import.cloudsYaml': (req) => profiles.importCloudsYaml(req),
    'cloud.import.openrc': (req) => profiles.importOpenrc(req),
    'cloud.import.environment': () => profiles.importEnvironment(),
    'cloud.import.save': ({ choices }) => profiles.saveCandidates(choices),

    'cloud.stacks.list': ({ profileId, filters }) => cloud.listStacks(profileId, filters as StackListQuery),
    'cloud.stacks.page': ({ profileId, filters, limit, marker, withCount }) =>
      cloud.listPage(profileId, { ...(filters as StackListQuery), limit, ...(marker ? { marker } : {}), ...(withCount ? { with_count: true } : {}) }),
    'cloud.stacks.find': ({ profileId, nameOrId }) => cloud.call(profileId, (h) => h.find(nameOrId)),
    'cloud.stacks.show': ({ profileId, stack }) => cloud.showStack(profileId, stack),
    'cloud.stacks.events': ({ profileId, stack, nestedDepth }) => cloud.stackEvents(profileId, stack, nestedDepth),
    'cloud.stacks.filterEvents': ({ profileId, stack, query }) => cloud.filterEvents(profileId, stack, query),
    'cloud.stacks.resources': ({ profileId, stack, nestedDepth, withDetail }) => cloud.resources(profileId, stack, nestedDepth, withDetail),
    'cloud.stacks.template': ({ profileId, stack }) => cloud.call(profileId, (h) => h.template(stack)),
    'cloud.stacks.environment': ({ profileId, stack }) => cloud.call(profileId, (h) => h.environment(stack)),
    'cloud.stacks.files': ({ profileId, stack }) => cloud.call(profileId, (h) => h.files(stack)),
    'cloud.stacks.outputs': ({ profileId, stack }) => cloud.call(profileId, (h) => h.outputs(stack)),

    'cloud.validate': ({ profileId, body, showNested, ignoreErrors }) => {
      // Validate what would be deployed: with the sandbox environment for a sandbox profile.
      const prepared = cloud.prepare(profileId, body).body;
      return cloud.call(profileId, (h) =>
        h.validate(prepared, { ...(showNested !== undefined ? { showNested } : {}), ...(ignoreErrors ? { ignoreErrors } : {}) }),
      );
    },
    'cloud.stacks.previewCreate': ({ profileId, body }) => cloud.call(profileId, (h) => h.previewCreate(cloud.prepare(profileId, body).body)),
    'cloud.stacks.create': ({ profileId, body }) => cloud.create(profileId, body),
    'cloud.stacks.update': ({ profileId, stack, body, patch }) => cloud.update(profileId, stack, body, patch),
    'cloud.stacks.previewUpdate': ({ profileId, stack, body, patch, showNested }) =>
      cloud.call(profileId, (h) => h.previewUpdate(stack, patch ? { existing: true, ...body } : cloud.prepare(profileId, body).body, { patch, showNested })),
    'cloud.stacks.delete': async ({ profileId, stack }) => (await cloud.action(profileId, stack, 'delete'), accepted),
    'cloud.stacks.dependencies': ({ profileId }) => cloud.stackDependencies(profileId),
    'cloud.stacks.cancel': async ({ profileId, stack, withoutRollback }) => (
      await cloud.action(profileId, stack, withoutRollback ? 'cancelNoRollback' : 'cancel'),
      accepted
    ),
    'cloud.stacks.check': async ({ profileId, stack }) => (await cloud.action(profileId, stack, 'check'), accepted),
    'cloud.stacks.suspend': async ({ profileId, stack }) => (await cloud.action(profileId, stack, 'suspend'), accepted),
    'cloud.stacks.resume': async ({ profileId, stack }) => (await cloud.action(profileId, stack, 'resume'), accepted),
    'cloud.stacks.signal': async ({ profileId, stack, resourceName, data }) => (
      await cloud.call(profileId, (h) => h.signal(stack, resourceName, data)),
      accepted
    ),

    'cloud.resourceTypes': ({ profileId, name, withDescription }) =>
      cloud.call(profileId, (h) => h.resourceTypes({ ...(name ? { name } : {}), ...(withDescription ? { with_description: true } : {}) })),
    'cloud.resourceTypeSchema': ({ profileId, type }) => cloud.call(profileId, (h) => h.resourceTypeSchema(type)),
    'cloud.templateVersions': ({ profileId }) => cloud.call(profileId, (h) => h.templateVersions()),
    'cloud.templateFunctions': ({ profileId, version }) => cloud.call(profileId, (h) => h.templateFunctions(version)),
    'cloud.sandboxEnvironment': () => ({ name: SANDBOX_ENVIRONMENT_NAME, yaml: sandboxEnvironmentYaml() }),

    'cloud.watch.start': ({ profileId, stack, nestedDepth }) => (cloud.watch(profileId, stack, nestedDepth), { watching: true }),
    'cloud.watch.stop': ({ profileId, stackId }) => ({ stopped: cloud.unwatch(profileId, stackId) }),
    'cloud.watch.list': () => cloud.watching(),
  };
}
