// Template grouping on real community templates (the shared corpus, read
// only): nested files belong to the entry that references them and are not
// entries themselves; every HOT template of the folder is found.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupScanned, groupTemplates } from '../../../../../main/library/git/template-grouping';

const CORPUS = join(__dirname, '../../../../../../shared/corpus');
const ROOT = join(CORPUS, 'heat-templates');

const groups = await groupTemplates(ROOT);

describe('template grouping', () => {
  const byEntry = new Map(groups.map((g) => [g.entryPath, g]));

  it('puts a nested template under the entry whose `type:` names it, not in the list', () => {
    expect(byEntry.get('hot/autoscaling.yaml')?.nested).toContain('hot/lb_server.yaml');
    expect(byEntry.has('hot/lb_server.yaml')).toBe(false);
    expect(byEntry.get('hot/autohealing/autohealing_group.yaml')?.nested).toEqual(['hot/autohealing/autohealing_server.yaml']);
  });

  it('accounts for every HOT template of the corpus folder, as an entry or a nested file', () => {
    const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Array<{ path: string; kind: string }>;
    const hot = manifest.filter((f) => f.kind === 'template' && f.path.startsWith('heat-templates/')).map((f) => f.path.slice('heat-templates/'.length));
    const covered = new Set(groups.flatMap((g) => [g.entryPath, ...g.nested]));
    expect(hot.filter((p) => !covered.has(p))).toEqual([]);
    // Nested files are fewer than entries here, but there are some: the test would pass vacuously otherwise.
    expect(groups.filter((g) => g.nested.length > 0).length).toBeGreaterThan(3);
  });

  it('gives a ring of templates one entry, and an environment to the entry whose files it maps', () => {
    const scanned = new Map([
      ['a.yaml', { kind: 'hot' as const, refs: ['b.yaml'] }],
      ['b.yaml', { kind: 'hot' as const, refs: ['a.yaml'] }],
      ['app/main.yaml', { kind: 'hot' as const, refs: ['app/part.yaml'] }],
      ['app/part.yaml', { kind: 'hot' as const, refs: [] }],
      ['env/prod.yaml', { kind: 'environment' as const, refs: ['app/part.yaml'] }],
    ]);
    expect(groupScanned(scanned)).toEqual([
      { entryPath: 'a.yaml', nested: ['b.yaml'], environmentPath: null },
      { entryPath: 'app/main.yaml', nested: ['app/part.yaml'], environmentPath: 'env/prod.yaml' },
    ]);
  });
});
