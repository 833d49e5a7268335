// State shared by the validation passes of one template.
import type { DiagnosticSink } from './diagnostics';
import type { EnvironmentModel } from './environment';
import type { HotTemplate, ResourceEntry } from './template';
import type { VersionInfo } from './versions';
import { msg, type Message } from '../messages/message';

export interface NestedTemplateInfo {
  /** Parameters the nested template declares, and whether each has a default. */
  parameters: Map<string, { required: boolean }>;
  /** Outputs, which become the attributes of the resource using it. */
  outputs: Set<string>;
}

export interface ValidateOptions {
  /** Merged environment(s): resource_registry mappings and parameters. */
  environment?: EnvironmentModel;
  /**
   * Resolves a file reference (nested template type, get_file) relative to
   * the template file. Return undefined when the file is not available.
   */
  resolveFile?: (fromFile: string, ref: string) => { file: string; text: string } | undefined;
  /**
   * For a get_file reference that leaves the folder files may come from, the
   * path it resolves to and that folder (the reference is then refused,
   * never read); undefined when the reference is allowed.
   */
  outsideRoot?: (fromFile: string, ref: string) => { path: string; root: string } | undefined;
  /** Nested template information by resolved file name (filled by validateSet). */
  nested?: (fromFile: string, ref: string) => NestedTemplateInfo | undefined;
}

export interface ValidationContext {
  t: HotTemplate;
  sink: DiagnosticSink;
  info: VersionInfo;
  parameters: Set<string>;
  resources: Map<string, ResourceEntry>;
  conditions: Set<string>;
  options: ValidateOptions;
  /** Dependency edges found while walking, for the cycle check. */
  deps: Map<string, Set<string>>;
  /** Conditions referenced by resources, outputs, if, and used conditions. */
  usedConditions: Set<string>;
}

export function addDep(ctx: ValidationContext, from: string, to: string): void {
  let set = ctx.deps.get(from);
  if (!set) ctx.deps.set(from, (set = new Set()));
  set.add(to);
}

/** Closest known name for "did you mean" hints (small edit distance). */
export function suggest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = k;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 99;
}

export function didYouMean(name: string, known: Iterable<string>): Message | undefined {
  const s = suggest(name, known);
  return s ? msg('hot.didYouMean', { name: s }) : undefined;
}
