// "Deploy a YAML file…" with several files picked (an entry template, its
// nested templates and get_file files, an environment file): which one is
// the entry, which the environment, and what goes into Heat's `files`. The
// same rule as the library's folder import: the entry is the one template no
// other picked template names; an environment is a file of only
// environment sections.
import { looksLikeEnvironment, looksLikeTemplate, referencedFiles } from '../library/file-set';

export interface DeploySet {
  entryPath: string;
  yaml: string;
  /** Every other picked file the entry (or the environment) reaches, by path. */
  files: Record<string, string>;
  environment: { path: string; text: string } | null;
}

export type DeploySetResult =
  { ok: true; set: DeploySet } | { ok: false; reason: 'noTemplate' | 'severalEntries' | 'severalEnvironments' | 'missing'; paths: string[] };

export function deploySet(texts: ReadonlyMap<string, string>): DeploySetResult {
  const paths = [...texts.keys()].sort();
  const environments = paths.filter((p) => looksLikeEnvironment(texts.get(p)!));
  if (environments.length > 1) return { ok: false, reason: 'severalEnvironments', paths: environments };
  const envPath = environments[0] ?? null;
  const envText = envPath ? texts.get(envPath)! : null;
  const templates = paths.filter((p) => p !== envPath && looksLikeTemplate(texts.get(p)!));
  if (templates.length === 0) return { ok: false, reason: 'noTemplate', paths };
  const read = (p: string) => texts.get(p);
  const nested = new Set(templates.flatMap((t) => referencedFiles(t, read, envText).files));
  const entries = templates.filter((t) => !nested.has(t));
  if (entries.length !== 1) return { ok: false, reason: 'severalEntries', paths: entries.length ? entries : templates };
  const entryPath = entries[0]!;
  const reached = referencedFiles(entryPath, read, envText);
  // A reference to a file that was not picked: Heat would fail on it later, say it now.
  if (reached.problems.length) return { ok: false, reason: 'missing', paths: reached.problems.map((p) => `${p.from}: ${p.ref}`) };
  return {
    ok: true,
    set: {
      entryPath,
      yaml: texts.get(entryPath)!,
      files: Object.fromEntries(reached.files.map((p) => [p, texts.get(p)!])),
      environment: envPath && envText !== null ? { path: envPath, text: envText } : null,
    },
  };
}
