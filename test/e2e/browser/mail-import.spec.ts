// `embargo mail import` in the window: a received .eml imported from the case's Mail tab lands on
// the case timeline, and the panel says how it was protected. A clearsigned answer from a key the
// keyring holds (made by the real GnuPG) shows its signature verdict; a second import of the same
// file is refused. No screen may log an error or request anything outside the app.
import { test, expect, screenshotBothThemes, watchForProblems } from '../support/browser-mode.ts';
import { tempGpg } from '../../core/keyring/gpg.ts';

const PASSPHRASE = 'saffron-glacier-piston-meadow-63';

function eml(subject: string, body: string): Buffer {
  const lines = [
    'From: Dana Distro <security@distro.example>',
    'To: fiona@security.k8s.example',
    `Subject: ${subject}`,
    'Date: Mon, 07 Dec 2026 10:00:00 +0000',
    'Message-ID: <answer-1@distro.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...body.split('\n'),
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

test('import a received answer (.eml) from the Mail tab onto the case timeline', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const gpg = await tempGpg();
  try {
    const dana = gpg.generate('Dana Distro <security@distro.example>', 'ed25519', 'cv25519');
    const publicKey = gpg.ok(['--armor', '--export', dana]).stdout.toString('utf8');
    const signed = gpg.ok(['--pinentry-mode', 'loopback', '--passphrase', '', '--local-user', dana, '--clear-sign'], 'Received, thank you. We will hold the fix until the Release Date.\n').stdout.toString('utf8');

    await page.goto(browserMode.url);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
    const imported = await page.evaluate(async (armored) => (await window.api?.call('keyring.import', { data: { text: armored } })) ?? null, publicKey);
    expect(imported).toMatchObject({ ok: true });

    await page.getByRole('button', { name: 'New case' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Title').fill('Widget status leaks Secrets across namespaces');
    await dialog.getByLabel(/Disclosed at/).fill('2026-11-20T09:30');
    await dialog.getByRole('button', { name: 'Open case' }).click();
    await page.getByRole('tab', { name: 'Mail' }).click();

    const panel = page.getByRole('region', { name: 'Received mail' });
    await panel.getByLabel('Import a received mail (.eml)').setInputFiles({ name: 'answer.eml', mimeType: 'message/rfc822', buffer: eml('Re: [EMBARGOED] notice', signed) });
    const status = panel.getByRole('status');
    await expect(status).toContainText('Imported “Re: [EMBARGOED] notice” from security@distro.example onto the timeline');
    await expect(status).toContainText('cleartext-signed');
    await expect(status.getByRole('list', { name: 'Signatures' })).toContainText('Good signature, but the key is NOT verified from Dana Distro');
    await screenshotBothThemes(page, 'mail-import');

    // The same file again changes nothing and says so.
    await panel.getByLabel('Import a received mail (.eml)').setInputFiles({ name: 'answer.eml', mimeType: 'message/rfc822', buffer: eml('Re: [EMBARGOED] notice', signed) });
    await expect(panel.getByRole('alert')).toBeVisible();

    await page.getByRole('tab', { name: /Timeline/ }).click();
    await expect(page.getByRole('list', { name: 'Timeline, newest first' })).toContainText('Re: [EMBARGOED] notice');
  } finally {
    await gpg.cleanup();
  }
  expect(problems()).toEqual([]);
});
