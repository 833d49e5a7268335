// `npm test`: the whole suite, in the order a failure is cheapest to find.
//   1. type check (shared, main, renderer with vue-tsc, tests)   2. lint and format check
//   3. unit tests   4. build the renderer   5. end-to-end in Debian's Chromium
//   6. integration against the real test cloud on 127.0.0.1.
//   7. the Electron window (test/electron), where the Electron binary is
//      installed: it is prepared first (`start-electron.mjs --prepare`);
//      where it is not, the suite's tests count as skipped and a line says
//      plainly that it did not run and why.
// The cloud is the FULL one (`cloud-up.sh --full`: Heat + Keystone + Nova,
// Neutron, Cinder, Glance, Placement), started before the e2e step when not
// already up, and stopped again afterwards if this run started it.
// Ends with one line "N passed, N failed" summed over every vitest project.
// Options: --skip-cloud (no integration suite), --only unit|e2e|integration|electron,
// --light-cloud or HEAT_STUDIO_CLOUD=light: the Heat-only cloud instead
// (`cloud-up.sh --light`, ~20 s to start instead of ~65 s; the tests that need
// real servers then FAIL, by design: test/cloud/README.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const skipCloud = args.includes('--skip-cloud') || process.env.HEAT_STUDIO_SKIP_CLOUD === '1';
const cloudMode = args.includes('--light-cloud') || process.env.HEAT_STUDIO_CLOUD === 'light' ? '--light' : '--full';
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** "project file > test: first line of the error", repeated at the very end where a truncated log still shows it. */
const failedTests = [];
mkdirSync('test-output', { recursive: true });

function step(name, cmd, cmdArgs, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${name}: ${r.status === 0 ? 'ok' : `FAILED (${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function vitest(project) {
  const hasTests = (dir) => existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
  if (!hasTests(join('test', project))) return;
  const out = join('test-output', `vitest-${project}.json`);
  step(`${project} tests`, process.execPath, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const file of report.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status !== 'failed') continue;
        const reason = String(t.failureMessages?.[0] ?? '')
          .split('\n')[0]
          .slice(0, 300);
        failedTests.push(`${project} ${relative(process.cwd(), file.name)} > ${t.fullName}: ${reason}`);
      }
    }
  } else {
    totals.failed += 1; // the runner died before reporting
  }
}

// cloud.json exists only while the test cloud is READY (test/cloud/README.md).
const cloudStateDir = process.env.HEAT_STUDIO_CLOUD_STATE ?? join(process.env.TMPDIR ?? '/tmp', 'heat-studio-cloud');
const cloudWasUp = () => existsSync(join(cloudStateDir, 'cloud.json'));

if (!only) {
  step('type check', process.execPath, ['scripts/typecheck.mjs']);
  step('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);
  // Prettier owns layout (ESLint's layout rules are off): an unformatted file fails here, `npm run format` fixes it.
  step('format check', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']);
}
if (!only || only === 'unit') vitest('unit');
// The e2e tests deploy to the cloud too, so it comes up before them.
const wantsCloud = (!only || only === 'e2e' || only === 'integration') && !skipCloud && existsSync('test/cloud/cloud-up.sh');
const startedHere = wantsCloud && !cloudWasUp();
// Idempotent: starts what is missing, or confirms a running cloud in ~6 s.
const cloudUp = wantsCloud && step(`start the test cloud (${cloudMode})`, 'bash', ['test/cloud/cloud-up.sh', cloudMode]);
if (!only || only === 'e2e') {
  if (step('build renderer', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'])) vitest('e2e');
}
if ((!only || only === 'integration') && cloudUp) vitest('integration');
if (startedHere && !process.env.HEAT_STUDIO_KEEP_CLOUD) step('stop the test cloud', 'bash', ['test/cloud/cloud-down.sh']);
let electronLine = null;
if (!only || only === 'electron') {
  const status = join('test-output', 'electron-suite.txt');
  rmSync(status, { force: true }); // written afresh by the suite; never last run's
  // Only where the binary was downloaded: preparing builds better-sqlite3 for Electron (needs internet the first time).
  const prepared =
    !existsSync('node_modules/electron/path.txt') || step('prepare the Electron build', process.execPath, ['scripts/start-electron.mjs', '--prepare']);
  if (prepared) vitest('electron');
  electronLine = existsSync(status) ? readFileSync(status, 'utf8').trim() : 'Electron suite: DID NOT RUN — its preparation failed (see above)';
}

if (failedTests.length) console.log(`\nfailed tests:\n${failedTests.map((t) => `  ${t}`).join('\n')}`);
if (electronLine) console.log(`\n${electronLine}`);
console.log(`\nsteps failed: ${failures.length ? failures.join(', ') : 'none'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failures.length || totals.failed ? 1 : 0);
