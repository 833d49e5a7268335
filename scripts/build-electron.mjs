// Bundles the Electron main process and the preload to CommonJS in
// dist-electron/. The preload must be one CommonJS file because sandboxed
// preloads cannot load modules; main is bundled too so the packaged app
// does not ship TypeScript. electron and better-sqlite3 stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['main/index.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['main/preload/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
