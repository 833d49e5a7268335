// How the library decides a template's status on save: the HOT engine's
// offline validation (shared/library/template-status.ts). Injected into the
// library service so a later checker can add Heat's own POST /validate when a
// cloud is connected.
import { templateStatus, type StatusVerdict } from '../../shared/library/template-status';

export type { StatusVerdict };

export type TemplateChecker = (
  yaml: string,
  files: Record<string, string>,
  environment: string | null,
  entryPath?: string,
) => Pick<StatusVerdict, 'status' | 'reason'>;

export const hotChecker: TemplateChecker = (yaml, files, environment, entryPath) => templateStatus(yaml, files, environment, entryPath);
