import { describe, expect, it } from 'vitest';
import { needsCloudCheck, revalidate, revalidationMessage, revalidationReason } from '../../../../shared/existing/revalidate';
import { wordMessage } from '../../../../shared/messages/word';
import type { RevalidationInput } from '../../../../shared/existing/revalidate';
import { demoInventory, IDS } from './fixtures';

const inv = demoInventory();
const input = (yaml: string, extra: Partial<RevalidationInput> = {}): RevalidationInput => ({
  entryPath: 'template.yaml',
  yaml,
  files: {},
  environment: null,
  ...extra,
});

const SERVER = (image: string, flavor: string, zone = 'nova', key = 'lab') => `heat_template_version: 2018-08-31
parameters:
  image: {type: string, default: ${image}}
  existing_net_private1:
    type: string
    default: ${IDS.private1}
    tags: [heat-studio:existing=private-network, heat-studio:name=private1]
resources:
  server:
    type: OS::Nova::Server
    properties:
      image: {get_param: image}
      flavor: ${flavor}
      key_name: ${key}
      availability_zone: ${zone}
      networks: [{network: {get_param: existing_net_private1}}]
  data:
    type: OS::Cinder::Volume
    properties: {size: 1, availability_zone: ${zone}}
`;

describe('rule 7: re-validation against what the cloud holds now', () => {
  it('passes when the existing network, image, flavor, key pair and zones are all there (by name or id)', () => {
    expect(revalidate(input(SERVER('tiny', 'm1.tiny')), inv)).toEqual([]);
    expect(revalidate(input(SERVER('7b0c1d2e-0000-4000-8000-000000000001', '1')), inv)).toEqual([]);
  });

  it('names a deleted existing resource with its cloud name, id and parameter', () => {
    const gone = { ...inv, networks: inv.networks.filter((n) => n.id !== IDS.private1) };
    const [p, ...rest] = revalidate(input(SERVER('tiny', 'm1.tiny')), gone);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'existing', value: IDS.private1, parameter: 'existing_net_private1' });
    expect(p!.message).toBe(`The existing private network "private1" (${IDS.private1}) no longer exists in the cloud (parameter existing_net_private1).`);
  });

  it('names a missing image (through its parameter), flavor, key pair and availability zone', () => {
    const problems = revalidate(input(SERVER('cirros', 'm1.huge', 'az9', 'nokey')), inv);
    expect(problems.map((p) => [p.code, p.resource, p.property, p.value])).toEqual([
      ['image', 'server', 'image', 'cirros'],
      ['flavor', 'server', 'flavor', 'm1.huge'],
      ['key-pair', 'server', 'key_name', 'nokey'],
      ['zone', 'server', 'availability_zone', 'az9'],
      ['zone', 'data', 'availability_zone', 'az9'],
    ]);
    // Whether it ever existed is not known: the message says what is true, and what there is instead.
    expect(problems[0]!.message).toBe('There is no image "cirros" in the cloud (server.image, through parameter image); images there: tiny.');
    expect(problems[2]!.message).toBe('There is no key pair "nokey" in the cloud (server.key_name); key pairs there: lab.');
    expect(problems[3]!.message).toBe('The availability zone "az9" is not available in the cloud (server.availability_zone); zones there: nova.');
    expect(problems[2]!.available).toEqual(['lab']);
    expect(problems.every((p) => !p.given)).toBe(true);
    expect(revalidationReason(problems)).toBe(`${problems[0]!.message} (and 4 more)`);
  });

  it('names the project and region it looked in, and says when there is nothing of that kind', () => {
    const [p] = revalidate(input(SERVER('tiny', 'm1.tiny', 'nova', 'nokey')), { ...inv, keyPairs: [] }, { project: 'demo', region: 'RegionOne' });
    expect(p!.message).toBe('There is no key pair "nokey" in project demo (RegionOne) (server.key_name); there are no key pairs there.');
  });

  it('tells a value typed for this deploy from the template’s own, even when the form sends the defaults back', () => {
    const yaml = SERVER('tiny', 'm1.tiny');
    const typed = revalidate(input(yaml, { parameters: { image: 'cirros' } }), inv);
    expect(typed.map((p) => [p.code, p.given])).toEqual([['image', true]]);
    expect(typed[0]!.message).toBe('There is no image "cirros" in the cloud (server.image, the value given for parameter image); images there: tiny.');
    // The default sent back by the form is the template's value: a deleted default image is the template's problem.
    const noTiny = { ...inv, images: inv.images.filter((i) => i.name !== 'tiny') };
    expect(revalidate(input(yaml, { parameters: { image: 'tiny' } }), noTiny).map((p) => p.given)).toEqual([false]);
    // So is the value the template's own environment sets.
    expect(revalidate(input(yaml, { environment: 'parameters:\n  image: cirros\n', parameters: { image: 'cirros' } }), inv).map((p) => p.given)).toEqual([
      false,
    ]);
    expect(revalidate(input(yaml, { parameters: { existing_net_private1: 'other-id' } }), inv).map((p) => [p.code, p.given])).toEqual([['existing', true]]);
  });

  it('an image that is not active counts as unavailable', () => {
    expect(revalidate(input(SERVER('half-uploaded', 'm1.tiny')), inv).map((p) => p.code)).toEqual(['image']);
  });

  it('deploy values, then the environment, win over defaults', () => {
    const yaml = SERVER('tiny', 'm1.tiny');
    expect(revalidate(input(yaml, { environment: 'parameters:\n  image: cirros\n' }), inv).map((p) => p.value)).toEqual(['cirros']);
    expect(revalidate(input(yaml, { environment: 'parameters:\n  image: cirros\n', parameters: { image: 'tiny' } }), inv)).toEqual([]);
    expect(revalidate(input(yaml, { parameters: { existing_net_private1: 'other-id' } }), inv).map((p) => [p.code, p.value])).toEqual([
      ['existing', 'other-id'],
    ]);
  });

  it('does not guess: no value, get_resource, or a service this cloud lacks is never reported', () => {
    const yaml = `heat_template_version: 2018-08-31
parameters:
  image: {type: string}
resources:
  kp: {type: OS::Nova::KeyPair, properties: {name: k, public_key: x}}
  server:
    type: OS::Nova::Server
    properties: {image: {get_param: image}, flavor: m1.huge, key_name: {get_resource: kp}}
`;
    expect(revalidate(input(yaml), inv).map((p) => p.code)).toEqual(['flavor']);
    expect(revalidate(input(yaml), { ...inv, unavailable: ['compute'] })).toEqual([]);
    const gone = { ...inv, networks: [], unavailable: ['network' as const] };
    expect(revalidate(input(SERVER('tiny', 'm1.tiny')), gone)).toEqual([]);
  });

  it('checks literal values in nested templates too', () => {
    const nested = 'heat_template_version: 2018-08-31\nresources:\n  s: {type: OS::Nova::Server, properties: {image: gone, flavor: m1.tiny}}\n';
    const problems = revalidate(input('heat_template_version: 2018-08-31\nresources:\n  n: {type: server.yaml}\n', { files: { 'server.yaml': nested } }), inv);
    expect(problems.map((p) => [p.file, p.resource, p.value])).toEqual([['server.yaml', 's', 'gone']]);
  });
});

describe('rule 7 asks the cloud only when the template names something it must hold', () => {
  it('a server, a volume or an existing-resource parameter needs the check', () => {
    expect(needsCloudCheck(input(SERVER('cirros', 'm1.tiny')))).toBe(true);
    const onlyExisting = `heat_template_version: 2018-08-31
parameters:
  existing_ext_public:
    type: string
    default: ${IDS.private1}
    tags: [heat-studio:existing=external-network, heat-studio:name=public]
resources:
  r: {type: OS::Neutron::Router, properties: {external_gateway_info: {network: {get_param: existing_ext_public}}}}
`;
    expect(needsCloudCheck(input(onlyExisting))).toBe(true);
    const nested = 'heat_template_version: 2018-08-31\nresources:\n  inner: {type: OS::Cinder::Volume, properties: {size: 1}}\n';
    const outer = 'heat_template_version: 2018-08-31\nresources:\n  n: {type: inner.yaml}\n';
    expect(needsCloudCheck(input(outer, { files: { 'inner.yaml': nested } }))).toBe(true);
  });
  it('a template of TestResources and networks alone does not', () => {
    const yaml = 'heat_template_version: 2018-08-31\nresources:\n  t: {type: OS::Heat::TestResource}\n  net: {type: OS::Neutron::Net}\n';
    expect(needsCloudCheck(input(yaml))).toBe(false);
    expect(revalidate(input(yaml), { ...inv, images: [], flavors: [] })).toEqual([]);
  });
});

describe('rule 7 reasons in both languages', () => {
  it('words a missing key pair, with what the project holds, in Chinese; the English text stays the same', () => {
    const key = revalidate(input(SERVER('tiny', 'm1.tiny', 'nova', 'nokey')), inv, { project: 'demo', region: 'RegionOne' }).find(
      (p) => p.code === 'key-pair',
    )!;
    expect(key.message).toBe('There is no key pair "nokey" in project demo (RegionOne) (server.key_name); key pairs there: lab.');
    expect(wordMessage(key.msg, 'zh-CN')).toBe('在项目 demo（RegionOne）中没有密钥对“nokey”（server.key_name）；那里有的密钥对：lab。');
  });

  it('words a deleted existing network, and how many more problems there are', () => {
    const gone = { ...inv, networks: inv.networks.filter((n) => n.id !== IDS.private1) };
    const reason = revalidationMessage(revalidate(input(SERVER('cirros', 'm1.tiny')), gone))!;
    expect(wordMessage(reason, 'zh-CN')).toMatch(/^已有的私有网络“private1”（.*）在云中已不存在（参数 existing_net_private1）。（另有 1 处）$/);
    expect(revalidationMessage([])).toBeNull();
  });
});
