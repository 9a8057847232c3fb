// The flow of issue 2 in a real browser: create a vault → create a case → lock → a wrong
// passphrase shows the core's error → unlock → the case is still there. Every screen is saved
// in light and dark (test-results/screenshots/), and no screen may log an error, violate the
// CSP or request anything outside the app.
import { test, expect, screenshotBothThemes, watchForProblems, SCREENSHOT_DIR } from '../support/browser-mode.ts';

const PASSPHRASE = 'tidal-ginger-pylon-vortex-87';
const CASE_TITLE = 'Path traversal in kubelet volume mounts';
const NOTE = 'Reporter agreed to a 2026-12-08 release; fix team is sig-node.';

test('create a vault, open a case, lock, refuse a wrong passphrase, unlock and find the case', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);

  // First run.
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await expect(page.getByText(browserMode.vaultDir)).toBeVisible();
  // The token left the address bar (it is kept in this tab's sessionStorage).
  expect(page.url()).not.toContain('token');

  const passphrase = page.getByLabel('Passphrase', { exact: true });
  const repeat = page.getByLabel('Repeat the passphrase');
  await expect(passphrase).toHaveAttribute('autocomplete', 'off');
  await expect(passphrase).toHaveAttribute('spellcheck', 'false');
  // A common password: the hint says why, and creating the vault needs an explicit "anyway".
  await passphrase.fill('password123');
  await repeat.fill('password123');
  await expect(page.getByText('Very weak.')).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('Choose a stronger passphrase, or confirm that you accept a weak one.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Use this weak passphrase anyway/ })).not.toBeChecked();
  await screenshotBothThemes(page, 'first-run-weak');
  expect(await page.evaluate(async () => (await window.api?.call('app.state', {}))?.ok && (await window.api?.call('app.state', {})))).toMatchObject({
    value: { vaultExists: false },
  });

  await passphrase.fill(PASSPHRASE);
  await repeat.fill(`${PASSPHRASE}x`);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('The two passphrases differ.')).toBeVisible();
  await repeat.fill(PASSPHRASE);
  await expect(page.getByText(/Very strong|Strong/)).toBeVisible();
  await expect(page.getByText('The two passphrases differ.')).toBeHidden();
  await screenshotBothThemes(page, 'first-run');
  await page.getByRole('button', { name: 'Create vault' }).click();

  // The empty case list.
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(page.getByText('No cases yet')).toBeVisible();
  await screenshotBothThemes(page, 'case-list-empty');

  // New case, with the disclosure time typed as local time (Europe/Berlin, UTC+01:00 in November).
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(dialog.getByText('Give the case a title.')).toBeVisible();
  await dialog.getByLabel('Title').fill(CASE_TITLE);
  await dialog.getByLabel(/Disclosed at/).fill('2026-11-20T09:30');
  await expect(dialog.getByText(/Europe\/Berlin, UTC\+01:00/)).toBeVisible();
  await expect(dialog.getByText('2026-11-20 08:30 UTC')).toBeVisible();
  await dialog.getByLabel(/Public/).check();
  await screenshotBothThemes(page, 'new-case-dialog');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(dialog).toBeHidden();

  // The case page: title, kind, disclosure time in UTC and local time.
  await expect(page.getByRole('heading', { name: CASE_TITLE, level: 1 })).toBeVisible();
  const header = page.locator('.case-header');
  await expect(header.getByText('EMB-0001')).toBeVisible();
  await expect(header.getByText('Public')).toBeVisible();
  await expect(header.getByText('2026-11-20 08:30 UTC')).toBeVisible();
  await expect(header.getByText(/2026-11-20 09:30 (CET|GMT\+1)/)).toBeVisible();
  await screenshotBothThemes(page, 'case-page');

  // The timeline: the opening event, then a note added from the page.
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
  await expect(timeline.getByText('Case opened')).toBeVisible();
  await page.getByLabel('Add a note').fill(NOTE);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(timeline.getByText(NOTE)).toBeVisible();
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('tab', { name: /Timeline/ })).toContainText('2');
  await screenshotBothThemes(page, 'case-page-timeline');

  // The case list now has the case.
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Cases' }).click();
  const table = page.getByRole('table', { name: 'Cases' });
  await expect(table.getByRole('button', { name: CASE_TITLE })).toBeVisible();
  await expect(table.getByText('EMB-0001')).toBeVisible();
  await screenshotBothThemes(page, 'case-list');
  // The smallest window the desktop app allows (880×560).
  await page.setViewportSize({ width: 880, height: 560 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/case-list-narrow-light.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Lock.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByText(CASE_TITLE)).toHaveCount(0);
  await screenshotBothThemes(page, 'unlock');

  // A wrong passphrase: the core's own message, and the vault stays locked.
  const unlockField = page.getByLabel('Passphrase', { exact: true });
  await unlockField.fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The passphrase is wrong');
  await expect(unlockField).toBeFocused();
  await screenshotBothThemes(page, 'unlock-error');
  const state = await page.evaluate(async () => (await window.api?.call('app.state', {})) ?? null);
  expect(state).toMatchObject({ ok: true, value: { unlocked: false, vaultExists: true } });

  // The right passphrase: the case is there, with its note.
  await unlockField.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('table', { name: 'Cases' }).getByRole('button', { name: CASE_TITLE })).toBeVisible();
  await page.getByRole('table', { name: 'Cases' }).getByRole('button', { name: CASE_TITLE }).click();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByText(NOTE)).toBeVisible();

  expect(problems()).toEqual([]);
});

test('a reload keeps working (the token stays in the tab), and the vault survives a restart of the page', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  await page.reload();
  expect(page.url()).not.toContain('token');
  // The core kept the vault open; the reloaded page shows it without asking again.
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  expect(problems()).toEqual([]);
});

test('without the token the page explains how to open it, and the API refuses', async ({ page, browserMode }) => {
  await page.goto(browserMode.origin + '/');
  await expect(page.getByRole('heading', { name: 'Embargo cannot start' })).toBeVisible();
  await expect(page.getByText(/no access token/)).toBeVisible();
  await screenshotBothThemes(page, 'no-token');
  const refused = await page.request.post(`${browserMode.origin}/api/call`, { data: { method: 'app.state', input: {} } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
});
