// Computes a template's library status on save: "usable" or "needs editing"
// with the reason a person reads in the list. The HOT engine (shared/hot)
// supplies the diagnostics; this keeps only the decision and the wording.
import { parse } from 'yaml';
import type { TemplateStatus } from '../../shared/library/model';

export interface StatusVerdict {
  status: TemplateStatus;
  reason: string;
}

export type TemplateChecker = (yaml: string, files: Record<string, string>) => StatusVerdict;

/** Structural check used until a richer checker is injected: parses, has a version and resources. */
export const structuralChecker: TemplateChecker = (yaml) => {
  let doc: unknown;
  try {
    doc = parse(yaml, { version: '1.1', uniqueKeys: false, maxAliasCount: 1000 });
  } catch (err) {
    const pos = (err as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    const where = pos ? ` (line ${pos.line}, column ${pos.col})` : '';
    return { status: 'needs_editing', reason: `The YAML does not parse${where}: ${firstLine(err)}` };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return { status: 'needs_editing', reason: 'A template must be a mapping with heat_template_version and resources.' };
  }
  const t = doc as Record<string, unknown>;
  if (!('heat_template_version' in t)) {
    return { status: 'needs_editing', reason: 'heat_template_version is missing.' };
  }
  const resources = t.resources;
  if (!resources || typeof resources !== 'object' || Object.keys(resources).length === 0) {
    return { status: 'needs_editing', reason: 'The template has no resources yet.' };
  }
  return { status: 'usable', reason: '' };
};

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
