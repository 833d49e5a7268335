#!/usr/bin/env node
// heat-studio CLI: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
// Piping into head closes stdout early; that is not an error worth a trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../main/cli/heat-studio.ts');
process.exitCode = await main(process.argv.slice(2));
