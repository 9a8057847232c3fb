// The case timeline at scale: a case with 10,000 extra notes keeps fewer than 100 events in the
// DOM, at the top and scrolled to the oldest event, and the list still says how many there are.
// (Speed is measured by `npm run bench ui`, not here.)
import { test, expect } from '../support/browser-mode.ts';
import { openScaleVault } from '../support/scale-vault.ts';

const PASSPHRASE = 'cobalt-meadow-lynx-harbour-58';

test('ten thousand events on one case: a virtual event list', async ({ page, browserMode }) => {
  test.setTimeout(900_000);
  await openScaleVault(page, browserMode, PASSPHRASE, { cases: 20, notes: 10_000 });
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('table', { name: 'Cases' }).getByRole('button', { name: /^\[DEMO\] / }).click();
  await page.getByRole('tab', { name: /^Timeline/ }).click();

  const region = page.getByRole('region', { name: /^Timeline, newest first: \d+ events$/ });
  await expect(region).toBeVisible();
  const total = Number((await region.getAttribute('aria-label'))?.match(/(\d+) events$/)?.[1]);
  expect(total).toBeGreaterThan(10_000);
  const items = page.getByRole('list', { name: 'Timeline, newest first' }).getByRole('listitem');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(total));
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
  expect(await items.count()).toBeLessThan(100);

  // Scrolled to the end: the oldest event, "Case opened", and still few rows.
  await region.evaluate((box) => (box.scrollTop = box.scrollHeight));
  await expect(page.locator(`.timeline__item[data-index="${total - 1}"]`)).toContainText('Case opened');
  expect(await items.count()).toBeLessThan(100);
  // The box takes focus, so the keyboard can scroll it; back at the top, the newest event.
  await region.focus();
  await expect(region).toBeFocused();
  await region.evaluate((box) => (box.scrollTop = 0));
  await expect(page.locator('.timeline__item[data-index="0"]')).toBeVisible();
  expect(await items.count()).toBeLessThan(100);
});
