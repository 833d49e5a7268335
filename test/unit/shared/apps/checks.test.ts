import { describe, expect, it } from 'vitest';
import {
  checkAccessPorts,
  checkExistingResources,
  checkNewVersion,
  checkQuota,
  checkStatus,
  checkUserData,
  checkVersionTaken,
  parameterLabels,
} from '../../../../shared/apps/checks';
import { ingressRanges } from '../../../../shared/apps/security-groups';
import type { TemplateFiles } from '../../../../shared/apps/problems';
import type { AppLink } from '../../../../shared/apps/model';
import { RECOMMENDED_TEMPLATES } from '../../../../shared/library/recommended';

const tpl = (yaml: string, files: Record<string, string> = {}, environment: string | null = null): TemplateFiles => ({
  entryPath: 'template.yaml',
  yaml,
  files,
  environment,
});

const SERVER_WITH_SCRIPT = (script: string) => `heat_template_version: 2018-08-31
resources:
  server_0:
    type: OS::Nova::Server
    properties:
      image: cirros
      flavor: m1.small
      user_data:
        str_replace:
          template: |
            #!/bin/sh
            echo password
${script}
          params:
            password: test
`;

describe('the user_data check', () => {
  it('passes a script without Chinese characters or $', () => {
    expect(checkUserData(tpl(SERVER_WITH_SCRIPT('            echo ip')))).toEqual([]);
  });

  it('refuses $ inside a str_replace template, naming the resource and the line', () => {
    const [p, ...rest] = checkUserData(tpl(SERVER_WITH_SCRIPT('            echo $HOME')));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'APP_USER_DATA_DOLLAR', resource: 'server_0', file: 'template.yaml', line: 13, column: 18 });
    expect(p!.message).toContain('server_0');
    expect(p!.message).toContain('line 13');
  });

  it('refuses Chinese characters, at the line they are written on', () => {
    const [p] = checkUserData(tpl(SERVER_WITH_SCRIPT('            echo 你好')));
    expect(p).toMatchObject({ code: 'APP_USER_DATA_CHINESE', resource: 'server_0', line: 13, column: 18 });
  });

  it('finds $ in a str_replace param, in a parameter default and in a get_file script', () => {
    const yaml = `heat_template_version: 2018-08-31
parameters:
  script:
    type: string
    default: "echo $PATH"
resources:
  a:
    type: OS::Nova::Server
    properties:
      user_data: {str_replace: {template: "echo X", params: {X: "$Y"}}}
  b:
    type: OS::Nova::Server
    properties:
      user_data: {get_param: script}
  c:
    type: OS::Nova::Server
    properties:
      user_data: {get_file: scripts/boot.sh}
`;
    const problems = checkUserData(tpl(yaml, { 'scripts/boot.sh': '#!/bin/sh\n\necho "${HOME}"\n' }));
    expect(problems.map((p) => [p.resource, p.file, p.line])).toEqual([
      ['a', 'template.yaml', 10],
      ['b', 'template.yaml', 5],
      ['c', 'scripts/boot.sh', 3],
    ]);
  });

  it('looks into nested templates and group definitions', () => {
    const nested = 'heat_template_version: 2018-08-31\nresources:\n  inner:\n    type: OS::Nova::Server\n    properties:\n      user_data: "echo 中文"\n';
    const yaml = `heat_template_version: 2018-08-31
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      resource_def:
        type: OS::Nova::Server
        properties: {user_data: "echo $1"}
  web:
    type: nested/web.yaml
`;
    const problems = checkUserData(tpl(yaml, { 'nested/web.yaml': nested }));
    expect(problems.map((p) => [p.code, p.resource, p.file, p.line])).toEqual([
      ['APP_USER_DATA_DOLLAR', 'group', 'template.yaml', 8],
      ['APP_USER_DATA_CHINESE', 'inner', 'nested/web.yaml', 6],
    ]);
  });

  it('leaves $ outside user_data alone', () => {
    const yaml = 'heat_template_version: 2018-08-31\nresources:\n  v:\n    type: OS::Heat::Value\n    properties: {value: "$5 每月"}\n';
    expect(checkUserData(tpl(yaml))).toEqual([]);
  });
});

describe('the existing resources check', () => {
  const ID = '3f6a1c2e-8d4b-4e7a-9c1d-2b5e6f7a8b9c';

  it('passes the recommended templates, whose networks are names resolved at deploy time', () => {
    for (const r of RECOMMENDED_TEMPLATES) expect(checkExistingResources(tpl(r.yaml)), r.systemKey).toEqual([]);
  });

  it('refuses a network property that gets a parameter whose default is a UUID, naming resource, parameter and line', () => {
    const yaml = `heat_template_version: 2018-08-31
parameters:
  private_net:
    type: string
    default: ${ID}
resources:
  port:
    type: OS::Neutron::Port
    properties:
      network: {get_param: private_net}
`;
    const [p, ...rest] = checkExistingResources(tpl(yaml));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'APP_EXISTING_RESOURCE', resource: 'port', line: 10 });
    expect(p!.params).toMatchObject({ property: 'network', parameter: 'private_net', id: ID });
  });

  it('refuses a literal router id inside nested properties and a UUID the environment gives', () => {
    const yaml = `heat_template_version: 2018-08-31
parameters:
  ext: {type: string, default: public}
resources:
  iface:
    type: OS::Neutron::RouterInterface
    properties: {router: ${ID}, subnet: s}
  router:
    type: OS::Neutron::Router
    properties:
      external_gateway_info: {network: {get_param: ext}}
`;
    expect(checkExistingResources(tpl(yaml)).map((p) => p.resource)).toEqual(['iface']);
    const env = `parameter_defaults:\n  ext: ${ID}\n`;
    expect(checkExistingResources(tpl(yaml, {}, env)).map((p) => [p.resource, p.line])).toEqual([
      ['iface', 7],
      ['router', 11],
    ]);
  });
});

describe('quota, status and versions', () => {
  it('refuses when the quota verdict says over, and not otherwise', () => {
    expect(checkQuota(null)).toEqual([]);
    expect(checkQuota({ over: false, resources: [] })).toEqual([]);
    expect(checkQuota({ over: true, resources: ['instances'] })[0]).toMatchObject({ code: 'APP_OVER_QUOTA', params: { resources: 'instances' } });
  });

  it('refuses a template that needs editing, with its reason', () => {
    expect(checkStatus('usable', '')).toEqual([]);
    expect(checkStatus('needs_editing', 'line 3: unknown type')[0]!.message).toContain('line 3: unknown type');
  });

  const link: AppLink = { templateId: 't', appId: 'a', appName: 'WordPress', appVersion: '1.0', baseVersion: 1, linkedAt: '' };

  it('allows a new version of the app only for the first edit after it was created from that app', () => {
    expect(checkNewVersion(null, 2, 2)?.code).toBe('APP_NOT_FROM_APP');
    expect(checkNewVersion(link, 1, 1)?.code).toBe('APP_VERSION_NOT_EDITED');
    expect(checkNewVersion(link, 2, 2)).toBeNull();
    expect(checkNewVersion(link, 3, 3)?.code).toBe('APP_VERSION_EDITED_AGAIN');
    expect(checkNewVersion(link, 2, 3)?.code).toBe('APP_VERSION_EDITED_AGAIN');
  });

  it('refuses a version number the app already has', () => {
    expect(checkVersionTaken(link, '1.0')[0]?.code).toBe('APP_VERSION_TAKEN');
    expect(checkVersionTaken(link, '1.1')).toEqual([]);
  });
});

describe('access ports against security groups', () => {
  const SG = `heat_template_version: 2018-08-31
parameters:
  ssh: {type: number, default: 22}
resources:
  sg:
    type: OS::Neutron::SecurityGroup
    properties:
      rules:
        - {protocol: tcp, port_range_min: 80, port_range_max: 90}
        - {protocol: tcp, port_range_min: {get_param: ssh}, port_range_max: {get_param: ssh}}
        - {direction: egress, protocol: tcp, port_range_min: 1, port_range_max: 65535}
  extra:
    type: OS::Neutron::SecurityGroupRule
    properties: {security_group: {get_resource: sg}, protocol: udp, port_range_min: 53, port_range_max: 53}
`;
  const ranges = ingressRanges(tpl(SG));
  const entry = (name: string, protocol: 'http' | 'tcp' | 'udp', port: number) => ({ name, protocol, port });

  it('reads ingress ranges from inline rules (parameter defaults resolved) and rule resources', () => {
    expect(ranges.map((r) => `${r.resource} ${r.protocol} ${r.min}-${r.max}`)).toEqual(['sg.rules[0] tcp 80-90', 'sg.rules[1] tcp 22-22', 'extra udp 53-53']);
  });

  it('accepts ports inside a range and refuses one outside, naming the entry', () => {
    expect(checkAccessPorts(ranges, { appAccess: [entry('site', 'http', 85)], serviceAccess: [entry('ssh', 'tcp', 22), entry('dns', 'udp', 53)] })).toEqual([]);
    const [p] = checkAccessPorts(ranges, { appAccess: [entry('admin', 'http', 8080)], serviceAccess: [entry('dns', 'tcp', 53)] }).map((x) => x.params);
    expect(p).toMatchObject({ name: 'admin', port: 8080, kind: 'app access' });
    expect(checkAccessPorts(ranges, { appAccess: [], serviceAccess: [entry('dns', 'tcp', 53)] })).toHaveLength(1);
  });

  it('puts no constraint on ports when the template has no security group rules', () => {
    expect(checkAccessPorts(ingressRanges(tpl(RECOMMENDED_TEMPLATES[0]!.yaml)), { appAccess: [entry('x', 'http', 8080)], serviceAccess: [] })).toEqual([]);
  });
});

describe('parameter labels', () => {
  it('lists the entry parameters in order with their labels, as the translation page shows them', () => {
    expect(parameterLabels(RECOMMENDED_TEMPLATES[0]!.yaml)).toEqual([
      { name: 'share_net', label: 'Shared network' },
      { name: 'image', label: 'Image' },
      { name: 'flavor', label: 'Flavor' },
      { name: 'key_name', label: 'Key pair' },
    ]);
  });
});
