// The process engine in a real browser (issue 3): a team on the roster, a new case led by the
// rotation's proposal, ticked checklist items, a Release Date on a Friday (warned about), an
// embargo break and the decision to release earlier (the schedule turns ASAP), a handoff
// acknowledged by the incoming lead, the timeline picture (hover and keyboard), and the
// retrospective exported as a file whose text is checked. Then the demo case from the
// first-run screen. Screenshots go to test-results/screenshots/.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, screenshotBothThemes, watchForProblems, SCREENSHOT_DIR, type Page } from '../support/browser-mode.ts';
import type { Locator } from '@playwright/test';

const PASSPHRASE = 'copper-heron-basalt-quiver-52';
const CASE_TITLE = 'Token replay in the admission webhook';

async function createVault(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
}

/** An element's screenshot in both themes: NAME-light.png and NAME-dark.png. */
async function shootBothThemes(page: Page, locator: Locator, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await locator.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${scheme}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The next Friday at least three days ahead, 16:00 UTC, as a datetime-local value (read as UTC). */
function nextFridayUtc(): string {
  const day = new Date(Date.now() + 3 * 24 * 3600_000);
  while (day.getUTCDay() !== 5) day.setUTCDate(day.getUTCDate() + 1);
  return `${day.toISOString().slice(0, 10)}T16:00`;
}

function picture(page: Page): Locator {
  return page.getByRole('group', { name: /as a picture$/ });
}

test('a case through the process: rotation, ticks, a Friday Release Date, a leak, a handoff, the picture and the retrospective', async ({
  page,
  browserMode,
}) => {
  const problems = watchForProblems(page, browserMode.origin);
  await createVault(page, browserMode.url);

  // The roster: two PST members and a minor release with its Release Manager.
  await page.getByRole('button', { name: 'Roster' }).click();
  await expect(page.getByRole('heading', { name: 'Roster', level: 1 })).toBeVisible();
  for (const [name, contact] of [
    ['Mara Quist', 'mara@example.org'],
    ['Teodor Lund', 'teodor@example.org'],
  ] as const) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Contact').fill(contact);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByRole('table', { name: 'Rotation order' }).getByText(name)).toBeVisible();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Next Fix Lead' })).toContainText('Mara Quist');
  await page.getByLabel('New minor release').fill('1.34');
  await page.getByRole('button', { name: 'Add minor release' }).click();
  await page.getByLabel('Add a Release Manager to 1.34').fill('Oona Varga');
  await page.getByRole('button', { name: 'Add to 1.34' }).click();
  await expect(page.getByRole('list', { name: 'Release Managers of 1.34' })).toContainText('Oona Varga');

  // A new case: the rotation proposes Mara Quist, who takes the turn.
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill(CASE_TITLE);
  await expect(dialog.getByLabel('Fix Lead')).toHaveValue(/^pst-/);
  await expect(dialog.getByText('Round-robin: Mara Quist has gone longest without leading a case.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: CASE_TITLE, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const bar = page.getByRole('region', { name: 'Process status', exact: true });
  await expect(bar).toContainText('Mara Quist');

  // Tick two items from the checklist, one with a note and evidence.
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await page.getByRole('button', { name: 'Mark done: Identify the Fix Team and CC them into the disclosure thread' }).click();
  const tick = page.getByRole('dialog', { name: 'Mark done' });
  await tick.getByLabel(/^Note/).fill('OWNERS of the admission webhook CCed.');
  await tick.getByLabel(/^Evidence/).fill('https://lists.example.org/thread/8812');
  await tick.getByRole('button', { name: 'Mark done' }).click();
  await expect(tick).toBeHidden();
  const identify = page.locator('[data-item="identify-fix-team"]');
  await expect(identify.getByText('Done', { exact: true })).toBeVisible();
  await expect(identify).toContainText('OWNERS of the admission webhook CCed.');
  await expect(identify).toContainText('https://lists.example.org/thread/8812');
  await expect(identify).toContainText('Mara Quist');
  await page.getByRole('button', { name: 'Mark done: Give the Fix Team access to the private security repo' }).click();
  await page.getByRole('dialog', { name: 'Mark done' }).getByRole('button', { name: 'Mark done' }).click();
  await expect(page.locator('[data-item="grant-private-repo"]').getByText('Done', { exact: true })).toBeVisible();
  // An item that needs a field the case lacks says so, and the core refuses the tick.
  await page.getByRole('button', { name: 'Mark done: Create the CVSS with the calculator; the Fix Lead makes the final call' }).click();
  const cvss = page.getByRole('dialog', { name: 'Mark done' });
  await expect(cvss.getByText(/depends on the CVSS call/)).toBeVisible();
  await cvss.getByRole('button', { name: 'Mark done' }).click();
  await expect(cvss.getByRole('alert')).toContainText('Record the CVSS call');
  await page.keyboard.press('Escape');
  await expect(cvss).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'required steps handled' })).toContainText('2 done');
  await screenshotBothThemes(page, 'process-checklist-ticked');

  // A Release Date on a Friday: the dialog warns while typing, the schedule warns after.
  await page.getByRole('button', { name: 'Set the Release Date…' }).click();
  const release = page.getByRole('dialog', { name: 'Set the Release Date' });
  const friday = nextFridayUtc();
  await release.getByLabel(/Release Date/).fill(friday);
  await expect(release.getByText(/a Friday in UTC/)).toBeVisible();
  await expect(release.getByText(`${friday.replace('T', ' ')} UTC`).first()).toBeVisible();
  await release.getByRole('button', { name: 'Save Release Date' }).click();
  await expect(release).toBeHidden();
  await expect(page.getByRole('list', { name: 'Schedule warnings' })).toContainText('The Release Date falls on a Friday (UTC).');

  // The picture, with the done items drawn done; hover and keyboard focus show the details.
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(picture(page)).toBeVisible();
  await page.getByLabel('Add a time zone').fill('America/Los_Angeles');
  await page.getByRole('button', { name: 'Add zone' }).click();
  await expect(page.getByRole('list', { name: 'Time zones shown' })).toContainText('America/Los_Angeles');
  const doneMark = picture(page).locator('[data-state="done"]').first();
  await expect(doneMark).toHaveAttribute('aria-label', /Done: .*Identify the Fix Team|2 items: Done/);
  await doneMark.hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('Identify the Fix Team');
  await expect(tooltip).toContainText('America/Los_Angeles');
  await expect(tooltip).toContainText('Mara Quist');
  const schedulePanel = page.getByRole('region', { name: 'Schedule' });
  await shootBothThemes(page, schedulePanel, 'process-timeline-picture');
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  // From the keyboard: the first upcoming mark takes focus and shows its window and owner.
  const upcoming = picture(page).locator('[data-state="upcoming"]').first();
  await upcoming.focus();
  await expect(page.getByRole('tooltip')).toContainText('Owner');
  await expect(page.getByRole('tooltip')).toContainText('Window');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toBeHidden();

  // An embargo break, then the decision to release earlier: the schedule turns ASAP.
  await bar.getByRole('button', { name: 'Record embargo break…' }).click();
  const leak = page.getByRole('dialog', { name: 'Record an embargo break' });
  await leak.getByLabel('What leaked').fill('the fix commit for 1.34');
  await leak.getByLabel('To whom').fill('a public CI log');
  await leak.getByLabel('Reported by').fill('Teodor Lund');
  await leak.getByLabel(/^Distributor/).fill('Example Cloud');
  await leak.getByRole('button', { name: 'Record the embargo break' }).click();
  const decide = page.getByRole('dialog', { name: 'Decide on embargo break L1' });
  await expect(decide).toBeVisible();
  await expect(decide.getByText('When in doubt, go public as soon as possible.')).toBeVisible();
  await expect(decide.getByText(/The Fix Lead will make the call to release earlier or continue with the plan/)).toBeVisible();
  await decide.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decide.getByText('Choose: release earlier, or continue with the plan.')).toBeVisible();
  await decide.getByLabel(/Release earlier/).check();
  await decide.getByLabel('Reason').fill('The fix is in a public log; attackers can diff it.');
  await screenshotBothThemes(page, 'process-leak-decision');
  await decide.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByText(/As soon as possible\./)).toBeVisible();
  await expect(page.getByText('Releasing earlier after embargo break L1: all timelines become ASAP.')).toBeVisible();
  await expect(picture(page).locator('[data-state="asap"]').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline, newest first' })).toContainText('Decision D1 on embargo break L1');

  // A handoff to the other PST member, acknowledged by them.
  await bar.getByRole('button', { name: 'Hand off…' }).click();
  const handoff = page.getByRole('dialog', { name: 'Hand off the case' });
  await expect(handoff.getByLabel('Hand off to')).toHaveValue(/^pst-/);
  await expect(handoff.getByLabel('Handoff note')).toHaveValue(/Pending items:/);
  await handoff.getByRole('button', { name: 'Request the handoff' }).click();
  await expect(bar).toContainText('Handoff to Teodor Lund awaits acknowledgement');
  await bar.getByRole('button', { name: 'Acknowledge…' }).click();
  await page.getByRole('dialog', { name: 'Acknowledge as Teodor Lund' }).getByRole('button', { name: /Acknowledge: Teodor Lund is Fix Lead/ }).click();
  await expect(bar.getByText('Teodor Lund', { exact: true })).toBeVisible();
  await screenshotBothThemes(page, 'process-timeline-tab');
  await shootBothThemes(page, page.getByRole('region', { name: 'Schedule' }), 'process-timeline-asap');

  // The retrospective: preview, copy, then export after the warning; the file holds the draft.
  await page.getByRole('tab', { name: 'Retrospective' }).click();
  const preview = page.getByLabel('Retrospective draft, Markdown');
  await expect(preview).toContainText(CASE_TITLE);
  await expect(preview).toContainText('L1');
  const previewText = await preview.textContent();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browserMode.origin });
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText(/^Copied\./)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(previewText);
  await screenshotBothThemes(page, 'process-retrospective');
  await page.getByRole('button', { name: 'Export .md…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the retrospective' });
  await expect(exportDialog.getByText('The file is not encrypted.')).toBeVisible();
  await screenshotBothThemes(page, 'process-retro-export-warning');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export unencrypted file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('EMB-0001-retrospective.md');
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toContain(CASE_TITLE);
  expect(text).toContain('Mara Quist');
  expect(text).toContain('Teodor Lund');
  expect(text).toContain('the fix commit for 1.34');
  expect(text).toContain('release earlier');
  expect(text).toBe(previewText);
  await expect(exportDialog).toBeHidden();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  await expect(page.getByRole('list', { name: 'Timeline, newest first' })).toContainText(
    `Retrospective draft exported as an unencrypted Markdown file (EMB-0001-retrospective.md, SHA-256 ${sha256}).`,
  );

  // The case list shows where the case stands.
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Cases' }).click();
  const row = page.getByRole('table', { name: 'Cases' }).getByRole('row').filter({ hasText: CASE_TITLE });
  await expect(row).toContainText('ASAP');
  await expect(row).toContainText('required steps handled');
  await screenshotBothThemes(page, 'process-case-list');
  expect(problems()).toEqual([]);
});

test('the demo case from the first-run screen: picture, checklist, roster and case list in light and dark', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Explore with a demo case' }).click();
  await expect(page.getByRole('heading', { name: /\[DEMO\]/, level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');

  // The picture: done, overdue and upcoming marks, the Release Date, the leak on the event lane.
  await expect(picture(page)).toBeVisible();
  await expect(picture(page).locator('[data-state="done"]').first()).toBeVisible();
  await expect(picture(page).locator('[data-state="overdue"]')).toHaveCount(1);
  await expect(picture(page).locator('[data-state="upcoming"]').first()).toBeVisible();
  await expect(picture(page).getByText(/^Release Date · /)).toBeVisible();
  const schedulePanel = page.getByRole('region', { name: 'Schedule' });
  await shootBothThemes(page, schedulePanel, 'process-demo-timeline');
  await picture(page).locator('[data-state="overdue"]').focus();
  await expect(page.getByRole('tooltip')).toContainText('Include the mitigating steps');
  await expect(page.getByRole('tooltip')).toContainText('Overdue');
  await shootBothThemes(page, schedulePanel, 'process-demo-timeline-tooltip');
  await screenshotBothThemes(page, 'process-demo-case');

  // The checklist, grouped by phase.
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(page.getByRole('heading', { name: 'Fix Team Organization', level: 3 })).toBeVisible();
  await expect(page.locator('[data-item="mitigating-steps"]').getByText('Overdue', { exact: true })).toBeVisible();
  await screenshotBothThemes(page, 'process-demo-checklist');
  await page.setViewportSize({ width: 1280, height: 2200 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'process-demo-checklist-full-light.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The roster: the rotation with the unavailable member skipped, and the Release Managers.
  await page.getByRole('button', { name: 'Roster' }).click();
  const rotation = page.getByRole('table', { name: 'Rotation order' });
  await expect(rotation.getByRole('row').filter({ hasText: 'Björn Lindqvist' })).toContainText('Skipped: unavailable: parental leave');
  await expect(page.getByRole('list', { name: 'Supported minor releases' })).toContainText('1.33');
  await screenshotBothThemes(page, 'process-roster');
  await page.setViewportSize({ width: 1280, height: 1300 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'process-roster-full-light.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The case list.
  await page.getByRole('button', { name: 'Cases' }).first().click();
  const row = page.getByRole('table', { name: 'Cases' }).getByRole('row').filter({ hasText: '[DEMO]' });
  await expect(row).toContainText('1 overdue');
  await screenshotBothThemes(page, 'process-demo-case-list');

  // The smallest window the desktop allows.
  await page.getByRole('table', { name: 'Cases' }).getByRole('button', { name: /\[DEMO\]/ }).click();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await page.setViewportSize({ width: 880, height: 900 });
  await expect(picture(page)).toBeVisible();
  await shootBothThemes(page, page.getByRole('region', { name: 'Schedule' }), 'process-demo-timeline-narrow');
  expect(problems()).toEqual([]);
});

/** The local datetime-local value of an instant `hours` ago, for the new-case dialog. */
function localInputHoursAgo(hours: number): string {
  const date = new Date(Date.now() - hours * 3600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function newCase(page: Page, title: string, kind: RegExp, disclosed: string, withoutLead = false): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel(/Disclosed at/).fill(disclosed);
  await dialog.getByLabel(kind).check();
  if (withoutLead) {
    // The rotation preselects its proposal; leave the turn for later.
    await expect(dialog.getByLabel('Fix Lead')).toHaveValue(/^pst-/);
    await dialog.getByLabel('Fix Lead').selectOption({ label: 'No Fix Lead yet' });
  }
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test('a 2-day public case, the Fix Lead turn, the slow-down only when allowed, skip and reopen, a cancelled handoff, all from the keyboard where it counts', async ({
  page,
  browserMode,
}) => {
  const problems = watchForProblems(page, browserMode.origin);
  await createVault(page, browserMode.url);

  // A public case disclosed two days ago: every open step is "as soon as possible".
  await newCase(page, 'Public report: log injection in the dashboard', /Public/, localInputHoursAgo(48));
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByText(/As soon as possible\./)).toBeVisible();
  await expect(page.getByText('Public disclosure: all timelines become ASAP.')).toBeVisible();
  await expect(picture(page).locator('[data-state="asap"]').first()).toBeVisible();
  await shootBothThemes(page, page.getByRole('region', { name: 'Schedule' }), 'process-asap-two-days');

  // A private case without a Fix Lead: the rotation's proposal takes the turn.
  await page.evaluate(async () => {
    await window.api?.call('roster.addMember', { name: 'Ilse Brandt', contact: 'ilse@example.org' });
  });
  await newCase(page, 'Low-severity info leak in the metrics endpoint', /Private/, localInputHoursAgo(3), true);
  await page.getByRole('tab', { name: 'Checklist' }).click();
  const bar = page.getByRole('region', { name: 'Process status', exact: true });
  await expect(bar).toContainText('Nobody yet');
  await bar.getByRole('button', { name: 'Take the turn…' }).click();
  const take = page.getByRole('dialog', { name: 'Take the Fix Lead turn' });
  await expect(take.getByLabel('Fix Lead')).toBeFocused();
  await expect(take.getByLabel('Fix Lead')).toHaveValue(/^pst-/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(take.getByRole('button', { name: 'Take the turn' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(take).toBeHidden();
  await expect(bar).toContainText('Ilse Brandt');

  // No CVSS call yet: no slow-down. A 2.6 (Low) call: the slow-down is offered.
  await expect(bar.getByRole('button', { name: 'Slow down…' })).toHaveCount(0);
  const caseId = 'EMB-0002';
  await page.evaluate(async (id) => {
    await window.api?.call('case.update', { id, edits: { cvssVector: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N' } });
  }, caseId);
  // Set from outside the page (the CVSS calculator is another screen): reload to read it.
  await page.reload();
  await page.getByRole('table', { name: 'Cases' }).getByRole('button', { name: 'Low-severity info leak in the metrics endpoint' }).click();
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(page.getByRole('list', { name: 'Schedule warnings' })).toContainText('is under 4');
  await bar.getByRole('button', { name: 'Slow down…' }).click();
  const slow = page.getByRole('dialog', { name: 'Slow the schedule down' });
  await expect(slow.getByText(/must be discussed on the kubernetes-security mailing list/)).toBeVisible();
  await slow.getByRole('button', { name: 'Record the decision' }).click();
  await expect(slow.getByText('Say where it was discussed: the process requires it.')).toBeVisible();
  await slow.getByLabel(/Move the windows later by/).fill('5');
  await slow.getByLabel('Reason').fill('Holidays: half of the Fix Team is away.');
  await slow.getByLabel(/Where it was discussed/).fill('<20261127.1@lists.example.org>');
  await screenshotBothThemes(page, 'process-slow-down');
  await slow.getByRole('button', { name: 'Record the decision' }).click();
  await expect(slow).toBeHidden();
  await expect(bar).toContainText('Slowed down by 5 days (D1)');
  await expect(page.locator('[data-item="cvss-call"]')).toContainText('slowed down by 5 days (recorded decision)');

  // Skip a step with its reason, then reopen it; both are on the timeline.
  await page.getByRole('button', { name: 'Skip: Give the Fix Team access to the private security repo' }).click();
  const skip = page.getByRole('dialog', { name: 'Skip this step' });
  await expect(skip.getByText('This step is not optional in the process.')).toBeVisible();
  await skip.getByLabel('Reason').fill('The fix lives in a public repository under embargo rules already.');
  await skip.getByRole('button', { name: 'Skip step' }).click();
  const grant = page.locator('[data-item="grant-private-repo"]');
  await expect(grant.getByText('Skipped', { exact: true })).toBeVisible();
  await expect(grant).toContainText('Reason: The fix lives in a public repository');
  await page.getByRole('button', { name: 'Reopen: Give the Fix Team access to the private security repo' }).click();
  const reopen = page.getByRole('dialog', { name: 'Reopen this step' });
  await reopen.getByLabel('Reason').fill('We do need the private fork after all.');
  await reopen.getByRole('button', { name: 'Reopen step' }).click();
  await expect(grant.getByRole('button', { name: /^Mark done/ })).toBeVisible();

  // A handoff to someone not on the roster, then cancelled.
  await bar.getByRole('button', { name: 'Hand off…' }).click();
  const handoff = page.getByRole('dialog', { name: 'Hand off the case' });
  await handoff.getByLabel('Hand off to').selectOption({ label: 'Someone not on the roster…' });
  await handoff.getByLabel('Their name').fill('Rafa Ortiz');
  await handoff.getByRole('button', { name: 'Request the handoff' }).click();
  await expect(bar).toContainText('Handoff to Rafa Ortiz awaits acknowledgement');
  await bar.getByRole('button', { name: 'Cancel handoff…' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel the handoff' });
  await cancel.getByLabel('Reason').fill('Rafa is travelling this week.');
  await cancel.getByRole('button', { name: 'Cancel the handoff' }).click();
  await expect(cancel).toBeHidden();
  await expect(bar).not.toContainText('awaits acknowledgement');
  await expect(bar).toContainText('Ilse Brandt');

  // The picture from the keyboard: Tab from the zone field reaches the first mark, which shows
  // its details; Escape hides them; a dialog opened from the keyboard closes with Escape.
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await page.getByLabel('Add a time zone').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('role', 'listitem');
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toBeHidden();
  await bar.getByRole('button', { name: 'Record embargo break…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Record an embargo break' })).toBeVisible();
  await expect(page.getByLabel('What leaked')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(bar.getByRole('button', { name: 'Record embargo break…' })).toBeFocused();
  // A zone the system does not know is refused, saying what to type.
  await page.getByLabel('Add a time zone').fill('Mars/Olympus_Mons');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('type an IANA name such as America/Los_Angeles');
  expect(problems()).toEqual([]);
});
