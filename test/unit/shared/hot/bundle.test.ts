import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../../shared/hot/bundle';
import type { FileSource } from '../../../../shared/hot/project';
import { repoRoot } from './corpus-helpers';

// test/fixtures/hot/bundle: a template with a nested type file (which itself
// uses get_file), a get_file script, and two -e environments, one mapping a
// custom type to a template. heatclient-body.json is the body python-heatclient
// 3.1.0 sent for `openstack stack create --dry-run -t main.yaml
// -e env/registry.yaml -e env/values.yaml bundle-check` (from --debug), with
// the fixture folder written as {{DIR}}.
const dir = path.join(repoRoot, 'test/fixtures/hot/bundle');
const disk: FileSource = { read: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined) };
const heatclient = JSON.parse(readFileSync(path.join(dir, 'heatclient-body.json'), 'utf8').replaceAll('{{DIR}}', dir)) as Record<string, unknown>;
const build = () => buildBundle(path.join(dir, 'main.yaml'), [path.join(dir, 'env/registry.yaml'), path.join(dir, 'env/values.yaml')], disk);

describe('buildBundle against what python-heatclient sends', () => {
  it('puts the same files under the same file:// keys, nested templates as JSON with their own references rewritten', () => {
    const { bundle, diagnostics } = build();
    expect(diagnostics).toEqual([]);
    expect(Object.keys(bundle?.files ?? {}).sort()).toEqual(Object.keys(heatclient.files as object).sort());
    expect(bundle?.files).toEqual(heatclient.files);
  });

  it('lists the environment files in command-line order and merges them into the environment', () => {
    const { bundle } = build();
    expect(bundle?.environment_files).toEqual(heatclient.environment_files);
    expect(bundle?.environment).toEqual(heatclient.environment);
  });

  it('rewrites the template type and get_file references to the same URLs', () => {
    expect(build().bundle?.template).toEqual(heatclient.template);
  });

  it('refuses a reference that leaves the template folder unless a wider root is given', () => {
    const nested = path.join(dir, 'nested/box.yaml');
    const narrow = buildBundle(nested, [], disk);
    expect(narrow.diagnostics.map((d) => d.code)).toEqual(['file-outside-folder']);
    const wide = buildBundle(nested, [], disk, { root: dir });
    expect(wide.diagnostics).toEqual([]);
    expect(Object.keys(wide.bundle?.files ?? {})).toEqual([`file://${path.join(dir, 'scripts/note.txt')}`]);
  });
});
