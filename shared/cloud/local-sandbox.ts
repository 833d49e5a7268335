// The "Local sandbox" cloud profile: the project's own local OpenStack
// (test/cloud, `npm run cloud:up -- --full`) as a one-click profile, as its
// demo user in RegionOne. The values are the ones cloud-up.sh creates.
import { emptyProfileFields, type ProfileFields } from './profile';

export const LOCAL_SANDBOX = {
  name: 'Local sandbox',
  authUrl: 'http://127.0.0.1:5000/v3',
  username: 'demo',
  password: 'demo-secret',
  projectName: 'demo',
  domain: 'Default',
  region: 'RegionOne',
  /** What a user runs in a Heat Studio checkout (Debian/Ubuntu) to start it. */
  startCommand: 'npm run cloud:up -- --full',
} as const;

/** The catalog services whose absence makes a profile a "sandbox" (their types map to OS::Heat::None). */
export const SANDBOXED_SERVICES = ['compute', 'network', 'volume'] as const;

export function localSandboxFields(authUrl: string, sandbox: boolean, region: string = LOCAL_SANDBOX.region): ProfileFields {
  return {
    ...emptyProfileFields(LOCAL_SANDBOX.name, authUrl),
    region,
    username: LOCAL_SANDBOX.username,
    userDomainName: LOCAL_SANDBOX.domain,
    projectName: LOCAL_SANDBOX.projectName,
    projectDomainName: LOCAL_SANDBOX.domain,
    sandbox,
  };
}

/** Whether an existing profile already is the local sandbox (same cloud, user, project and region). */
export function isLocalSandbox(p: ProfileFields, authUrl: string, region: string = LOCAL_SANDBOX.region): boolean {
  const trim = (u: string) => u.replace(/\/+$/, '');
  return trim(p.authUrl) === trim(authUrl) && p.username === LOCAL_SANDBOX.username && p.projectName === LOCAL_SANDBOX.projectName && p.region === region;
}
