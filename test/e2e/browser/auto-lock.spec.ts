// When the vault is locked behind the page's back (the idle timer, system suspend, another
// front end), the page goes to the unlock screen: at the next app.state poll (every 15 s, run
// here on Playwright's fake clock), or at once when a call meets VaultLocked.
import { test, expect, screenshotBothThemes, watchForProblems, type BrowserMode } from '../support/browser-mode.ts';
import type { APIRequestContext } from '@playwright/test';

const PASSPHRASE = 'ember-saffron-glacier-rotor-19';

async function lockFromOutside(request: APIRequestContext, browserMode: BrowserMode): Promise<void> {
  const response = await request.post(`${browserMode.origin}/api/call`, {
    headers: { Authorization: `Bearer ${browserMode.token}` },
    data: { method: 'vault.lock', input: {} },
  });
  expect(await response.json()).toMatchObject({ ok: true });
}

test('a lock that the page did not ask for shows the unlock screen, with the reason', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.clock.install();
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  // Found by the poll.
  await lockFromOutside(page.request, browserMode);
  await page.clock.runFor(15_000);
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByText('The vault was locked automatically')).toBeVisible();
  await screenshotBothThemes(page, 'unlock-auto-locked');

  // Found by a call: the new case is refused with VaultLocked, and the unlock screen comes up.
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New case' }).first().click();
  await page.getByRole('dialog', { name: 'New case' }).getByLabel('Title').fill('Never written');
  await lockFromOutside(page.request, browserMode);
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Nothing was created while locked.
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('No cases yet')).toBeVisible();
  expect(problems()).toEqual([]);
});
