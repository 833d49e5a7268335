import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../shared/hot/template';
import { ADDRESS_HELPER_SCRIPT, topologyWarnings, userDataWithAddressOf } from '../../../../shared/topology/warnings';
import { checkUserData } from '../../../../shared/apps/checks';
import { stringify } from 'yaml';

const server = (name: string, props: string) => `  ${name}:\n    type: OS::Nova::Server\n    properties: {image: cirros, flavor: m1.tiny${props}}\n`;
const tpl = (body: string) => parseTemplate(`heat_template_version: 2018-08-31\nresources:\n${body}`);

describe('the seed’s server warnings', () => {
  it('warns a server with neither a password nor a key pair, and only that one', () => {
    const w = topologyWarnings(tpl(server('bare', '') + server('keyed', ', key_name: k') + server('pass', ', admin_pass: p')));
    expect(w.map((x) => [x.code, x.resources[0]])).toEqual([
      ['no-password-or-key', 'bare'],
      ['password-not-key', 'pass'],
    ]);
  });

  it('the str_replace + get_attr helper writes a plain-word placeholder that the app export’s user_data check accepts', () => {
    const ud = userDataWithAddressOf(ADDRESS_HELPER_SCRIPT, 'server_0');
    expect(ud).toEqual({ str_replace: { template: ADDRESS_HELPER_SCRIPT, params: { peer_ip: { get_attr: ['server_0', 'first_address'] } } } });
    expect(ADDRESS_HELPER_SCRIPT).not.toMatch(/[$\u4e00-\u9fff]/);
    const yaml = stringify({
      heat_template_version: '2018-08-31',
      resources: {
        server_0: { type: 'OS::Nova::Server', properties: { image: 'cirros', flavor: 'm1.tiny', key_name: 'k' } },
        server_1: { type: 'OS::Nova::Server', properties: { image: 'cirros', flavor: 'm1.tiny', key_name: 'k', user_data: ud } },
      },
    });
    expect(checkUserData({ entryPath: 'template.yaml', yaml, files: {}, environment: null })).toEqual([]);
    // The old `$OTHER_ADDRESS` placeholder is what the check refused.
    const dollar = yaml.replaceAll('peer_ip', '$OTHER_ADDRESS');
    expect(checkUserData({ entryPath: 'template.yaml', yaml: dollar, files: {}, environment: null }).length).toBeGreaterThan(0);
  });
});
