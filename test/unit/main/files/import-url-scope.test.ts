// URL import attacks, against real HTTP servers on 127.0.0.1 started here:
// nested files that resolve outside the entry's origin or folder (however the
// reference is spelled), redirects out of them, too many bytes across one
// import's files, and link-local / cloud-metadata addresses. Each is refused
// with nothing requested from where it pointed and the library unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../../../main/files/import-service';
import type { Fetcher } from '../../../../main/files/fetch-limited';
import { guardedFetcher } from '../../../../main/files/guarded-fetch';
import { integrityCheck, librarySnapshot } from '../../../support/library-state';
import { makeLibrary } from '../../../support/library';
import { routeServer, tcpWitness, type Reply } from '../../../support/route-http';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

const LIMITS = { maxFiles: 20, maxFileBytes: 1_000_000, maxTotalBytes: 10_000_000 };
const HOT = 'heat_template_version: 2018-08-31\n';
const withFile = (ref: string) => `${HOT}resources:\n  cfg:\n    type: OS::Heat::SoftwareConfig\n    properties:\n      config: {get_file: '${ref}'}\n`;
const withType = (ref: string) => `${HOT}resources:\n  child:\n    type: '${ref}'\n`;

async function serve(routes: Record<string, Reply | ((origin: string) => Reply)>) {
  const s = await routeServer(routes);
  closers.push(s.close);
  return s;
}

/** Imports `url`, expects `code`, and checks the library holds what it held before. */
async function refused(url: string, code: string, fetcher?: Fetcher, limits = LIMITS): Promise<string> {
  const lib = makeLibrary(tempDir());
  const before = librarySnapshot(lib.db);
  let message = '';
  await expect(
    new ImportService(lib.library, limits, fetcher).importUrl(url).catch((e: Error) => {
      message = e.message;
      throw e;
    }),
  ).rejects.toMatchObject({ code });
  expect(integrityCheck(lib.db)).toBe('ok');
  expect(librarySnapshot(lib.db)).toEqual(before);
  return message;
}

describe('nested files come only from the entry URL origin and folder', () => {
  it('refuses "https:127.0.0.1:PORT/..." (no //), which resolves to another host, and never connects there', async () => {
    const other = await tcpWitness();
    closers.push(other.close);
    const s = await serve({ '/t/main.yaml': { body: withFile(`https:127.0.0.1:${other.port}/secret.txt`) } });
    const message = await refused(`${s.origin}/t/main.yaml`, 'PATH_ESCAPE');
    expect(message).toContain(`https://127.0.0.1:${other.port}/secret.txt`);
    expect(other.connections()).toBe(0);
  });

  it.each([
    ['%2e%2e/secret.yaml', 'get_file'],
    ['%2E%2E/secret.yaml', 'type'],
    ['.%2e/secret.yaml', 'get_file'],
    ['sub\\..\\..\\secret.yaml', 'get_file'],
  ])('refuses %s as a %s out of the folder, never requesting /secret.yaml', async (ref, kind) => {
    const s = await serve({ '/t/main.yaml': { body: kind === 'type' ? withType(ref) : withFile(ref) }, '/secret.yaml': { body: HOT } });
    await refused(`${s.origin}/t/main.yaml`, 'PATH_ESCAPE');
    expect(s.requested).toEqual(['/t/main.yaml']);
  });

  it('reads "http:127.0.0.1:PORT/x" under an http entry as what WHATWG makes of it, a path in the folder, never the other host', async () => {
    const other = await serve({ '/t/x.yaml': { body: HOT } });
    const port = new URL(other.origin).port;
    const s = await serve({ '/t/main.yaml': { body: withType(`http:127.0.0.1:${port}/t/x.yaml`) } });
    await refused(`${s.origin}/t/main.yaml`, 'IMPORT_FAILED'); // 404 from the entry's own server
    expect(s.requested).toEqual(['/t/main.yaml', `/t/127.0.0.1:${port}/t/x.yaml`]);
    expect(other.requested).toEqual([]);
  });

  it('still imports nested files inside the folder, subfolders included', async () => {
    const s = await serve({
      '/t/main.yaml': { body: withType('sub/child.yaml') },
      '/t/sub/child.yaml': { body: withFile('script.sh') },
      '/t/sub/script.sh': { body: 'echo hi\n' },
    });
    const lib = makeLibrary(tempDir());
    const t = await new ImportService(lib.library, LIMITS).importUrl(`${s.origin}/t/main.yaml`);
    expect(Object.keys(t.latest.files).sort()).toEqual(['sub/child.yaml', 'sub/script.sh']);
  });
});

describe('redirects are followed by hand, each hop checked', () => {
  it('refuses an entry that redirects to another origin, never requesting it', async () => {
    const other = await serve({ '/t/main.yaml': { body: HOT } });
    const s = await serve({ '/t/main.yaml': { status: 302, headers: { location: `${other.origin}/t/main.yaml` } } });
    expect(await refused(`${s.origin}/t/main.yaml`, 'PATH_ESCAPE')).toContain('redirects to');
    expect(other.requested).toEqual([]);
  });

  it('refuses a nested file that redirects to another origin, or out of the folder on the same one', async () => {
    const other = await serve({ '/x.yaml': { body: HOT } });
    const s = await serve({
      '/t/main.yaml': { body: withType('a.yaml') },
      '/t/a.yaml': { status: 307, headers: { location: `${other.origin}/x.yaml` } },
      '/t/b.yaml': { status: 301, headers: { location: '/private/b.yaml' } },
      '/t/main2.yaml': { body: withType('b.yaml') },
      '/private/b.yaml': { body: HOT },
    });
    await refused(`${s.origin}/t/main.yaml`, 'PATH_ESCAPE');
    expect(other.requested).toEqual([]);
    await refused(`${s.origin}/t/main2.yaml`, 'PATH_ESCAPE');
    expect(s.requested).not.toContain('/private/b.yaml');
  });

  it('follows a redirect within the origin, and stops a redirect loop at the hop limit', async () => {
    const s = await serve({
      '/old/main.yaml': { status: 302, headers: { location: '/t/main.yaml' } },
      '/t/main.yaml': { body: HOT },
      '/loop/a.yaml': { status: 302, headers: { location: '/loop/b.yaml' } },
      '/loop/b.yaml': { status: 302, headers: { location: '/loop/a.yaml' } },
    });
    const lib = makeLibrary(tempDir());
    expect((await new ImportService(lib.library, LIMITS).importUrl(`${s.origin}/old/main.yaml`)).latest.yaml).toBe(HOT);
    expect(await refused(`${s.origin}/loop/a.yaml`, 'IMPORT_FAILED')).toContain('redirects more than 5 times');
    expect(s.requested.filter((p) => p.startsWith('/loop/')).length).toBeLessThanOrEqual(6);
  });
});

describe('one import reads at most its total byte limit across all files', () => {
  it('refuses files each under the per-file limit that add up past the total', async () => {
    const filler = `# ${'x'.repeat(850)}\n`;
    const main = `${HOT}resources:\n${[1, 2, 3].map((i) => `  r${i}:\n    type: OS::Heat::SoftwareConfig\n    properties: {config: {get_file: f${i}.sh}}\n`).join('')}`;
    const s = await serve({ '/t/main.yaml': { body: main }, '/t/f1.sh': { body: filler }, '/t/f2.sh': { body: filler }, '/t/f3.sh': { body: filler } });
    const message = await refused(`${s.origin}/t/main.yaml`, 'FILE_TOO_LARGE', undefined, { maxFiles: 20, maxFileBytes: 1000, maxTotalBytes: 2500 });
    expect(message).toContain('2500 bytes in all');
  });
});

describe('link-local and cloud-metadata addresses are never fetched', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/x.yaml',
    'http://2852039166/x.yaml',
    'http://0xa9.0xfe.0xa9.0xfe/x.yaml',
    'http://[fe80::1]/x.yaml',
    'http://[fd00:ec2::254]/x.yaml',
    'http://[::ffff:169.254.169.254]/x.yaml',
    'http://169.254.1.1/x.yaml',
  ])('refuses %s without a request', async (url) => {
    const calls: string[] = [];
    const fetcher: Fetcher = (u) => {
      calls.push(u);
      return Promise.resolve(new Response(HOT));
    };
    await refused(url, 'PATH_ESCAPE', fetcher);
    expect(calls).toEqual([]);
  });

  it('refuses a redirect to the metadata address even from an allowed origin', async () => {
    const s = await serve({ '/t/main.yaml': { status: 302, headers: { location: 'http://169.254.169.254/latest/' } } });
    await refused(`${s.origin}/t/main.yaml`, 'PATH_ESCAPE');
  });

  it('the default fetcher refuses a host name that resolves to a metadata address, at connect time', async () => {
    const s = await serve({ '/t/main.yaml': { body: HOT } });
    const port = new URL(s.origin).port;
    const resolvesTo = (address: string) => guardedFetcher((_host, _opts, cb) => cb(null, [{ address, family: address.includes(':') ? 6 : 4 }]));
    // The same server by name: reached when the name resolves to loopback...
    const lib = makeLibrary(tempDir());
    const ok = await new ImportService(lib.library, LIMITS, resolvesTo('127.0.0.1')).importUrl(`http://studio.test:${port}/t/main.yaml`);
    expect(ok.latest.yaml).toBe(HOT);
    // ...and refused, with no request, when it resolves to the metadata address.
    const before = s.requested.length;
    expect(await refused(`http://metadata.test:${port}/t/main.yaml`, 'CLOUD_UNREACHABLE', resolvesTo('169.254.169.254'))).toContain(
      'link-local or cloud-metadata',
    );
    expect(s.requested.length).toBe(before);
  });
});
