// A git-bound library as a user drives it in Chromium (Chinese UI) against
// `npm run web` and a real git daemon on 127.0.0.1: clone the team's
// repository from the libraries dialog, see its templates and their
// versions (commit message and author), save a version and push it, save
// one from the editor with a commit message of its own, and merge a
// teammate's concurrent edit from the conflict panel's semantic diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { pasteYaml } from './support/canvas';
import { startWebHost, type RunningHost } from './support/web-host';
import { git, startGitServer, useTestGitIdentity, type GitServer } from '../support/git-server';

const SERVER_YAML =
  'heat_template_version: 2018-08-31\ndescription: 团队 web 云主机\nresources:\n  data:\n    type: volume.yaml\n  rand: {type: OS::Heat::RandomString}\n';
const VOLUME_YAML = 'heat_template_version: 2018-08-31\nresources:\n  v: {type: OS::Cinder::Volume, properties: {size: 1}}\n';

describe('a git library in the browser', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'hs-e2e-git-'));
  let restoreIdentity: () => void;
  let server: GitServer;
  let url: string;
  let host: RunningHost;
  let dataDir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    restoreIdentity = useTestGitIdentity(scratch); // before the host starts: it inherits the identity
    server = await startGitServer();
    url = server.seed('team', { 'web/server.yaml': SERVER_YAML, 'web/volume.yaml': VOLUME_YAML });
    dataDir = mkdtempSync(join(scratch, 'data-'));
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    server?.stop();
    restoreIdentity?.();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function invoke<T>(channel: string, request: unknown): Promise<{ ok: boolean; value?: T }> {
    return page.evaluate(
      async ([c, r]) =>
        (await fetch(`api/invoke/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) })).json() as Promise<{
          ok: boolean;
          value?: T;
        }>,
      [channel, request] as const,
    );
  }

  it('clones from the libraries dialog and lists the entry, not its nested file, with its version', async () => {
    await page.goto(host.url);
    await page.getByTestId('template-shared-network-server').waitFor();
    await page.getByTestId('manage-libraries').click();
    await page.getByTestId('git-clone-name').fill('团队 git 模版库');
    await page.getByTestId('git-clone-url').fill(url);
    await page.getByTestId('git-clone').click();
    await page.getByTestId('library-row-团队 git 模版库').waitFor();
    await expect.poll(() => page.getByTestId('library-git').count()).toBe(1);
    await screenshot(page, 'git-library-dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('template-web/server.yaml').waitFor();
    expect(await page.getByTestId('template-web/volume.yaml').count()).toBe(0);
    await page.getByTestId('git-bar').waitFor();
    await page.getByTestId('template-web/server.yaml').click();
    await page.getByTestId('tab-versions').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Seed the team templates');
    await screenshot(page, 'git-library-versions');
  });

  it('a version saved in the studio is a commit, pushed with the push button', async () => {
    const list = await invoke<Array<{ id: string; name: string }>>('library.list', { search: '' });
    const id = list.value!.find((t) => t.name === 'web/server.yaml')!.id;
    const saved = await invoke('library.saveVersion', {
      id,
      yaml: `${SERVER_YAML}# 第二版\n`,
      files: { 'web/volume.yaml': VOLUME_YAML },
      note: '第二版',
      commitMessage: '加上说明',
    });
    expect(saved.ok).toBe(true);
    await page.reload();
    await page.getByTestId('git-bar').waitFor();
    await expect.poll(() => page.getByTestId('git-status').innerText()).toContain('待推送 1');
    await page.getByTestId('git-push').click();
    await expect.poll(() => page.getByTestId('git-status').innerText()).toContain('待推送 0');
    await screenshot(page, 'git-library-pushed');
    expect(git(server.base, '--git-dir', join(server.base, 'team.git'), 'log', '-1', '--format=%s')).toBe('加上说明\n');
  });

  it("the editor's save dialog asks for the commit message (the note until edited) and the commit carries it", async () => {
    await page.getByTestId('template-web/server.yaml').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await pasteYaml(page, `${SERVER_YAML}# 第三版：编辑器里改的\n`);
    await page.getByTestId('save').click();
    await page.getByTestId('save-note').fill('第三版');
    const message = page.getByTestId('save-commit-message');
    await expect.poll(() => message.inputValue()).toBe('第三版');
    await message.fill('编辑器里的提交说明\n\n正文第二段');
    await screenshot(page, 'git-library-commit-message');
    await page.getByTestId('save-submit').click();
    await page.getByTestId('save-dialog').waitFor({ state: 'detached' });
    const libs = await invoke<{ activeId: string }>('libraries.state', {});
    const status = await invoke<{ workdir: string; ahead: number }>('git.status', { libraryId: libs.value!.activeId });
    expect(status.value!.ahead).toBe(1);
    expect(git(status.value!.workdir, 'log', '-1', '--format=%B')).toBe('编辑器里的提交说明\n\n正文第二段\n\n');
    expect(git(status.value!.workdir, 'show', 'HEAD:web/server.yaml')).toBe(`${SERVER_YAML}# 第三版：编辑器里改的\n`);
  });

  it("a teammate's concurrent edit conflicts on pull: the panel shows the semantic diff, and the merged text is committed", async () => {
    const teammate = join(scratch, 'teammate');
    git(scratch, 'clone', '--quiet', url, teammate);
    const theirs = `${SERVER_YAML}  extra: {type: OS::Heat::RandomString}\n`;
    writeFileSync(join(teammate, 'web/server.yaml'), theirs);
    git(teammate, 'commit', '--quiet', '-am', '同事加了 extra');
    git(teammate, 'push', '--quiet', 'origin', 'HEAD');
    await page.getByTestId('nav-library').click();
    await page.getByTestId('git-pull').click();
    const conflict = page.getByTestId('git-conflict-web/server.yaml');
    await conflict.waitFor();
    // Mine → theirs in HOT terms: their resource is new to me.
    await conflict.getByTestId('change-resources-extra').waitFor();
    expect(await conflict.getByTestId('change-resources-extra').innerText()).toContain('新增');
    await screenshot(page, 'git-library-conflict');
    await conflict.getByTestId('git-edit').click();
    const merged = `${SERVER_YAML}  extra: {type: OS::Heat::RandomString}\n# 两边都留下\n`;
    await conflict.getByTestId('git-edited-text').fill(merged);
    await conflict.getByTestId('git-use-edited').click();
    await page.getByTestId('git-conflicts').waitFor({ state: 'detached' });
    const libs = await invoke<{ activeId: string }>('libraries.state', {});
    const status = await invoke<{ workdir: string; merging: boolean }>('git.status', { libraryId: libs.value!.activeId });
    expect(status.value!.merging).toBe(false);
    expect(git(status.value!.workdir, 'show', 'HEAD:web/server.yaml')).toBe(merged);
    expect(git(status.value!.workdir, 'log', '-1', '--format=%P').trim().split(' ')).toHaveLength(2);
  });

  it('after a restart the list shows the cache at once, the header says 正在读取仓库… while the repository is read, then the new templates appear', async () => {
    const libs = await invoke<{ activeId: string }>('libraries.state', {});
    const { workdir } = (await invoke<{ workdir: string }>('git.status', { libraryId: libs.value!.activeId })).value!;
    // While the studio is closed, 400 templates arrive in a commit made outside it (a pull in a terminal).
    await host.stop();
    mkdirSync(join(workdir, 'bulk'));
    for (let i = 0; i < 400; i++) {
      writeFileSync(
        join(workdir, `bulk/t-${i}.yaml`),
        `heat_template_version: 2018-08-31\ndescription: 批量 ${i}\nresources:\n  r: {type: OS::Heat::RandomString}\n`,
      );
    }
    git(workdir, 'add', 'bulk');
    git(workdir, 'commit', '--quiet', '-m', '四百个模版');
    host = await startWebHost(dataDir);
    await page.goto(host.url);
    await page.getByTestId('template-web/server.yaml').waitFor();
    const reading = page.getByTestId('git-importing');
    await reading.waitFor();
    expect(await reading.innerText()).toBe('正在读取仓库…');
    await screenshot(page, 'git-library-reading');
    await reading.waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByTestId('template-bulk/t-0.yaml').waitFor();
    await screenshot(page, 'git-library-read');
  });
});
