// A git template's rename: the files under its folder go with it, files
// reached elsewhere stay, and a broken reference or a shared file refuses it.
import { describe, expect, it } from 'vitest';
import { planRename } from '../../../../../main/library/git/rename-plan';
import { groupScanned, type RepositoryScan, type Scanned } from '../../../../../main/library/git/template-grouping';

function scanOf(files: Record<string, string[]>, environments: string[] = []): RepositoryScan {
  const scanned = new Map<string, Scanned>(Object.entries(files).map(([p, refs]) => [p, { kind: environments.includes(p) ? 'environment' : 'hot', refs }]));
  return { groups: groupScanned(scanned), scanned };
}

describe('planning a git rename', () => {
  it('moves the entry, its nested files under its folder and its environment, keeping their places', () => {
    const scan = scanOf({ 'web/app.yaml': ['web/parts/lb.yaml', 'web/boot.sh'], 'web/parts/lb.yaml': [], 'web/app.env.yaml': ['web/parts/lb.yaml'] }, [
      'web/app.env.yaml',
    ]);
    expect(planRename(scan, 'web/app.yaml', 'prod/site.yaml')).toEqual({
      moves: [
        { from: 'web/app.yaml', to: 'prod/site.yaml' },
        { from: 'web/boot.sh', to: 'prod/boot.sh' },
        { from: 'web/parts/lb.yaml', to: 'prod/parts/lb.yaml' },
        { from: 'web/app.env.yaml', to: 'prod/app.env.yaml' },
      ],
    });
  });

  it('leaves a file reached outside the folder where it is when the new folder reaches it the same way', () => {
    const scan = scanOf({ 'web/app.yaml': ['common/net.yaml'], 'common/net.yaml': [] });
    expect(planRename(scan, 'web/app.yaml', 'prod/app.yaml')).toEqual({ moves: [{ from: 'web/app.yaml', to: 'prod/app.yaml' }] });
  });

  it('refuses when a file that stays would no longer be at the same relative path', () => {
    const scan = scanOf({ 'web/app.yaml': ['common/net.yaml'], 'common/net.yaml': [] });
    expect(planRename(scan, 'web/app.yaml', 'teams/prod/app.yaml')).toEqual({ refused: 'reference', path: 'web/app.yaml', ref: 'common/net.yaml' });
  });

  it('refuses to move a nested file another template uses too', () => {
    const scan = scanOf({ 'web/a.yaml': ['web/lb.yaml'], 'web/b.yaml': ['web/lb.yaml'], 'web/lb.yaml': [] });
    expect(planRename(scan, 'web/a.yaml', 'prod/a.yaml')).toEqual({ refused: 'shared', path: 'web/lb.yaml', other: 'web/b.yaml' });
  });
});
