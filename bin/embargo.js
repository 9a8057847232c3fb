#!/usr/bin/env node
// The `embargo` command. It runs the bundled CLI (out/cli/, built by `npm run build:cli`, which
// `npm install` runs through `prepare`) when that bundle is there and no source it was built from
// changed since; otherwise the TypeScript sources through tsx, so a checkout being edited, and
// the tests, never run a stale bundle. EMBARGO_CLI_SOURCES=1 forces the sources.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);

function bundleIsFresh() {
  if (process.env.EMBARGO_CLI_SOURCES === '1') return false;
  try {
    const manifest = JSON.parse(readFileSync(new URL('out/cli/manifest.json', root), 'utf8'));
    // startedAt, not the bundle's own time: a source saved during the build counts as newer.
    return manifest.inputs.every((input) => statSync(new URL(input, root)).mtimeMs <= manifest.startedAt);
  } catch {
    return false; // no bundle, or a source gone: run the sources
  }
}

// `embargo … | head` closes the pipe early: that is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
let main;
if (bundleIsFresh()) {
  ({ main } = await import('../out/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
