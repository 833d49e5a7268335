// Exports of a library version: the entry YAML alone (deployable unchanged by
// `openstack stack create -t`) or a bundle zip (see bundle.ts).
import type { LibraryService } from '../library/library-service';
import { buildBundle } from './bundle';

export interface ExportedFile {
  fileName: string;
  /** Base64 for binary (zip), plain text for YAML. */
  base64?: string;
  text?: string;
}

export class ExportService {
  constructor(private readonly library: LibraryService) {}

  exportYaml(id: string, number?: number): ExportedFile {
    const { template, version } = this.load(id, number);
    return { fileName: `${safeName(template.name)}.yaml`, text: version.yaml };
  }

  exportBundle(id: string, number?: number): ExportedFile {
    const { template, version } = this.load(id, number);
    const zip = buildBundle(template, version);
    return { fileName: `${safeName(template.name)}-v${version.number}.zip`, base64: Buffer.from(zip).toString('base64') };
  }

  private load(id: string, number?: number) {
    const template = this.library.get(id);
    const version = number === undefined ? template.latest : this.library.getVersion(id, number);
    return { template, version };
  }
}

function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are invalid in Windows file names
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 120) || 'template';
}
