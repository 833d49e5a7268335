import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseCinderLimits,
  parseCinderQuotaUsage,
  parseNeutronQuotaDetails,
  parseNeutronQuotaLimits,
  parseNovaLimits,
  parseNovaQuotaDetail,
  withUsage,
} from '../../../../shared/quota/parse';
import { countTemplate } from '../../../../shared/quota/count';
import { appQuotaVerdict, overSummary, quotaVerdict } from '../../../../shared/quota/verdict';
import { quotaReport } from './fixtures';

// The answers of the full test cloud's Nova, Neutron and Cinder (project demo), saved as they came.
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../../fixtures/quota', name), 'utf8'));

describe('quota answers of each API', () => {
  it('Nova os-quota-sets detail: limit and in_use + reserved per kind', () => {
    expect(parseNovaQuotaDetail(fixture('nova-quota-detail.json'))).toEqual({
      instances: { limit: 10, used: 0 },
      cores: { limit: 20, used: 0 },
      ram: { limit: 51200, used: 0 },
      key_pairs: { limit: 100, used: 0 },
    });
  });
  it('Nova /limits: maxTotal* and total*Used; no key pair usage there', () => {
    expect(parseNovaLimits(fixture('nova-limits.json'))).toEqual({
      instances: { limit: 10, used: 0 },
      cores: { limit: 20, used: 0 },
      ram: { limit: 51200, used: 0 },
      key_pairs: { limit: 100, used: null },
    });
  });
  it('Neutron quota details (used + reserved) and the limits-only answer', () => {
    expect(parseNeutronQuotaDetails(fixture('neutron-quota-details-admin.json'))).toMatchObject({
      network: { limit: 100, used: 1 },
      subnet: { limit: 100, used: 1 },
      port: { limit: 500, used: 0 },
      router: { limit: 10, used: 0 },
      floatingip: { limit: 50, used: 0 },
      security_group: { limit: 10, used: 1 },
      security_group_rule: { limit: 100, used: 4 },
    });
    const limits = parseNeutronQuotaLimits(fixture('neutron-quotas.json'));
    expect(limits.port).toEqual({ limit: 500, used: null });
    expect(withUsage(limits, { port: 3 }).port).toEqual({ limit: 500, used: 3 });
  });
  it('Cinder os-quota-sets?usage=true and /limits', () => {
    expect(parseCinderQuotaUsage(fixture('cinder-quota-usage.json'))).toEqual({ volumes: { limit: 10, used: 0 }, gigabytes: { limit: 1000, used: 0 } });
    expect(parseCinderLimits(fixture('cinder-limits.json'))).toEqual({ volumes: { limit: 10, used: 0 }, gigabytes: { limit: 1000, used: 0 } });
  });
  it('reservations count as used', () => {
    expect(parseNovaQuotaDetail({ quota_set: { instances: { limit: 2, in_use: 1, reserved: 1 } } }).instances).toEqual({ limit: 2, used: 2 });
  });
  it('an answer of another shape is refused, naming what is missing', () => {
    expect(() => parseNovaQuotaDetail({ quota: {} })).toThrow(/no "quota_set"/);
    expect(() => parseNeutronQuotaDetails({ quota: { rbac_policy: { limit: 1, used: 0 } } })).toThrow(/names none of network/);
    expect(() => parseCinderLimits('<html>')).toThrow(/no "limits"/);
  });
});

const twoServers = countTemplate({
  yaml: 'heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Nova::Server, properties: {flavor: m1.tiny, networks: [{network: n}]}}\n  b: {type: OS::Nova::Server, properties: {flavor: m1.tiny, networks: [{network: n}]}}\n',
  flavors: [{ id: '1', name: 'm1.tiny', vcpus: 1, ramMiB: 512 }],
});

describe('quota verdict', () => {
  it('over: used + canvas above the limit, named with numbers', () => {
    const check = quotaVerdict(twoServers, quotaReport({ instances: { limit: 1, used: 0 }, cores: { limit: 20, used: 0 }, ram: { limit: 51200, used: 0 } }));
    expect(check.state).toBe('over');
    expect(check.kinds.find((k) => k.kind === 'instances')).toMatchObject({ state: 'over', total: 2, limit: 1, canvas: 2, used: 0 });
    expect(overSummary(check)).toBe('instances 2/1');
    expect(appQuotaVerdict(check)).toEqual({ over: true, resources: ['instances 2/1'] });
  });
  it('ok: within every limit; -1 is unlimited', () => {
    const check = quotaVerdict(twoServers, quotaReport({ instances: { limit: -1, used: 40 }, cores: { limit: 2, used: 0 }, ram: { limit: 1024, used: 0 } }));
    expect(check.state).toBe('ok');
    expect(appQuotaVerdict(check).over).toBe(false);
  });
  it('exactly at the limit is not over', () => {
    expect(
      quotaVerdict(twoServers, quotaReport({ instances: { limit: 3, used: 1 }, cores: { limit: 20, used: 0 }, ram: { limit: 51200, used: 0 } })).state,
    ).toBe('ok');
  });
  it('unknown: a limit the cloud did not give (no Nova), never blocking', () => {
    const check = quotaVerdict(twoServers, quotaReport({}));
    expect(check.state).toBe('unknown');
    expect(check.kinds.find((k) => k.kind === 'instances')).toMatchObject({ state: 'unknown', limit: null });
    expect(appQuotaVerdict(check).over).toBe(false);
  });
  it('unknown: a canvas count that cannot be counted, while its known part fits', () => {
    const c = countTemplate({
      yaml: 'heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Nova::Server, properties: {flavor: m9, networks: [{network: n}]}}\n',
      flavors: [],
    });
    const check = quotaVerdict(c, quotaReport({ instances: { limit: 5, used: 0 }, cores: { limit: 20, used: 0 }, ram: { limit: 51200, used: 0 } }));
    expect(check.kinds.find((k) => k.kind === 'cores')).toMatchObject({ state: 'unknown', canvasUnknown: [{ code: 'flavor-unknown', detail: 'm9' }] });
    expect(check.state).toBe('unknown');
  });
  it('over even with unknown parts when the known part alone is over', () => {
    const c = countTemplate({
      yaml: 'heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Nova::Server, properties: {flavor: m9}}\n  b: {type: OS::Nova::Server, properties: {flavor: m9}}\n',
      flavors: [],
    });
    expect(quotaVerdict(c, quotaReport({ instances: { limit: 1, used: 0 } })).state).toBe('over');
  });
  it('kinds the template does not create never decide the verdict, even when already over', () => {
    const check = quotaVerdict(
      twoServers,
      quotaReport({ instances: { limit: 5, used: 0 }, cores: { limit: 20, used: 0 }, ram: { limit: 51200, used: 0 }, key_pairs: { limit: 1, used: 3 } }),
    );
    expect(check.state).toBe('ok');
    expect(check.kinds.find((k) => k.kind === 'key_pairs')?.relevant).toBe(false);
  });
  it('a stale quota is marked stale on each of its kinds', () => {
    const r = quotaReport({ instances: { limit: 1, used: 0 } });
    r.services.compute = { ...r.services.compute, state: 'stale', problem: { code: 'unreachable', message: 'down' } };
    const k = quotaVerdict(twoServers, r).kinds.find((x) => x.kind === 'instances')!;
    expect(k).toMatchObject({ stale: true, state: 'over', problem: { code: 'unreachable' } });
  });
  it('never read: every relevant kind unknown', () => {
    const check = quotaVerdict(twoServers, null);
    expect(check.state).toBe('unknown');
    expect(check.kinds[0]?.problem?.code).toBe('never-read');
  });
});
