// The Team page in a real browser, against a real bare git repository (`git init --bare` in a
// temporary directory) and a second member, Bob, whose vault lives in this test's node process
// (the core, driven through the contract like the CLI). Alice, in the page, creates the team,
// adds Bob by his verified key, shares a case from its Sharing tab and syncs; both set the
// release date without seeing each other's change; Alice decides the conflict in the dialog,
// and after both sync they hold the same verified history. A remote that is gone gives an
// error that says what to do. Screens are saved in both themes and checked with axe.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, screenshotBothThemes, watchForProblems, SCREENSHOT_DIR, type Page } from '../support/browser-mode.ts';
import { makeMember, type Member } from '../../core/team/team-fixture.ts';

const PASSPHRASE = 'tidal-ginger-pylon-vortex-87';
const CASE_TITLE = 'kubelet path traversal';
const ALICE_DATE = '2026-12-02T16:00:00.000Z';
const BOB_DATE = '2026-12-01T16:00:00.000Z';
/** How the dialog shows them: UTC first, the local time beside it (the browser runs in Europe/Berlin). */
const ALICE_SHOWN = '2026-12-02 16:00 UTC (2026-12-02 17:00 CET)';
const BOB_SHOWN = '2026-12-01 16:00 UTC (2026-12-01 17:00 CET)';

async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(async ({ method, input }) => window.api!.call(method as never, input as never), { method, input });
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function expectNoSeriousViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

const remoteTest = test.extend<{ remote: { path: string; home: string }; bob: Member }>({
  // eslint-disable-next-line no-empty-pattern
  remote: async ({}, use) => {
    const root = await mkdtemp(join(tmpdir(), 'embargo-e2e-team-'));
    const path = join(root, 'pst.git');
    const env = { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };
    execFileSync('git', ['init', '--bare', '--quiet', path], { env });
    await use({ path, home: root });
    await rm(root, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  bob: async ({}, use) => {
    const bob = await makeMember('Bob');
    await use(bob);
    await bob.cleanup();
  },
});

remoteTest('team: create, add a member, share, sync, decide a conflict', async ({ page, browserMode, remote, bob }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  // Alice's key, a case, and the two keys exchanged and verified both ways.
  const alice = await api<{ fingerprint: string }>(page, 'keyring.generate', { name: 'Alice Lead', email: 'alice@example.org', expiresInDays: 730 });
  const opened = await api<{ id: string }>(page, 'case.create', { title: CASE_TITLE, disclosedAt: '2026-11-01T10:00:00Z' });
  const aliceArmored = await api<{ armored: string }>(page, 'keyring.exportPublic', { fingerprint: alice.fingerprint });
  await bob.call('keyring.import', { data: { text: aliceArmored.armored } });
  await bob.call('keyring.verify', { fingerprint: alice.fingerprint });
  const bobArmored = await bob.call('keyring.exportPublic', { fingerprint: bob.fingerprint });
  await api(page, 'keyring.import', { data: { text: bobArmored.armored } });
  await api(page, 'keyring.verify', { fingerprint: bob.fingerprint });

  // No team yet: the page offers to create or join one.
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Join a team' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await screenshotBothThemes(page, 'team-setup');
  await page.getByRole('region', { name: 'Create a team' }).getByLabel('Team remote').fill(remote.path);
  await page.getByRole('button', { name: 'Create team' }).click();
  const members = page.getByRole('table', { name: 'Team members' });
  await expect(members).toContainText('Alice Lead');

  // Bob joins the membership by his verified key; name and email come from its user ID.
  await page.getByLabel('Verified key').selectOption(bob.fingerprint);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Bob');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(members.getByRole('row', { name: /Bob/ })).toContainText('Not seen yet');
  await expect(members.getByRole('row', { name: /Bob/ })).toContainText('Verified');

  // The case is shared from its Sharing tab.
  await page.getByRole('button', { name: /^Cases/ }).click();
  await page.getByRole('button', { name: CASE_TITLE, exact: true }).click();
  await page.getByRole('tab', { name: 'Sharing' }).click();
  await expect(page.getByText('Not shared: only this vault has it')).toBeVisible();
  await page.getByRole('button', { name: 'Share with the team' }).click();
  await expect(page.getByText('Sharing saved.')).toBeVisible();
  await expect(page.getByText('Shared with 2 of 2 members')).toBeVisible();

  // First sync: the state goes out; Bob joins through the remote and sees the case.
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  await expect(page.getByTestId('team-ahead')).toContainText('you are ahead');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Synced.' })).toContainText('Your state #1 is pushed.');
  await expect(page.getByTestId('team-ahead')).toHaveText('Nothing');
  await bob.call('team.join', { remote: remote.path, via: alice.fingerprint });
  const bobCase = (await bob.call('team.show', {})).cases[0]!;
  expect(bobCase.caseId).not.toBeNull();
  expect((await bob.call('case.show', { id: bobCase.caseId! })).title).toBe(CASE_TITLE);

  // Both set the release date without seeing each other's change.
  await bob.call('case.update', { id: bobCase.caseId!, edits: { releaseDate: BOB_DATE } });
  await bob.call('team.sync', {});
  await api(page, 'case.update', { id: opened.id, edits: { releaseDate: ALICE_DATE } });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Synced.' })).toContainText('New states from Bob.');
  await expect(members.getByRole('row', { name: /Bob/ })).toContainText(/State #\d+ seen here/);
  const conflicts = page.getByRole('region', { name: /Conflicts to decide/ });
  await expect(conflicts).toContainText('Release date');
  await expectNoSeriousViolations(page);
  await screenshotBothThemes(page, 'team-page');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'team-page-full-light.png'), fullPage: true, animations: 'disabled' });

  // The dialog shows the two values side by side; Alice keeps Bob's.
  await conflicts.getByRole('button', { name: 'Decide…' }).click();
  const dialog = page.getByRole('dialog', { name: `Release date of ${opened.id}` });
  await expect(dialog.getByRole('radio')).toHaveCount(2);
  await expect(dialog).toContainText(ALICE_SHOWN);
  await expect(dialog).toContainText(BOB_SHOWN);
  await dialog.getByRole('radio', { name: /Set by Bob\b/ }).check();
  await expectNoSeriousViolations(page, '[role="dialog"]');
  await screenshotBothThemes(page, 'team-conflict-dialog');
  await dialog.getByRole('button', { name: 'Keep this value' }).click();
  await expect(dialog).toBeHidden();
  await expect(conflicts).toContainText(`Decided: ${BOB_SHOWN}. The others see it after your next sync.`);
  await expect(page.getByTestId('team-ahead')).toContainText('you are ahead');

  // The decision goes out; after Bob syncs both hold the same history with no conflict left.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Synced.' })).toBeVisible();
  await expect(conflicts).toContainText('No conflicts');
  await bob.call('team.sync', {});
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Synced.' })).toBeVisible();
  const aliceView = (await api<{ cases: { head: string; conflicts: unknown[]; chainVerifies: boolean }[] }>(page, 'team.show', {})).cases[0]!;
  const bobView = (await bob.call('team.show', {})).cases[0]!;
  expect(bobView.conflicts).toEqual([]);
  expect(aliceView.conflicts).toEqual([]);
  expect(aliceView.chainVerifies && bobView.chainVerifies).toBe(true);
  expect(bobView.head).toBe(aliceView.head);
  expect((await bob.call('case.show', { id: bobCase.caseId! })).releaseDate).toBe(BOB_DATE);
  expect((await api<{ releaseDate: string }>(page, 'case.show', { id: opened.id })).releaseDate).toBe(BOB_DATE);

  // The remote is gone (an unmounted disk): the error says what happened and what to do.
  const moved = `${remote.path}.away`;
  await rename(remote.path, moved);
  await page.getByRole('button', { name: 'Sync now' }).click();
  const error = page.getByRole('region', { name: 'Sync' }).getByRole('alert');
  await expect(error).toContainText('git fetch failed');
  await expect(error).toContainText('Check that the team remote is reachable from this machine');
  await screenshotBothThemes(page, 'team-sync-error');
  await rename(moved, remote.path);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Synced.' })).toBeVisible();

  // Removing Bob: the confirmation lists what he could already read and says it is not retroactive.
  await members.getByRole('row', { name: /Bob/ }).getByRole('button', { name: 'Remove…' }).click();
  const removal = page.getByRole('dialog', { name: 'Remove Bob from the team' });
  await expect(removal).toContainText('not retroactive');
  await expect(removal.getByRole('list', { name: 'Cases Bob could read' })).toContainText(opened.id);
  await removal.getByRole('button', { name: 'Remove Bob' }).click();
  await expect(removal).toBeHidden();
  await expect(members.getByRole('row', { name: /Bob/ })).toHaveCount(0);
  const removed = page.getByRole('region', { name: 'Removed members' });
  await expect(removed).toContainText('not retroactive');
  await expect(removed).toContainText(opened.id);
  const after = (await api<{ cases: { epoch: number; sharedWith: string[] }[] }>(page, 'team.show', {})).cases[0]!;
  expect(after.sharedWith).toHaveLength(1);
  expect(problems()).toEqual([]);
});
