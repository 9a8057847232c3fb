// Release Date negotiation in a real browser: the Fix Lead opens the Release Date editor, asks
// for the first valid date, sees why the earlier ones were refused, each constraint's result and
// the date in each participant's zone, then a typed holiday-free Friday is refused in words.
import { test, expect, watchForProblems } from '../support/browser-mode.ts';

const PASSPHRASE = 'copper-heron-basalt-quiver-52';

test('the Release Date editor proposes the first valid date with every constraint and the reasons for the refused ones', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill('Release Date negotiation');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: 'Release Date negotiation', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: /Timeline/ }).click();

  await page.getByRole('button', { name: 'Set the Release Date…' }).click();
  const release = page.getByRole('dialog', { name: 'Set the Release Date' });
  await release.getByRole('button', { name: 'Propose the first valid date' }).click();
  await expect(release.getByLabel(/Release Date/)).not.toHaveValue('');
  const constraints = release.getByRole('region', { name: 'Constraints' });
  await expect(constraints).toContainText('This date meets every constraint.');
  await expect(constraints).toContainText('distributor-notice');
  await expect(constraints).toContainText('working-day');
  await expect(constraints.getByRole('table', { name: "In each participant's zone" })).toContainText('UTC');
  await release.getByText(/earlier dates? (was|were) refused/).click();
  await expect(release.getByRole('list', { name: 'Refused dates' })).toContainText("less than 7 days' notice");

  // A date too soon: refused, with the reason.
  const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 11) + '12:00';
  await release.getByLabel(/Release Date/).fill(soon);
  await expect(constraints).toContainText('This date is refused.');
  await expect(constraints).toContainText("Distributors would get less than 7 days' notice");

  await release.getByRole('button', { name: 'Propose the first valid date' }).click();
  await expect(constraints).toContainText('This date meets every constraint.');
  await release.getByRole('button', { name: 'Save Release Date' }).click();
  await expect(release).toBeHidden();
  expect(problems()).toEqual([]);
});
