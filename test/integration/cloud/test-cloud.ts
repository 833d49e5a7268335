// What the integration tests know about the running test cloud: read from the
// cloud.json that `npm run cloud:up` writes when READY (test/cloud/README.md).
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyProfileFields, type ProfileFields } from '../../../shared/cloud/profile';
import { openConnection, type Connection } from '../../../main/cloud/connection';

export interface TestCloud {
  authUrl: string;
  domain: string;
  regions: Record<string, string>;
  region2Mode: string;
  users: Record<'admin' | 'demo', { username: string; password: string; userId: string; project: string; projectId: string }>;
  stateDir: string;
  pids: Record<string, number>;
  heatProcesses: Record<string, string | null>;
  cloudsYaml: string;
  openrc: Record<'admin' | 'demo', string>;
  /** True when `cloud-up.sh --full` runs Nova/Neutron/Cinder/Glance/Placement on RegionOne. */
  full?: boolean;
  /** The rest is written only on the full cloud (test/cloud/write-cloud-json.py). */
  endpoints?: FullCloudEndpoints;
  flavors?: string[];
  image?: string;
  publicNetwork?: string;
  publicNetworkId?: string;
  volumeTypes?: string[];
  computeHost?: string;
}

/** RegionOne public endpoints of the full cloud (volume keeps Keystone's `%(project_id)s`). */
export interface FullCloudEndpoints {
  compute: string;
  network: string;
  volume: string;
  image: string;
  placement: string;
}

export type FullTestCloud = TestCloud &
  Required<Pick<TestCloud, 'endpoints' | 'flavors' | 'image' | 'publicNetwork' | 'publicNetworkId' | 'computeHost'>> & { full: true };

export function stateDir(): string {
  return process.env.HEAT_STUDIO_CLOUD_STATE ?? join(process.env.TMPDIR ?? tmpdir(), 'heat-studio-cloud');
}

export function loadTestCloud(): TestCloud {
  const file = join(stateDir(), 'cloud.json');
  if (!existsSync(file)) {
    throw new Error(`The test cloud is not up: ${file} is missing. Start it with \`npm run cloud:up\` (see test/cloud/README.md).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as TestCloud;
}

/**
 * For tests that need real servers, networks and volumes: throws (the test
 * FAILS, it is not skipped) when the running cloud is the Heat-only one.
 */
export function requireFullCloud(): FullTestCloud {
  const cloud = loadTestCloud();
  if (cloud.full !== true || !cloud.endpoints) {
    throw new Error(
      'This test needs the FULL test cloud (Nova, Neutron, Cinder, Glance on RegionOne), but the running one is Heat-only. ' +
        'Start it with `npm run cloud:up -- --full` (Debian/Ubuntu; see test/cloud/README.md).',
    );
  }
  return cloud as FullTestCloud;
}

/** The classic-topology templates the full cloud is verified with (test/cloud/full/templates). */
export function classicTemplate(who: 'admin' | 'demo'): string {
  return readFileSync(join(repoRoot, 'test/cloud/full/templates', who === 'admin' ? 'classic.yaml' : 'classic-demo.yaml'), 'utf8');
}

export function passwordProfile(cloud: TestCloud, who: 'admin' | 'demo', overrides: Partial<ProfileFields> = {}): ProfileFields {
  const u = cloud.users[who];
  return {
    ...emptyProfileFields(`test-${who}`, cloud.authUrl),
    region: 'RegionOne',
    username: u.username,
    userDomainName: cloud.domain,
    projectName: u.project,
    projectDomainName: cloud.domain,
    sandbox: true,
    ...overrides,
  };
}

export function connect(cloud: TestCloud, who: 'admin' | 'demo', overrides: Partial<ProfileFields> = {}, secret?: string): Connection {
  const s = secret ?? cloud.users[who].password;
  return openConnection(passwordProfile(cloud, who, overrides), () => s, { timeoutMs: 30_000 });
}

/** A unique stack name per test run, so reruns never collide with leftovers. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** Stops one recorded service of the test cloud (heat, heat-r2, keystone). */
export function stopService(name: string): void {
  const r = spawnSync('bash', [join(repoRoot, 'test/cloud/cloud-down.sh'), '--only', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cloud-down.sh --only ${name} failed: ${r.stderr}`);
}

/** Brings every stopped service back (cloud-up.sh is idempotent). */
export function startCloud(): void {
  const r = spawnSync('bash', [join(repoRoot, 'test/cloud/cloud-up.sh')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cloud-up.sh failed: ${r.stdout}\n${r.stderr}`);
}

/** The peer client: the openstack CLI from Debian, as the given user. */
export function openstackCli(cloud: TestCloud, who: 'admin' | 'demo', args: string[], region = 'RegionOne'): string {
  const u = cloud.users[who];
  const env = {
    PATH: '/usr/bin:/bin',
    OS_AUTH_URL: cloud.authUrl,
    OS_IDENTITY_API_VERSION: '3',
    OS_USERNAME: u.username,
    OS_PASSWORD: u.password,
    OS_PROJECT_NAME: u.project,
    OS_USER_DOMAIN_NAME: cloud.domain,
    OS_PROJECT_DOMAIN_NAME: cloud.domain,
    OS_REGION_NAME: region,
    OS_INTERFACE: 'public',
    HOME: process.env.HOME ?? '/tmp',
  };
  const r = spawnSync('/usr/bin/openstack', args, { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`openstack ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
