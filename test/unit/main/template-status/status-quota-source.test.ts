// The status pipeline records whose quota it used (migration 011), and an
// unreachable cloud ends the run with the verdict so far.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/library/database';
import { EventBus } from '../../../../main/events/event-bus';
import { LibraryService } from '../../../../main/library/library-service';
import { TemplateRepo } from '../../../../main/library/template-repo';
import type { QuotaCacheRepo } from '../../../../main/library/quota-cache-repo';
import type { CloudProfileRepo } from '../../../../main/library/cloud-profile-repo';
import { saveChecker } from '../../../../main/template-status/save-checker';
import { runStatusStepsAsync, type AsyncStatusStep, type StepResult } from '../../../../shared/library/status-steps';
import { msg } from '../../../../shared/messages/message';
import type { QuotaReport } from '../../../../shared/quota/model';
import { quotaReport } from '../../shared/quota/fixtures';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const server = (n: string) => `  ${n}:\n    type: OS::Nova::Server\n    properties: {image: cirros, flavor: m1.tiny, networks: [{network: private}]}\n`;
const yaml = (...names: string[]) => `heat_template_version: 2018-08-31\nresources:\n${names.map(server).join('')}`;

describe('the quota a status used', () => {
  it('is recorded on save with the profile name, region and reading time, and is gone when no quota was read', () => {
    const { db } = openDatabase(join(tempDir(), 'library.sqlite'));
    const report: QuotaReport = { ...quotaReport({ instances: { limit: 1, used: 0 } }, null, '2026-11-23T01:00:00.000Z'), profileId: 'p1' };
    const profiles = { get: (id: string) => (id === 'p1' ? ({ id: 'p1', name: 'lab cloud', sandbox: false } as ReturnType<CloudProfileRepo['get']>) : null) };
    let cached: QuotaReport | null = null;
    const quotaCache: Pick<QuotaCacheRepo, 'newest'> = { newest: () => cached };
    const library = new LibraryService(new TemplateRepo(db), saveChecker(quotaCache, profiles), new EventBus());

    const before = library.create({ name: 'before any reading', description: '', tags: [], from: { kind: 'yaml', yaml: yaml('a') } });
    expect(library.get(before.id).statusQuota).toBeNull();

    cached = report;
    const over = library.create({ name: 'two servers', description: '', tags: [], from: { kind: 'yaml', yaml: yaml('a', 'b') } });
    expect(library.get(over.id)).toMatchObject({
      status: 'needs_editing',
      statusQuota: { profileId: 'p1', profileName: 'lab cloud', region: 'RegionOne', readAt: '2026-11-23T01:00:00.000Z' },
    });
    const within = library.saveVersion({ id: over.id, yaml: yaml('a'), layout: {}, files: {}, environment: null, note: '' });
    expect(within).toMatchObject({ status: 'usable', statusQuota: { profileName: 'lab cloud' } });

    // A reading of a profile removed since is not used, and the status says no quota played a part.
    cached = { ...report, profileId: 'gone' };
    expect(library.saveVersion({ id: over.id, yaml: yaml('a', 'b'), layout: {}, files: {}, environment: null, note: '' })).toMatchObject({
      status: 'usable',
      statusQuota: null,
    });
    db.close();
  });

  it('an unreachable cloud stops the later steps; the verdict so far stands and says why', async () => {
    const ran: string[] = [];
    const step = (name: string, result: StepResult): AsyncStatusStep<object> => ({ name, run: () => (ran.push(name), result) });
    const outcome = await runStatusStepsAsync(
      [
        step('hot', { kind: 'pass' }),
        step('inventory', { kind: 'pass', checkedWithCloud: true }),
        step('heat', { kind: 'unreachable', error: 'Heat did not answer', resourceChecks: 'applied' }),
        step('quota', { kind: 'fail', reason: msg('status.noResources') }),
      ],
      {},
    );
    expect(ran).toEqual(['hot', 'inventory', 'heat']);
    expect(outcome).toMatchObject({ status: 'usable', checkedWithCloud: true, cloudError: 'Heat did not answer', resourceChecks: 'applied', quota: null });
  });
});
