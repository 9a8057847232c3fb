// Stale patches in a real browser against real git: a case built its branches and sent the
// patches; then the upstream moves (new commits on main and release-1.5, a patch release that
// changes the fix's own line) and is imported again. The Workspace tab shows the banner with
// each stale branch, re-runs the cherry-picks on the new bases, and links to the drafted
// "patches updated" email, which quotes the interdiff.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, screenshotBothThemes, watchForProblems } from '../support/browser-mode.ts';
import { commitAll, git, write } from '../../core/workspace/git-fixture.ts';

const PASSPHRASE = 'ochre-lantern-quartz-fable-38';
const CANARY = 'CANARY-e2e-stale-51c0';

let root: string;
let upstream: string;
let fixBundle: string;

function authFile(edit: (lines: string[]) => void = () => {}): string {
  const lines = Array.from({ length: 100 }, (_, i) => `auth line ${i + 1}`);
  edit(lines);
  return `${lines.join('\n')}\n`;
}

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'embargo-e2e-stale-'));
  upstream = join(root, 'upstream');
  git(root, ['init', '-q', '-b', 'main', upstream]);
  write(upstream, 'pkg/auth.go', authFile());
  write(upstream, 'other.txt', 'other\n');
  commitAll(upstream, 'initial');
  git(upstream, ['tag', 'v1.5.0']);
  git(upstream, ['branch', 'release-1.5']);
  const fixRepo = join(root, 'fixwork');
  git(root, ['clone', '-q', upstream, fixRepo]);
  git(fixRepo, ['checkout', '-q', '-b', 'fix', 'v1.5.0']);
  write(fixRepo, 'pkg/auth.go', authFile((l) => (l[49] = `auth line 50 checks the audience ${CANARY}`)));
  commitAll(fixRepo, 'auth: check the token audience', { name: 'Fix Dev', email: 'fix@example.org' });
  write(fixRepo, 'pkg/auth_test.go', `audience test ${CANARY}\n`);
  commitAll(fixRepo, 'auth: test the audience check', { name: 'Fix Dev', email: 'fix@example.org' });
  fixBundle = join(root, 'fix.bundle');
  git(fixRepo, ['bundle', 'create', '-q', fixBundle, 'v1.5.0..fix']);
});

test.afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function moveUpstream(): void {
  write(upstream, 'pkg/auth.go', authFile((l) => (l[46] = 'auth line 47, reworded upstream')));
  commitAll(upstream, 'upstream: reword line 47');
  git(upstream, ['checkout', '-q', 'release-1.5']);
  write(upstream, 'other.txt', 'other, changed upstream\n');
  commitAll(upstream, 'upstream: other change');
  git(upstream, ['checkout', '-q', '--detach']);
  write(upstream, 'pkg/auth.go', authFile((l) => (l[49] = 'auth line 50 hardened upstream')));
  commitAll(upstream, 'upstream: harden line 50');
  git(upstream, ['tag', 'v1.5.1']);
  git(upstream, ['checkout', '-q', 'main']);
}

test('the upstream moved: the banner names the stale branches, the cherry-picks re-run, the draft opens', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill('Audience bypass');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: 'Audience bypass', level: 1 })).toBeVisible();

  // The branches built and the patches sent (the workspace E2E covers doing this by hand).
  const built = await page.evaluate(
    async ({ upstream, fixBundle, out }) => {
      const api = window.api!;
      const id = 'EMB-0001';
      const steps = [
        await api.call('case.update', { id, edits: { cve: 'CVE-2026-40404', summary: 'an audience bypass in token checks' } }),
        await api.call('mail.settings', {}).then((settings) =>
          settings.ok ? api.call('mail.updateSettings', { lists: { ...settings.value.lists, distributors: 'distros@example.org' }, from: { name: 'Fix Lead', address: 'lead@example.org' } }) : settings,
        ),
        await api.call('workspace.import', { id, upstream }),
        await api.call('workspace.fix', { id, from: fixBundle }),
        await api.call('workspace.releaseBranches', { id, minors: ['1.5'] }),
        await api.call('workspace.cherryPick', { id }),
        await api.call('workspace.exportPatches', { id, output: out }),
      ];
      return steps.map((step) => (step.ok ? 'ok' : step.error.message));
    },
    { upstream, fixBundle, out: join(root, 'sent') },
  );
  expect(built).toEqual(Array(7).fill('ok'));

  await page.getByRole('tab', { name: 'Workspace' }).click();
  await expect(page.getByRole('table', { name: 'Cherry-pick matrix' }).locator('tr[data-branch="v1.5.1"]')).toBeVisible();
  // Nothing moved yet: no banner.
  await expect(page.getByRole('region', { name: 'Stale patches' })).toHaveCount(0);

  // The upstream moves and is imported again through the tab.
  moveUpstream();
  const upstreamPanel = page.getByRole('region', { name: 'Upstream repository' });
  await upstreamPanel.getByRole('button', { name: 'Import again…' }).click();
  await upstreamPanel.getByLabel('Path to a local clone or a bundle').fill(upstream);
  await upstreamPanel.getByRole('button', { name: 'Import' }).click();

  const stalePanel = page.getByRole('region', { name: 'Stale patches' });
  await expect(stalePanel).toBeVisible();
  await expect(stalePanel.getByText('3 stale')).toBeVisible();
  const list = stalePanel.getByRole('list', { name: 'Stale branches' });
  await expect(list.locator('li[data-state="moved"]')).toHaveCount(2);
  await expect(list.locator('li', { hasText: 'release-1.5' })).toContainText('applies cleanly on the new release-1.5, same patches');
  await expect(list.locator('li', { hasText: /^main/ })).toContainText('the patches change');
  const conflict = list.locator('li[data-state="conflict"]');
  await expect(conflict).toContainText('v1.5.1');
  await expect(conflict).toContainText('v1.5.2');
  await expect(conflict).toContainText('no longer applies on v1.5.1 (conflicts in pkg/auth.go)');
  await stalePanel.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'workspace-stale-banner');

  await stalePanel.getByRole('button', { name: 'Re-run cherry-picks on the new base' }).click();
  const outcome = stalePanel.getByRole('group', { name: 'Refresh result' });
  await expect(outcome).toContainText('Rebuilt 2 of 3 stale branches; v1.5.2 still needs a resolution');
  await expect(stalePanel.getByText('Current')).toBeVisible();
  const interdiff = outcome.getByLabel('Interdiff');
  await expect(interdiff).toContainText('Branch main: rebuilt on');
  await expect(interdiff).toContainText('+ auth line 47, reworded upstream');
  await expect(interdiff).toContainText('Branch v1.5.1 (now v1.5.2): no longer applies');
  await expect(page.getByRole('table', { name: 'Cherry-pick matrix' }).locator('tr[data-branch="v1.5.2"]')).toBeVisible();
  await screenshotBothThemes(page, 'workspace-stale-refreshed');

  await outcome.getByRole('button', { name: 'Open the “patches updated” draft' }).click();
  await expect(page.getByRole('tab', { name: 'Mail' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'Subject', exact: true })).toHaveValue('[EMBARGOED] CVE-2026-40404: updated patches for an audience bypass in token checks');
  await expect(page.getByRole('textbox', { name: 'Body', exact: true })).toHaveValue(/Branch main: rebuilt on/);
  await screenshotBothThemes(page, 'workspace-stale-draft');

  expect(problems()).toEqual([]);
});
