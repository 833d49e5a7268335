// `npm run bench`: runs every test/bench/*.bench.ts as its own Node process
// (so one benchmark's heap does not colour another's peak memory) and lets
// each print its own figures and ratios. `npm run bench -- hot` runs only the
// files whose name contains "hot". Benchmarks never fail the build on speed:
// targets are printed next to the figures.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const filter = process.argv[2] ?? '';
const dir = 'test/bench';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`bench: no test/bench/*.bench.ts matches "${filter}"`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(dir, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
