// The case list at scale: 1,000 demo cases keep fewer than 100 rows in the DOM, while search
// (title, id, CVE), the filters and the sort by next deadline reach any of them. Screenshot
// of the list in test-results/screenshots/.
import { test, expect, screenshotBothThemes } from '../support/browser-mode.ts';
import { openScaleVault } from '../support/scale-vault.ts';

const PASSPHRASE = 'lantern-quartz-heron-basalt-73';

test('a thousand cases: a virtual list, search, filters and sort', async ({ page, browserMode }) => {
  test.setTimeout(900_000);
  await openScaleVault(page, browserMode, PASSPHRASE, { cases: 1000, notes: 0 });
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const table = page.getByRole('table', { name: 'Cases' });
  await expect(page.getByText('1000 cases')).toBeVisible();
  const rows = table.locator('tbody tr.case-list__row');
  expect(await rows.count()).toBeLessThan(100);
  await screenshotBothThemes(page, 'case-list-1000');

  // Scrolled to the end: still few rows, and the last of the thousand is among them.
  await page.locator('.case-list__scroll').evaluate((box) => (box.scrollTop = box.scrollHeight));
  await expect(table.locator('tbody tr[data-index="999"]')).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);

  // Search by id, by CVE and by title words.
  const search = page.getByLabel('Search cases by title, id or CVE');
  await search.fill('EMB-0500');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('EMB-0500');
  await search.fill('CVE-2026-41003');
  await expect(rows).toHaveCount(1);
  await search.fill('gadget-proxy');
  await expect(page.getByText(/^\d+ of 1000 cases$/)).toBeVisible();
  for (const title of await rows.locator('.case-list__title').allTextContents()) expect(title).toContain('gadget-proxy');
  await search.fill('');

  // Filters: overdue only, then a kind.
  await page.getByLabel('Overdue').check();
  await expect(page.getByText(/^\d+ of 1000 cases$/)).toBeVisible();
  await page.getByLabel('Overdue').uncheck();
  await page.getByLabel('Kind').selectOption('public');
  await expect(rows.first().locator('.badge')).toContainText('Public');
  await page.getByLabel('Kind').selectOption('');

  // My cases: once "I am" is chosen, only the cases that member leads.
  await expect(page.getByLabel('My cases')).toBeDisabled();
  await page.getByLabel('I am').selectOption({ label: 'Ada Reyes' });
  await page.getByLabel('My cases').check();
  await expect(page.getByText(/^\d+ of 1000 cases$/)).toBeVisible();
  await page.getByLabel('My cases').uncheck();

  // Sort by next deadline: the due times in the rows never go down.
  await page.getByLabel('Sort').selectOption('deadline');
  const dues = await rows.evaluateAll((elements) =>
    elements.map((row) => row.querySelector('td:nth-child(3) time')?.getAttribute('datetime') ?? '').filter((due) => due !== ''),
  );
  expect(dues.length).toBeGreaterThan(3);
  expect([...dues].sort()).toEqual(dues);
  expect(await rows.count()).toBeLessThan(100);
});
