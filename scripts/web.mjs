// `npm run web [-- --port N --data-dir DIR --no-build]`: builds the renderer
// (unless --no-build) and starts the browser host. Same services as the app.
import { spawnSync, spawn } from 'node:child_process';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/main.ts', ...args.filter((a) => a !== '--no-build')], {
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
