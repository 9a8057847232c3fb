// The restore panel on the first-run screen: reachable without a vault, and a backup that does
// not exist gets the core's clear error while the vault directory stays empty.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, screenshotBothThemes, watchForProblems } from '../support/browser-mode.ts';

test('first run: restore from a backup refuses a missing file and changes nothing', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByText('Restore from a backup instead').click();
  await page.getByLabel('Backup file').fill(join(browserMode.vaultDir, '..', 'no-such.embargo-backup'));
  await page.getByLabel('Passphrase of the backed-up vault').fill('tidal-ginger-pylon-vortex-87');
  await page.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot read the backup' })).toBeVisible();
  await screenshotBothThemes(page, 'vault-restore');
  expect(existsSync(join(browserMode.vaultDir, 'index.edoc'))).toBe(false);
  expect(problems()).toEqual([]);
});
