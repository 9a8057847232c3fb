// The Workspace tab in a real browser against real git: a small upstream project built with
// git in a temporary directory, imported through the tab (the long-run bar shown while the
// call is held), the private fix brought in from a bundle path, LGTMs recorded (an OWNERS
// assignee's counts, a stranger's does not), patch-release branches and cherry-picks, the
// branch × commit matrix with a conflict expanded to both sides, a resolution, a pin change
// flagged, exports encrypted to the distributors list (gpg decrypts them; git accepts the
// bundle), and the leak lint. Every screen is saved in light and dark.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, screenshotBothThemes, watchForProblems, type Page } from '../support/browser-mode.ts';
import { buildFix, buildUpstream, commitAll, git, write } from '../../core/workspace/git-fixture.ts';
import { tempGpg, type Gpg } from '../../core/keyring/gpg.ts';

const PASSPHRASE = 'basalt-meridian-fjord-kiln-17';
const CANARY = 'CANARY-e2e-workspace-7b1d';

let root: string;
let upstream: string;
let fixBundle: string;
let resolvedMbox: string;
let gpg: Gpg;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'embargo-e2e-ws-'));
  upstream = buildUpstream(root);
  const fix = buildFix(root, upstream, CANARY);
  fixBundle = join(root, 'fix.bundle');
  git(fix.repo, ['bundle', 'create', '-q', fixBundle, 'v1.6.0..fix']);
  // The Fix Lead's resolution for main, where the fix's change to auth.go conflicts.
  git(fix.repo, ['checkout', '-q', '-b', 'main-resolved', 'origin/main']);
  const auth = readFileSync(join(fix.repo, 'pkg/kubelet/auth.go'), 'utf8').replace('\tauth line 8 (main rewrote this)\n', '\tif token == "" { return false } // resolved\n');
  write(fix.repo, 'pkg/kubelet/auth.go', auth);
  commitAll(fix.repo, 'kubelet: check the token before serving (main)', { name: 'José Fixer', email: 'jose@example.org' });
  resolvedMbox = join(root, 'main-resolved.mbox');
  writeFileSync(resolvedMbox, git(fix.repo, ['format-patch', '--stdout', 'origin/main..main-resolved']));
  gpg = await tempGpg();
});

test.afterAll(async () => {
  await gpg?.cleanup();
  if (root) await rm(root, { recursive: true, force: true });
});

async function openCase(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill('Kubelet accepts an empty token');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: 'Kubelet accepts an empty token', level: 1 })).toBeVisible();
  const id = 'EMB-0001';
  await page.evaluate(async (caseId) => window.api!.call('case.update', { id: caseId, edits: { cve: 'CVE-2026-31337' } }), id);
  return id;
}

test('import upstream, bring in the fix, LGTM, cherry-pick, read the matrix, export, lint', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const caseId = await openCase(page, browserMode.url);

  // A distributor on the list with a verified key, and the Fix Lead's own key for signing.
  const distributor = gpg.generate('Distro Security <security@distro.example>', 'ed25519', 'cv25519');
  const armored = gpg.ok(['--armor', '--export', distributor]).stdout.toString('utf8');
  await page.evaluate(
    async ({ text, fingerprint }) => {
      const api = window.api!;
      await api.call('keyring.generate', { name: 'Fiona Fixlead', email: 'fiona@security.k8s.example', expiresInDays: 730 });
      await api.call('keyring.import', { data: { text } });
      await api.call('keyring.verify', { fingerprint });
      const person = await api.call('people.add', { name: 'Dana Distro', emails: ['security@distro.example'], roles: ['distributor-contact'], fingerprints: [fingerprint] });
      if (person.ok) await api.call('distributors.addMember', { organisation: 'Distro Inc.', distribution: 'DistroOS', contacts: [person.value.id] });
    },
    { text: armored, fingerprint: distributor },
  );

  await page.getByRole('tab', { name: 'Workspace' }).click();
  const upstreamPanel = page.getByRole('region', { name: 'Upstream repository' });
  await expect(upstreamPanel.getByText('Not imported')).toBeVisible();
  await screenshotBothThemes(page, 'workspace-empty');

  // Import: the call is held at the network until the long-run bar has been seen.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call', async (route) => {
    if (route.request().postDataJSON()?.method === 'workspace.import') await held;
    await route.continue();
  });
  await upstreamPanel.getByLabel('Path to a local clone or a bundle').fill(upstream);
  await upstreamPanel.getByRole('button', { name: 'Import' }).click();
  const progress = upstreamPanel.getByRole('progressbar', { name: 'Importing the upstream repository…' });
  await expect(progress).toBeVisible();
  await expect(upstreamPanel.getByRole('status')).toContainText(/Importing the upstream repository… \d+ s/);
  await screenshotBothThemes(page, 'workspace-importing');
  release();
  await expect(upstreamPanel.getByText('Available')).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(upstreamPanel.getByText('3 branches · 6 tags')).toBeVisible();
  await expect(upstreamPanel.getByText(upstream)).toBeVisible();

  // The fix, from a bundle path.
  const fixPanel = page.getByRole('region', { name: /Fix commits/ });
  await fixPanel.getByLabel(/Path to the fix/).fill(fixBundle);
  await fixPanel.getByRole('button', { name: 'Bring in the fix' }).click();
  const commits = fixPanel.getByRole('list', { name: 'Fix commits' });
  await expect(commits.getByRole('listitem').filter({ hasText: 'kubelet: check the token before serving' })).toBeVisible();
  await expect(commits.locator('.fix-commit')).toHaveCount(3);
  await expect(fixPanel.getByText('0 of 3 approved')).toBeVisible();
  await expect(fixPanel.getByText('@alice').first()).toBeVisible(); // suggested Fix Team from OWNERS

  // LGTMs: alice is an approver of pkg/kubelet; mallory is nobody.
  const first = commits.locator('.fix-commit').nth(0);
  await expect(first.getByText('alice', { exact: true })).toBeVisible();
  await first.getByLabel(/LGTM by/).fill('mallory');
  await first.getByRole('button', { name: 'Record LGTM' }).click();
  await expect(first.locator('.lgtm--other')).toHaveText('@mallory');
  await expect(first.getByText('Needs an owner LGTM')).toBeVisible();
  await first.getByLabel(/LGTM by/).fill('alice');
  await first.getByRole('button', { name: 'Record LGTM' }).click();
  await expect(first.locator('.lgtm--owner')).toHaveText('@alice');
  await expect(fixPanel.getByText('1 of 3 approved')).toBeVisible();
  for (const [index, by] of [
    [1, 'root-reviewer'],
    [2, 'dave'],
  ] as const) {
    const item = commits.locator('.fix-commit').nth(index);
    await item.getByLabel(/LGTM by/).fill(by);
    await item.getByRole('button', { name: 'Record LGTM' }).click();
    await expect(item.locator('.lgtm--owner')).toHaveText(`@${by}`);
  }
  await expect(fixPanel.getByText('Fix complete')).toBeVisible();
  await screenshotBothThemes(page, 'workspace-fix');

  // Patch-release branches, then cherry-picks onto the defaults.
  const branches = page.getByRole('region', { name: 'Branches' });
  await branches.getByLabel('Patch releases for the supported minors').fill('1.6, release-1.5');
  await expect(branches.getByText('Not a minor version: release-1.5 (write 1.30)')).toBeVisible();
  await branches.getByLabel('Patch releases for the supported minors').fill('1.6, v1.5');
  await branches.getByRole('button', { name: 'Create branches' }).click();
  const matrix = branches.getByRole('table', { name: 'Cherry-pick matrix' });
  await expect(matrix.locator('tr[data-branch="v1.6.1"]')).toBeVisible();
  await expect(matrix.locator('tr[data-branch="v1.5.4"]')).toBeVisible();
  await branches.getByRole('button', { name: 'Cherry-pick' }).click();
  await expect(matrix.locator('tr[data-branch="main"]')).toBeVisible();
  await expect(matrix.locator('tr[data-branch="release-1.6"]')).toBeVisible();
  const v161 = matrix.locator('tr[data-branch="v1.6.1"]');
  await expect(v161.locator('.cell--clean')).toHaveCount(3);
  await expect(v161.getByText('pinned')).toBeVisible();
  const main = matrix.locator('tr[data-branch="main"]');
  await expect(main.locator('.branch-status')).toHaveText('conflict');
  await expect(main.locator('.cell--conflict')).toHaveCount(1);
  await expect(main.locator('.cell--none')).toHaveCount(2);
  await main.getByRole('button', { name: /1 conflict/ }).click();
  const conflict = matrix.getByRole('region', { name: 'Conflicts on main' });
  await expect(conflict.getByText('pkg/kubelet/auth.go')).toBeVisible();
  await expect(conflict.getByText('Branch (ours)').first()).toBeVisible();
  await expect(conflict.getByText(/auth line 8 \(main rewrote this\)/).first()).toBeVisible();
  await expect(conflict.getByText(new RegExp(CANARY)).first()).toBeVisible();
  await screenshotBothThemes(page, 'workspace-matrix-conflict');

  // The Fix Lead's resolution for main.
  await conflict.getByLabel(/Resolved patch series for main/).fill(resolvedMbox);
  await conflict.getByRole('button', { name: 'Use this resolution' }).click();
  await expect(main.locator('.branch-status')).toHaveText('resolved');
  await expect(main.locator('.cell--resolved')).toHaveCount(3);

  // A pinned branch rebuilt into different commits is flagged.
  await page.evaluate(
    async (id) => window.api!.call('workspace.cherryPick', { id, onto: ['release-1.6'], force: true, committer: { name: 'Someone Else', email: 'else@example.org' } }),
    caseId,
  );
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await page.getByRole('tab', { name: 'Workspace' }).click();
  await expect(matrix.locator('tr[data-branch="release-1.6"]').getByText('pin changed')).toBeVisible();
  await expect(branches.getByText(/release-1.6 was rebuilt after being pinned/)).toBeVisible();
  await matrix.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'workspace-matrix');

  // Export patches to the distributors list, encrypted and signed.
  const out = join(root, 'out');
  mkdirSync(out);
  await page.getByRole('button', { name: 'Export patches…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export patches' });
  await exportDialog.getByLabel('Output directory').fill(out);
  const health = exportDialog.getByRole('table', { name: 'Recipient key health' });
  await expect(health.getByRole('row', { name: /Distro Security/ }).getByText('Can receive encrypted mail')).toBeVisible();
  await expect(exportDialog.getByLabel('Sign with your key')).toBeChecked();
  await screenshotBothThemes(page, 'workspace-export-patches');
  await exportDialog.getByRole('button', { name: /Export encrypted to 1/ }).click();
  const written = exportDialog.getByRole('list', { name: 'Written files' });
  await expect(written).toContainText('31337_v1.6.1.patch.asc');
  await expect(written).toContainText('MANIFEST.json.asc');
  await screenshotBothThemes(page, 'workspace-export-done');
  await exportDialog.getByRole('button', { name: 'Done' }).click();
  expect(readdirSync(out).sort()).toContain('31337_v1.6.1.patch.asc');
  // The distributor's gpg opens it and sees a good signature by the Fix Lead's key.
  const ownPublic = await page.evaluate(async () => {
    const keys = await window.api!.call('keyring.list', {});
    const own = keys.ok ? keys.value.find((key) => key.own) : undefined;
    const exported = own ? await window.api!.call('keyring.exportPublic', { fingerprint: own.fingerprint }) : null;
    return exported?.ok ? exported.value.armored : '';
  });
  gpg.ok(['--import'], ownPublic);
  const decrypted = gpg.ok(['--decrypt'], readFileSync(join(out, '31337_v1.6.1.patch.asc')));
  expect(decrypted.stdout.toString('utf8')).toContain('Subject: [PATCH 1/3] kubelet: check the token before serving');
  expect(decrypted.statusLines.some((line) => line.includes('GOODSIG'))).toBe(true);

  // A bundle for the Release Managers; git accepts it.
  const bundle = join(root, 'case.bundle');
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const bundleDialog = page.getByRole('dialog', { name: 'Export a bundle' });
  await bundleDialog.getByLabel('Output file').fill(bundle);
  await bundleDialog.getByRole('button', { name: 'Export unencrypted' }).click();
  await expect(bundleDialog.getByText(`Bundle written to ${bundle}`)).toBeVisible();
  await bundleDialog.getByRole('button', { name: 'Done' }).click();
  git(upstream, ['bundle', 'verify', '-q', bundle]);
  await expect(page.getByRole('list', { name: 'Past exports' }).getByRole('listitem')).toHaveCount(2);

  // The encrypted export recorded the signed embargo commitment, shown where the Fix Lead looks.
  const commitment = page.getByRole('region', { name: 'Embargo commitment' });
  await expect(commitment.getByText('Signed', { exact: true })).toBeVisible();
  await expect(commitment.getByRole('table', { name: 'Committed patches' })).toContainText('kubelet: check the token before serving');
  await expect(commitment.getByRole('list', { name: 'Deliveries' })).toContainText('31337_v1.6.1.patch');
  await expect(commitment.getByRole('button', { name: 'Publish the record' })).toBeDisabled();

  // The leak lint flags the word the fix's message uses.
  const lint = page.getByRole('region', { name: 'Leak lint' });
  await lint.getByLabel('Words to flag').fill('token');
  await lint.getByRole('button', { name: 'Run the lint' }).click();
  const findings = lint.getByRole('table', { name: 'Leak lint findings' });
  await expect(findings.getByText('kubelet: check the token before serving').first()).toBeVisible();
  await expect(lint.getByText('token', { exact: true }).first()).toBeVisible();
  await lint.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'workspace-lint');

  expect(problems()).toEqual([]);
});
