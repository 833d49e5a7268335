// Type-checks each side of the app against its own lib set, so that shared/
// cannot reach Node or the DOM, main/ cannot reach the DOM, and the renderer
// (with .vue files) is checked by vue-tsc against the real electron typings.
import { spawnSync } from 'node:child_process';

const steps = [
  ['tsc', ['-p', 'tsconfig.shared.json']],
  ['tsc', ['-p', 'tsconfig.main.json']],
  ['vue-tsc', ['-p', 'tsconfig.renderer.json']],
  ['tsc', ['-p', 'tsconfig.test.json']],
];
let failed = false;
for (const [bin, args] of steps) {
  const r = spawnSync(`node_modules/.bin/${bin}`, ['--noEmit', ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed = true;
    console.error(`typecheck: ${bin} ${args.join(' ')} failed`);
  }
}
process.exit(failed ? 1 : 0);
