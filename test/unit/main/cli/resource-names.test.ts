// A resource key Heat cannot store (NUL or another control character, raw or
// as an escape in a quoted key) is a located error from heat-studio validate.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../support/temp-dir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const tempDir = useTempDirs();

describe('heat-studio validate and control characters in resource names', () => {
  it.each([
    ['a raw NUL byte', 'a\u0000b:'],
    ['an escaped NUL in a quoted key', '"a\\0b":'],
    ['an escaped U+0001', '"c\\x01d":'],
  ])('refuses %s with a located error', (_what, key) => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'main.yaml'),
      `heat_template_version: 2018-08-31\nresources:\n  ok:\n    type: OS::Heat::None\n  ${key}\n    type: OS::Heat::None\n`,
    );
    const r = spawnSync(process.execPath, [path.join(root, 'bin/heat-studio.mjs'), 'validate', '--json', 'main.yaml'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ file: 'main.yaml', line: 5, column: 3, severity: 'error', code: 'resource-bad-name' })]);
  });
});
