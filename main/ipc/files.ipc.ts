import type { ExportService } from '../files/export-service';
import type { ImportResult, ImportService } from '../files/import-service';
import type { ImportOutcome } from '../../shared/ipc/files.contract';
import type { GitImports } from '../library/git/git-imports';
import type { DomainHandlers } from './dispatcher';

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const outcome = (r: ImportResult): ImportOutcome => ({
  templates: r.templates.map(({ versions: _v, latest: _l, ...summary }) => summary),
  skipped: r.skipped,
});

export function filesHandlers(imports: ImportService, exports: ExportService, git?: GitImports): DomainHandlers<'files'> {
  // In a git-bound library an import is committed into the working copy, not kept in the cache alone.
  const run = async (action: (i: ImportService) => ImportResult | Promise<ImportResult>) => outcome(await (git?.run(action) ?? action(imports)));
  return {
    'files.importFiles': (req) =>
      run((i) =>
        i.importFiles(
          req.files.map((f) => ({ path: f.path, bytes: bytes(f.base64) })),
          { entry: req.entry, environment: req.environment, name: req.name },
        ),
      ),
    'files.importZip': (req) => run((i) => i.importZip(bytes(req.base64), req.fileName, req.onExisting)),
    'files.importUrl': (req) => run(async (i) => ({ templates: [await i.importUrl(req.url, req.name)], skipped: [] })),
    'files.exportYaml': (req) => exports.exportYaml(req.id, req.number),
    'files.exportBundle': (req) => exports.exportBundle(req.id, req.number),
  };
}
