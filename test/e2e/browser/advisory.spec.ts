// Issue 4 in a real browser: score a case with the CVSS calculator (v3.1 built by clicking and
// from the keyboard, a v4.0 vector pasted, a bad paste refused with the core's message), record
// the Fix Lead's final call and find it on the timeline; fill the advisory fields until the CVE
// and OSV exports validate; download the CVE record after the plaintext warning and find the
// download, with the file's SHA-256, on the timeline. Screens are saved in light and dark.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test, expect, screenshotBothThemes, watchForProblems, SCREENSHOT_DIR, type Page } from '../support/browser-mode.ts';

const PASSPHRASE = 'copper-harbor-violet-signal-52';
const CASE_TITLE = 'Kubelet follows symlinks in subPath volume mounts';
const V31 = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:P';

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
  // A Release Date two weeks ahead: the case is under embargo. Set through the API, then the
  // case opened again from the list, so the page shows it (no reload: the page stays as loaded).
  const id = await page.evaluate(async () => {
    const cases = await window.api?.call('case.list', {});
    const caseId = cases?.ok ? cases.value[0]?.id : undefined;
    if (!caseId) throw new Error('the new case is not listed');
    const releaseDate = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const updated = await window.api?.call('case.update', { id: caseId, edits: { releaseDate } });
    if (!updated?.ok) throw new Error('case.update failed');
    return caseId;
  });
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('table', { name: 'Cases' }).getByRole('button', { name: CASE_TITLE }).click();
  await expect(page.locator('.case-header')).toContainText('Release date');
  await expect(page.locator('.case-header')).not.toContainText('not set');
  return id;
}

/** Screens are taken from the top of the page, with the pointer out of the way (no tooltip). */
async function toTop(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await page.locator('#content').evaluate((content) => content.scrollTo(0, 0));
}

function metric(page: Page, name: RegExp) {
  return page.getByRole('radiogroup', { name });
}

test('the CVSS calculator: v3.1 by clicking and keys, v4.0 by paste, the recorded call on the timeline', async ({ page, browserMode, context }) => {
  const problems = watchForProblems(page, browserMode.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browserMode.origin });
  await openCase(page, browserMode.url);
  await page.getByRole('tab', { name: 'Severity' }).click();

  // Nothing recorded yet; the calculator starts empty at v4.0.
  await expect(page.getByText('No final call recorded yet.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'v4.0', exact: true })).toBeChecked();
  await expect(page.getByRole('button', { name: "Record as the Fix Lead's final call" })).toBeDisabled();

  // v3.1, built by clicking the base metrics.
  await page.getByRole('radio', { name: 'v3.1', exact: true }).click();
  await expect(page.getByText('Choose the 8 remaining base metrics')).toBeVisible();
  await metric(page, /^Attack Vector/).getByRole('radio', { name: 'Network', exact: true }).click();
  await metric(page, /^Attack Complexity/).getByRole('radio', { name: 'Low', exact: true }).click();
  await metric(page, /^Privileges Required/).getByRole('radio', { name: 'Low', exact: true }).click();
  await metric(page, /^User Interaction/).getByRole('radio', { name: 'None', exact: true }).click();
  await metric(page, /^Scope/).getByRole('radio', { name: 'Changed', exact: true }).click();
  await metric(page, /^Confidentiality Impact/).getByRole('radio', { name: 'High', exact: true }).click();
  await metric(page, /^Integrity Impact/).getByRole('radio', { name: 'None', exact: true }).click();
  await expect(page.getByText('Choose the last base metric: Availability Impact.')).toBeVisible();
  await metric(page, /^Availability Impact/).getByRole('radio', { name: 'None', exact: true }).click();

  const vector = page.getByRole('status', { name: 'Vector' });
  await expect(vector).toHaveText(V31);
  const live = page.getByRole('status', { name: 'Live score' });
  await expect(live).toContainText('7.7');
  await expect(live).toContainText('High');
  await expect(live.locator('[data-severity="high"]').first()).toBeVisible();

  // Keyboard: the arrows move through a metric's values and choose; the tooltip follows focus
  // and gives the specification's description of the value.
  const attackVector = metric(page, /^Attack Vector/);
  await attackVector.getByRole('radio', { name: 'Network', exact: true }).focus();
  await expect(page.getByRole('tooltip')).toContainText('attackable from across the Internet');
  // Held like a key on a keyboard (Radix chooses on the focus that an arrow key moves).
  await page.keyboard.down('ArrowRight');
  await expect(attackVector.getByRole('radio', { name: 'Adjacent', exact: true })).toBeChecked();
  await page.keyboard.up('ArrowRight');
  await expect(attackVector.getByRole('radio', { name: 'Adjacent', exact: true })).toBeFocused();
  await expect(page.getByRole('tooltip')).toContainText('logically adjacent topology');
  await expect(vector).toHaveText(V31.replace('AV:N', 'AV:A'));
  await page.keyboard.down('ArrowLeft');
  await expect(vector).toHaveText(V31);
  await page.keyboard.up('ArrowLeft');
  // And on hover.
  await page.mouse.move(0, 0);
  await metric(page, /^Scope/).getByRole('radio', { name: 'Unchanged', exact: true }).hover();
  await expect(page.getByRole('tooltip')).toContainText('managed by the same security authority');
  await screenshotBothThemes(page, 'cvss-tooltip');

  // A temporal metric: the three group scores, each with its rating.
  await page.getByText('Temporal metrics').click();
  await metric(page, /^Exploit Code Maturity/).getByRole('radio', { name: 'Proof-of-Concept', exact: true }).click();
  await expect(vector).toHaveText(`${V31}/E:P`);
  await expect(live).toContainText('7.3');
  await expect(live.getByText('Temporal score')).toBeVisible();
  const groups = live.locator('.cvss-score__group');
  await expect(groups.filter({ hasText: 'Base' })).toContainText('7.7 High');
  await expect(groups.filter({ hasText: 'Temporal' })).toContainText('7.3 High');
  await toTop(page);
  await screenshotBothThemes(page, 'cvss-calculator-v31');

  // Copy the vector.
  await page.getByRole('button', { name: 'Copy vector' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${V31}/E:P`);

  // A bad paste names the wrong part, and changes nothing.
  const paste = page.getByLabel('Paste a vector');
  await paste.fill(V40.replace('/SA:N', ''));
  await paste.press('Enter');
  await expect(page.getByRole('alert')).toContainText('the mandatory base metric SA is missing');
  await expect(vector).toHaveText(`${V31}/E:P`);
  await paste.fill('cvss:4.0/AV:N');
  await paste.press('Enter');
  await expect(page.getByRole('alert')).toContainText('must be written "CVSS:4.0"');

  // A v4.0 vector pasted from the clipboard fills the buttons at once.
  await paste.fill('');
  await page.evaluate((text) => navigator.clipboard.writeText(text), V40);
  await paste.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('radio', { name: 'v4.0', exact: true })).toBeChecked();
  await expect(vector).toHaveText(V40);
  await expect(paste).toHaveValue('');
  await expect(metric(page, /^Attack Requirements/).getByRole('radio', { name: 'None', exact: true })).toBeChecked();
  await expect(metric(page, /^Exploit Maturity/).getByRole('radio', { name: 'POC', exact: true })).toBeChecked();
  await expect(live).toContainText('7.3');
  await expect(live).toContainText('CVSS-BT');
  await expect(live).toContainText('Base and Threat metrics');
  await toTop(page);
  await screenshotBothThemes(page, 'cvss-calculator-v40');
  await page.setViewportSize({ width: 880, height: 560 });
  await page.getByText('Base metrics').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/cvss-calculator-narrow-light.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  // Further down, the live score stays in view above the metrics.
  await page.getByText('Environmental metrics').click();
  await page.getByText('Environmental metrics').scrollIntoViewIfNeeded();
  await expect(page.getByRole('status', { name: 'Live score' })).toBeInViewport();
  await page.mouse.move(0, 0);
  await screenshotBothThemes(page, 'cvss-calculator-v40-environmental');
  await page.getByText('Environmental metrics').click();

  // Record the call: the case and the timeline have it, with who and when.
  await page.getByRole('button', { name: "Record as the Fix Lead's final call" }).click();
  const recorded = page.getByRole('region', { name: "Fix Lead's final call" });
  await expect(recorded).toContainText('7.3');
  await expect(recorded).toContainText(V40);
  await expect(recorded).toContainText(/Recorded by .+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(page.getByText('This vector is the recorded call.')).toBeVisible();
  await expect(page.getByRole('button', { name: "Record as the Fix Lead's final call" })).toBeDisabled();
  await toTop(page);
  await screenshotBothThemes(page, 'cvss-recorded');

  await page.getByRole('tab', { name: /Timeline/ }).click();
  const call = page.getByRole('list', { name: 'Timeline, newest first' }).getByRole('listitem').filter({ hasText: 'CVSS call' });
  await expect(call).toContainText('7.3 High');
  await expect(call).toContainText(V40);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText(V40)).toBeVisible();

  expect(problems()).toEqual([]);
});

test('the Advisory tab: fields with inline checks, CVE and OSV become valid, the CVE record downloads after the warning', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  const id = await openCase(page, browserMode.url);
  await page.evaluate(async (caseId) => {
    await window.api?.call('case.update', { id: caseId, edits: { cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N' } });
  }, id);
  await page.getByRole('tab', { name: 'Advisory' }).click();

  // An empty case: CVE and OSV say in words what is missing.
  const formats = page.getByRole('list', { name: 'Export formats' });
  const cve = formats.getByRole('listitem', { name: 'CVE JSON 5.1 record' });
  const osv = formats.getByRole('listitem', { name: 'OSV record' });
  await expect(cve.getByRole('list', { name: /Problems/ })).toContainText('the case has no CVE ID');
  await expect(cve.getByRole('list', { name: /Problems/ })).toContainText('no affected product is listed');
  await expect(osv.getByRole('list', { name: /Problems/ })).toContainText('both the summary and the description are empty');
  // The core's CLI hints are left out in the app.
  await expect(cve).not.toContainText('case set');
  await expect(page.getByRole('button', { name: 'Export…' })).toBeDisabled();

  // Inline checks as the fields are typed.
  await page.getByLabel('CVE ID').fill('CVE-26-1');
  await expect(page.getByText('A CVE ID looks like CVE-2026-12345.')).toBeVisible();
  await page.getByLabel('CVE ID').fill('CVE-2026-31337');
  await expect(page.getByText('A CVE ID looks like CVE-2026-12345.')).toBeHidden();
  await page.getByLabel('Tracking issue URL').fill('github.com/kubernetes/kubernetes/issues/131337');
  await expect(page.getByText('The tracking issue must be an http(s) URL.')).toBeVisible();
  await page.getByLabel('Tracking issue URL').fill('https://github.com/kubernetes/kubernetes/issues/131337');
  await page.getByLabel('Summary').fill(CASE_TITLE);
  await page.getByLabel('Description', { exact: true }).fill(
    'allows a user who can create pods to read arbitrary files on the node through a symlinked subPath volume mount.',
  );
  const cweInput = page.getByLabel('CWE', { exact: true });
  await cweInput.fill('CWE-x');
  await cweInput.press('Enter');
  await expect(page.getByText('"CWE-x" is not a CWE ID')).toBeVisible();
  await cweInput.fill('59');
  await cweInput.press('Enter');
  await cweInput.fill('CWE-22');
  await page.getByRole('button', { name: 'Add CWE' }).click();
  await expect(page.getByRole('list', { name: 'CWE IDs' }).getByRole('listitem')).toHaveText(['CWE-59', 'CWE-22']);

  await page.getByRole('button', { name: 'Add an affected range' }).click();
  await page.getByLabel('Affected product 1', { exact: true }).fill('kubelet');
  await page.getByLabel('Affected range 1', { exact: true }).fill('>1.29.0 <1.29.4');
  await expect(page.getByText('Write the lower bound as ">="')).toBeVisible();
  await page.getByLabel('Affected range 1', { exact: true }).fill('1.29 to 1.30');
  await expect(page.getByText('"1.29 to 1.30" is not a semver range')).toBeVisible();
  await page.getByLabel('Affected range 1', { exact: true }).fill('>=1.29.0 <1.29.4');
  await page.getByRole('button', { name: 'Add an affected range' }).click();
  await expect(page.getByLabel('Affected product 2', { exact: true })).toHaveValue('kubelet');
  await page.getByLabel('Affected range 2', { exact: true }).fill('<1.28.9');
  await page.getByRole('button', { name: 'Add a fixed version' }).click();
  await expect(page.getByLabel('Fixed product 1', { exact: true })).toHaveValue('kubelet');
  await page.getByLabel('Fixed version 1', { exact: true }).fill('1.29.4');
  await page.getByRole('button', { name: 'Add a fixed version' }).click();
  await page.getByLabel('Fixed version 2', { exact: true }).fill('1.28.9');

  await page.getByRole('button', { name: 'Add a reference' }).click();
  await page.getByLabel('Reference URL 1', { exact: true }).fill('https://github.com/kubernetes/kubernetes/pull/131338');
  await page.getByLabel('Add a tag to reference 1', { exact: true }).selectOption('patch');
  await expect(page.getByRole('list', { name: 'Tags of reference 1' })).toContainText('patch');
  await page.getByRole('button', { name: 'Add a credit' }).click();
  await page.getByLabel('Credited name 1', { exact: true }).fill('Ada Lovelace');
  await page.getByLabel('Credit type 1', { exact: true }).selectOption('finder');
  await page.getByLabel('Workarounds').fill('Do not allow untrusted users to create pods that use subPath volume mounts.');

  // An empty row stops the save with its message; removing it lets the save go through.
  await page.getByRole('button', { name: 'Add a credit' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Give the name, or remove the row.')).toBeVisible();
  await expect(page.getByText(/Nothing was saved: one field needs attention/)).toBeVisible();
  await toTop(page);
  await screenshotBothThemes(page, 'advisory-invalid');
  await page.getByLabel('Affected range 1', { exact: true }).scrollIntoViewIfNeeded();
  await page.getByLabel('Affected range 1', { exact: true }).fill('>1.29.0 <1.29.4');
  await page.getByLabel('Affected range 1', { exact: true }).blur();
  await screenshotBothThemes(page, 'advisory-inline-errors');
  await page.getByLabel('Affected range 1', { exact: true }).fill('>=1.29.0 <1.29.4');
  await page.getByRole('button', { name: 'Remove credit 2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'unsaved changes' })).toContainText('CVE ID, Summary, Description, CWE, Affected versions');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('All changes saved.')).toBeVisible();

  // The saved case validates: CVE and OSV against their official schemas.
  await expect(cve).toContainText('Valid');
  await expect(cve).toContainText('Valid against cve/CVE_JSON_bundled_5.1.1.json and cve/CVE_JSON_cnaPublishedContainer_5.1.1.json.');
  await expect(osv).toContainText('Valid against osv/schema.json.');
  await expect(formats.getByRole('listitem', { name: 'CSAF 2.0 advisory' })).toContainText('Valid against csaf/csaf_json_schema.json');
  await expect(formats.getByRole('listitem', { name: 'Public tracking issue' })).toContainText('Valid');
  // Release notes need the PR numbers, which are typed beside them.
  const notes = formats.getByRole('listitem', { name: 'Release-notes CVE map (YAML)' });
  await expect(notes).toContainText('no cherry-pick PR numbers were given');
  await expect(notes).not.toContainText('--pr');
  await page.getByLabel('Cherry-pick PRs').fill('131338, 131339');
  await expect(notes).toContainText('Valid');
  const preview = page.getByLabel('CVE JSON 5.1 record document');
  await expect(preview).toContainText('"cveId": "CVE-2026-31337"');
  // The user's text as written: the CNA-pattern sentence is offered (advisory cve --suggest-description), never applied.
  await expect(preview).toContainText('"value": "allows a user who can create pods to read arbitrary files on the node through a symlinked subPath volume mount."');
  await expect(preview).not.toContainText('The Kubernetes kubelet component in versions');
  await toTop(page);
  await screenshotBothThemes(page, 'advisory-valid');
  await page.getByRole('heading', { name: /^Preview:/ }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  await screenshotBothThemes(page, 'advisory-preview');
  // The smallest window the desktop app allows (880×560).
  await page.setViewportSize({ width: 880, height: 560 });
  await toTop(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/advisory-narrow-light.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Download the CVE record: first the warning that it is plaintext under embargo.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CVE JSON 5 unencrypted?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText(`This file is NOT encrypted, and ${id} is under embargo.`);
  await screenshotBothThemes(page, 'advisory-export-warning');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download CVE-2026-31337.json unencrypted' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('CVE-2026-31337.json');
  const file = await download.path();
  const text = await readFile(file, 'utf8');
  const record = JSON.parse(text) as { cveMetadata: { cveId: string }; containers: { cna: { metrics?: unknown[] } } };
  expect(record.cveMetadata.cveId).toBe('CVE-2026-31337');
  expect(record.containers.cna.metrics).toHaveLength(1);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  await expect(dialog.getByRole('status')).toContainText(`SHA-256 ${sha256.slice(0, 16)}`);

  // The timeline has the download, with the hash of exactly that file.
  const events = await page.evaluate(async (caseId) => {
    const result = await window.api?.call('case.timeline', { id: caseId });
    return result?.ok ? result.value : [];
  }, id);
  expect(events.at(-1)).toMatchObject({
    type: 'advisory.exported',
    data: { format: 'cve', file: null, downloadedAs: 'CVE-2026-31337.json', sha256, embargoed: true, encrypted: false },
  });
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();

  expect(problems()).toEqual([]);
});
