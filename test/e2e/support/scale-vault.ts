// A vault at scale for the case-list test and the benchmark: created on the first-run screen,
// filled through the contract (demo.create with more cases and notes), then locked and the
// page reloaded, so the caller starts at the unlock screen.
import { expect, type Page } from '@playwright/test';
import type { BrowserMode } from './browser-mode.ts';

export async function openScaleVault(page: Page, browserMode: BrowserMode, passphrase: string, size: { cases: number; notes: number }): Promise<void> {
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat the passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.evaluate(async (wanted) => {
    await window.api?.call('demo.create', wanted);
    await window.api?.call('vault.lock', {});
  }, size);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
}
