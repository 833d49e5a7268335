import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { en } from '../../../../renderer/i18n/en';
import { zhCN } from '../../../../renderer/i18n/zh-CN';
import { StudioError } from '../../../../renderer/api/client';
import { errorText, overKinds, unknownKinds } from '../../../../renderer/deploy/quota-refusal';
import { countTemplate } from '../../../../shared/quota/count';
import { quotaVerdict } from '../../../../shared/quota/verdict';
import { quotaReport } from '../../shared/quota/fixtures';

function translator(locale: 'en' | 'zh-CN') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, 'zh-CN': zhCN } });
  return (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {});
}

const TWO_SERVERS_AND_A_VOLUME = `heat_template_version: 2018-08-31
resources:
  a: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }
  b: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }
  v: { type: OS::Cinder::Volume, properties: { size: 1 } }
`;

const refusal = (details: Record<string, unknown>) =>
  new StudioError(
    'QUOTA_EXCEEDED',
    'Over quota: instances 2/1 (used + this template / limit). Deploying is blocked; the template can still be saved.',
    details,
  );

describe('the quota verdict in the user’s language', () => {
  const check = quotaVerdict(
    countTemplate({ yaml: TWO_SERVERS_AND_A_VOLUME, entryPath: 'template.yaml', files: {}, environments: [], parameters: {}, flavors: null }),
    quotaReport({ instances: { limit: 1, used: 0 }, cores: { limit: 20, used: 0 }, ram: { limit: 51200, used: 0 } }),
  );

  it('names the kinds over quota with used + added / limit, and the kinds left unknown', () => {
    expect(overKinds(check, translator('en'))).toBe('Instances 2/1');
    expect(overKinds(check, translator('zh-CN'))).toBe('云主机 2/1');
    // No Cinder in the fixture: the volume's quota is unknown, named, never blocking.
    expect(unknownKinds(check, translator('en'))).toContain('Volumes');
    expect(overKinds(null, translator('en'))).toBe('');
  });

  it('says main’s QUOTA_EXCEEDED refusal again from its details, for a create and for an update', () => {
    const kinds = [{ kind: 'instances', total: 2, limit: 1, used: 0, canvas: 2 }];
    expect(errorText(refusal({ kinds, action: 'deploy', staleAt: null }), translator('zh-CN'))).toBe(
      '超出配额：云主机 2/1（已用 + 本模版 / 上限）。无法部署；模版仍可保存。',
    );
    expect(errorText(refusal({ kinds, action: 'update', staleAt: null }), translator('en'))).toBe(
      'Over quota: Instances 2/1 (used + what the update adds, of the limit). Updating is blocked; the stack stays as it is.',
    );
    expect(errorText(refusal({ kinds, action: 'update', staleAt: '2026-11-23T08:00:00.000Z' }), translator('zh-CN'))).toMatch(
      /无法更新；编排部署保持原样。 （最近一次已知的配额，读取于 .+。）$/,
    );
  });

  it('keeps main’s own message for other errors and for a refusal without the details it needs', () => {
    expect(errorText(new StudioError('CONFLICT', 'Stack named x already exists'), translator('zh-CN'))).toBe('Stack named x already exists');
    expect(errorText(refusal({}), translator('zh-CN'))).toContain('Deploying is blocked');
    expect(errorText('plain', translator('en'))).toBe('plain');
  });
});
