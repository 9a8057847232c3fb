// The case's CVE area on the Advisory tab, in a real browser: a CVE ID assigned from the pool,
// the review text made, the record signed by the vault's own key (a PST member who is not the
// Fix Lead), the ready state with the publishing commands, a change that voids the review, and
// a published record imported through the file picker; each step on the timeline.
import { test, expect, watchForProblems, type Page } from '../support/browser-mode.ts';
import { PUBLISHED_RECORD } from '../../core/cna/published-record.ts';
import { WELL_FILLED } from '../../core/advisory/case-fixture.ts';

const PASSPHRASE = 'copper-harbor-violet-signal-52';
const CASE_TITLE = 'Kubelet follows symlinks in subPath volume mounts';

async function openCase(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill(CASE_TITLE);
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: CASE_TITLE, level: 1 })).toBeVisible();
  const year = new Date().getUTCFullYear();
  const { cve: _cve, ...edits } = WELL_FILLED;
  const id = await page.evaluate(
    async ({ year, edits }) => {
      const api = window.api!;
      const cases = await api.call('case.list', {});
      const caseId = cases.ok ? cases.value[0]?.id : undefined;
      if (!caseId) throw new Error('the new case is not listed');
      const releaseDate = new Date(Date.now() + 14 * 86_400_000).toISOString();
      const steps: { ok: boolean }[] = [
        await api.call('case.update', { id: caseId, edits: { ...edits, releaseDate } }),
        await api.call('cve.poolAdd', { entries: [`CVE-${year}-4100..4102`] }),
      ];
      const key = await api.call('keyring.generate', { name: 'Rita Reviewer', email: 'rita@example.org' });
      if (!key.ok) throw new Error(key.error.message);
      steps.push(await api.call('people.add', { name: 'Rita Reviewer', roles: ['pst'], fingerprints: [key.value.fingerprint] }));
      if (steps.some((s) => !s.ok)) throw new Error('set-up failed');
      return caseId;
    },
    { year, edits },
  );
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('table', { name: 'Cases' }).getByRole('button', { name: CASE_TITLE }).click();
  await expect(page.getByRole('heading', { name: CASE_TITLE, level: 1 })).toBeVisible();
  return id;
}

test('CVE area: assign from the pool, second review, ready, voided by a change, import', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const id = await openCase(page, browserMode.url);
  const year = new Date().getUTCFullYear();
  await page.getByRole('tab', { name: 'Advisory' }).click();
  const panel = page.getByRole('region', { name: 'CVE' });
  await expect(panel).toContainText('3 unused');
  await panel.getByRole('button', { name: 'Assign from pool' }).click();
  await expect(panel).toContainText(`CVE-${year}-4100`);
  await expect(panel).toContainText('Not reviewed');

  await panel.getByRole('button', { name: 'Make review text' }).click();
  await expect(panel).toContainText('Waiting for the signature');
  await expect(panel).toContainText('gpg --armor --detach-sign');
  await panel.getByRole('button', { name: 'Sign with my key' }).click();
  await expect(panel).toContainText('Reviewed by Rita Reviewer');
  await expect(panel.getByRole('status').filter({ hasText: 'Ready to publish' })).toContainText(`embargo cve bundle ${id} --dir DIR`);

  // a change to the record after signing voids the review
  await page.evaluate(async (caseId) => {
    await window.api?.call('case.update', { id: caseId, edits: { workarounds: 'Upgrade the kubelet.' } });
  }, id);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByText('CVE record reviewed by Rita Reviewer')).toBeVisible();
  await expect(page.getByText('CVE ID assigned from the pool')).toBeVisible();
  await page.getByRole('tab', { name: 'Advisory' }).click();
  await expect(panel).toContainText('Changed after review');
  await expect(panel).toContainText('changed after Rita Reviewer signed it');

  // a published record of another CVE ID is refused with the core's words, and nothing changes
  await panel.getByLabel('Import a published CVE JSON 5 record').setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(PUBLISHED_RECORD)) });
  await expect(panel.getByRole('alert')).toContainText(`carries CVE-${year}-4100, the record is CVE-2025-40001`);
  expect(problems()).toEqual([]);
});
