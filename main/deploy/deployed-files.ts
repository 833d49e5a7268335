// A deployed stack's files as Heat keeps them (template, environment with the
// parameters it was given, nested files), turned back into the library's
// shape: for downloading a stack into the library, and for counting what a
// stack holds now before an update is checked against the quota.
import type { StackRef } from '../../shared/cloud/heat-types';
import { stackToFiles, type StackFiles } from '../../shared/library/stack-to-files';
import type { CloudService } from '../cloud/cloud-service';

export async function deployedFiles(
  cloud: Pick<CloudService, 'template' | 'environment' | 'files'>,
  profileId: string,
  stack: StackRef,
  entryPath = 'template.yaml',
): Promise<StackFiles> {
  const [template, environment, files] = await Promise.all([
    cloud.template(profileId, stack),
    cloud.environment(profileId, stack),
    cloud.files(profileId, stack),
  ]);
  return stackToFiles({ template, environment, files }, entryPath);
}
