// Whether a template version may be deployed or exported as an app (SPEC 1.4:
// "needs editing" means it can only be edited). The library records a status
// for the template's latest version (on save, and on "Check again", which
// also asks the cloud and reads the quota); an older version has no recorded
// status of its own, so it is judged by the HOT engine offline, as a YAML
// file from outside the library is.
import { templateStatus } from './template-status';
import type { TemplateStatus } from './model';
import { msg, type Message } from '../messages/message';

export interface VersionVerdict {
  status: TemplateStatus;
  reason: string;
  /** The reason as a message key (worded by the reader), when it has one. */
  msg: Message | null;
  /** 'recorded': the library's status of the latest version; 'offline': the HOT engine's verdict now. */
  basis: 'recorded' | 'offline';
}

export interface VersionFilesForStatus {
  entryPath: string;
  yaml: string;
  files: Record<string, string>;
  environment: string | null;
}

export function versionStatus(
  template: { status: TemplateStatus; statusReason: string; statusMsg?: Message | null; latestVersion: number } | null,
  version: VersionFilesForStatus & { number?: number },
): VersionVerdict {
  if (template && version.number === template.latestVersion)
    return { status: template.status, reason: template.statusReason, msg: template.statusMsg ?? null, basis: 'recorded' };
  const offline = templateStatus(version.yaml, version.files, version.environment, version.entryPath);
  return { status: offline.status, reason: offline.reason, msg: offline.msg, basis: 'offline' };
}

/** The one message main refuses with (code NEEDS_EDITING), for a deploy and an app export alike; worded in the reader's language at the edge. */
export function needsEditingMessage(what: 'deploy' | 'app', reason: string | Message): Message {
  return msg(what === 'deploy' ? 'needsEditing.refused.deploy' : 'needsEditing.refused.app', { reason });
}
