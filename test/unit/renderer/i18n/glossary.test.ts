// The zh-CN tables speak the seed's vocabulary (shared/messages/glossary-zh-CN.ts):
// no message holds a variant the glossary forbids, the seed's named things
// carry the seed's names, and every message still compiles under vue-i18n's
// message syntax (`{`, `}`, `|`, `@` are special there).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n } from 'vue-i18n';
import { en } from '../../../../renderer/i18n/en';
import { zhCN } from '../../../../renderer/i18n/zh-CN';
import { forbiddenVariants, glossaryZhCN, zh, type GlossaryKey } from '../../../../shared/messages/glossary-zh-CN';

function leaves(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]): [string, string][] =>
    typeof v === 'object' && v ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
  );
}

const zhMessages = leaves(zhCN);
const message = (key: string) => {
  const found = zhMessages.find(([k]) => k === key);
  if (!found) throw new Error(`no zh-CN message ${key}`);
  return found[1];
};

describe('the zh-CN glossary', () => {
  it('finds forbidden variants, and leaves the allowed words that contain them alone', () => {
    expect(forbiddenVariants('新建模板').map((f) => f.variant)).toEqual(['模板']);
    expect(forbiddenVariants('删除资源栈 a').map((f) => f.term)).toContain('stack');
    expect(forbiddenVariants('堆栈列表').map((f) => f.term)).toContain('stack');
    expect(forbiddenVariants('部署记录').map((f) => f.term)).toEqual(['stack']);
    expect(forbiddenVariants('删除栈集').map((f) => f.term)).toContain('stackSet');
    expect(forbiddenVariants('绑定浮动 IP').map((f) => f.term)).toEqual(['floatingIp']);
    expect(forbiddenVariants('浮动IP').map((f) => f.term)).toEqual(['floatingIp']);
    expect(forbiddenVariants('共享网络云服务器').map((f) => f.term)).toEqual(['server']);
    expect(forbiddenVariants('编辑器').map((f) => f.term)).toEqual(['visualEditor']);
    // seed 002's own words for a stack set and its instances
    expect(forbiddenVariants('删除资源栈集中的资源栈实例')).toEqual([]);
    expect(forbiddenVariants('创建编排部署，绑定公网IP')).toEqual([]);
  });

  it('is consistent: no term is spelled with a variant another term forbids', () => {
    const clashes = (Object.keys(glossaryZhCN) as GlossaryKey[]).flatMap((key) =>
      forbiddenVariants(glossaryZhCN[key].zh).map((f) => `${key} (${glossaryZhCN[key].zh}) contains ${f.variant}, forbidden by ${f.term}`),
    );
    expect(clashes).toEqual([]);
  });

  it('has the English word, the Chinese word and why for every term', () => {
    for (const [key, term] of Object.entries(glossaryZhCN)) {
      expect(term.en, key).not.toBe('');
      expect(term.zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(term.source, key).not.toBe('');
    }
  });
});

describe('the zh-CN tables use the glossary', () => {
  it('holds no forbidden variant in any zh-CN message', () => {
    const offending = zhMessages.flatMap(([key, text]) =>
      forbiddenVariants(text).map((f) => `${key}: “${text}” has ${f.variant} (say ${glossaryZhCN[f.term].zh})`),
    );
    expect(offending).toEqual([]);
  });

  it('calls the things the seed names by the seed’s names', () => {
    expect(zh.template).toBe('模版');
    expect(zh.stack).toBe('编排部署');
    expect(zh.server).toBe('云主机');
    expect(zh.floatingIp).toBe('公网IP');
    expect(message('app.nav.editor')).toBe('可视化编排');
    expect(message('editor.title')).toBe('可视化编排');
    expect(message('app.nav.stacks')).toBe('编排部署');
    expect(message('app.nav.library')).toBe('模版库');
    expect(message('app.nav.stacksets')).toBe('资源栈集');
    expect(message('library.status.usable')).toBe('可使用');
    expect(message('library.status.needs_editing')).toBe('待编辑');
    expect(message('deploy.rollback')).toBe('出错回滚');
    expect(message('stacks.overview.rollback')).toBe('出错回滚');
    expect(message('deploy.name')).toBe('编排名称');
    expect(message('deploy.create')).toBe('创建编排部署');
    expect(message('editor.inspector.title')).toBe('资源配置区');
    expect(message('quota.title')).toBe('配额提示');
    expect(message('create.blank')).toBe('从零开始创建');
    expect(message('create.recommended')).toBe('基于系统推荐模版构建');
    expect(message('create.saved')).toBe('从保存模版中导入');
    expect(message('apps.createFromApp')).toBe('从应用中心创建');
    expect(message('editor.save.saveOnly')).toBe('仅保存');
    expect(message('editor.save.saveAndDeploy')).toBe('保存并部署');
    expect(message('editor.save.saveAndExportApp')).toBe('保存并导入应用中心');
    expect(message('details.tabs.topology')).toBe('模版预览');
    expect(message('deployments.tab')).toBe('编排部署');
    expect(message('stacks.tabs.topology')).toBe('资源拓扑');
    expect(message('stacks.tabs.deployment')).toBe('部署模版');
    expect(message('recommendedTemplates.shared-network-server.name')).toBe('共享网络云主机');
    expect(message('recommendedTemplates.external-network-server.name')).toBe('外部网络云主机');
    expect(message('editor.palette.items.floating-ip')).toBe('公网IP');
    expect(message('editor.palette.items.server')).toBe('云主机');
    expect(message('editor.palette.items.volume')).toBe('云硬盘');
    expect(message('quota.kinds.instances')).toBe('云主机');
    expect(message('quota.kinds.floatingip')).toBe('公网IP');
    expect(message('transfer.environment')).toBe('环境变量文件');
  });

  it('words the stack screens with 编排部署 where a stack is meant', () => {
    for (const key of ['stacks.count', 'stacks.deleteTitle', 'stacks.selectHint', 'stacks.notify.complete', 'deployments.none', 'confirmDelete.body']) {
      expect(message(key), key).toContain('编排部署');
    }
  });
});

/** The zh-CN tables (checked through the aggregates above) and the glossary itself (it lists the forbidden variants). */
const isZhTable = (f: string) => /(^|[-/\\])zh-CN\.ts$/.test(f) && (f.startsWith(join('renderer', 'i18n')) || f.startsWith(join('shared', 'messages')));

describe('every zh-CN table is checked', () => {
  it('is reached from renderer/i18n/zh-CN.ts or shared/messages/zh-CN.ts (a table no aggregate imports would escape the checks)', () => {
    const root = join(__dirname, '../../../..');
    const unreached: string[] = [];
    for (const dir of [join('renderer', 'i18n'), join('shared', 'messages')]) {
      const aggregate = readFileSync(join(root, dir, 'zh-CN.ts'), 'utf8');
      for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('-zh-CN.ts') && n !== 'glossary-zh-CN.ts')) {
        if (!aggregate.includes(`'./${f.replace(/\.ts$/, '')}'`)) unreached.push(join(dir, f));
      }
    }
    expect(unreached).toEqual([]);
  });
});

/** Chinese text outside the tables (the *zh-CN.ts files; checked above), also the helpers beside them (words.ts, format.ts …): string literals in the sources (comments quote the seed verbatim, so they are left out) and the README. */
function chineseOutsideTables(): [string, string][] {
  const root = join(__dirname, '../../../..');
  const files = ['renderer', 'main', 'shared']
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .filter((f) => /\.(ts|vue)$/.test(f) && !isZhTable(f) && !f.includes('node_modules'));
  const found: [string, string][] = [];
  for (const file of files) {
    const code = readFileSync(join(root, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/\s\/\/ .*$/gm, '');
    for (const m of code.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*[\u4e00-\u9fff](?:(?!\1)[^\\\n]|\\.)*)\1/g)) found.push([file, m[2]!]);
    for (const m of code.matchAll(/>([^<>{}]*[\u4e00-\u9fff][^<>{}]*)</g)) found.push([file, m[1]!]);
  }
  for (const line of readFileSync(join(root, 'README.md'), 'utf8').split('\n')) if (/[\u4e00-\u9fff]/.test(line)) found.push(['README.md', line]);
  return found;
}

describe('zh-CN text outside the tables', () => {
  it('holds no forbidden variant either', () => {
    const texts = chineseOutsideTables();
    expect(texts.some(([file]) => file.endsWith('App.vue'))).toBe(true); // the walk sees the sources: 简体中文 is there
    const offending = texts.flatMap(([file, text]) => forbiddenVariants(text).map((f) => `${file}: “${text}” has ${f.variant}`));
    expect(offending).toEqual([]);
  });
});

describe('every message compiles under vue-i18n’s syntax', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['en', en],
    ['zh-CN', zhCN],
  ] as const)('%s', (locale, table) => {
    const warnings: string[] = [];
    // vue-i18n reports a message that does not compile on console.error (and throws in production).
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
    const i18n = createI18n({ legacy: false, locale, messages: { [locale]: table }, missingWarn: false, fallbackWarn: false });
    const broken: string[] = [];
    for (const [key] of leaves(table)) {
      warnings.length = 0;
      try {
        i18n.global.t(key, {});
      } catch (err) {
        warnings.push(`compilation error: ${String(err)}`);
      }
      if (warnings.some((w) => w.includes('compilation error'))) broken.push(`${key}: ${warnings.join(' / ')}`);
    }
    expect(broken).toEqual([]);
  });

  it('shows JSON braces through vue-i18n’s literal interpolation', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { en, 'zh-CN': zhCN } });
    expect(i18n.global.t('stacksets.create.paramsObject')).toBe('请输入 JSON 对象，例如 {"wait": 1}。');
    i18n.global.locale.value = 'en';
    expect(i18n.global.t('stacksets.create.paramsObject')).toBe('Give a JSON object, e.g. {"wait": 1}.');
  });

  it('keeps each plural message’s number of forms in Chinese as in English', () => {
    const enMessages = new Map(leaves(en));
    const differ = zhMessages.filter(([key, text]) => text.split('|').length !== (enMessages.get(key) ?? '').split('|').length).map(([key]) => key);
    expect(differ).toEqual([]);
  });
});
