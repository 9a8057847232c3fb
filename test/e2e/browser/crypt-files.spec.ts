// The Encrypt & sign page in a real browser: a file signed and its signature checked, the same
// file encrypted to the Fix Lead's own key and decrypted back, all by typed paths (browser mode
// has no file dialog). The secret key export (keyring/SecretExport.tsx) has no E2E yet.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, screenshotBothThemes, watchForProblems } from '../support/browser-mode.ts';

const PASSPHRASE = 'tidal-ginger-pylon-vortex-87';

test('files: sign, verify, encrypt, decrypt', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  const fingerprint = await page.evaluate(async () => {
    const result = await window.api?.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org', expiresInDays: 365 });
    return result && result.ok ? result.value.fingerprint : '';
  });
  expect(fingerprint).not.toBe('');
  const dir = join(browserMode.vaultDir, '..');
  const plain = join(dir, 'notes.txt');
  writeFileSync(plain, 'fictional drill notes\n');

  await page.getByRole('button', { name: 'Encrypt & sign', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Encrypt & sign', level: 1 })).toBeVisible();

  await page.getByRole('tab', { name: 'Sign' }).click();
  await page.getByLabel('File to sign').fill(plain);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Signed by' })).toBeVisible();
  expect(existsSync(`${plain}.asc`)).toBe(true);

  await page.getByRole('tab', { name: 'Verify' }).click();
  await page.getByLabel('Signed file').fill(plain);
  await page.getByRole('button', { name: 'Check signature' }).click();
  await expect(page.locator('.signature-list__item[data-valid="true"]')).toBeVisible();

  await page.getByRole('tab', { name: 'Encrypt' }).click();
  await page.getByLabel('File to encrypt').fill(plain);
  await page.locator('#crypt-encrypt-to').getByRole('checkbox').first().check();
  await page.getByLabel('Encrypted file').fill(join(dir, 'notes.txt.gpg.asc'));
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Encrypted to' })).toBeVisible();
  await screenshotBothThemes(page, 'crypt-files');

  await page.getByRole('tab', { name: 'Decrypt' }).click();
  await page.getByLabel('Encrypted file', { exact: true }).fill(join(dir, 'notes.txt.gpg.asc'));
  await page.getByLabel('Decrypted file').fill(join(dir, 'notes-back.txt'));
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Decrypted with' })).toBeVisible();
  expect(readFileSync(join(dir, 'notes-back.txt'), 'utf8')).toBe('fictional drill notes\n');
  expect(problems()).toEqual([]);
});
