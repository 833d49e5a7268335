import type { AppService } from '../apps/app-service';
import type { AppInfo, Translations, VersionInfo } from '../../shared/apps/manifest';
import type { DomainHandlers } from './dispatcher';

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export function appsHandlers(apps: AppService): DomainHandlers<'apps'> {
  return {
    'apps.checkExport': (req) => apps.checkExport(req.id, req.number, req.mode, req.quota),
    // The service validates app/version/translations field by field (BAD_REQUEST naming each).
    'apps.export': (req) =>
      apps.exportPackage({
        id: req.id,
        number: req.number,
        mode: req.mode,
        quota: req.quota,
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
