// The keyring, people and distributors screens in a real browser, against keys made by the
// real GnuPG in a throw-away GNUPGHOME: generate the Fix Lead's key, import keys by paste and
// by file (a passphrase-protected secret key asks for its passphrase), compare a fingerprint on
// the compare screen and see the trust badge change, export a public key, then people with
// their key health, and the distributors list with its keyring-health panel and a membership
// review. No response the page receives may carry secret key material. Every screen is saved
// in light and dark (test-results/screenshots/).
import { test, expect, screenshotBothThemes, watchForProblems, type Page } from '../support/browser-mode.ts';
import { tempGpg, type Gpg } from '../../core/keyring/gpg.ts';

const PASSPHRASE = 'amber-quiver-lattice-sonar-52';
const SECRET_KEY_PASSPHRASE = 'orchid tundra 93 ballast';

function grouped(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

async function createVault(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
}

/** Fails the test if any answer of the core that reached the page holds secret key material. */
function watchForSecrets(page: Page): () => string[] {
  const leaks: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/call')) return;
    const body = await response.text().catch(() => '');
    if (/PRIVATE KEY BLOCK|secretKey|"privateKey"/.test(body)) leaks.push(`${response.request().postData()?.slice(0, 80)} → ${body.slice(0, 200)}`);
  });
  return () => leaks;
}

let gpg: Gpg;
test.beforeAll(async () => {
  gpg = await tempGpg();
});
test.afterAll(async () => {
  await gpg?.cleanup();
});

test('generate my key, import by paste and file, compare a fingerprint, export a public key', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const secrets = watchForSecrets(page);
  const dana = gpg.generate('Dana Distro <security@distro.example>', 'ed25519', 'cv25519');
  const weak = gpg.generate('Old Vendor <psirt@old-vendor.example>', 'rsa1024', 'rsa1024');
  const soon = gpg.generate('Ravi Reporter <ravi@reporter.example>', 'ed25519', 'cv25519');
  gpg.ok(['--pinentry-mode', 'loopback', '--passphrase', '', '--quick-set-expire', soon, '10d']);
  gpg.ok(['--pinentry-mode', 'loopback', '--passphrase', '', '--quick-set-expire', soon, '10d', '*']);
  const rm = gpg.generate('Rita Release <rita@k8s.example>', 'ed25519', 'cv25519');
  const pasted = gpg.ok(['--armor', '--export', dana, weak, soon]).stdout.toString('utf8');
  const binary = gpg.ok(['--export', rm]).stdout;

  await createVault(page, browserMode.url);
  await page.getByRole('button', { name: 'Keyring' }).click();
  await expect(page.getByRole('heading', { name: 'Keyring', level: 1 })).toBeVisible();
  await expect(page.getByText('You have no key pair yet')).toBeVisible();
  await screenshotBothThemes(page, 'keyring-empty');

  // Generate my key.
  await page.getByRole('button', { name: 'Generate my key' }).click();
  const generate = page.getByRole('dialog', { name: 'Generate my key' });
  await generate.getByRole('button', { name: 'Generate key pair' }).click();
  await expect(generate.getByText('Give your name as it should appear on the key.')).toBeVisible();
  await generate.getByLabel('Name').fill('Fiona Fixlead');
  await generate.getByLabel('Email').fill('fiona@security.k8s.example');
  await screenshotBothThemes(page, 'keyring-generate');
  await generate.getByRole('button', { name: 'Generate key pair' }).click();
  const ready = page.getByRole('dialog', { name: 'Your key pair is ready' });
  await expect(ready).toBeVisible();
  const own = await page.evaluate(async () => (await window.api?.call('keyring.list', {})) ?? null);
  expect(own).toMatchObject({ ok: true });
  const ownKey = own && own.ok ? own.value[0]! : null;
  expect(ownKey?.own).toBe(true);
  await expect(ready.getByText(grouped(ownKey!.fingerprint))).toBeVisible();
  await ready.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('Your fingerprint')).toHaveText(grouped(ownKey!.fingerprint));

  // Import three keys pasted as one armored block.
  await page.getByRole('button', { name: 'Import keys' }).first().click();
  const importDialog = page.getByRole('dialog', { name: 'Import keys' });
  await importDialog.getByLabel('Armored key block').fill(pasted);
  await screenshotBothThemes(page, 'keyring-import-paste');
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  const imported = page.getByRole('dialog', { name: 'Keys imported' });
  await expect(imported.getByText('3 new, 0 updated, 0 unchanged.')).toBeVisible();
  await expect(imported.locator('.import-result__item')).toHaveCount(3);
  await expect(imported.locator('.import-result__item').filter({ hasText: 'Old Vendor' }).locator('[data-warning="weak"]')).toBeVisible();
  await screenshotBothThemes(page, 'keyring-import-result');

  // Verify Dana's key through the compare screen, straight from the import result.
  await imported.locator('.import-result__item').filter({ hasText: 'Dana Distro' }).getByRole('button', { name: 'Verify…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare the fingerprint' });
  await expect(compare.getByRole('group', { name: `Fingerprint ${grouped(dana)}` })).toBeVisible();
  await expect(compare.locator('.verify__group')).toHaveText(grouped(dana).split(' '));
  const confirm = compare.getByRole('button', { name: 'They match: mark verified' });
  await expect(confirm).toBeDisabled();
  await expect(compare.getByText(/always trust/i)).toHaveCount(0);
  await screenshotBothThemes(page, 'keyring-verify');
  await compare.getByLabel(/I compared every group/).check();
  await confirm.click();
  await expect(compare).toBeHidden();

  const table = page.getByRole('table', { name: 'Keys' });
  const danaRow = table.locator(`tr[data-fingerprint="${dana}"]`);
  await expect(danaRow.getByText('Verified')).toBeVisible();
  await expect(table.locator(`tr[data-fingerprint="${soon}"]`).getByText('Unverified')).toBeVisible();
  // Warnings: the RSA-1024 key is refused as too weak, the other expires within 30 days.
  await expect(table.locator(`tr[data-fingerprint="${weak}"] [data-warning="weak"]`)).toBeVisible();
  await expect(table.locator(`tr[data-fingerprint="${soon}"] [data-warning="expiring-soon"]`)).toBeVisible();
  // The short form is the long key ID in groups of four.
  await expect(danaRow.getByText(grouped(dana.slice(-16)))).toBeVisible();

  // Import by file: a binary export.
  await page.getByRole('button', { name: 'Import keys' }).first().click();
  await importDialog.getByRole('button', { name: 'Files' }).click();
  await importDialog.getByLabel('Key files').setInputFiles({ name: 'rita.gpg', mimeType: 'application/octet-stream', buffer: binary });
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(imported.getByText('1 new, 0 updated, 0 unchanged.')).toBeVisible();
  await imported.getByRole('button', { name: 'Done' }).click();
  await expect(table.locator(`tr[data-fingerprint="${rm}"]`)).toBeVisible();

  // A passphrase-protected secret key: the dialog asks for the passphrase, refuses a wrong one.
  const protectedFpr = (() => {
    gpg.ok(['--pinentry-mode', 'loopback', '--passphrase', SECRET_KEY_PASSPHRASE, '--quick-gen-key', 'Backup Lead <backup@security.k8s.example>', 'ed25519', 'cert,sign', 'never']);
    return gpg.fingerprintOf('backup@security.k8s.example');
  })();
  const secretBlock = gpg.ok(['--pinentry-mode', 'loopback', '--passphrase', SECRET_KEY_PASSPHRASE, '--armor', '--export-secret-keys', protectedFpr]).stdout.toString('utf8');
  await page.getByRole('button', { name: 'Import keys' }).first().click();
  await importDialog.getByLabel('Armored key block').fill(secretBlock);
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  const keyPassphrase = importDialog.getByLabel('Passphrase of the secret key');
  await expect(keyPassphrase).toBeVisible();
  await keyPassphrase.fill('not it');
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog.getByText(/does not unlock the secret key/)).toBeVisible();
  await screenshotBothThemes(page, 'keyring-import-passphrase');
  await keyPassphrase.fill(SECRET_KEY_PASSPHRASE);
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(imported.getByText(/secret key/)).toBeVisible();
  await imported.getByRole('button', { name: 'Done' }).click();

  // Search by email and by fingerprint.
  await page.getByLabel('Search keys').fill('distro.example');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Search keys').fill(grouped(rm.slice(-8)));
  await expect(table.locator(`tr[data-fingerprint="${rm}"]`)).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Search keys').fill('');
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await page.getByRole('button', { name: 'Needs attention' }).click();
  // Too weak, expiring soon, and the backup key without an encryption subkey.
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await page.getByRole('button', { name: 'All keys' }).click();
  await screenshotBothThemes(page, 'keyring');

  // Details: user IDs, subkeys with usage and state.
  await danaRow.getByRole('button', { name: 'Dana Distro' }).click();
  const drawer = page.getByRole('dialog', { name: 'Dana Distro' });
  await expect(drawer.getByText('Dana Distro <security@distro.example>')).toBeVisible();
  const subkeys = drawer.getByRole('table', { name: 'Subkeys' });
  await expect(subkeys.getByText('Encrypt')).toBeVisible();
  await expect(subkeys.getByText('cv25519')).toBeVisible();
  await expect(subkeys.getByText('valid')).toBeVisible();
  await screenshotBothThemes(page, 'keyring-details');

  // Export the public key: public only.
  await drawer.getByRole('button', { name: 'Export public key' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export public key' });
  await expect(exportDialog.getByLabel('Armored public key')).toHaveValue(/-----BEGIN PGP PUBLIC KEY BLOCK-----/);
  await expect(exportDialog.getByText(/Public key only above/)).toBeVisible();
  const exported = await exportDialog.getByLabel('Armored public key').inputValue();
  expect(gpg.ok(['--show-keys', '--with-colons'], exported).stdout.toString('utf8')).toContain(`fpr:::::::::${dana}:`);
  await screenshotBothThemes(page, 'keyring-export');
  await exportDialog.getByRole('button', { name: 'Done' }).click();

  // Withdraw the verification: the badge goes back.
  await drawer.getByRole('button', { name: 'Withdraw verification' }).click();
  await expect(drawer.getByText('Unverified')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(danaRow.getByText('Unverified')).toBeVisible();

  expect(secrets()).toEqual([]);
  expect(problems()).toEqual([]);
});

test('people with their key health, the distributors list with its health panel and a membership review', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const secrets = watchForSecrets(page);
  const dana = gpg.generate('Dana Distro <security@distro2.example>', 'ed25519', 'cv25519');
  const omar = gpg.generate('Omar Ops <omar@cloudy.example>', 'ed25519', 'cv25519');
  const armored = gpg.ok(['--armor', '--export', dana, omar]).stdout.toString('utf8');

  await createVault(page, browserMode.url);
  await page.evaluate(async (text) => {
    const api = window.api!;
    await api.call('keyring.import', { data: { text } });
  }, armored);
  await page.evaluate(async (fingerprint) => window.api!.call('keyring.verify', { fingerprint }), dana);

  // People: add Dana with her key picked from the keyring.
  await page.getByRole('button', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByText('No people yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add person' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Add person' });
  await personDialog.getByLabel('Name').fill('Dana Distro');
  await personDialog.getByLabel('Organisation').fill('Distro Inc.');
  await personDialog.getByLabel(/Emails/).fill('security@distro2.example');
  await personDialog.getByLabel('Distributor contact').check();
  await personDialog.getByRole('listitem').filter({ hasText: 'security@distro2.example' }).getByRole('checkbox').check();
  await screenshotBothThemes(page, 'people-add');
  await personDialog.getByRole('button', { name: 'Add person' }).click();
  await expect(personDialog).toBeHidden();

  // Omar: key imported but not verified. Pia: no key at all.
  for (const [name, email, key] of [
    ['Omar Ops', 'omar@cloudy.example', omar],
    ['Pia PST', 'pia@security.k8s.example', null],
  ] as const) {
    await page.getByRole('button', { name: 'Add person' }).click();
    await personDialog.getByLabel('Name').fill(name);
    await personDialog.getByLabel(/Emails/).fill(email);
    await personDialog.getByLabel(key ? 'Distributor contact' : 'Product Security Team').check();
    if (key) await personDialog.getByRole('listitem').filter({ hasText: email }).getByRole('checkbox').check();
    await personDialog.getByRole('button', { name: 'Add person' }).click();
    await expect(personDialog).toBeHidden();
  }
  const people = page.getByRole('table', { name: 'People' });
  await expect(people.getByRole('row')).toHaveCount(4);
  await expect(people.getByRole('row', { name: /Dana Distro/ }).getByText('Can receive encrypted mail')).toBeVisible();
  await expect(people.getByRole('row', { name: /Omar Ops/ }).getByText(/not verified/i)).toBeVisible();
  await expect(people.getByRole('row', { name: /Pia PST/ }).getByText('No key', { exact: true }).first()).toBeVisible();
  await screenshotBothThemes(page, 'people');
  await page.getByRole('button', { name: 'Distributor contacts' }).click();
  await expect(people.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Everyone' }).click();

  // Distributors: two founding members, one whose contact cannot receive.
  await page.getByRole('button', { name: 'Distributors' }).click();
  await expect(page.getByRole('heading', { name: 'Distributors', level: 1 })).toBeVisible();
  await expect(page.getByText('The list has no members yet')).toBeVisible();
  for (const [organisation, distribution, contact] of [
    ['Distro Inc.', 'DistroOS', 'Dana Distro'],
    ['Cloudy Ltd.', 'Cloudy Kubernetes Engine', 'Omar Ops'],
  ] as const) {
    await page.getByRole('button', { name: 'Add founding member' }).click();
    const memberDialog = page.getByRole('dialog', { name: 'Add a founding member' });
    await memberDialog.getByLabel('Organisation', { exact: true }).fill(organisation);
    await memberDialog.getByLabel('Distribution', { exact: true }).fill(distribution);
    await memberDialog.getByRole('list', { name: 'People' }).getByRole('listitem').filter({ hasText: contact }).getByRole('checkbox').check();
    if (organisation === 'Cloudy Ltd.') await screenshotBothThemes(page, 'distributors-add-member');
    await memberDialog.getByRole('button', { name: 'Add member' }).click();
    await expect(memberDialog).toBeHidden();
  }
  const health = page.getByRole('region', { name: 'Keyring health' });
  await expect(health.getByText('1 of 2 members cannot receive encrypted mail')).toBeVisible();
  await expect(health.getByRole('list', { name: 'Who cannot receive' })).toContainText('Cloudy Ltd.');
  await expect(health.getByRole('list', { name: 'Who cannot receive' })).toContainText(omar);
  await screenshotBothThemes(page, 'distributors-unhealthy');

  // Verify Omar's key: the list is healthy.
  await page.evaluate(async (fingerprint) => window.api!.call('keyring.verify', { fingerprint }), omar);
  await page.getByRole('button', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Distributors' }).click();
  await expect(health.getByText('Every member can receive encrypted mail')).toBeVisible();

  // A membership request, reviewed against the nine criteria and vouched for by Dana.
  await page.evaluate(async () => window.api!.call('people.add', { name: 'Sam Newdistro', emails: ['sam@newdistro.example'], roles: ['distributor-contact'] }));
  await page.getByRole('button', { name: 'Record membership request' }).click();
  const requestDialog = page.getByRole('dialog', { name: 'Record a membership request' });
  await requestDialog.getByLabel('Organisation', { exact: true }).fill('NewDistro');
  await requestDialog.getByLabel('Distribution', { exact: true }).fill('NewDistro Linux');
  await requestDialog.getByLabel('Requester').selectOption({ label: 'Sam Newdistro' });
  await requestDialog.getByLabel(/actively maintained distribution/).fill('https://newdistro.example/releases — monthly releases since 2019');
  await requestDialog.getByLabel(/PGP-encrypted email/).fill('Team key 0xABCD, published on our security page.');
  await screenshotBothThemes(page, 'distributors-request');
  await requestDialog.getByRole('button', { name: 'Record request' }).click();
  const review = page.getByRole('dialog', { name: 'NewDistro · NewDistro Linux' });
  await expect(review).toBeVisible();
  const criteria = review.getByRole('list', { name: 'Criteria' });
  await expect(criteria.getByRole('listitem')).toHaveCount(9);
  for (const id of ['maintained-distribution', 'user-base', 'security-track-record', 'not-downstream', 'community-participant', 'accepts-embargo', 'contributes-back', 'handles-pgp']) {
    const row = criteria.locator(`[data-criterion="${id}"]`);
    await row.getByRole('button', { name: 'Yes' }).click();
    await expect(row.getByText('Met', { exact: true })).toBeVisible();
  }
  const accept = review.getByRole('button', { name: 'Accept as member' });
  await review.getByLabel('Reason').fill('Meets every criterion; vouched for by Distro Inc.');
  await expect(accept).toBeDisabled();
  await review.getByLabel('Voucher').selectOption({ label: 'Dana Distro (Distro Inc.)' });
  await review.getByRole('button', { name: 'Record vouch' }).click();
  await expect(criteria.locator('[data-criterion="vouched"]').getByText('Met', { exact: true })).toBeVisible();
  await expect(review.getByText(/Dana Distro/).first()).toBeVisible();
  await screenshotBothThemes(page, 'distributors-review');
  await expect(accept).toBeEnabled();
  await accept.click();
  await expect(review.getByText('Accepted', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.locator('tr[data-member="NewDistro"]')).toBeVisible();
  // The new member's contact has no key: the health panel says so.
  await expect(health.getByText('1 of 3 members cannot receive encrypted mail')).toBeVisible();
  await expect(health).toContainText('Sam Newdistro has no key');

  // Remove a member with a reason.
  await members.getByRole('button', { name: 'Remove NewDistro' }).click();
  const removeDialog = page.getByRole('dialog', { name: 'Remove NewDistro' });
  await removeDialog.getByLabel('Reason').fill('Asked to leave the list.');
  await removeDialog.getByRole('button', { name: 'Remove member' }).click();
  await expect(removeDialog).toBeHidden();
  await expect(members.locator('tr[data-member="NewDistro"]')).toHaveCount(0);
  await expect(health.getByText('Every member can receive encrypted mail')).toBeVisible();
  await page.getByLabel('Show removed members').check();
  await expect(members.locator('tr[data-member="NewDistro"]')).toContainText('Asked to leave the list.');
  await screenshotBothThemes(page, 'distributors');

  expect(secrets()).toEqual([]);
  expect(problems()).toEqual([]);
});
