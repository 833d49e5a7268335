import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileTree, flattenTree, nestedFileOf } from '../../../../shared/library/file-tree';

const dir = '/work/shared/corpus/heat-templates/hot/resource_group';
const entry = readFileSync(`${dir}/server_with_volumes.yaml`, 'utf8');
const nested = readFileSync(`${dir}/volume_with_attachment.yaml`, 'utf8');

describe('fileTree', () => {
  it('puts the entry first and the group member template under the group that uses it', () => {
    const tree = fileTree('server_with_volumes.yaml', entry, { 'volume_with_attachment.yaml': nested });
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ path: 'server_with_volumes.yaml', role: 'entry', template: true });
    expect(tree[0]!.children).toEqual([
      { path: 'volume_with_attachment.yaml', role: 'template', template: true, via: { resource: 'group_of_volumes', how: 'resource_def' }, children: [] },
    ]);
  });

  it('nests get_file files and nested types under what references them, relative to the referencing file, and lists the rest after', () => {
    const top =
      'heat_template_version: 2018-08-31\nresources:\n  web:\n    type: stacks/unit.yaml\n  cfg:\n    type: OS::Heat::SoftwareConfig\n    properties:\n      config: { get_file: scripts/boot.sh }\n';
    const unit =
      'heat_template_version: 2018-08-31\nresources:\n  s:\n    type: OS::Nova::Server\n    properties:\n      user_data: { get_file: ../scripts/boot.sh }\n      metadata: { get_file: inner.txt }\n';
    const files = { 'stacks/unit.yaml': unit, 'scripts/boot.sh': '#!/bin/sh\n', 'stacks/inner.txt': 'x', 'notes.md': '# n' };
    const rows = flattenTree(fileTree('top.yaml', top, files)).map((r) => `${r.depth}:${r.node.path}:${r.node.role}:${r.node.via?.resource ?? ''}`);
    expect(rows).toEqual([
      '0:top.yaml:entry:',
      '1:stacks/unit.yaml:template:web',
      '2:stacks/inner.txt:file:s',
      '1:scripts/boot.sh:file:cfg',
      '0:notes.md:unreferenced:',
    ]);
  });

  it('lists a file referenced twice once, and ignores URLs and paths outside the root', () => {
    const top =
      'heat_template_version: 2018-08-31\nresources:\n  a:\n    type: m.yaml\n  b:\n    type: m.yaml\n  c:\n    type: https://example.com/x.yaml\n  d:\n    type: ../up.yaml\n';
    const tree = fileTree('t.yaml', top, { 'm.yaml': 'heat_template_version: 2018-08-31\n' });
    expect(flattenTree(tree).map((r) => r.node.path)).toEqual(['t.yaml', 'm.yaml']);
  });

  it('finds the nested file a resource uses', () => {
    expect(nestedFileOf('server_with_volumes.yaml', entry, 'group_of_volumes', { 'volume_with_attachment.yaml': nested })).toBe('volume_with_attachment.yaml');
    expect(nestedFileOf('server_with_volumes.yaml', entry, 'instance', { 'volume_with_attachment.yaml': nested })).toBeNull();
    expect(nestedFileOf('server_with_volumes.yaml', entry, 'group_of_volumes', {})).toBeNull();
  });
});
