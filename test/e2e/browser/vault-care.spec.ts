// The Vault page in a real browser: the facts, a verify report, a backup written to a typed
// path (browser mode has no file dialog, so the path field stays), a passphrase change that the
// next unlock needs, and a closed case removed after its id is typed. Screens are saved in both
// themes; no screen may log an error or request anything outside the app.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, screenshotBothThemes, watchForProblems } from '../support/browser-mode.ts';

const PASSPHRASE = 'tidal-ginger-pylon-vortex-87';
const NEXT = 'copper-lantern-meadow-quasar-42';

test('vault care: facts, verify, backup, passphrase change, case removal', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.evaluate(async () => {
    await window.api?.call('case.create', { title: 'Drill case for removal', disclosedAt: '2026-01-10T09:00:00Z' });
  });

  await page.getByRole('button', { name: 'Vault', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Vault', level: 1 })).toBeVisible();
  await expect(page.getByText(browserMode.vaultDir).first()).toBeVisible(); // the facts and the restore panel both name it

  await page.getByRole('button', { name: 'Verify the vault' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vault OK.' })).toBeVisible();

  const backup = join(browserMode.vaultDir, '..', 'drill.embargo-backup');
  await page.getByLabel('Backup file').fill(backup);
  await page.getByRole('button', { name: 'Write backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup' })).toContainText('encrypted');
  expect(existsSync(backup) && statSync(backup).size > 0).toBe(true);
  await screenshotBothThemes(page, 'vault-care');

  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByLabel('New passphrase', { exact: true }).fill(NEXT);
  await page.getByLabel('Repeat the new passphrase').fill(NEXT);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Passphrase changed.')).toBeVisible({ timeout: 30_000 });

  // Removal: the case is not closed (its steps are open), so the core refuses and says why.
  await page.getByLabel('Case', { exact: true }).selectOption({ index: 1 });
  await expect(page.getByRole('button', { name: /Destroy the key of EMB-0001/ })).toBeDisabled();
  await page.getByLabel(/Type EMB-0001 to confirm/).fill('EMB-0001');
  await page.getByRole('button', { name: /Destroy the key of EMB-0001/ }).click();
  await expect(page.locator('.panel--danger').getByRole('alert')).toContainText('Case EMB-0001 is not closed');
  await screenshotBothThemes(page, 'vault-care-remove');

  // The new passphrase is what unlocks now.
  await page.evaluate(async () => {
    await window.api?.call('vault.lock', {});
  });
  await page.reload();
  await page.getByLabel('Passphrase', { exact: true }).fill(NEXT);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  expect(problems()).toEqual([]);
});
