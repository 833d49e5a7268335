// The POST/PUT /stacks body for a template version: the entry template and
// its nested files bundled exactly as python-heatclient would (shared/hot
// buildBundle), the version's own environment file and the dialog's one
// appended as environment files, in that order (later ones win in Heat).
import { buildBundle } from '../hot/bundle';
import type { Diagnostic } from '../hot/diagnostics';
import { dirname, joinPath } from '../hot/paths';
import type { DeployOptions } from './model';

export interface VersionFiles {
  entryPath: string;
  yaml: string;
  files: Record<string, string>;
  /** The environment kept with the version in the library, if any. */
  environment: string | null;
}

export interface BundledBody {
  template: unknown;
  files: Record<string, string>;
  environment: Record<string, unknown>;
  environment_files?: string[];
  parameters: Record<string, string>;
  disable_rollback: boolean;
  tags?: string[];
  timeout_mins?: number;
}

/** Names that cannot collide with the version's own files. */
function freePath(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) {
    const p = base.replace(/\.yaml$/, `-${i}.yaml`);
    if (!taken.has(p)) return p;
  }
}

export function stackBodyFor(version: VersionFiles, options: DeployOptions): { body?: BundledBody; diagnostics: Diagnostic[] } {
  const texts = new Map<string, string>(Object.entries(version.files));
  texts.set(version.entryPath, version.yaml);
  const dir = dirname(version.entryPath);
  const envPaths: string[] = [];
  for (const [text, name] of [
    [version.environment, 'environment.yaml'],
    [options.environment, 'deploy-environment.yaml'],
  ] as const) {
    if (text === null || text.trim() === '') continue;
    const path = freePath(joinPath(dir, name), new Set(texts.keys()));
    texts.set(path, text);
    envPaths.push(path);
  }
  const { bundle, diagnostics } = buildBundle(version.entryPath, envPaths, { read: (p) => texts.get(p) });
  if (!bundle) return { diagnostics };
  const body: BundledBody = {
    template: bundle.template,
    files: bundle.files,
    environment: bundle.environment,
    parameters: options.parameters,
    disable_rollback: options.disableRollback,
  };
  if (bundle.environment_files) body.environment_files = bundle.environment_files;
  if (options.tags.length) body.tags = options.tags;
  if (options.timeoutMins !== null) body.timeout_mins = options.timeoutMins;
  return { body, diagnostics };
}
