import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFiles, importCloudsYaml } from '../../../../main/cloud/clouds-yaml';
import { importEnvironment, importOpenrcText, parseOpenrc } from '../../../../main/cloud/openrc';

const CLOUDS = `
clouds:
  prod:
    auth:
      auth_url: https://keystone.example.com:5000/v3
      username: alice
      project_name: web
      user_domain_name: Users
      project_domain_id: abc123
    region_name: RegionOne
    interface: internal
    cacert: /etc/ssl/prod-ca.pem
  lab:
    auth_type: v3applicationcredential
    auth:
      auth_url: http://127.0.0.1:5000
      application_credential_id: ac-1
    regions: [RegionOne, {name: RegionTwo}]
    verify: false
  tok:
    auth_type: token
    auth: {auth_url: http://k/v3, token: tok-123, project_id: p-1}
`;
const SECURE = `
clouds:
  prod: {auth: {password: s3cret}}
  lab: {auth: {application_credential_secret: ac-secret}}
`;

describe('clouds.yaml import', () => {
  const found = importCloudsYaml(CLOUDS, SECURE);
  const byName = Object.fromEntries(found.map((p) => [p.fields.name, p]));

  it('maps a password cloud field by field and takes its password from secure.yaml', () => {
    const prod = byName.prod!;
    expect(prod.fields).toMatchObject({
      authUrl: 'https://keystone.example.com:5000/v3',
      authKind: 'password',
      username: 'alice',
      projectName: 'web',
      userDomainName: 'Users',
      projectDomainId: 'abc123',
      projectDomainName: null,
      region: 'RegionOne',
      interface: 'internal',
      caBundlePath: '/etc/ssl/prod-ca.pem',
      insecure: false,
    });
    expect(prod.secret).toBe('s3cret');
    expect(prod.source).toBe('clouds.yaml:prod');
  });

  it('makes one profile per region of a multi-region application-credential cloud, and warns that TLS checks are off', () => {
    expect(byName['lab (RegionOne)']?.fields).toMatchObject({ authKind: 'applicationCredential', applicationCredentialId: 'ac-1', insecure: true });
    expect(byName['lab (RegionTwo)']?.fields.region).toBe('RegionTwo');
    expect(byName['lab (RegionTwo)']?.secret).toBe('ac-secret');
    expect(byName['lab (RegionOne)']?.warnings.join()).toMatch(/TLS verification is off/);
  });

  it('imports a token cloud with the token as its secret', () => {
    expect(byName.tok?.fields).toMatchObject({ authKind: 'token', projectId: 'p-1' });
    expect(byName.tok?.secret).toBe('tok-123');
  });

  it('warns when the password is in neither file', () => {
    const [p] = importCloudsYaml(CLOUDS, null).filter((x) => x.fields.name === 'prod');
    expect(p?.secret).toBeNull();
    expect(p?.warnings.join()).toMatch(/No password/);
  });

  it('refuses a file without clouds: and a file that is not YAML', () => {
    expect(() => importCloudsYaml('foo: 1', null)).toThrow(/no "clouds:" mapping/);
    expect(() => importCloudsYaml('clouds: [: :', null)).toThrow(/not valid YAML/);
  });

  it('finds clouds.yaml where openstacksdk does: OS_CLIENT_CONFIG_FILE first, then ./, then ~/.config/openstack', () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    const cwd = mkdtempSync(join(tmpdir(), 'cwd-'));
    mkdirSync(join(home, '.config', 'openstack'), { recursive: true });
    writeFileSync(join(home, '.config', 'openstack', 'clouds.yaml'), CLOUDS);
    writeFileSync(join(home, '.config', 'openstack', 'secure.yaml'), SECURE);
    expect(findConfigFiles({ cwd, home, env: {} })).toEqual({
      clouds: join(home, '.config', 'openstack', 'clouds.yaml'),
      secure: join(home, '.config', 'openstack', 'secure.yaml'),
    });
    writeFileSync(join(cwd, 'clouds.yaml'), CLOUDS);
    expect(findConfigFiles({ cwd, home, env: {} }).clouds).toBe(join(cwd, 'clouds.yaml'));
    const explicit = join(cwd, 'other.yaml');
    writeFileSync(explicit, CLOUDS);
    expect(findConfigFiles({ cwd, home, env: { OS_CLIENT_CONFIG_FILE: explicit } }).clouds).toBe(explicit);
  });
});

describe('openrc and OS_* import', () => {
  it('parses export lines with quotes and references, never running commands', () => {
    const vars = parseOpenrc(`#!/usr/bin/env bash
export OS_AUTH_URL="https://k.example.com/v3"
export OS_PROJECT_NAME='web team'
OS_USERNAME=alice # comment
export OS_REGION_NAME=$REGION_DEFAULT
REGION_DEFAULT=RegionOne
export OS_INTERFACE=\${OS_ENDPOINT}
export OS_PASSWORD=$(pass show cloud)
`);
    expect(vars).toMatchObject({ OS_AUTH_URL: 'https://k.example.com/v3', OS_PROJECT_NAME: 'web team', OS_USERNAME: 'alice', OS_REGION_NAME: '' });
    expect(vars.OS_PASSWORD).toBeUndefined();
  });

  it("imports Horizon's openrc and warns that the password is asked for at source time", () => {
    const p = importOpenrcText(
      `export OS_AUTH_URL=http://127.0.0.1:5000/v3
export OS_PROJECT_ID=p-9
export OS_PROJECT_NAME="demo"
export OS_USER_DOMAIN_NAME="Default"
export OS_USERNAME="demo"
echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "
read -sr OS_PASSWORD_INPUT
export OS_PASSWORD=$OS_PASSWORD_INPUT
export OS_REGION_NAME="RegionOne"
export OS_INTERFACE=public
export OS_IDENTITY_API_VERSION=3
`,
      '/home/me/demo-openrc.sh',
    );
    expect(p.fields).toMatchObject({
      name: 'demo-openrc',
      projectId: 'p-9',
      username: 'demo',
      region: 'RegionOne',
      userDomainName: 'Default',
      projectDomainName: 'Default',
    });
    expect(p.secret).toBeNull();
    expect(p.warnings.join()).toMatch(/password is not in the file/);
  });

  it('imports OS_* variables of the environment, with endpoint type publicURL read as public', () => {
    const p = importEnvironment({
      OS_AUTH_URL: 'http://k/v3',
      OS_USERNAME: 'bob',
      OS_PASSWORD: 'pw',
      OS_TENANT_NAME: 'old-style',
      OS_ENDPOINT_TYPE: 'publicURL',
      OS_INSECURE: 'true',
      OS_CACERT: '/ca.pem',
      PATH: '/bin',
    });
    expect(p.fields).toMatchObject({ projectName: 'old-style', interface: 'public', insecure: true, caBundlePath: '/ca.pem' });
    expect(p.secret).toBe('pw');
  });

  it('imports an application credential from the environment', () => {
    const p = importEnvironment({
      OS_AUTH_URL: 'http://k/v3',
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_APPLICATION_CREDENTIAL_ID: 'id',
      OS_APPLICATION_CREDENTIAL_SECRET: 'sec',
    });
    expect(p.fields.authKind).toBe('applicationCredential');
    expect(p.secret).toBe('sec');
  });

  it('refuses an environment without OS_AUTH_URL and a file without OS_ variables', () => {
    expect(() => importEnvironment({ PATH: '/bin' })).toThrow(/No OS_AUTH_URL/);
    expect(() => importOpenrcText('FOO=1', 'x.sh')).toThrow(/not an openrc file/);
  });
});
