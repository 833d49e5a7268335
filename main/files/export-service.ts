// Exports of a library version: the entry YAML alone (deployable unchanged by
// `openstack stack create -t`) or a bundle zip (see bundle.ts).
import type { LibraryService } from '../library/library-service';
import { buildBundle } from './bundle';
import { fileNamePart } from './file-name';

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

/** A template name as a file name (file-name.ts says what is dropped and why). */
export function safeName(name: string): string {
  return fileNamePart(name, { max: 120, fallback: 'template' });
}
