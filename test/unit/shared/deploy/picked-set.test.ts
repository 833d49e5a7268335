// "Deploy a YAML file…" with several files: the entry is the template no
// other picked template names, the environment the file of environment
// sections only; nested templates and get_file files go into Heat's files,
// and anything ambiguous or missing is refused with the paths it concerns.
import { describe, expect, it } from 'vitest';
import { deploySet } from '../../../../shared/deploy/picked-set';

const ENTRY = `heat_template_version: 2018-08-31
resources:
  inner:
    type: lib/inner.yaml
  conf:
    type: OS::Heat::Value
    properties: { value: { get_file: files/motd.txt } }
`;
const INNER = `heat_template_version: 2018-08-31
resources:
  r: { type: OS::Heat::RandomString }
`;
const ENV = `parameter_defaults:\n  size: 3\n`;

describe('deploySet', () => {
  it('finds the entry, its nested template and get_file file, and the environment', () => {
    const r = deploySet(
      new Map([
        ['lib/inner.yaml', INNER],
        ['main.yaml', ENTRY],
        ['files/motd.txt', 'hello\n'],
        ['env.yaml', ENV],
      ]),
    );
    expect(r).toEqual({
      ok: true,
      set: {
        entryPath: 'main.yaml',
        yaml: ENTRY,
        files: { 'files/motd.txt': 'hello\n', 'lib/inner.yaml': INNER },
        environment: { path: 'env.yaml', text: ENV },
      },
    });
  });

  it('refuses two unrelated templates, naming them', () => {
    expect(
      deploySet(
        new Map([
          ['a.yaml', INNER],
          ['b.yaml', INNER],
        ]),
      ),
    ).toEqual({ ok: false, reason: 'severalEntries', paths: ['a.yaml', 'b.yaml'] });
  });

  it('refuses a template whose nested file was not picked', () => {
    expect(
      deploySet(
        new Map([
          ['main.yaml', ENTRY],
          ['lib/inner.yaml', INNER],
        ]),
      ),
    ).toEqual({ ok: false, reason: 'missing', paths: ['main.yaml: files/motd.txt'] });
  });

  it('refuses two environment files and files without a template', () => {
    expect(
      deploySet(
        new Map([
          ['a.yaml', INNER],
          ['e1.yaml', ENV],
          ['e2.yaml', ENV],
        ]),
      ),
    ).toMatchObject({ ok: false, reason: 'severalEnvironments', paths: ['e1.yaml', 'e2.yaml'] });
    expect(
      deploySet(
        new Map([
          ['notes.txt', 'x'],
          ['e1.yaml', ENV],
        ]),
      ),
    ).toEqual({ ok: false, reason: 'noTemplate', paths: ['e1.yaml', 'notes.txt'] });
  });
});
