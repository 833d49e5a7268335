// Brings a working copy's templates and their history into the library's
// SQLite cache: one template per entry (template-grouping.ts), one version
// per commit that touched any of its files. Commits already imported are
// remembered in the cache (preferences), so reopening reads only what is new;
// the list and search always answer from the cache, never from git.
import { createHash } from 'node:crypto';
import { templateDescription } from '../../../shared/library/template-description';
import type { CanvasLayout } from '../../../shared/library/model';
import type { PreferencesRepo } from '../preferences-repo';
import type { TemplateChecker } from '../../../shared/library/offline-status';
import type { TemplateRepo } from '../template-repo';
import type { Git } from './git-command';
import { readBlobs, readLog, type CommitInfo } from './git-history';
import { groupTemplates, type TemplateGroup } from './template-grouping';
import { timeSlices } from './time-slices';

/** Where a template's canvas positions live in the repository: beside, never inside, the YAML. */
export function layoutPath(entryPath: string): string {
  return `.heat-studio/layouts/${entryPath}.json`;
}

/** Stable: the same entry path is the same template in every clone and after every re-import. */
export function templateIdFor(entryPath: string): string {
  return `git-${createHash('sha256').update(entryPath).digest('hex').slice(0, 28)}`;
}

const importedKey = (id: string): string => `git.imported.${id}`;
/** HEAD as of the last import of a clean working copy: the same HEAD, still clean, has nothing new to import. */
const IMPORTED_HEAD_KEY = 'git.importedHead';

export interface ImportDeps {
  git: Git;
  workdir: string;
  repo: TemplateRepo;
  prefs: PreferencesRepo;
  check: TemplateChecker;
  reindex(id: string): void;
}

export interface ImportOutcome {
  versionsAdded: number;
  changedIds: string[];
}

/**
 * Imports the commits the cache has not seen. The work runs in time slices
 * (time-slices.ts) so the list and search keep answering from the cache
 * meanwhile; a restart on an unchanged, clean working copy stops after two
 * git commands, without scanning a file.
 */
export async function importHistory(deps: ImportDeps): Promise<ImportOutcome> {
  const { git, workdir: cwd, prefs } = deps;
  const pause = timeSlices();
  const head = (await git.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd, okCodes: [1, 128] })).stdout.trim();
  const clean = (await git.run(['status', '--porcelain', '--untracked-files=all'], { cwd })).stdout.trim() === '';
  if (head && clean && prefs.get(IMPORTED_HEAD_KEY) === head) return { versionsAdded: 0, changedIds: [] };
  const groups = await groupTemplates(cwd, pause);
  const log = await readLog(git, cwd, pause);
  const touching = commitsByFile(log);
  const plans: Plan[] = [];
  for (const g of groups) {
    const plan = planFor(deps, g, touching);
    if (plan.commits.length > 0) plans.push(plan);
    await pause();
  }
  const specs = plans.flatMap((p) => p.commits.flatMap((c) => p.paths.map((path) => `${c.hash}:${path}`)));
  const blobs = await readBlobs(git, cwd, specs, pause);
  let versionsAdded = 0;
  for (const plan of plans) {
    versionsAdded += writePlan(deps, plan, blobs); // one template's versions: one short transaction
    await pause();
  }
  prefs.set(IMPORTED_HEAD_KEY, clean && head ? head : null);
  return { versionsAdded, changedIds: plans.map((p) => p.id) };
}

interface Plan {
  id: string;
  group: TemplateGroup;
  paths: string[];
  commits: CommitInfo[];
  imported: string[];
}

/** Each file's commits with their place in the log: a template's are then found without reading the whole log per template. */
function commitsByFile(log: CommitInfo[]): Map<string, Array<{ at: number; commit: CommitInfo }>> {
  const byFile = new Map<string, Array<{ at: number; commit: CommitInfo }>>();
  log.forEach((commit, at) => {
    for (const f of commit.files) {
      const list = byFile.get(f);
      if (list) list.push({ at, commit });
      else byFile.set(f, [{ at, commit }]);
    }
  });
  return byFile;
}

function planFor(deps: ImportDeps, group: TemplateGroup, touching: Map<string, Array<{ at: number; commit: CommitInfo }>>): Plan {
  const id = templateIdFor(group.entryPath);
  const paths = [group.entryPath, ...group.nested, ...(group.environmentPath ? [group.environmentPath] : []), layoutPath(group.entryPath)];
  const imported = readImported(deps.prefs, id);
  const done = new Set(imported);
  const found = new Map<number, CommitInfo>();
  for (const path of paths) for (const { at, commit } of touching.get(path) ?? []) if (!done.has(commit.hash)) found.set(at, commit);
  const commits = [...found].sort(([a], [b]) => a - b).map(([, c]) => c);
  return { id, group, paths, commits, imported };
}

function writePlan(deps: ImportDeps, plan: Plan, blobs: Map<string, string | null>): number {
  const { repo, check, prefs } = deps;
  const { group, id } = plan;
  let added = 0;
  repo.transaction(() => {
    const imported = [...plan.imported];
    for (const commit of plan.commits) {
      imported.push(commit.hash);
      const yaml = blobs.get(`${commit.hash}:${group.entryPath}`);
      if (yaml === null || yaml === undefined) continue; // the entry did not exist yet (or was deleted) at this commit
      const files: Record<string, string> = {};
      for (const path of group.nested) {
        const text = blobs.get(`${commit.hash}:${path}`);
        if (typeof text === 'string') files[path] = text;
      }
      const environment = group.environmentPath ? (blobs.get(`${commit.hash}:${group.environmentPath}`) ?? null) : null;
      const layout = parseLayout(blobs.get(`${commit.hash}:${layoutPath(group.entryPath)}`));
      if (!repo.find(id)) {
        const verdict = check(yaml, files, environment, group.entryPath);
        repo.insertTemplate({
          id,
          name: group.entryPath,
          description: templateDescription(yaml),
          tags: [],
          status: verdict.status,
          statusReason: verdict.reason,
          statusMsg: verdict.msg,
          origin: 'user',
          systemKey: null,
          at: commit.date,
        });
      }
      repo.insertVersion({
        id: `${id}-${commit.hash}`,
        templateId: id,
        entryPath: group.entryPath,
        yaml,
        layout,
        files,
        environment,
        note: noteFor(commit),
        at: commit.date,
      });
      added++;
    }
    prefs.set(importedKey(id), JSON.stringify(imported));
    prefs.set(`git.environment.${id}`, group.environmentPath);
    const latest = repo.version(id);
    if (latest && added > 0) {
      const verdict = check(latest.yaml, latest.files, latest.environment, latest.entryPath);
      repo.setStatus(id, verdict.status, verdict.reason, latest.createdAt, verdict.msg);
      repo.updateMetadata(id, { description: templateDescription(latest.yaml) }, latest.createdAt);
      deps.reindex(id);
    }
  });
  return added;
}

/**
 * A template's cached history under the id of its new path (after a rename
 * the studio made with git mv): its versions copied in order, its imported
 * commits remembered for the new id, the old id dropped. git log without
 * --follow would otherwise start the renamed template from the rename.
 */
export function carryHistory(deps: Pick<ImportDeps, 'repo' | 'prefs'>, fromId: string, newPath: string, at: string, environmentPath: string | null): string {
  const { repo, prefs } = deps;
  const toId = templateIdFor(newPath);
  const from = repo.find(fromId);
  if (!from) return toId;
  repo.transaction(() => {
    repo.insertTemplate({ ...from, id: toId, name: newPath, statusMsg: from.statusMsg ?? null, systemKey: null, at });
    repo.replaceTags(toId, from.tags);
    for (const head of repo.versionHeads(fromId).reverse()) {
      const v = repo.version(fromId, head.number)!;
      repo.insertVersion({ ...v, id: `${toId}-${v.id}`, templateId: toId, at: v.createdAt });
    }
    prefs.set(importedKey(toId), prefs.get(importedKey(fromId)) ?? '[]');
    prefs.set(`git.environment.${toId}`, environmentPath);
    prefs.set(`git.environment.${fromId}`, null);
    repo.deleteTemplate(fromId);
  });
  return toId;
}

/** A version's note: the commit message, then who wrote it (every version list shows the note). */
export function noteFor(commit: Pick<CommitInfo, 'message' | 'author' | 'hash'>): string {
  return `${commit.message}\n— ${commit.author} · ${commit.hash.slice(0, 10)}`;
}

function parseLayout(text: string | null | undefined): CanvasLayout {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CanvasLayout) : {};
  } catch {
    return {}; // a hand-broken sidecar costs the positions, not the version
  }
}

function readImported(prefs: PreferencesRepo, id: string): string[] {
  try {
    const parsed: unknown = JSON.parse(prefs.get(importedKey(id)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((h): h is string => typeof h === 'string') : [];
  } catch {
    return [];
  }
}
