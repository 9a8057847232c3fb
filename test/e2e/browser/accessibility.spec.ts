// Accessibility on the demo vault (issue 17, items 4, 5 and 7): axe-core on every top-level page
// and every case tab finds no serious or critical violation; the compact sticky case header on
// the inner tabs (id, title, Release Date with countdown, Fix Lead) and the full one on
// Overview; local times labelled with their zone; and a keyboard-only path from the unlock
// screen to a marked checklist item and an exported draft. Screenshots of every demo screen go
// to test-results/screenshots/demo-*.png (the user guide shows some).
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test, expect, watchForProblems, SCREENSHOT_DIR, type Page } from '../support/browser-mode.ts';

const PASSPHRASE = 'amber-falcon-granite-violet-73';
const PAGES = ['Cases', 'Keyring', 'People', 'Distributors', 'Roster', 'Mail templates', 'Vault'];
const TABS = ['Overview', 'Timeline', 'Checklist', 'Severity', 'Advisory', 'Workspace', 'Mail', 'Retrospective'];

async function createDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Explore with a demo case' }).click();
  await expect(page.getByRole('heading', { name: /\[DEMO\]/, level: 1 })).toBeVisible();
}

/** The serious and critical axe violations on the page now, one line each. */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

test('axe finds no serious or critical violation on any screen of the demo vault', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await createDemo(page, browserMode.url);
  const found: string[] = [];
  for (const tab of TABS) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
    await settle(page);
    found.push(...(await seriousViolations(page, `case tab ${tab}`)));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `demo-case-${slug(tab)}-light.png`), animations: 'disabled' });
  }
  for (const name of PAGES) {
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).first().click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await settle(page);
    found.push(...(await seriousViolations(page, `page ${name}`)));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `demo-page-${slug(name)}-light.png`), animations: 'disabled' });
  }
  expect(found).toEqual([]);
  expect(problems()).toEqual([]);
});

test('the compact sticky header on inner tabs, the full one on Overview, times with zone and countdown', async ({ page, browserMode }) => {
  await createDemo(page, browserMode.url);
  const header = page.locator('header.case-header');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(header).not.toHaveAttribute('data-compact', 'true');
  // The full header: kind, Disclosed with UTC and the labelled local time (Europe/Berlin in the config).
  await expect(header.getByText(/^Disclosed/)).toContainText(/UTC/);
  await expect(header.getByText(/^Disclosed/)).toContainText(/ (CET|CEST|GMT\+1|GMT\+2)\b/);

  for (const tab of ['Timeline', 'Checklist', 'Workspace', 'Mail']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(header).toHaveAttribute('data-compact', 'true');
    await expect(header).toContainText(/EMB-\d{4}/);
    await expect(header.getByRole('heading', { level: 1 })).toContainText('[DEMO]');
    const facts = header.locator('.case-header__compact-facts');
    await expect(facts.getByText('Release Date')).toBeVisible();
    const release = facts.locator('time');
    await expect(release).toContainText(/UTC/);
    await expect(release).toContainText(/(CET|CEST|GMT\+1|GMT\+2)/);
    await expect(release.locator('.time-pair__countdown')).toHaveText(/^due in \d+ d \d+ h$/);
    await expect(facts.getByText('Fix Lead')).toBeVisible();
    await expect(facts).toContainText(/Ada Reyes|Chiara Bellini|Dmitri Volkov/);
    // The title stays on one line, and the header stays put while the tab scrolls.
    const title = header.getByRole('heading', { level: 1 });
    const { lineHeight, height, position } = await title.evaluate((el) => {
      const style = getComputedStyle(el);
      const headerStyle = getComputedStyle(el.closest('header')!);
      return { lineHeight: parseFloat(style.lineHeight), height: el.getBoundingClientRect().height, position: headerStyle.position };
    });
    expect(height).toBeLessThan(lineHeight * 1.5);
    expect(position).toBe('sticky');
    await page.mouse.wheel(0, 1500);
    await expect.poll(async () => (await header.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await expect(header).toBeInViewport();
    await page.mouse.wheel(0, -3000);
  }

  // Deadlines on the checklist carry a countdown next to them.
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(page.locator('.time-pair__countdown').filter({ hasText: /^(due in|passed) / }).first()).toBeVisible();
});

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active) return '';
    const labelled = active.getAttribute('aria-label');
    if (labelled) return labelled;
    // A container that takes focus (a tab panel, a scroll box) is named by what labels it, not by
    // all the text inside it, or "Tab until X" would stop on the panel that holds X.
    const labelledBy = active.getAttribute('aria-labelledby');
    if (labelledBy) return labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    if (active instanceof HTMLInputElement && active.labels?.[0]) return active.labels[0].textContent ?? '';
    if (active.getAttribute('tabindex') !== null && !['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY'].includes(active.tagName) && !active.getAttribute('role')?.match(/^(button|tab|link|checkbox|radio|option|menuitem|row)$/))
      return '';
    return active.textContent ?? '';
  });
}

async function tabTo(page: Page, accessibleName: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (accessibleName.test((await focusedName(page)).trim())) return;
  }
  throw new Error(`no element named ${accessibleName} within ${limit} presses of Tab`);
}

test('keyboard only: unlock, mark a checklist item done, export a draft', async ({ page, browserMode }) => {
  await createDemo(page, browserMode.url);
  await page.evaluate(() => window.api!.call('vault.lock', {}));
  await page.goto(browserMode.url);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();

  // Focus starts in the passphrase field, not on "Show passphrase".
  const field = page.getByLabel('Passphrase', { exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  // Open the demo case, go to the checklist with the arrow keys.
  await tabTo(page, /\[DEMO\]/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /\[DEMO\]/, level: 1 })).toBeVisible();
  await tabTo(page, /^Overview$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Checklist' })).toHaveAttribute('aria-selected', 'true');

  // Mark the overdue step done, through its dialog.
  await tabTo(page, /^Mark done: Include the mitigating steps/, 200);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Mitigation: deny Widget create to namespace admins.');
  await tabTo(page, /^Mark done$/, 20);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-item="mitigating-steps"]')).toContainText(/Done/);

  // The Mail tab, with the arrow keys from the Checklist tab: open the distributors notice by
  // Enter on its row's subject, and export it, encrypted and signed.
  await tabTo(page, /^Checklist/, 200);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Mail' })).toHaveAttribute('aria-selected', 'true');
  const drafts = page.getByRole('table', { name: 'Email drafts' });
  await expect(drafts).toBeVisible();
  await tabTo(page, /EMBARGOED/, 200);
  await expect(drafts.getByRole('button', { name: /EMBARGOED/ }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Export…' })).toBeVisible();
  await tabTo(page, /^Export…$/, 200);
  await page.keyboard.press('Enter');
  const exportDialog = page.getByRole('dialog', { name: /^Export the / });
  await expect(exportDialog).toBeVisible();
  const out = join(dirname(browserMode.vaultDir), 'exported');
  mkdirSync(out);
  await tabTo(page, /^Folder/, 40);
  await page.keyboard.type(out);
  await tabTo(page, /^Export anyway, with the ⟦missing⟧ markers/, 40);
  await page.keyboard.press('Space');
  await tabTo(page, /^Export encrypted and signed$/, 40);
  await page.keyboard.press('Enter');
  const done = page.getByRole('dialog', { name: 'Exported' });
  await expect(done.getByRole('list', { name: 'Written files' })).toContainText('.eml');
  await expect(done.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(done).toBeHidden();
  expect(readdirSync(out).some((name) => name.endsWith('.eml'))).toBe(true);
});
