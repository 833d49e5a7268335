// Rule 7's reasons are message keys: the library shows them in the reader's
// language, and their English text stays what logs and older callers read.
import { describe, expect, it } from 'vitest';
import { revalidate, revalidationMessage } from '../../../../shared/existing/revalidate';
import { wordMessage } from '../../../../shared/messages/word';
import { demoInventory, IDS } from './fixtures';

const inv = demoInventory();
const yaml = `heat_template_version: 2018-08-31
parameters:
  existing_net_private1:
    type: string
    default: ${IDS.private1}
    tags: [heat-studio:existing=private-network, heat-studio:name=private1]
resources:
  server:
    type: OS::Nova::Server
    properties:
      image: cirros
      flavor: m1.tiny
      key_name: nokey
      networks: [{network: {get_param: existing_net_private1}}]
`;

describe('rule 7 reasons in both languages', () => {
  it('words a missing key pair, with what the project holds, in Chinese', () => {
    const problems = revalidate({ entryPath: 'template.yaml', yaml, files: {}, environment: null }, inv, { project: 'demo', region: 'RegionOne' });
    const key = problems.find((p) => p.code === 'key-pair')!;
    expect(key.message).toBe('There is no key pair "nokey" in project demo (RegionOne) (server.key_name); key pairs there: lab.');
    expect(wordMessage(key.msg, 'zh-CN')).toBe('在项目 demo（RegionOne）中没有密钥对“nokey”（server.key_name）；那里有的密钥对：lab。');
  });

  it('words a deleted existing network, and how many more problems there are', () => {
    const gone = { ...inv, networks: inv.networks.filter((n) => n.id !== IDS.private1) };
    const problems = revalidate({ entryPath: 'template.yaml', yaml, files: {}, environment: null }, gone);
    const reason = revalidationMessage(problems)!;
    expect(wordMessage(reason, 'zh-CN')).toMatch(/^已有的私有网络“private1”（.*）在云中已不存在（参数 existing_net_private1）。（另有 \d+ 处）$/);
    expect(revalidationMessage([])).toBeNull();
  });
});
