// A template's library status from the HOT engine: "usable" when offline
// validation finds no error, otherwise "needs editing" with the first error,
// located, as the reason a person reads in the list (SPEC 1.4). Pure, so the
// editor shows the same verdict before saving that the library records.
import { validateProject } from '../hot/project';
import type { Diagnostic } from '../hot/diagnostics';
import { resources, parseTemplate } from '../hot/template';
import type { TemplateStatus } from './model';

export interface StatusVerdict {
  status: TemplateStatus;
  reason: string;
  /** Every error diagnostic, for a details view. */
  errors: Diagnostic[];
}

export const ENTRY_PATH = 'template.yaml';
const ENVIRONMENT_PATH = 'environment.yaml';

export function templateStatus(
  yaml: string,
  files: Record<string, string>,
  environment: string | null,
  entryPath: string = ENTRY_PATH,
): StatusVerdict {
  // The environment gets a name no nested file can have.
  const envPath = `\u0000${ENVIRONMENT_PATH}`;
  const source = {
    read: (path: string) => (path === entryPath ? yaml : path === envPath ? (environment ?? undefined) : files[path]),
  };
  const result = validateProject(entryPath, environment === null ? [] : [envPath], source);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first) {
    const where = first.line > 0 ? `${first.file === entryPath ? '' : `${first.file.replace(envPath, 'environment')} `}line ${first.line}, column ${first.column}: ` : '';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return { status: 'needs_editing', reason: `${where}${first.message}${more}`, errors };
  }
  if (result.template.kind === 'hot' && resources(parseTemplate(yaml)).length === 0) {
    return { status: 'needs_editing', reason: 'The template has no resources yet.', errors: [] };
  }
  return { status: 'usable', reason: '', errors: [] };
}
