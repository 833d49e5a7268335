import { describe, expect, it } from 'vitest';
import { countTemplate } from '../../../../shared/quota/count';
import { updateDelta } from '../../../../shared/quota/delta';
import { quotaVerdict } from '../../../../shared/quota/verdict';
import { quotaReport, quotaService, TINY } from './fixtures';

const servers = (n: number, flavor = 'm1.tiny'): string =>
  `heat_template_version: 2018-08-31\nresources:\n${Array.from({ length: n }, (_, i) => `  s${i}:\n    type: OS::Nova::Server\n    properties: {image: tiny, flavor: ${flavor}, networks: [{network: public}]}\n`).join('')}`;
const flavors = [TINY];
const count = (yaml: string) => countTemplate({ yaml, flavors });

/** instances at their limit: 2 used of 2. */
const atLimit = quotaReport(
  { instances: { limit: 2, used: 2 }, cores: { limit: 20, used: 2 }, ram: { limit: 51200, used: 1024 } },
  quotaService('network', { port: { limit: 50, used: 2 } }),
);

describe('updateDelta', () => {
  it('an update that keeps the servers adds nothing, so it is not over quota even at the limit', () => {
    const d = updateDelta(count(servers(2)), count(servers(2)));
    expect(d.instances.known).toBe(0);
    expect(quotaVerdict(d, atLimit).state).not.toBe('over');
  });

  it('one more server adds one instance, one core, its RAM and its port: over at the limit, naming instances 3/2', () => {
    const d = updateDelta(count(servers(3)), count(servers(2)));
    expect([d.instances.known, d.cores.known, d.ram.known, d.port.known]).toEqual([1, 1, 512, 1]);
    const v = quotaVerdict(d, atLimit);
    expect(v.state).toBe('over');
    expect(v.kinds.find((k) => k.kind === 'instances')).toMatchObject({ state: 'over', total: 3, limit: 2 });
  });

  it('an update that removes servers frees usage (negative) and is never over', () => {
    const d = updateDelta(count(servers(1)), count(servers(2)));
    expect(d.instances.known).toBe(-1);
    expect(quotaVerdict(d, atLimit).state).not.toBe('over');
  });

  it('an unknown in the stack as it is now makes the difference unknown, named as such', () => {
    const d = updateDelta(count(servers(2)), count(servers(2, 'no-such-flavor')));
    expect(d.cores.unknown.map((u) => u.resource)).toEqual(['s0 (now in the stack)', 's1 (now in the stack)']);
    expect(quotaVerdict(d, atLimit).kinds.find((k) => k.kind === 'cores')?.state).toBe('unknown');
  });
});
