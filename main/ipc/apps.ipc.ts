import type { AppService } from '../apps/app-service';
import type { AppInfo, Translations, VersionInfo } from '../../shared/apps/manifest';
import type { DomainHandlers } from './dispatcher';
import type { LibraryService } from '../library/library-service';
import type { QuotaService } from '../quota/quota-service';
import { appExportQuota } from '../quota/app-export-quota';

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export function appsHandlers(
  apps: AppService,
  quota: { service: Pick<QuotaService, 'check'>; library: Pick<LibraryService, 'get' | 'getVersion'> } | null = null,
): DomainHandlers<'apps'> {
  // The over-quota verdict is computed here from the named cloud's quota, never taken from the renderer.
  const verdict = (profileId: string | null | undefined, id: string, number: number | undefined) =>
    quota ? appExportQuota(quota.service, quota.library, profileId, id, number) : Promise.resolve(null);
  return {
    'apps.checkExport': async (req) => apps.checkExport(req.id, req.number, req.mode, await verdict(req.quotaProfileId, req.id, req.number)),
    // The service validates app/version/translations field by field (BAD_REQUEST naming each).
    'apps.export': async (req) =>
      apps.exportPackage({
        id: req.id,
        number: req.number,
        mode: req.mode,
        quota: await verdict(req.quotaProfileId, req.id, req.number),
        app: req.app as AppInfo,
        version: req.version as VersionInfo,
        translations: req.translations as Translations,
        logo: req.logo,
      }),
    'apps.import': (req) => {
      const { template, link } = apps.importPackage(bytes(req.base64), req.fileName, req.allowDuplicate ?? false);
      const { versions: _v, latest: _l, ...summary } = template;
      return { template: summary, link };
    },
    'apps.link': (req) => apps.link(req.id),
  };
}
