import { describe, expect, it } from 'vitest';
import { hotChecker, quotaAwareChecker } from '../../../../shared/library/offline-status';
import { quotaReport } from '../../shared/quota/fixtures';
import { wordMessage } from '../../../../shared/messages/word';

const report = quotaReport(
  { instances: { limit: 1, used: 0 }, cores: { limit: 20, used: 0 }, ram: { limit: 51200, used: 0 } },
  null,
  '2026-11-23T01:00:00.000Z',
);
const server = (n: string) => `  ${n}:\n    type: OS::Nova::Server\n    properties: {image: cirros, flavor: m1.tiny, networks: [{network: private}]}\n`;
const two = `heat_template_version: 2018-08-31\nresources:\n${server('a')}${server('b')}`;

describe('library status with the last known quota (SPEC 1.4)', () => {
  it('over the newest quota read: needs editing, naming kinds, numbers, region and time', () => {
    const check = quotaAwareChecker(hotChecker, () => ({ report, sandbox: false }));
    expect(hotChecker(two, {}, null).status).toBe('usable');
    const verdict = check(two, {}, null);
    expect(verdict).toMatchObject({
      status: 'needs_editing',
      reason: 'Over quota in RegionOne (quota read 2026-11-23 01:00 UTC): instances 2/1 (used + this template / limit).',
    });
    // The reader's language and time zone word the stored message.
    expect(wordMessage(verdict.msg!, 'zh-CN')).toMatch(/^在 RegionOne 超出配额（配额读取于 2026.*）：instances 2\/1（已用 \+ 本模版 \/ 上限）。$/);
  });
  it('within quota, never read, or a sandbox cloud: the HOT verdict stands', () => {
    const one = `heat_template_version: 2018-08-31\nresources:\n${server('a')}`;
    expect(quotaAwareChecker(hotChecker, () => ({ report, sandbox: false }))(one, {}, null).status).toBe('usable');
    expect(quotaAwareChecker(hotChecker, () => null)(two, {}, null).status).toBe('usable');
    expect(quotaAwareChecker(hotChecker, () => ({ report, sandbox: true }))(two, {}, null).status).toBe('usable');
  });
  it('a template that needs editing keeps its own reason', () => {
    const broken = 'heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Nova::Server, properties: {flavor: {get_param: nope}}}\n';
    expect(quotaAwareChecker(hotChecker, () => ({ report, sandbox: false }))(broken, {}, null).reason).toMatch(/nope/);
  });
});
