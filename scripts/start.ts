// `npm start`: the desktop app through electron-vite, or, where no Electron binary is installed
// (an offline install, ELECTRON_SKIP_BINARY_DOWNLOAD), one paragraph saying what is missing and
// what to do instead, and exit 1. electron-vite would otherwise try to download the binary and
// end in a stack trace ("Electron uninstall").
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findElectronBinary } from './electron-binary.ts';

const binary = findElectronBinary();
if (!binary.path) {
  process.stderr.write(
    [
      `Embargo's desktop app cannot start: ${binary.reason}.`,
      'Electron fetches its binary on first use, which an offline machine cannot do.',
      'Unpack an Electron release for this platform and set ELECTRON_OVERRIDE_DIST_PATH to its folder,',
      'then run npm start again; or run the same app in a browser with `npm run web` (browser mode, loopback only),',
      'or use the command line with `npx embargo --help`.',
    ].join('\n') + '\n',
  );
  process.exit(1);
}

// The package's exports hide its bin; it sits beside dist/.
const electronVite = join(dirname(createRequire(import.meta.url).resolve('electron-vite')), '..', 'bin', 'electron-vite.js');
// electron-vite reads only path.txt, so an ELECTRON_OVERRIDE_DIST_PATH binary is handed over by path.
const env = { ...process.env, ELECTRON_EXEC_PATH: process.env.ELECTRON_EXEC_PATH ?? binary.path };
const run = spawnSync(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
