import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/heat-studio.mjs'), ...args], { cwd: root, encoding: 'utf8' });

describe('heat-studio CLI', () => {
  it('exits 0 on a clean template and 1 with located JSON diagnostics on a broken one', () => {
    expect(run('validate', 'test/fixtures/hot/valid-net-port.yaml').status).toBe(0);
    const r = run('validate', '--json', 'test/fixtures/hot/unknown-parameter.yaml');
    expect(r.status).toBe(1);
    const diags = JSON.parse(r.stdout) as { file: string; line: number; column: number; code: string }[];
    expect(diags[0]).toMatchObject({ file: 'test/fixtures/hot/unknown-parameter.yaml', line: 6, column: 26, code: 'unknown-parameter' });
  });

  it('exits 2 on usage errors', () => {
    expect(run().status).toBe(2);
    expect(run('validate', '--nope', 'x.yaml').status).toBe(2);
  });

  it('prints the graph with property paths, and the stack-create body', () => {
    const g = JSON.parse(run('graph', '--json', 'test/fixtures/hot/valid-net-port.yaml').stdout) as { edges: unknown[] };
    expect(g.edges).toEqual([{ from: 'port', to: 'net', kind: 'get_resource', path: 'network' }]);
    expect(run('graph', '--dot', 'test/fixtures/hot/valid-net-port.yaml').stdout).toContain('"port" -> "net"');
    const b = JSON.parse(run('bundle', 'test/fixtures/hot/valid-net-port.yaml').stdout) as { template: { resources: object }; files: object };
    expect(Object.keys(b.template.resources)).toEqual(['net', 'port']);
    expect(b.files).toEqual({});
  });
});
