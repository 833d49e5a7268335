// Library at scale: 10,000 templates x 5 versions (generated), then cold
// open to the first list, list, search (FTS), search with filters, saving a
// version; database size. Targets: list and search under 20 ms, save under
// 10 ms. `npm run bench -- library` (LIBRARY_BENCH_TEMPLATES=N to resize).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/library/database';
import { EventBus } from '../../main/events/event-bus';
import { LibraryService } from '../../main/library/library-service';
import { TemplateRepo } from '../../main/library/template-repo';
import { hotChecker } from '../../shared/library/offline-status';

const TEMPLATES = Number(process.env.LIBRARY_BENCH_TEMPLATES ?? 10_000);
const VERSIONS = 5;
const TYPES = ['OS::Nova::Server', 'OS::Neutron::Net', 'OS::Cinder::Volume', 'OS::Heat::RandomString', 'OS::Octavia::LoadBalancer'];

function template(i: number, v: number): string {
  const type = TYPES[i % TYPES.length];
  return `heat_template_version: 2018-08-31\ndescription: generated template ${i} version ${v}\nparameters:\n  size: {type: number, default: ${v}}\nresources:\n  res_${i}:\n    type: OS::Heat::Value\n    properties: {value: {get_param: size}}\n  other_${i}:\n    type: ${type}\n`;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(fn: () => unknown, runs = 25): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(ms(t));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'hs-bench-library-'));
const path = join(dir, 'library.sqlite');
try {
  // Build: bulk inserts in chunks of one transaction each (what an import does).
  let built = process.hrtime.bigint();
  {
    const { db } = openDatabase(path);
    const repo = new TemplateRepo(db);
    const lib = new LibraryService(repo, () => ({ status: 'usable', reason: '', msg: null }), new EventBus());
    for (let start = 0; start < TEMPLATES; start += 500) {
      const batch = Array.from({ length: Math.min(500, TEMPLATES - start) }, (_, k) => start + k);
      const created = lib.createMany(
        batch.map((i) => ({
          name: `template ${i}`,
          description: `generated ${i}`,
          tags: [`team-${i % 20}`],
          from: { kind: 'yaml' as const, yaml: template(i, 1) },
        })),
      );
      repo.transaction(() => {
        for (const [k, t] of created.entries()) {
          for (let v = 2; v <= VERSIONS; v++)
            lib.saveVersion({ id: t.id, yaml: template(batch[k]!, v), layout: {}, files: {}, environment: null, note: `v${v}` });
        }
      });
    }
    db.close();
  }
  const buildMs = ms(built);

  built = process.hrtime.bigint();
  const { db } = openDatabase(path);
  const library = new LibraryService(new TemplateRepo(db), hotChecker, new EventBus());
  const firstList = library.list({});
  const coldOpen = ms(built);

  // The UI asks for a page of 200 (+1 to know there is more); the unpaged figure is printed too.
  const page = { limit: 201 };
  const listAllMs = median(() => library.list({}), 7);
  const listMs = median(() => library.list(page));
  const searchMs = median(() => library.list({ search: 'template 4242', ...page }));
  const searchTypeMs = median(() => library.list({ search: 'Octavia', ...page }));
  const filteredMs = median(() =>
    library.list({ search: 'generated', tag: 'team-7', resourceType: 'OS::Cinder::Volume', status: 'usable', sort: 'name', ...page }),
  );
  const shortSearchMs = median(() => library.list({ search: 'te', ...page }));
  const target = firstList.find((t) => t.origin === 'user')!;
  let v = 100;
  const saveMs = median(() => library.saveVersion({ id: target.id, yaml: template(1, v++), layout: {}, files: {}, environment: null, note: '' }));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(path).size;
  db.close();

  const row = (name: string, value: number, target?: number) =>
    console.log(
      `${name.padEnd(46)} ${value.toFixed(2).padStart(9)} ms${target ? `   target < ${target} ms: ${value < target ? 'met' : 'NOT met'} (${(value / target).toFixed(2)}x of target)` : ''}`,
    );
  console.log(`library: ${TEMPLATES} templates x ${VERSIONS} versions, built in ${(buildMs / 1000).toFixed(1)} s`);
  row('cold open to first list (migrations, list)', coldOpen);
  row(`list, all ${TEMPLATES} rows (median)`, listAllMs);
  row('list, first page of 200 (median)', listMs, 20);
  row('search "template 4242" FTS (median)', searchMs, 20);
  row('search "Octavia" by resource type (median)', searchTypeMs, 20);
  row('FTS + tag + type + status + sort (median)', filteredMs, 20);
  row('search of 2 characters (LIKE) (median)', shortSearchMs, 20);
  row('save a version incl. HOT status check (median)', saveMs, 10);
  console.log(`${'database size'.padEnd(46)} ${(size / 1024 / 1024).toFixed(1).padStart(9)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
