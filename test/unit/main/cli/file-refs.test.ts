// heat-studio validate/bundle and files the template has no business reading:
// get_file outside the template's folder is refused (located, never opened),
// and a FIFO is never waited on. The CLI runs as a child with a timeout, so a
// read that blocks fails the test instead of hanging the suite.
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../support/temp-dir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const run = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin/heat-studio.mjs'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
const tempDir = useTempDirs();

interface Diag {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

const withGetFile = (ref: string) => `heat_template_version: 2018-08-31
resources:
  config:
    type: OS::Heat::SoftwareConfig
    properties:
      config: {get_file: ${ref}}
`;

/** dir/secret.txt (outside) and dir/project/main.yaml naming `ref` with get_file. */
function project(ref: string): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'project'));
  writeFileSync(path.join(dir, 'secret.txt'), 'not for Heat\n');
  writeFileSync(path.join(dir, 'project/main.yaml'), withGetFile(ref));
  return dir;
}

describe('heat-studio validate and get_file outside the template folder', () => {
  it.each(['../secret.txt', 'ABSOLUTE'])('refuses get_file %s with a located error, as bundle does', (ref) => {
    const dir = project('x');
    const target = ref === 'ABSOLUTE' ? path.join(dir, 'secret.txt') : ref;
    writeFileSync(path.join(dir, 'project/main.yaml'), withGetFile(target));
    const r = run(path.join(dir, 'project'), 'validate', '--json', 'main.yaml');
    expect(r.status).toBe(1);
    const diags = JSON.parse(r.stdout) as Diag[];
    expect(diags).toEqual([expect.objectContaining({ file: 'main.yaml', line: 6, column: 26, severity: 'error', code: 'file-outside-folder' })]);
    expect(diags[0]!.message).toContain('refusing to read it');

    const b = run(path.join(dir, 'project'), 'bundle', 'main.yaml');
    expect(b.status).toBe(1);
    expect(b.stdout).toBe('');
    // bundle's refusal is located at the same reference (1-based), not 0:0
    expect(b.stderr).toMatch(/main\.yaml:6:26: error \[file-outside-folder\] .*refusing to bundle it/);
  });

  it('never opens a get_file target outside the folder: a FIFO there does not block', () => {
    const dir = project('../pipe');
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const r = run(path.join(dir, 'project'), 'validate', '--json', 'main.yaml');
    expect(r.error).toBeUndefined(); // no timeout
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Diag[]).map((d) => d.code)).toEqual(['file-outside-folder']);
  });

  it('does not block on a FIFO inside the folder either: it is not a regular file', () => {
    const dir = project('pipe');
    execFileSync('mkfifo', [path.join(dir, 'project/pipe')]);
    const r = run(path.join(dir, 'project'), 'validate', '--json', 'main.yaml');
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    const diags = JSON.parse(r.stdout) as Diag[];
    expect(diags.map((d) => [d.file, d.line, d.code])).toEqual([
      ['main.yaml', 6, 'file-not-found'],
      ['pipe', 1, 'not-a-file'],
    ]);
  });

  it('does not block when the template itself is a FIFO', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'main.yaml')]);
    const r = run(dir, 'validate', '--json', 'main.yaml');
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Diag[]).map((d) => d.code)).toContain('not-a-file');
  });

  it('still reads get_file inside the folder', () => {
    const dir = project('script.sh');
    writeFileSync(path.join(dir, 'project/script.sh'), '#!/bin/sh\n');
    const r = run(path.join(dir, 'project'), 'validate', '--json', 'main.yaml');
    expect(r.stdout.trim()).toBe('[]');
    expect(r.status).toBe(0);
  });
});
