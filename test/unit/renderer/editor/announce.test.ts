// The canvas's live region (issue 19): the words a screen reader hears when
// the selection changes, read through the real zh-CN table.
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { openDoc } from '../../../../renderer/editor/document';
import { describeSelection } from '../../../../renderer/editor/announce';
import { en } from '../../../../renderer/i18n/en';
import { zhCN } from '../../../../renderer/i18n/zh-CN';

const YAML = `heat_template_version: 2018-08-31
resources:
  net:
    type: OS::Neutron::Net
  sub:
    type: OS::Neutron::Subnet
    properties: { network: { get_resource: net }, cidr: 10.0.0.0/24 }
  vm:
    type: OS::Nova::Server
    properties:
      image: cirros
      flavor: m1.tiny
      networks: [{ network: { get_resource: net } }]
  lonely:
    type: OS::Heat::RandomString
`;

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { en, 'zh-CN': zhCN } });
const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
const topology = openDoc(YAML).topology;

describe('the canvas selection as words', () => {
  it('names the selected resource, its type and every resource it is connected to, once each', () => {
    expect(describeSelection(topology, ['net'], t)).toBe('已选择 net（OS::Neutron::Net）。 连接到 sub, vm。');
  });

  it('says when a resource has no connection, and when nothing is selected', () => {
    expect(describeSelection(topology, ['lonely'], t)).toBe('已选择 lonely（OS::Heat::RandomString）。 没有连接。');
    expect(describeSelection(topology, [], t)).toBe('未选择资源。');
  });

  it('lists a multiple selection by name and skips ids that are no longer on the canvas', () => {
    expect(describeSelection(topology, ['vm', 'gone', 'net'], t)).toBe('已选择 2 个资源：vm, net。');
  });
});
