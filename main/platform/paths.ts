// Where the studio keeps its data. The desktop app uses Electron's userData;
// the browser host and the CLI compute the same folder so both modes open one
// library. HEAT_STUDIO_DATA_DIR overrides it (tests use a temp dir).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Heat Studio';

/** The same folder Electron's app.getPath('userData') gives for this product name. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HEAT_STUDIO_DATA_DIR) return env.HEAT_STUDIO_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function databasePath(dataDir: string): string {
  return join(dataDir, 'library.sqlite');
}
