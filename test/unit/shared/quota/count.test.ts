import { describe, expect, it } from 'vitest';
import { countTemplate, securityGroupRules, serverPorts, type CanvasCount, type FlavorSize } from '../../../../shared/quota/count';
import { sandboxEnvironmentYaml } from '../../../../shared/cloud/sandbox-environment';
import type { QuotaKind } from '../../../../shared/quota/kinds';

const FLAVORS: FlavorSize[] = [
  { id: '1', name: 'm1.tiny', vcpus: 1, ramMiB: 512 },
  { id: '2', name: 'm1.small', vcpus: 1, ramMiB: 2048 },
  { id: 'd3', name: 'ds2G', vcpus: 2, ramMiB: 2048 },
];

const hot = (resources: string, extra = '') => `heat_template_version: 2018-08-31\n${extra}resources:\n${resources}`;
const count = (yaml: string, more: Partial<Parameters<typeof countTemplate>[0]> = {}) => countTemplate({ yaml, flavors: FLAVORS, ...more });
/** Known amounts of the kinds that are non-zero, for compact assertions. */
function known(c: CanvasCount): Partial<Record<QuotaKind, number>> {
  return Object.fromEntries(
    Object.entries(c)
      .filter(([, k]) => k.known > 0)
      .map(([kind, k]) => [kind, k.known]),
  );
}
function unknownKinds(c: CanvasCount): string[] {
  return Object.entries(c)
    .filter(([, k]) => k.unknown.length > 0)
    .map(([kind]) => kind);
}

describe('quota count: each resource kind', () => {
  it('a server: one instance, cores and RAM from its flavor by name, one port per network entry', () => {
    const c = count(
      hot(`  s:\n    type: OS::Nova::Server\n    properties:\n      image: cirros\n      flavor: m1.small\n      networks:\n        - network: private\n`),
    );
    expect(known(c)).toEqual({ instances: 1, cores: 1, ram: 2048, port: 1 });
    expect(unknownKinds(c)).toEqual([]);
    expect(c.instances.by).toEqual([{ resource: 's', amount: 1 }]);
  });
  it('a flavor by id gives the same sizes; an unknown flavor makes cores and RAM unknown, named', () => {
    expect(known(count(hot(`  s:\n    type: OS::Nova::Server\n    properties: {image: x, flavor: d3, networks: [{network: n}]}\n`)))).toMatchObject({
      cores: 2,
      ram: 2048,
    });
    const c = count(hot(`  s:\n    type: OS::Nova::Server\n    properties: {image: x, flavor: m9.huge, networks: [{network: n}]}\n`));
    expect(c.instances.known).toBe(1);
    expect(c.cores).toMatchObject({ known: 0, unknown: [{ resource: 's', code: 'flavor-unknown', detail: 'm9.huge' }] });
    expect(c.ram.unknown).toEqual([{ resource: 's', code: 'flavor-unknown', detail: 'm9.huge' }]);
  });
  it('a public IP with a bandwidth: one floatingip; its QoS policy and rule count against no quota (Neutron has none for them)', () => {
    const c = count(
      hot(
        `  ip:\n    type: OS::Neutron::FloatingIP\n    properties: {floating_network: public, value_specs: {qos_policy_id: {get_resource: p}}}\n  p: {type: OS::Neutron::QoSPolicy}\n  r:\n    type: OS::Neutron::QoSBandwidthLimitRule\n    properties: {policy: {get_resource: p}, max_kbps: 5000}\n`,
      ),
    );
    expect(known(c)).toEqual({ floatingip: 1 });
    expect(unknownKinds(c)).toEqual([]);
  });
  it('without the cloud flavor list cores and RAM are unknown, not 0', () => {
    const c = countTemplate({ yaml: hot(`  s:\n    type: OS::Nova::Server\n    properties: {image: x, flavor: m1.tiny}\n`), flavors: null });
    expect(c.cores.unknown[0]).toMatchObject({ code: 'flavors-unavailable', detail: 'm1.tiny' });
    expect(c.cores.known).toBe(0);
  });
  it('a flavor from a parameter: default, environment, explicit value', () => {
    const yaml = hot(
      `  s:\n    type: OS::Nova::Server\n    properties: {image: x, flavor: {get_param: f}, networks: [{network: n}]}\n`,
      'parameters:\n  f: {type: string, default: m1.tiny}\n',
    );
    expect(count(yaml).ram.known).toBe(512);
    expect(count(yaml, { environments: ['parameter_defaults:\n  f: m1.small\n'] }).ram.known).toBe(2048);
    expect(count(yaml, { environments: ['parameters:\n  f: ds2G\n'], parameters: { f: 'm1.small' } }).ram.known).toBe(2048);
    expect(count(yaml, { environments: ['parameters:\n  f: ds2G\n'] }).cores.known).toBe(2);
  });
  it('a flavor decided at deploy time is unknown with the property named', () => {
    const c = count(hot(`  s:\n    type: OS::Nova::Server\n    properties: {image: x, flavor: {get_attr: [other, name]}}\n`));
    expect(c.cores.unknown).toEqual([{ resource: 's', code: 'value-unresolved', detail: 'flavor' }]);
  });
  it('key pairs', () => {
    expect(known(count(hot(`  k:\n    type: OS::Nova::KeyPair\n    properties: {name: k}\n`)))).toEqual({ key_pairs: 1 });
  });
  it('networks, subnets, routers, ports, floating IPs', () => {
    const c = count(
      hot(
        [
          '  net: {type: OS::Neutron::Net}',
          '  sub: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.0.0.0/24}}',
          '  r: {type: OS::Neutron::Router, properties: {external_gateway_info: {network: public}}}',
          '  ri: {type: OS::Neutron::RouterInterface, properties: {router: {get_resource: r}, subnet: {get_resource: sub}}}',
          '  ri2: {type: OS::Neutron::RouterInterface, properties: {router: {get_resource: r}, port: {get_resource: p}}}',
          '  p: {type: OS::Neutron::Port, properties: {network: {get_resource: net}}}',
          '  fip: {type: OS::Neutron::FloatingIP, properties: {floating_network: public}}',
          '  assoc: {type: OS::Neutron::FloatingIPAssociation, properties: {floatingip_id: {get_resource: fip}, port_id: {get_resource: p}}}',
          '',
        ].join('\n'),
      ),
    );
    // ri makes a port on the subnet; ri2 uses p; the router gateway and the floating IP's own port belong to no project.
    expect(known(c)).toEqual({ network: 1, subnet: 1, router: 1, port: 2, floatingip: 1 });
  });
  it('security groups: Neutron default egress rules, inline rules, separate rules', () => {
    expect(known(count(hot(`  sg: {type: OS::Neutron::SecurityGroup}\n`)))).toEqual({ security_group: 1, security_group_rule: 2 });
    const inline = hot(
      `  sg:\n    type: OS::Neutron::SecurityGroup\n    properties:\n      rules:\n        - {protocol: tcp, port_range_min: 22, port_range_max: 22}\n        - {protocol: tcp, port_range_min: 80, port_range_max: 80}\n        - {protocol: icmp}\n`,
    );
    expect(known(count(inline))).toEqual({ security_group: 1, security_group_rule: 5 });
    const rule = hot(
      `  sg: {type: OS::Neutron::SecurityGroup, properties: {rules: []}}\n  r:\n    type: OS::Neutron::SecurityGroupRule\n    properties: {security_group: {get_resource: sg}, protocol: tcp}\n`,
    );
    expect(known(count(rule))).toEqual({ security_group: 1, security_group_rule: 3 });
  });
  it('security group rules with egress: Heat deletes the two defaults first, the peak counts', () => {
    expect(securityGroupRules([{ direction: 'egress' }])).toBe(2);
    expect(securityGroupRules([{ direction: 'egress' }, { direction: 'egress' }, { direction: 'ingress' }])).toBe(3);
    expect(securityGroupRules([{}, {}, { direction: 'egress' }])).toBe(4);
    expect(securityGroupRules(null)).toBe(2);
  });
  it('volumes and gigabytes: literal size, size from a parameter, size from the source is unknown', () => {
    expect(
      known(
        count(
          hot(
            `  v: {type: OS::Cinder::Volume, properties: {size: 10}}\n  a: {type: OS::Cinder::VolumeAttachment, properties: {instance_uuid: x, volume_id: {get_resource: v}}}\n`,
          ),
        ),
      ),
    ).toEqual({ volumes: 1, gigabytes: 10 });
    const p = hot(`  v: {type: OS::Cinder::Volume, properties: {size: {get_param: gb}}}\n`, 'parameters:\n  gb: {type: number, default: 5}\n');
    expect(count(p).gigabytes.known).toBe(5);
    expect(count(p, { parameters: { gb: '7' } }).gigabytes.known).toBe(7);
    const img = count(hot(`  v: {type: OS::Cinder::Volume, properties: {image: cirros}}\n`));
    expect(img.volumes.known).toBe(1);
    expect(img.gigabytes.unknown).toEqual([{ resource: 'v', code: 'size-from-source', detail: 'image' }]);
  });
  it('a server booting from a new volume counts that volume', () => {
    const c = count(
      hot(
        `  s:\n    type: OS::Nova::Server\n    properties:\n      flavor: m1.tiny\n      networks: [{network: n}]\n      block_device_mapping_v2:\n        - {image: cirros, volume_size: 3, boot_index: 0, delete_on_termination: true}\n        - {volume_id: existing}\n`,
      ),
    );
    expect(known(c)).toMatchObject({ volumes: 1, gigabytes: 3 });
  });
  it('a load balancer makes its VIP port in the project', () => {
    expect(known(count(hot(`  lb: {type: OS::Octavia::LoadBalancer, properties: {vip_subnet: s}}\n`)))).toEqual({ port: 1 });
  });
  it('resources that create nothing counted by a quota add nothing', () => {
    expect(known(count(hot(`  w: {type: OS::Heat::WaitCondition}\n  n: {type: OS::Heat::None}\n`)))).toEqual({});
  });
});

describe('quota count: ports Nova makes for a server', () => {
  it('one per entry without a port; none for allocate_network none; one for auto or no networks', () => {
    expect(serverPorts([{ network: 'a' }, { subnet: 'b' }, { port: 'p' }])).toBe(2);
    expect(serverPorts([{ allocate_network: 'none' }])).toBe(0);
    expect(serverPorts([{ allocate_network: 'auto' }])).toBe(1);
    expect(serverPorts(undefined)).toBe(1);
    expect(serverPorts([])).toBe(1);
  });
  it('a server on a network and on a separately declared port: the declared port counts once', () => {
    const c = count(
      hot(
        `  p: {type: OS::Neutron::Port, properties: {network: n}}\n  s:\n    type: OS::Nova::Server\n    properties: {flavor: m1.tiny, networks: [{port: {get_resource: p}}, {network: n2}]}\n`,
      ),
    );
    expect(c.port.known).toBe(2);
    expect(c.port.by).toEqual([
      { resource: 'p', amount: 1 },
      { resource: 's', amount: 1 },
    ]);
  });
  it('networks from a json parameter count by entry; a list decided at deploy time is unknown', () => {
    const yaml = hot(
      `  s:\n    type: OS::Nova::Server\n    properties: {flavor: m1.tiny, networks: {get_param: nets}}\n`,
      'parameters:\n  nets: {type: json, default: [{network: a}, {network: b}, {network: c}]}\n',
    );
    expect(count(yaml).port.known).toBe(3);
    const later = count(hot(`  s:\n    type: OS::Nova::Server\n    properties: {flavor: m1.tiny, networks: {get_attr: [x, nets]}}\n`));
    expect(later.port.unknown).toEqual([{ resource: 's', code: 'value-unresolved', detail: 'networks' }]);
  });
});

describe('quota count: ResourceGroup, AutoScalingGroup, nested templates', () => {
  const group = (countValue: string, extra = '') =>
    hot(
      `  g:\n    type: OS::Heat::ResourceGroup\n    properties:\n      count: ${countValue}\n      resource_def:\n        type: OS::Nova::Server\n        properties: {flavor: m1.small, networks: [{network: n}]}\n`,
      extra,
    );
  it('count × member', () => {
    const c = count(group('3'));
    expect(known(c)).toEqual({ instances: 3, cores: 3, ram: 6144, port: 3 });
    expect(c.instances.by).toEqual([{ resource: 'g/*', amount: 3 }]);
  });
  it('count from the parameter default, the environment and the deploy form', () => {
    const yaml = group('{get_param: n}', 'parameters:\n  n: {type: number, default: 2}\n');
    expect(count(yaml).instances.known).toBe(2);
    expect(count(yaml, { environments: ['parameters:\n  n: 4\n'] }).instances.known).toBe(4);
    expect(count(yaml, { environments: ['parameter_defaults:\n  n: 5\n'] }).instances.known).toBe(5);
    expect(count(yaml, { parameters: { n: '6' } }).instances.known).toBe(6);
  });
  it('count 0 creates nothing, even of a member that cannot be counted', () => {
    const c = count(hot(`  g:\n    type: OS::Heat::ResourceGroup\n    properties:\n      count: 0\n      resource_def: {type: missing.yaml}\n`));
    expect(known(c)).toEqual({});
    expect(unknownKinds(c)).toEqual([]);
  });
  it('a count decided at deploy time makes the member kinds unknown, named', () => {
    const c = count(group('{get_attr: [x, n]}'));
    expect(c.instances).toMatchObject({ known: 0, unknown: [{ resource: 'g', code: 'count-unresolved', detail: 'count' }] });
    expect(c.port.unknown).toHaveLength(1);
    expect(c.volumes.unknown).toEqual([]);
  });
  it('a required count parameter without a value is unknown', () => {
    const c = count(group('{get_param: n}', 'parameters:\n  n: {type: number}\n'));
    expect(c.instances.unknown[0]?.code).toBe('count-unresolved');
  });
  it('a group of nested templates: count × what the nested template makes, with properties passed as parameters', () => {
    const files = {
      'member.yaml': hot(
        `  port: {type: OS::Neutron::Port, properties: {network: {get_param: net}}}\n  vm:\n    type: OS::Nova::Server\n    properties: {flavor: {get_param: size}, networks: [{port: {get_resource: port}}]}\n  data: {type: OS::Cinder::Volume, properties: {size: {get_param: gb}}}\n`,
        'parameters:\n  net: {type: string}\n  size: {type: string, default: m1.tiny}\n  gb: {type: number, default: 1}\n',
      ),
    };
    const yaml = hot(
      `  g:\n    type: OS::Heat::ResourceGroup\n    properties:\n      count: 2\n      resource_def:\n        type: member.yaml\n        properties: {net: private, size: ds2G, gb: 4}\n`,
    );
    const c = count(yaml, { files });
    expect(known(c)).toEqual({ instances: 2, cores: 4, ram: 4096, port: 2, volumes: 2, gigabytes: 8 });
    expect(c.instances.by).toEqual([{ resource: 'g/*[member.yaml]/vm', amount: 2 }]);
  });
  it('a template resource (type: file) and a type mapped in the environment to a file', () => {
    const files = {
      'lib/web.yaml': hot(
        `  s: {type: OS::Nova::Server, properties: {flavor: m1.tiny, networks: [{network: n}]}}\n  k: {type: OS::Nova::KeyPair, properties: {name: x}}\n`,
      ),
    };
    const direct = count(hot(`  web: {type: lib/web.yaml}\n`), { files });
    expect(known(direct)).toEqual({ instances: 1, cores: 1, ram: 512, port: 1, key_pairs: 1 });
    const mapped = count(hot(`  web: {type: My::Web}\n  web2: {type: My::Web}\n`), { files, environments: ['resource_registry:\n  My::Web: lib/web.yaml\n'] });
    expect(known(mapped)).toMatchObject({ instances: 2, key_pairs: 2 });
  });
  it('nested in nested: parameter_defaults reach the inner template, properties override them', () => {
    const files = {
      'outer.yaml': hot(`  inner: {type: inner.yaml, properties: {n: {get_param: n}}}\n`, 'parameters:\n  n: {type: number, default: 1}\n'),
      'inner.yaml': hot(
        `  g:\n    type: OS::Heat::ResourceGroup\n    properties:\n      count: {get_param: n}\n      resource_def: {type: OS::Nova::Server, properties: {flavor: {get_param: f}}}\n`,
        'parameters:\n  n: {type: number}\n  f: {type: string, default: m1.small}\n',
      ),
    };
    const c = count(hot(`  o: {type: outer.yaml, properties: {n: 3}}\n`), { files, environments: ['parameter_defaults:\n  f: m1.tiny\n'] });
    expect(known(c)).toMatchObject({ instances: 3, ram: 1536 });
  });
  it('a missing or remote nested template makes every kind unknown, naming the file', () => {
    const missing = count(hot(`  web: {type: web.yaml}\n`));
    expect(missing.instances.unknown).toEqual([{ resource: 'web', code: 'nested-missing', detail: 'web.yaml' }]);
    expect(missing.gigabytes.unknown).toHaveLength(1);
    const remote = count(hot(`  web: {type: 'https://example.org/web.yaml'}\n`));
    expect(remote.port.unknown[0]).toMatchObject({ code: 'nested-remote', detail: 'https://example.org/web.yaml' });
  });
  it('a template nesting itself stops with too-deep', () => {
    const files = { 'loop.yaml': hot(`  again: {type: loop.yaml}\n  k: {type: OS::Nova::KeyPair}\n`) };
    const c = count(hot(`  l: {type: loop.yaml}\n`), { files });
    expect(c.key_pairs.known).toBe(1);
    expect(c.key_pairs.unknown[0]).toMatchObject({ code: 'too-deep', detail: 'loop.yaml' });
  });
  it('an AutoScalingGroup creates desired_capacity (else min_size) members', () => {
    const asg = (sizes: string) =>
      hot(
        `  a:\n    type: OS::Heat::AutoScalingGroup\n    properties:\n      ${sizes}\n      max_size: 10\n      resource: {type: OS::Nova::Server, properties: {flavor: m1.tiny}}\n`,
      );
    expect(count(asg('min_size: 2')).instances.known).toBe(2);
    expect(count(asg('min_size: 1\n      desired_capacity: 3')).instances.known).toBe(3);
  });
  it('OS::Heat::Stack with an inline template and parameters', () => {
    const inner =
      'heat_template_version: 2018-08-31\nparameters:\n  gb: {type: number}\nresources:\n  v: {type: OS::Cinder::Volume, properties: {size: {get_param: gb}}}\n';
    const c = count(hot(`  st:\n    type: OS::Heat::Stack\n    properties:\n      template: ${JSON.stringify(inner)}\n      parameters: {gb: 20}\n`));
    expect(known(c)).toEqual({ volumes: 1, gigabytes: 20 });
  });
});

describe('quota count: OS::Heat::Stack from a file, and in another region', () => {
  it('a template read with get_file (relative to the template naming it) is counted', () => {
    const files = { 'stacks/inner.yaml': hot(`  k: {type: OS::Nova::KeyPair, properties: {name: k}}\n`) };
    const c = count(hot(`  st:\n    type: OS::Heat::Stack\n    properties:\n      template: {get_file: inner.yaml}\n`), {
      entryPath: 'stacks/main.yaml',
      files,
    });
    expect(c.key_pairs.known).toBe(1);
    const missing = count(hot(`  st:\n    type: OS::Heat::Stack\n    properties:\n      template: {get_file: nope.yaml}\n`));
    expect(missing.key_pairs.unknown[0]).toMatchObject({ code: 'value-unresolved', detail: 'template' });
  });
  it('a stack in another region uses that region’s quota: unknown here, naming the region', () => {
    const c = count(hot(`  st:\n    type: OS::Heat::Stack\n    properties:\n      context: {region_name: RegionTwo}\n      template: {get_file: x.yaml}\n`));
    expect(c.instances.unknown).toEqual([{ resource: 'st', code: 'other-region', detail: 'RegionTwo' }]);
  });
});

describe('quota count: conditions, environments, other templates', () => {
  const cond = hot(
    `  s:\n    type: OS::Nova::Server\n    condition: big\n    properties: {flavor: m1.tiny}\n`,
    'parameters:\n  env: {type: string, default: dev}\nconditions:\n  big: {equals: [{get_param: env}, prod]}\n',
  );
  it('a resource whose condition is false is not created', () => {
    expect(count(cond).instances.known).toBe(0);
    expect(count(cond, { parameters: { env: 'prod' } }).instances.known).toBe(1);
  });
  it('a condition decided at deploy time makes the resource unknown', () => {
    const c = count(hot(`  s:\n    type: OS::Nova::Server\n    condition: {equals: [{get_attr: [x, y]}, 1]}\n    properties: {flavor: m1.tiny}\n`));
    expect(c.instances.unknown[0]).toMatchObject({ resource: 's', code: 'condition-unresolved' });
  });
  it('the sandbox environment maps every service type to OS::Heat::None: nothing is counted', () => {
    const c = count(hot(`  s: {type: OS::Nova::Server, properties: {flavor: m1.tiny}}\n  v: {type: OS::Cinder::Volume, properties: {size: 1}}\n`), {
      environments: [sandboxEnvironmentYaml()],
    });
    expect(known(c)).toEqual({});
  });
  it('a CloudFormation template is not counted: every kind unknown with the reason', () => {
    const c = count('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  i: {Type: "AWS::EC2::Instance"}\n');
    expect(c.instances.unknown[0]).toMatchObject({ code: 'not-hot' });
  });
  it('Magnum, Sahara and Senlin clusters make servers indirectly: compute kinds unknown', () => {
    const c = count(hot(`  k: {type: OS::Magnum::Cluster, properties: {cluster_template: t}}\n`));
    expect(c.instances.unknown[0]).toMatchObject({ code: 'indirect', detail: 'OS::Magnum::Cluster' });
  });
  it('the blank template counts nothing and knows it', () => {
    const c = count('heat_template_version: 2018-08-31\nresources: {}\n');
    expect(known(c)).toEqual({});
    expect(unknownKinds(c)).toEqual([]);
  });
});
