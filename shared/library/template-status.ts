// A template's library status from the HOT engine: "usable" when offline
// validation finds no error, otherwise "needs editing" with the first error,
// located, as the reason a person reads in the list (SPEC 1.4). Pure, so the
// editor shows the same verdict before saving that the library records.
import { validateProject } from '../hot/project';
import type { Diagnostic } from '../hot/diagnostics';
import { resources, parseTemplate } from '../hot/template';
import type { TemplateStatus } from './model';
import { englishText, msg, type Message } from '../messages/message';

export interface StatusVerdict {
  status: TemplateStatus;
  /** English, stored beside `msg` (search, logs); '' when usable. */
  reason: string;
  /** The reason as a message key, worded by the UI in the reader's language; null when usable. */
  msg: Message | null;
  /** Every error diagnostic, for a details view. */
  errors: Diagnostic[];
}

export const ENTRY_PATH = 'template.yaml';
const ENVIRONMENT_PATH = 'environment.yaml';

export function templateStatus(yaml: string, files: Record<string, string>, environment: string | null, entryPath: string = ENTRY_PATH): StatusVerdict {
  // The environment gets a name no nested file can have.
  const envPath = `\u0000${ENVIRONMENT_PATH}`;
  const source = {
    read: (path: string) => (path === entryPath ? yaml : path === envPath ? (environment ?? undefined) : files[path]),
  };
  const result = validateProject(entryPath, environment === null ? [] : [envPath], source);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first) {
    const text: Message | string = first.msg ?? first.message;
    const position = { line: String(first.line), column: String(first.column) };
    const located =
      first.line <= 0
        ? typeof text === 'string'
          ? msg('status.text', { text })
          : text
        : first.file === entryPath
          ? msg('status.at', { ...position, text })
          : msg('status.atFile', { file: first.file === envPath ? msg('status.environment') : first.file, ...position, text });
    const reason = errors.length > 1 ? msg('status.more', { text: located, n: errors.length - 1 }) : located;
    return needsEditing(reason, errors);
  }
  if (result.template.kind === 'hot' && resources(parseTemplate(yaml)).length === 0) {
    return needsEditing(msg('status.noResources'), []);
  }
  return { status: 'usable', reason: '', msg: null, errors: [] };
}

function needsEditing(reason: Message, errors: Diagnostic[]): StatusVerdict {
  return { status: 'needs_editing', reason: englishText(reason), msg: reason, errors };
}
