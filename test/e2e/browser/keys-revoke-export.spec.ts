// Key revocation and the secret-key export from the Keyring screen, checked with the real GnuPG
// in throw-away GNUPGHOMEs: the revocation certificate the window shows makes gpg list the key
// as revoked, and the secret key written behind the confirmation imports into gpg as a secret key.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, screenshotBothThemes, watchForProblems, type Page } from '../support/browser-mode.ts';
import { tempGpg } from '../../core/keyring/gpg.ts';

const PASSPHRASE = 'quartz-meadow-lantern-ripple-41';
const EXPORT_PASSPHRASE = 'harbour sleet 27 compass';

async function vaultWithMyKey(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Keyring' }).click();
  await page.getByRole('button', { name: 'Generate my key' }).click();
  const generate = page.getByRole('dialog', { name: 'Generate my key' });
  await generate.getByLabel('Name').fill('Fiona Fixlead');
  await generate.getByLabel('Email').fill('fiona@security.k8s.example');
  await generate.getByRole('button', { name: 'Generate key pair' }).click();
  await page.getByRole('dialog', { name: 'Your key pair is ready' }).getByRole('button', { name: 'Done' }).click();
  const listed = await page.evaluate(async () => (await window.api?.call('keyring.list', {})) ?? null);
  const fingerprint = listed && listed.ok ? listed.value[0]?.fingerprint : undefined;
  expect(fingerprint).toMatch(/^[0-9A-F]{40}$/);
  return fingerprint!;
}

function openDrawer(page: Page, fingerprint: string) {
  return page.locator(`tr[data-fingerprint="${fingerprint}"]`).getByRole('button', { name: 'Fiona Fixlead' }).click();
}

test('export my secret key behind a confirmation: it imports into gpg as a secret key', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const fingerprint = await vaultWithMyKey(page, browserMode.url);
  await openDrawer(page, fingerprint);
  const drawer = page.getByRole('dialog', { name: 'Fiona Fixlead' });
  await drawer.getByRole('button', { name: 'Export public key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export public key' });
  const form = dialog.getByRole('form', { name: 'Export the secret key' });
  const target = join(browserMode.vaultDir, '..', 'fiona-secret.asc');
  await form.getByLabel('Secret key file').fill(target);
  await form.getByLabel('Export passphrase', { exact: true }).fill(EXPORT_PASSPHRASE);
  await form.getByLabel('Repeat the export passphrase').fill(EXPORT_PASSPHRASE);
  // Nothing is written before the confirmation is ticked.
  await expect(form.getByRole('button', { name: 'Export secret key' })).toBeDisabled();
  await form.getByLabel(/I understand this writes my secret key outside the vault/).check();
  await form.getByRole('button', { name: 'Export secret key' }).click();
  await expect(form.getByRole('status')).toContainText('Secret key written to');
  await screenshotBothThemes(page, 'keyring-secret-export');

  const armored = readFileSync(target, 'utf8');
  expect(armored).toContain('-----BEGIN PGP PRIVATE KEY BLOCK-----');
  expect(statSync(target).mode & 0o077).toBe(0);
  const gpg = await tempGpg();
  try {
    // Without the export passphrase gpg cannot unlock it; with it, the key is a usable secret key.
    gpg.ok(['--pinentry-mode', 'loopback', '--passphrase', EXPORT_PASSPHRASE, '--import'], armored);
    const secrets = gpg.ok(['--with-colons', '--list-secret-keys']).stdout.toString('utf8');
    expect(secrets).toContain(`fpr:::::::::${fingerprint}:`);
    expect(secrets).toMatch(/^sec:/m);
    const signed = gpg.run(['--pinentry-mode', 'loopback', '--passphrase', EXPORT_PASSPHRASE, '--local-user', fingerprint, '--clear-sign'], 'hello');
    expect(signed.status).toBe(0);
  } finally {
    await gpg.cleanup();
  }
  expect(problems()).toEqual([]);
});

test('revoke my key from the Keys screen: gpg accepts the certificate and lists the key as revoked', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const fingerprint = await vaultWithMyKey(page, browserMode.url);
  await openDrawer(page, fingerprint);
  const drawer = page.getByRole('dialog', { name: 'Fiona Fixlead' });
  await drawer.getByRole('button', { name: 'Export public key' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export public key' });
  await expect(exportDialog.getByLabel('Armored public key')).toHaveValue(/BEGIN PGP PUBLIC KEY BLOCK/);
  const publicKey = await exportDialog.getByLabel('Armored public key').inputValue();
  await exportDialog.getByRole('button', { name: 'Done' }).click();

  const revoke = drawer.getByRole('form', { name: 'Revoke this key' });
  await revoke.getByLabel('Reason').selectOption('superseded');
  await revoke.getByLabel('Description (optional)').fill('Replaced by the 2027 key');
  await expect(revoke.getByRole('button', { name: 'Revoke key' })).toBeDisabled();
  await revoke.getByLabel('Type “revoke” to confirm').fill('revoke');
  await revoke.getByRole('button', { name: 'Revoke key' }).click();
  const certificateField = drawer.getByLabel('Revocation certificate');
  await expect(certificateField).toHaveValue(/BEGIN PGP PUBLIC KEY BLOCK/);
  await screenshotBothThemes(page, 'keyring-revoked');
  const certificate = await certificateField.inputValue();

  const gpg = await tempGpg();
  try {
    gpg.ok(['--import'], publicKey);
    expect(gpg.ok(['--with-colons', '--list-keys', fingerprint]).stdout.toString('utf8')).toMatch(/^pub:[^r]/m);
    gpg.ok(['--import'], certificate);
    const listing = gpg.ok(['--with-colons', '--list-keys', fingerprint]).stdout.toString('utf8');
    expect(listing).toMatch(/^pub:r:/m);
  } finally {
    await gpg.cleanup();
  }
  // The keyring shows it revoked too.
  const listed = await page.evaluate(async () => (await window.api?.call('keyring.list', {})) ?? null);
  expect(listed && listed.ok ? listed.value[0]?.revoked : null).toBe(true);
  expect(problems()).toEqual([]);
});
