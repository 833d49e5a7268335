import { describe, expect, it } from 'vitest';
import { needsEditingMessage, versionStatus } from '../../../../shared/library/version-status';
import { englishText } from '../../../../shared/messages/message';

const GOOD = 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString}\n';
const BAD = 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString, properties: {length: {get_param: nope}}}\n';
const files = (yaml: string) => ({ entryPath: 'template.yaml', yaml, files: {}, environment: null });

describe('a version’s status for deploying and exporting (SPEC 1.4)', () => {
  it('takes the recorded status for the latest version, even when the HOT engine alone would pass it (quota, cloud checks)', () => {
    const t = { status: 'needs_editing' as const, statusReason: 'Over quota in RegionOne: instances 2/1', latestVersion: 3 };
    expect(versionStatus(t, { ...files(GOOD), number: 3 })).toEqual({ status: 'needs_editing', reason: t.statusReason, msg: null, basis: 'recorded' });
  });

  it('judges an older version, and a file from outside the library, with the HOT engine offline, locating the error', () => {
    const t = { status: 'usable' as const, statusReason: '', latestVersion: 3 };
    const older = versionStatus(t, { ...files(BAD), number: 1 });
    expect(older).toMatchObject({ status: 'needs_editing', basis: 'offline' });
    expect(older.reason).toMatch(/^line 3, column \d+: .*nope/);
    expect(older.msg?.key).toBe('status.at');
    expect(versionStatus(null, files(GOOD))).toEqual({ status: 'usable', reason: '', msg: null, basis: 'offline' });
    expect(versionStatus(null, files('heat_template_version: 2018-08-31\nresources: {}\n'))).toMatchObject({
      status: 'needs_editing',
      reason: 'The template has no resources yet.',
    });
  });

  it('says what is refused and why in one message', () => {
    expect(englishText(needsEditingMessage('deploy', 'r1'))).toBe(
      'Refused: the template needs editing. It can only be edited, not deployed, until its checks pass. r1',
    );
    expect(englishText(needsEditingMessage('app', 'r2'))).toBe(
      'Refused: the template needs editing. It can only be edited, not exported as an app, until its checks pass. r2',
    );
  });
});
