// The real desktop app under playwright-core's _electron, for the Electron
// suite. Where it cannot run (no Electron binary: installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no internet; no display on Linux; no
// build), `electronReadiness` says exactly why, and the suite reports that
// as skipped, never as passed. The reason is also written to
// test-output/electron-suite.txt, which scripts/test-all.mjs prints.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const STATUS_FILE = join(ROOT, 'test-output', 'electron-suite.txt');

export type Readiness = { ready: true; executable: string } | { ready: false; reason: string };

export function electronReadiness(env: NodeJS.ProcessEnv = process.env, platform = process.platform): Readiness {
  let executable: string;
  try {
    // node_modules/electron/index.js: the binary's path, or a throw when it was never downloaded.
    executable = createRequire(join(ROOT, 'package.json'))('electron') as string;
  } catch (err) {
    return {
      ready: false,
      reason: `the Electron binary is not installed (${(err as Error).message.split('\n')[0]}; node_modules/electron/path.txt is missing — installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or without internet; \`npm start\` downloads it)`,
    };
  }
  if (!existsSync(executable)) return { ready: false, reason: `the Electron binary ${executable} does not exist` };
  const version = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (version.status !== 0 || !/^v\d+/.test(version.stdout.trim())) {
    return {
      ready: false,
      reason: `the Electron binary ${executable} does not run (${version.error?.message ?? (version.stderr.trim().split('\n')[0] || `exit ${version.status}`)})`,
    };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { ready: false, reason: 'no display on this Linux machine (run the suite under `xvfb-run -a`)' };
  const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const built = ['dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs', `.native/electron-${electronVersion}/better_sqlite3.node`];
  const missing = built.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length)
    return { ready: false, reason: `the app is not built for Electron (missing ${missing.join(', ')}; run \`node scripts/start-electron.mjs --prepare\`)` };
  return { ready: true, executable };
}

/** Records, and prints, whether the suite ran: a skip must be visible in the output, not only as a count. */
export function reportReadiness(r: Readiness): void {
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  const line = r.ready ? `Electron suite: running against ${r.executable}` : `Electron suite: DID NOT RUN — ${r.reason}`;
  writeFileSync(STATUS_FILE, line + '\n');
  console.log(line);
}

export interface RunningApp {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the app from the repo's build (not an installer: playwright drives
 * Electron through --inspect, which the packaged app's fuses turn off) with a
 * fresh library, and waits for its window. The renderer sandbox stays on.
 */
export async function launchApp(executable: string): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-electron-'));
  const app = await _electron.launch({
    executablePath: executable,
    args: [ROOT, '--disable-gpu'],
    cwd: ROOT,
    env: { ...process.env, HEAT_STUDIO_DATA_DIR: dataDir, LANG: 'en_US.UTF-8' },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, dataDir, close: () => app.close() };
}
