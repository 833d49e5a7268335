import { describe, expect, it } from 'vitest';
import { findFlavor, listFlavors, parseFlavor, type Flavor } from '../../../../main/cloud/nova-flavors';
import type { Connection } from '../../../../main/cloud/connection';

// Nova's /flavors/detail answer shape (microversion 2.1), as the full test
// cloud lists m1.tiny; the integration test reads the real list.
const tiny = {
  id: '1',
  name: 'm1.tiny',
  ram: 512,
  disk: 1,
  swap: '',
  'OS-FLV-EXT-DATA:ephemeral': 0,
  'OS-FLV-DISABLED:disabled': false,
  vcpus: 1,
  'os-flavor-access:is_public': true,
  rxtx_factor: 1.0,
  links: [],
};

/** A connection whose Nova answers from a list of pages, recording the queries. */
function pagedNova(pages: Array<{ flavors?: unknown[]; flavors_links?: unknown[] }>) {
  const queries: Array<Record<string, unknown>> = [];
  const connection = {
    service: () => ({
      get: async (_path: string, opts: { query?: Record<string, unknown> } = {}) => {
        queries.push(opts.query ?? {});
        return { status: 200, body: pages[queries.length - 1] ?? { flavors: [] } };
      },
    }),
  } as unknown as Pick<Connection, 'service'>;
  return { connection, queries };
}

describe('nova flavors', () => {
  it('parses what the studio needs of a flavor', () => {
    expect(parseFlavor(tiny)).toEqual({ id: '1', name: 'm1.tiny', vcpus: 1, ramMiB: 512, diskGiB: 1, isPublic: true, disabled: false });
  });
  it('refuses a flavor without vcpus or ram, naming it', () => {
    expect(() => parseFlavor({ id: 'x', name: 'broken', ram: 512 })).toThrow(/without an id, vcpus or ram.*broken/);
  });
  it('follows the next link by marker until the last page', async () => {
    const { connection, queries } = pagedNova([
      { flavors: [tiny], flavors_links: [{ rel: 'next', href: 'http://127.0.0.1:8774/v2.1/flavors/detail?marker=1' }] },
      { flavors: [{ ...tiny, id: '2', name: 'm1.small', vcpus: 1, ram: 2048 }] },
    ]);
    const list = await listFlavors(connection);
    expect(list.map((f) => f.name)).toEqual(['m1.tiny', 'm1.small']);
    expect(queries).toEqual([{}, { marker: '1' }]);
  });
  it('stops when a next page repeats what was listed', async () => {
    const loop = { flavors: [tiny], flavors_links: [{ rel: 'next', href: 'http://x/flavors/detail?marker=1' }] };
    const { connection, queries } = pagedNova([loop, loop, loop]);
    expect((await listFlavors(connection)).length).toBe(1);
    expect(queries.length).toBe(2);
  });
  it('refuses an answer without a flavors list', async () => {
    const { connection } = pagedNova([{}]);
    await expect(listFlavors(connection)).rejects.toThrow(/without a "flavors" list/);
  });
  it('finds a flavor by id first, then by name', () => {
    const flavors: Flavor[] = [
      { id: 'm1.small', name: 'odd', vcpus: 9, ramMiB: 9, diskGiB: 0, isPublic: true, disabled: false },
      { id: '2', name: 'm1.small', vcpus: 1, ramMiB: 2048, diskGiB: 20, isPublic: true, disabled: false },
    ];
    expect(findFlavor(flavors, 'm1.small')?.name).toBe('odd');
    expect(findFlavor(flavors, '2')?.name).toBe('m1.small');
    expect(findFlavor(flavors, 'nope')).toBeNull();
  });
});
