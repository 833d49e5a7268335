// Adds (or refreshes) the "Local sandbox" profile. First proves the local
// cloud answers: Keystone authenticates the demo user and RegionOne's Heat
// lists stacks. Then reads the catalog: the profile is a "sandbox" (deploys
// add the environment mapping Nova/Neutron/Cinder types to OS::Heat::None)
// only when compute, network or volume is missing there, i.e. on the
// Heat-only light cloud; on the full cloud real servers are created.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { LOCAL_SANDBOX, SANDBOXED_SERVICES, isLocalSandbox, localSandboxFields } from '../../shared/cloud/local-sandbox';
import type { LocalSandboxResult } from '../../shared/ipc/cloud.contract';
import { openConnection } from './connection';
import { SERVICE_TYPES, type ServiceKind } from './service-client';
import type { ProfileService } from './profile-service';

/** The profile's `source`: how a second click finds the profile the first one made. */
const SOURCE = 'local-sandbox';

export interface LocalSandboxOptions {
  /** Keystone of the local cloud; tests point it at a closed port. */
  authUrl?: string;
  /** RegionOne unless a test asks for the Heat-only RegionTwo. */
  region?: string;
  timeoutMs?: number;
}

/** Which of Nova/Neutron/Cinder/Glance the local cloud's catalog offers in the region. */
async function probe(authUrl: string, region: string, timeoutMs: number): Promise<Record<ServiceKind, boolean>> {
  const c = openConnection(localSandboxFields(authUrl, false, region), () => LOCAL_SANDBOX.password, { timeoutMs });
  try {
    await c.session.authenticate();
    await c.heat.list({ limit: 1 });
    const services = {} as Record<ServiceKind, boolean>;
    for (const kind of Object.keys(SERVICE_TYPES) as ServiceKind[]) services[kind] = await c.service(kind).available();
    return services;
  } catch (err) {
    const cause = err instanceof AppError ? err : new AppError('CLOUD_UNREACHABLE', (err as Error).message);
    throw new AppError(
      cause.code,
      // The cause is worded in the reader's language too when it is one of ours (a refused connection, a 401).
      msg('cloud.sandbox.down', { url: authUrl, cause: cause.msg ?? cause.message, command: LOCAL_SANDBOX.startCommand }),
      { authUrl, command: LOCAL_SANDBOX.startCommand, cause: cause.code },
    );
  } finally {
    c.dispose();
  }
}

export async function addLocalSandbox(profiles: ProfileService, options: LocalSandboxOptions = {}): Promise<LocalSandboxResult> {
  const authUrl = options.authUrl ?? LOCAL_SANDBOX.authUrl;
  const region = options.region ?? LOCAL_SANDBOX.region;
  const services = await probe(authUrl, region, options.timeoutMs ?? 15_000);
  const sandbox = SANDBOXED_SERVICES.some((kind) => !services[kind]);
  // Only a profile this button made is refreshed: a profile the user set up
  // by hand for the same cloud keeps its own settings.
  const existing = profiles.list().find((p) => p.source === SOURCE && isLocalSandbox(p, authUrl, region));
  if (existing) {
    // Adding it again refreshes the sandbox flag (the cloud may have been
    // upgraded to the full one) and the password, never duplicates it.
    const { id, hasSecret: _h, source: _s, createdAt: _c, updatedAt: _u, ...fields } = existing;
    const profile = profiles.update(id, { ...fields, sandbox }, LOCAL_SANDBOX.password);
    return { profile, created: false, services };
  }
  const profile = profiles.create(
    { ...localSandboxFields(authUrl, sandbox, region), name: profiles.freeName(LOCAL_SANDBOX.name) },
    LOCAL_SANDBOX.password,
    SOURCE,
  );
  return { profile, created: true, services };
}
