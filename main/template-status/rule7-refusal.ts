// The status step a deploy runs itself (SPEC 1.2, rule 7): when the cloud no
// longer holds what the template names, the deploy is refused and the
// template's latest version is recorded as "needs editing" with the same
// reason "Check again" gives (shared/existing/revalidate.ts words it). An
// older version has no recorded status of its own, so only the refusal says it.
import type { Message } from '../../shared/messages/message';
import type { LibraryService } from '../library/library-service';

export function recordRule7Refusal(
  library: Pick<LibraryService, 'get' | 'recordStatus'>,
  version: { templateId: string; version: number } | null,
  reason: Message,
): void {
  if (version && library.get(version.templateId).latestVersion === version.version) library.recordStatus(version.templateId, 'needs_editing', reason);
}
