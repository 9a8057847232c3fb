// `npm run web`: browser mode, for development and end-to-end tests. Serves the built renderer
// (out/web, from `npm run build:web`) and the contract on 127.0.0.1, and prints the one URL that
// opens it, with a random per-run token. Never part of the packaged app.
//
//   node --import tsx src/web/serve.ts [--port N] [--vault DIR] [--static DIR]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core.ts';
import { defaultVaultDir } from '../core/paths.ts';
import { createCoreDispatch } from '../core/dispatch.ts';
import { newToken } from './guard.ts';
import { startWebServer } from './server.ts';
import { ENTRY_FILE } from './static-files.ts';

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/web', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { port?: string; vault?: string; static?: string };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, vault: { type: 'string' }, static: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\nUsage: serve.ts [--port N] [--vault DIR] [--static DIR]`);
  }

  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, not ${values.port}.`);
  const staticDir = resolve(values.static ?? DEFAULT_STATIC_DIR);
  if (!existsSync(join(staticDir, ENTRY_FILE))) fail(`No built renderer in ${staticDir}: run "npm run build:web" first.`);
  const vaultDir = resolve(values.vault ?? defaultVaultDir());

  const core = createCore({
    vaultDir,
    onAutoLock: () => process.stderr.write('The vault locked itself after being idle.\n'),
  });
  const dispatch = createCoreDispatch(core);
  const server = await startWebServer({ dispatch, staticDir, token: newToken(), port });

  process.stdout.write(`Embargo browser mode: ${server.url}\n`);
  process.stderr.write(`Vault: ${vaultDir}\n`);

  const stop = (): void => {
    void Promise.allSettled([server.close(), core.lock()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Browser mode could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
