// The app is usable from the keyboard alone: create the vault, open the new-case dialog, fill
// it, close it with Escape, open a case and lock, without a single click.
import { test, expect, type Page } from '../support/browser-mode.ts';

const PASSPHRASE = 'quartz-lantern-meadow-cobalt-41';

async function tabTo(page: Page, accessibleName: RegExp, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      if (!active) return '';
      const labelled = active.getAttribute('aria-label');
      if (labelled) return labelled;
      if (active instanceof HTMLInputElement && active.labels?.[0]) return active.labels[0].textContent ?? '';
      return active.textContent ?? '';
    });
    if (accessibleName.test(name.trim())) return;
  }
  throw new Error(`no element named ${accessibleName} within ${limit} presses of Tab`);
}

test('everything from the keyboard', async ({ page, browserMode }) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  // The passphrase field has focus from the start.
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, /^Repeat the passphrase$/);
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  // New case dialog: opened with Enter, closed with Escape, focus back on the opener.
  await tabTo(page, /New case/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator(':focus')).toHaveText(/New case/);

  // Again, and this time fill it in: title, then the kind with the arrow keys, then Enter.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Keyboard-only case');
  await tabTo(page, /^Private/);
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByLabel(/Public/)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Keyboard-only case', level: 1 })).toBeVisible();
  // Focus moved to the new page's heading.
  await expect(page.getByRole('heading', { name: 'Keyboard-only case', level: 1 })).toBeFocused();

  // Tabs with the arrow keys.
  await tabTo(page, /^Overview$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');

  // Lock from the keyboard: back at the unlock screen with focus in the passphrase field.
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, /^Lock$/, 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
});
