// `npm start` where no Electron binary can be found: one paragraph naming what is missing and the
// ways on (ELECTRON_OVERRIDE_DIST_PATH, npm run web), exit 1, and no stack trace.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('explains the missing Electron binary and exits 1', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist', ELECTRON_EXEC_PATH: '' },
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^Embargo's desktop app cannot start: ELECTRON_OVERRIDE_DIST_PATH has no Electron binary at/);
  expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  expect(run.stderr).toContain('npm run web');
  expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  expect(run.stdout).toBe('');
});
