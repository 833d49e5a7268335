// `npm start`: opens the desktop app from a clone.
// 1. Makes sure Electron's binary is there (installs skipped with
//    ELECTRON_SKIP_BINARY_DOWNLOAD=1 fetch it now).
// 2. Makes sure better-sqlite3 has a build for Electron's ABI in
//    .native/electron-<version>/, separate from node_modules' Node build, so
//    `npm test` (Node) and `npm start` (Electron) both work in either order.
// 3. Builds the renderer and the main/preload bundles, then starts Electron.
// `--prepare` stops before starting it: the Electron end-to-end suite
// (test/electron) and CI use that to get a runnable build.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
};

const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
const electronVersion = electronPkg.version;

// 1. The Electron binary.
if (!existsSync(join(root, 'node_modules/electron/path.txt'))) {
  console.log(`Downloading Electron ${electronVersion} (first start)…`);
  run(process.execPath, ['node_modules/electron/install.js'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
}

// 2. better-sqlite3 for Electron.
const target = join(root, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
if (!existsSync(target)) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (first start)…`);
  const work = mkdtempSync(join(tmpdir(), 'hs-native-'));
  const pkgDir = join(work, 'better-sqlite3');
  const source = join(root, 'node_modules/better-sqlite3');
  // Copy the sources, not node_modules' Node build (build/), so the Node build stays untouched.
  cpSync(source, pkgDir, { recursive: true, filter: (src) => !src.slice(source.length).startsWith('/build') });
  const prebuild = join(root, 'node_modules/prebuild-install/bin.js');
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion };
  // A prebuilt binary for Electron's ABI when one is published, else compile against Electron's headers.
  let ok = spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion], { cwd: pkgDir, stdio: 'inherit', env }).status === 0;
  if (!ok) {
    const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] });
    ok =
      spawnSync(
        process.execPath,
        [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
        { cwd: pkgDir, stdio: 'inherit', env },
      ).status === 0;
  }
  if (!ok) throw new Error('Could not build better-sqlite3 for Electron; see the output above.');
  mkdirSync(join(root, '.native', `electron-${electronVersion}`), { recursive: true });
  copyFileSync(join(pkgDir, 'build/Release/better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
}

// 3. Build and start.
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
run(process.execPath, ['scripts/build-electron.mjs']);
if (process.argv.includes('--prepare')) process.exit(0);
const electronBinary = require(join(root, 'node_modules/electron'));
const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 0));
