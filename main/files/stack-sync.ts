// The library <-> cloud sync of the seed's "sync by downloading": which
// stacks came from a template (from the local record and the offline cache,
// so it works with no network), and bringing a deployed stack's template,
// environment and files back into the library.
import { AppError } from '../../shared/ipc/errors';
import type { Deployment } from '../../shared/ipc/sync.contract';
import type { StackRef } from '../../shared/cloud/heat-types';
import type { StackFiles } from '../../shared/library/stack-to-files';
import { deployedFiles } from '../deploy/deployed-files';
import type { TemplateSummary } from '../../shared/library/model';
import type { CloudService } from '../cloud/cloud-service';
import type { ProfileService } from '../cloud/profile-service';
import type { CloudCacheRepo } from '../library/cloud-cache-repo';
import type { LibraryService } from '../library/library-service';
import type { StackOriginRepo } from '../library/stack-origin-repo';

export class StackSyncService {
  constructor(
    private readonly library: LibraryService,
    private readonly cloud: CloudService,
    private readonly profiles: ProfileService,
    private readonly origins: StackOriginRepo,
    private readonly cache: CloudCacheRepo,
  ) {}

  deployments(templateId: string): Deployment[] {
    return this.origins.listForTemplate(templateId).map((o) => {
      const seen = this.cache.stackStatus(o.profileId, o.stackId);
      let profileName = o.profileId;
      try {
        profileName = this.profiles.get(o.profileId).name;
      } catch {
        // The profile was removed since; the record stays meaningful with its id.
      }
      return { ...o, profileName, status: seen?.status ?? null, seenAt: seen?.fetchedAt ?? null };
    });
  }

  async stackFiles(profileId: string, stack: StackRef): Promise<StackFiles> {
    const origin = this.origins.get(profileId, stack.id);
    let entryPath = 'template.yaml';
    if (origin) {
      try {
        entryPath = this.library.getVersion(origin.templateId, origin.templateVersion).entryPath;
      } catch {
        // The origin template was deleted: keep the default entry name.
      }
    }
    return deployedFiles(this.cloud, profileId, stack, entryPath);
  }

  async download(
    profileId: string,
    stack: StackRef,
    target: { kind: 'new'; name: string } | { kind: 'version'; templateId?: string | undefined },
  ): Promise<{ template: TemplateSummary; version: number }> {
    const files = await this.stackFiles(profileId, stack);
    const note = `Downloaded from stack ${stack.name} (${stack.id})`;
    if (target.kind === 'new') {
      const [created] = this.library.createMany([
        {
          name: target.name,
          description: '',
          tags: [],
          from: { kind: 'files', entryPath: files.entryPath, yaml: files.yaml, files: files.files, environment: files.environment, note },
        },
      ]);
      return { template: created!, version: created!.latest.number };
    }
    const templateId = target.templateId ?? this.origins.get(profileId, stack.id)?.templateId;
    if (!templateId) {
      throw new AppError('BAD_REQUEST', `Stack ${stack.name} was not deployed from a library template; download it as a new template instead.`, {
        stack: stack.id,
      });
    }
    const saved = this.library.saveVersion({
      id: templateId,
      entryPath: files.entryPath,
      yaml: files.yaml,
      layout: this.library.get(templateId).latest.layout,
      files: files.files,
      environment: files.environment,
      note,
    });
    return { template: saved, version: saved.latest.number };
  }
}
