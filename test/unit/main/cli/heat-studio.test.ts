import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
// The shell's locale picks the text language, so each run sets its own.
const runIn = (lang: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin/heat-studio.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang },
  });
const run = (...args: string[]) => runIn('C.UTF-8', ...args);

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

  it('puts a hint in Chinese parentheses for a zh-CN reader, English ones otherwise', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-hint-'));
    const typo = path.join(dir, 'typo.yaml');
    writeFileSync(typo, 'heat_template_version: 2018-08-31\nresources:\n  s:\n    type: OS::Nova::Servr\n');
    expect(runIn('zh_CN.UTF-8', 'validate', typo).stdout).toContain('在 Heat 中不存在。（是否想写 "OS::Nova::Server"？）');
    expect(run('validate', typo).stdout).toContain('does not exist in Heat. (Did you mean "OS::Nova::Server"?)');
  });

  it('speaks Chinese with --lang zh-CN or a zh locale, English otherwise; JSON stays English', () => {
    const broken = 'test/fixtures/hot/unknown-parameter.yaml';
    const en = run('validate', broken);
    expect(en.stdout).toMatch(/: error \[unknown-parameter\] get_param refers to "\w+", which is not a declared parameter\./);
    for (const zh of [run('validate', '--lang', 'zh-CN', broken), runIn('zh_CN.UTF-8', 'validate', broken), run('validate', '--lang=zh-CN', broken)]) {
      expect(zh.status).toBe(1);
      expect(zh.stdout).toMatch(/: 错误 \[unknown-parameter\] get_param 引用了 "\w+"，但它不是已声明的参数。/);
    }
    expect(runIn('zh_CN.UTF-8', 'validate', '--lang', 'en', broken).stdout).toContain('is not a declared parameter');
    const json = JSON.parse(runIn('zh_CN.UTF-8', 'validate', '--json', broken).stdout) as { message: string }[];
    expect(json[0]!.message).toContain('is not a declared parameter');
    const bad = run('validate', '--lang', 'fr', broken);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown language fr');
    expect(runIn('zh_CN.UTF-8').stderr).toContain('用法：');
  });
});
