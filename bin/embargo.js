#!/usr/bin/env node
// The `embargo` command. The CLI is TypeScript run through tsx's loader, so the same sources
// serve the app, the tests and the command line without a separate build step.
import { register } from 'tsx/esm/api';

register();
// `embargo … | head` closes the pipe early: that is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
