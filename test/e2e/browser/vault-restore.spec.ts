// The restore panel on the first-run screen: reachable without a vault, and a backup that does
// not exist gets the core's clear error while the vault directory stays empty; a real backup
// (written by `embargo vault backup`) restores, verifies and opens with its cases.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, REPO_ROOT, screenshotBothThemes, watchForProblems } from '../support/browser-mode.ts';

const PASSPHRASE = 'tidal-ginger-pylon-vortex-87';

test('first run: restore from a backup refuses a missing file and changes nothing', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByText('Restore from a backup instead').click();
  await page.getByLabel('Backup file').fill(join(browserMode.vaultDir, '..', 'no-such.embargo-backup'));
  await page.getByLabel('Passphrase of the backed-up vault').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot read the backup' })).toBeVisible();
  await screenshotBothThemes(page, 'vault-restore');
  expect(existsSync(join(browserMode.vaultDir, 'index.edoc'))).toBe(false);
  expect(problems()).toEqual([]);
});

test('first run: a backup written by the CLI restores, verifies and opens with its case', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const root = await mkdtemp(join(tmpdir(), 'embargo-e2e-backup-'));
  try {
    const source = join(root, 'source-vault');
    const backup = join(root, 'team.embargo-backup');
    const env = { PATH: process.env.PATH, HOME: root, XDG_CONFIG_HOME: join(root, '.config'), EMBARGO_PASSPHRASE: PASSPHRASE, EMBARGO_CLI_SOURCES: '1' };
    const cli = (...args: string[]): void => {
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'embargo.js'), '--vault', source, '--no-agent', ...args], { env, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    };
    cli('vault', 'init');
    cli('case', 'create', '--title', 'Widget controller escapes its namespace', '--disclosed-at', '2026-11-20T09:30:00Z');
    cli('vault', 'backup', '-o', backup);

    await page.goto(browserMode.url);
    await page.getByText('Restore from a backup instead').click();
    await page.getByLabel('Backup file').fill(backup);
    await page.getByLabel('Passphrase of the backed-up vault').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Restore backup' }).click();
    // Two key derivations (restore, unlock) and a full verify: a slow machine needs a while.
    await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('button', { name: 'Widget controller escapes its namespace', exact: true })).toBeVisible();
    // The restore is on the vault's own timeline, and the restored vault verifies.
    await page.getByRole('button', { name: 'Vault', exact: true }).click();
    // In the virtualised event list the case timeline uses (each item says where it stands).
    const vaultTimeline = page.getByRole('list', { name: 'Vault timeline, newest first' });
    await expect(vaultTimeline.locator('li[aria-posinset="1"]')).toContainText('Vault restored from a backup');
    await expect(page.getByRole('region', { name: /^Vault timeline, newest first: \d+ events$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Verify the vault' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vault OK.' })).toBeVisible();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  expect(problems()).toEqual([]);
});
