// cloud.* channels: validate (done by the dispatcher), call the service, map.
import type { CloudServices } from '../cloud/index';
import type { StackListQuery } from '../cloud/heat-client';
import { addLocalSandbox, type LocalSandboxOptions } from '../cloud/local-sandbox';
import type { DomainHandlers } from './dispatcher';

const accepted = { accepted: true } as const;

export function cloudHandlers(services: Pick<CloudServices, 'cloud' | 'profiles'>, localSandbox: LocalSandboxOptions = {}): DomainHandlers<'cloud'> {
  const { cloud, profiles } = services;
  return {
    'cloud.profiles.list': () => profiles.list(),
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
    'cloud.import.save': ({ choices }) => profiles.saveCandidates(choices),

    'cloud.stacks.list': ({ profileId, filters }) => cloud.listStacks(profileId, filters as StackListQuery),
    'cloud.stacks.show': ({ profileId, stack }) => cloud.showStack(profileId, stack),
    'cloud.stacks.events': ({ profileId, stack, nestedDepth }) => cloud.stackEvents(profileId, stack, nestedDepth),
    'cloud.stacks.resources': ({ profileId, stack, nestedDepth, withDetail }) => cloud.resources(profileId, stack, nestedDepth, withDetail),
    'cloud.stacks.template': ({ profileId, stack }) => cloud.template(profileId, stack),

    'cloud.stacks.delete': async ({ profileId, stack }) => (await cloud.action(profileId, stack, 'delete'), accepted),
    'cloud.stacks.dependencies': ({ profileId }) => cloud.stackDependencies(profileId),
    'cloud.stacks.cancel': async ({ profileId, stack, withoutRollback }) => (
      await cloud.action(profileId, stack, withoutRollback ? 'cancelNoRollback' : 'cancel'),
      accepted
    ),
    'cloud.stacks.check': async ({ profileId, stack }) => (await cloud.action(profileId, stack, 'check'), accepted),
    'cloud.stacks.suspend': async ({ profileId, stack }) => (await cloud.action(profileId, stack, 'suspend'), accepted),
    'cloud.stacks.resume': async ({ profileId, stack }) => (await cloud.action(profileId, stack, 'resume'), accepted),

    'cloud.resourceTypes': ({ profileId, name, withDescription }) =>
      cloud.resourceTypes(profileId, { ...(name ? { name } : {}), ...(withDescription ? { with_description: true } : {}) }),

    'cloud.watch.start': ({ profileId, stack, nestedDepth }) => (cloud.watch(profileId, stack, nestedDepth), { watching: true }),
    'cloud.watch.stop': ({ profileId, stackId }) => ({ stopped: cloud.unwatch(profileId, stackId) }),
  };
}
