// The built desktop app (built here with electron-vite) in Electron: the window is hardened (no Node, only
// window.api, nothing else exposed), and the vault → case → lock → unlock flow works through
// IPC. Skipped, with the reason, where no Electron binary is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { REPO_ROOT } from '../support/browser-mode.ts';
import { findElectronBinary } from '../../../scripts/electron-binary.ts';

const binary = findElectronBinary();
const mainEntry = join(REPO_ROOT, 'out', 'main', 'index.js');


test('the desktop app is hardened and runs the vault and case flow over IPC', async () => {
  if (binary.path === null) {
    // The list reporter does not print skip reasons: say it in the run's output too.
    console.log(`Electron project skipped: ${binary.reason}.`);
    test.skip(true, `Electron project skipped: ${binary.reason}.`);
  }
  // Build the desktop bundle now, so the test never runs a stale out/.
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  expect(existsSync(mainEntry)).toBe(true);
  const root = await mkdtemp(join(tmpdir(), 'embargo-electron-'));
  const home = join(root, 'home');
  await mkdir(home);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_VAULT: join(root, 'vault') });
  delete env.ELECTRON_RENDERER_URL;

  const app = await electron.launch({
    executablePath: binary.path as string,
    args: [mainEntry, '--no-sandbox', '--disable-gpu'],
    env,
    cwd: REPO_ROOT,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    expect(window.url()).toBe('app://bundle/index.html');

    // What the page can reach: window.api with one function, and no Node.
    const exposure = await window.evaluate(() => ({
      apiKeys: Object.keys((window as unknown as { api: object }).api),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ipc: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(exposure).toEqual({ apiKeys: ['call'], require: 'undefined', process: 'undefined', ipc: 'undefined' });

    // The network is closed: a fetch to anywhere fails.
    const fetched = await window.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return 'reached';
      } catch {
        return 'blocked';
      }
    });
    expect(fetched).toBe('blocked');

    const passphrase = 'desktop-orchid-tundra-73';
    await window.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await window.getByLabel('Repeat the passphrase').fill(passphrase);
    await window.getByRole('button', { name: 'Create vault' }).click();
    await window.getByRole('button', { name: 'New case' }).first().click();
    await window.getByRole('dialog', { name: 'New case' }).getByLabel('Title').fill('Desktop case');
    await window.getByRole('button', { name: 'Open case' }).click();
    await expect(window.getByRole('heading', { name: 'Desktop case', level: 1 })).toBeVisible();
    await window.getByRole('button', { name: 'Lock' }).click();
    await window.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
    await window.getByRole('button', { name: 'Unlock' }).click();
    await expect(window.getByRole('alert')).toContainText('The passphrase is wrong');
    await window.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await window.getByRole('button', { name: 'Unlock' }).click();
    await expect(window.getByRole('button', { name: 'Desktop case' })).toBeVisible();
    await window.screenshot({ path: join(REPO_ROOT, 'test-results', 'screenshots', 'electron-case-list.png') });
  } finally {
    await app.close();
    await rm(root, { recursive: true, force: true });
  }
});
