// Every HOT template of the shared corpus counts without throwing, with its
// nested files from the corpus; every unknown part names a resource and a
// reason. Sizes are not checked here (test/integration/quota checks the
// count against a real deploy's usage).
import { describe, expect, it } from 'vitest';
import { countTemplate, type UnknownCode } from '../../../../shared/quota/count';
import { QUOTA_KINDS } from '../../../../shared/quota/kinds';
import { corpusSource, manifest, readCorpus } from '../hot/corpus-helpers';

const CODES: UnknownCode[] = [
  'flavor-unknown',
  'flavors-unavailable',
  'value-unresolved',
  'count-unresolved',
  'condition-unresolved',
  'size-from-source',
  'nested-missing',
  'nested-remote',
  'too-deep',
  'indirect',
  'other-region',
  'not-hot',
];
const FLAVORS = [
  { id: '1', name: 'm1.tiny', vcpus: 1, ramMiB: 512 },
  { id: '2', name: 'm1.small', vcpus: 1, ramMiB: 2048 },
];

describe('quota count over the corpus', () => {
  it('counts every HOT template, nested files included, naming every unknown', () => {
    const templates = manifest().filter((m) => m.kind === 'template');
    expect(templates.length).toBeGreaterThan(300);
    let servers = 0;
    let nestedServers = 0;
    for (const m of templates) {
      const c = countTemplate({ yaml: readCorpus(m.path), entryPath: m.path, source: corpusSource, flavors: FLAVORS });
      for (const k of QUOTA_KINDS) {
        expect(Number.isFinite(c[k].known) && c[k].known >= 0, `${m.path} ${k}`).toBe(true);
        for (const u of c[k].unknown) {
          expect(CODES, `${m.path} ${k}`).toContain(u.code);
          expect(u.resource.length, `${m.path} ${k}`).toBeGreaterThan(0);
        }
      }
      servers += c.instances.known;
      nestedServers += c.instances.by.filter((b) => b.resource.includes('[')).length;
    }
    // The corpus has servers, some of them inside nested templates.
    expect(servers).toBeGreaterThan(80);
    expect(nestedServers).toBeGreaterThan(2);
  });
});
