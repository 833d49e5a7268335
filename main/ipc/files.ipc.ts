import type { ExportService } from '../files/export-service';
import type { ImportResult, ImportService } from '../files/import-service';
import type { ImportOutcome } from '../../shared/ipc/files.contract';
import type { DomainHandlers } from './dispatcher';

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const outcome = (r: ImportResult): ImportOutcome => ({
  templates: r.templates.map(({ versions: _v, latest: _l, ...summary }) => summary),
  skipped: r.skipped,
});

export function filesHandlers(imports: ImportService, exports: ExportService): DomainHandlers<'files'> {
  return {
    'files.importFiles': (req) =>
      outcome(
        imports.importFiles(
          req.files.map((f) => ({ path: f.path, bytes: bytes(f.base64) })),
          { entry: req.entry, environment: req.environment, name: req.name },
        ),
      ),
    'files.importZip': (req) => outcome(imports.importZip(bytes(req.base64), req.fileName, req.onExisting)),
    'files.importUrl': async (req) => outcome({ templates: [await imports.importUrl(req.url, req.name)], skipped: [] }),
    'files.exportYaml': (req) => exports.exportYaml(req.id, req.number),
    'files.exportBundle': (req) => exports.exportBundle(req.id, req.number),
  };
}
