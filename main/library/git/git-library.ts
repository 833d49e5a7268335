// One git-bound library: a working copy (cloned by the studio under its data
// folder, or a checkout the user bound) and the SQLite cache every library
// screen reads. Saving a version writes the files byte for byte, the canvas
// positions to .heat-studio/, and commits with the user's message; the cache
// then imports that commit like any other.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, posix, sep } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/messages/message';
import type { TemplateDetails, TemplateSummary } from '../../../shared/library/model';
import type { GitStatus } from '../../../shared/ipc/git.contract';
import type { LibraryService, SaveVersionInput } from '../library-service';
import type { Git } from './git-command';
import { carryHistory, importHistory, layoutPath, templateIdFor, type ImportDeps, type ImportOutcome } from './git-import';
import { dryRunLibrary } from './git-imports';
import * as sync from './git-sync';
import { planRename } from './rename-plan';
import { scanRepository } from './template-grouping';
import { timeSlices } from './time-slices';

/** What a git library tells the studio: templates the import changed, and when a background import starts and ends. */
export interface GitLibraryListener {
  changed(templateIds: string[]): void;
  importing(running: boolean): void;
  /** A rename gave a template a new id (its new path's): what pointed at the old one follows. */
  renamed(fromId: string, toId: string, name: string): void;
}

export class GitLibrary {
  private importing: Promise<ImportOutcome> | null = null;

  constructor(
    private readonly deps: ImportDeps,
    private readonly service: LibraryService,
    private readonly listener: GitLibraryListener,
  ) {}

  get workdir(): string {
    return this.deps.workdir;
  }

  private get git(): Git {
    return this.deps.git;
  }

  /** Imports new commits into the cache; calls made while one runs share it. */
  refresh(): Promise<ImportOutcome> {
    if (this.importing) return this.importing;
    this.listener.importing(true);
    this.importing = importHistory(this.deps)
      .then((outcome) => {
        if (outcome.changedIds.length > 0) this.listener.changed(outcome.changedIds);
        return outcome;
      })
      .finally(() => {
        this.importing = null;
        this.listener.importing(false);
      });
    return this.importing;
  }

  async status(): Promise<GitStatus> {
    const cwd = this.workdir;
    const branch = (await this.git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd, okCodes: [1, 128] })).stdout.trim() || null;
    const up = await this.git.run(['rev-parse', '--abbrev-ref', '@{upstream}'], { cwd, okCodes: [128] });
    const upstream = up.code === 0 ? up.stdout.trim() : null;
    let ahead = 0;
    let behind = 0;
    if (upstream) {
      const counts = await this.git.run(['rev-list', '--left-right', '--count', `HEAD...${upstream}`], { cwd, okCodes: [128] });
      [ahead = 0, behind = 0] = counts.stdout.trim().split(/\s+/).map(Number);
    }
    return { workdir: cwd, branch, upstream, ahead, behind, merging: await sync.mergeInProgress(this.git, cwd), importing: this.importing !== null };
  }

  /** Writes the version's files as given and commits them; the message defaults to the version note. */
  async saveVersion(input: SaveVersionInput & { commitMessage?: string | undefined }): Promise<TemplateDetails> {
    const current = this.service.get(input.id);
    if (await sync.mergeInProgress(this.git, this.workdir)) throw new AppError('GIT_CONFLICT', msg('git.resolveFirst'), {});
    const entryPath = input.entryPath ?? current.latest.entryPath;
    const written: Record<string, string> = { ...input.files, [entryPath]: input.yaml, [layoutPath(entryPath)]: `${JSON.stringify(input.layout, null, 2)}\n` };
    if (input.environment !== null && current.latest.environment !== null) {
      const envPath = this.environmentPathOf(input.id);
      if (envPath) written[envPath] = input.environment;
    }
    for (const [path, text] of Object.entries(written)) writeFileSync(this.inside(path), text);
    await this.git.run(['add', '--', ...Object.keys(written)], { cwd: this.workdir });
    const message = (input.commitMessage ?? '').trim() || input.note.trim() || `Update ${entryPath}`;
    const staged = await this.git.run(['diff', '--cached', '--quiet'], { cwd: this.workdir, okCodes: [1] });
    if (staged.code === 0) throw new AppError('CONFLICT', msg('git.nothingToCommit', { path: entryPath }), { entryPath });
    await this.git.run(['commit', '--quiet', '-F', '-'], { cwd: this.workdir, input: message });
    await this.refresh();
    return this.service.get(input.id);
  }

  /** The cache's service with import writes undone: an import works out its templates there, then commitImported writes them. */
  dryRunService(): LibraryService {
    return dryRunLibrary(this.service, (fn) => this.deps.repo.transaction(fn));
  }

  /**
   * Writes imported templates (their latest version: entry, nested files,
   * environment, layout sidecar) into the working copy at their paths and
   * commits them. A path holding another file already is refused, naming
   * it: an import never overwrites the repository's work, except as the
   * next version of that very template (a bundle re-imported as a version).
   */
  async commitImported(made: TemplateDetails[]): Promise<TemplateDetails[]> {
    if (made.length === 0) return [];
    if (await sync.mergeInProgress(this.git, this.workdir)) throw new AppError('GIT_CONFLICT', msg('git.resolveFirst'), {});
    const written: Record<string, string> = {};
    for (const t of made) {
      const v = t.latest;
      const ownPath = t.id === templateIdFor(v.entryPath);
      const files: Record<string, string> = { ...v.files, [v.entryPath]: v.yaml, [layoutPath(v.entryPath)]: `${JSON.stringify(v.layout, null, 2)}\n` };
      if (v.environment !== null) files[(ownPath && this.environmentPathOf(t.id)) || environmentBeside(v.entryPath)] = v.environment;
      for (const [path, text] of Object.entries(files)) {
        const full = this.inside(path);
        if (!ownPath && existsSync(full) && readFileSync(full, 'utf8') !== text && written[path] === undefined) {
          throw new AppError('CONFLICT', msg('git.importExists', { path }), { path });
        }
        written[path] = text;
      }
    }
    for (const [path, text] of Object.entries(written)) writeFileSync(this.inside(path), text);
    await this.git.run(['add', '--', ...Object.keys(written)], { cwd: this.workdir });
    const entries = made.map((t) => t.latest.entryPath);
    const staged = await this.git.run(['diff', '--cached', '--quiet'], { cwd: this.workdir, okCodes: [1] });
    if (staged.code === 0) throw new AppError('CONFLICT', msg('git.nothingToCommit', { path: entries.join(', ') }), { entryPath: entries[0] });
    const note = made.length === 1 ? made[0]!.latest.note.trim() : '';
    await this.git.run(['commit', '--quiet', '-F', '-'], { cwd: this.workdir, input: note || `Import ${entries.join(', ')}` });
    await this.refresh();
    // An imported file another template references is that template's nested file now, not a template of its own.
    return entries.flatMap((e) => (this.deps.repo.find(templateIdFor(e)) ? [this.service.get(templateIdFor(e))] : []));
  }

  /**
   * In a git library a template's name is its entry's path: renaming moves
   * the entry, the files under its folder that it uses (rename-plan.ts) and
   * its layout sidecar with git mv (so git sees renames), in one commit; the
   * cached history follows to the new path's id, and so do the stacks
   * deployed from it. A move that would break a reference, or take a file
   * another template uses, is refused, naming the file.
   */
  async rename(id: string, newName: string): Promise<TemplateSummary> {
    const from = this.service.get(id).latest.entryPath;
    const to = posix.normalize(newName.trim().replace(/\\/g, '/'));
    if (to === from) return this.service.get(id);
    if (id !== templateIdFor(from)) throw new AppError('NOT_FOUND', msg('git.notGitLibrary'), { id });
    if (!/\.(ya?ml|template)$/i.test(to)) throw new AppError('BAD_REQUEST', msg('git.renameName', { from, to }), { from, to });
    if (await sync.mergeInProgress(this.git, this.workdir)) throw new AppError('GIT_CONFLICT', msg('git.resolveFirst'), {});
    const plan = planRename(await scanRepository(this.workdir, timeSlices()), from, to);
    if ('refused' in plan) {
      const details = plan.refused === 'shared' ? { from, to, path: plan.path, other: plan.other } : { from, to, path: plan.path, ref: plan.ref };
      throw new AppError('CONFLICT', msg(plan.refused === 'shared' ? 'git.renameShared' : 'git.renameBreaks', details), details);
    }
    const cwd = this.workdir;
    const moves = [...plan.moves];
    if (existsSync(join(cwd, layoutPath(from)))) moves.push({ from: layoutPath(from), to: layoutPath(to) });
    for (const m of moves) if (existsSync(this.inside(m.to))) throw new AppError('CONFLICT', msg('git.importExists', { path: m.to }), { path: m.to });
    for (const m of moves) await this.git.run(['mv', '--', m.from, m.to], { cwd });
    await this.git.run(['commit', '--quiet', '-F', '-'], { cwd, input: `Rename ${from} to ${to}` });
    const environment = this.environmentPathOf(id);
    const toId = carryHistory(this.deps, id, to, new Date().toISOString(), moves.find((m) => m.from === environment)?.to ?? environment);
    this.listener.renamed(id, toId, to);
    await this.refresh();
    return this.service.get(toId);
  }

  async pull(onProgress?: sync.Progress): Promise<sync.PullOutcome> {
    const outcome = await sync.pull(this.git, this.workdir, onProgress);
    if (outcome.state === 'merged') await this.refresh();
    return outcome;
  }

  conflicts(): Promise<sync.ConflictFile[]> {
    return sync.conflicts(this.git, this.workdir);
  }

  async resolve(resolutions: sync.Resolution[]): Promise<{ remaining: sync.ConflictFile[]; committed: boolean }> {
    for (const r of resolutions) this.inside(r.path);
    const outcome = await sync.resolve(this.git, this.workdir, resolutions);
    if (outcome.committed) await this.refresh();
    return outcome;
  }

  abortMerge(): Promise<void> {
    return sync.abortMerge(this.git, this.workdir);
  }

  push(onProgress?: sync.Progress): Promise<{ pushed: number }> {
    return sync.push(this.git, this.workdir, onProgress);
  }

  private environmentPathOf(id: string): string | null {
    return this.deps.prefs.get(`git.environment.${id}`);
  }

  /** A repository-relative path, refused when it would leave the working copy. */
  private inside(path: string): string {
    const full = normalize(join(this.workdir, path));
    if (!full.startsWith(normalize(this.workdir) + sep) || full.includes(`${sep}.git${sep}`)) {
      throw new AppError('PATH_ESCAPE', msg('git.pathEscape', { path }), { path });
    }
    mkdirSync(dirname(full), { recursive: true });
    return full;
  }
}

/** Where an imported template's environment goes: beside its entry, where template-grouping.ts finds it again. */
function environmentBeside(entryPath: string): string {
  const { dir, name } = posix.parse(entryPath);
  return posix.join(dir, `${name}.env.yaml`);
}
