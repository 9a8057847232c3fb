// The email composer in a real browser: the demo case (first-run button), a workspace built
// with real git so the distributors notice carries a real patch series, two distributors with
// keys made by the real GnuPG. The notice is composed: missing variables highlighted and filled
// (one through the Advisory tab it links to, the others from the case or by hand), a recipient
// who cannot receive encrypted mail blocks the export until removed, a public key attached, the
// preview, the versions. Then it is exported encrypted and signed: the .eml parses with
// mailparser as multipart/encrypted with a neutral outer subject, gpg decrypts it and verifies
// the Fix Lead's signature, and the inner message carries the real subject, the text and the
// patches. A public announcement exported in clear before the Release Date goes through the
// override dialog and lands on the timeline; the distributors' answers are recorded, with the
// reminders; a template is edited and reset. Every screen is saved in light and dark.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { test, expect, screenshotBothThemes, watchForProblems, type Page } from '../support/browser-mode.ts';
import { buildFix, buildUpstream, git } from '../../core/workspace/git-fixture.ts';
import { tempGpg, type Gpg } from '../../core/keyring/gpg.ts';

const PASSPHRASE = 'copper-harbour-violet-tram-64';
const CANARY = 'CANARY-e2e-mail-5c2e';

let root: string;
let upstream: string;
let fixBundle: string;
let gpg: Gpg;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'embargo-e2e-mail-'));
  upstream = buildUpstream(root);
  const fix = buildFix(root, upstream, CANARY);
  fixBundle = join(root, 'fix.bundle');
  git(fix.repo, ['bundle', 'create', '-q', fixBundle, 'v1.6.0..fix']);
  gpg = await tempGpg();
});

test.afterAll(async () => {
  await gpg?.cleanup();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Scrolls the content so that the element's top is at the top of the window (for screenshots). */
async function scrollToTop(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().evaluate((element) => {
    const content = element.closest('.content');
    if (content) content.scrollTop += element.getBoundingClientRect().top - content.getBoundingClientRect().top - 16;
  });
}

async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(async ({ method, input }) => window.api!.call(method as never, input as never), { method, input });
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The Fix Lead's key, two distributors whose keys gpg made (verified), a reporter without a key, and the case's workspace with its patch-release branches. */
async function setUpAround(page: Page, caseId: string): Promise<void> {
  await api(page, 'keyring.generate', { name: 'Fiona Fixlead', email: 'fiona@security.k8s.example', expiresInDays: 730 });
  for (const [org, distribution, contact, email] of [
    ['Distro Inc.', 'DistroOS', 'Dana Distro', 'security@distro.example'],
    ['Cloudy Ltd.', 'Cloudy Kubernetes Engine', 'Omar Ops', 'k8s-security@cloudy.example'],
    ['Northwind Linux', 'Northwind', 'Nia Hart', 'security@northwind.example'],
    ['Polar OS', 'Polar Container Host', 'Piet Polder', 'psirt@polar.example'],
  ] as const) {
    const fingerprint = gpg.generate(`${contact} <${email}>`, 'ed25519', 'cv25519');
    const text = gpg.ok(['--armor', '--export', fingerprint]).stdout.toString('utf8');
    await api(page, 'keyring.import', { data: { text } });
    await api(page, 'keyring.verify', { fingerprint });
    const person = await api<{ id: string }>(page, 'people.add', { name: contact, emails: [email], roles: ['distributor-contact'], fingerprints: [fingerprint], organisation: org });
    await api(page, 'distributors.addMember', { organisation: org, distribution, contacts: [person.id] });
  }
  await api(page, 'people.add', { name: 'Lena Novak', emails: ['lena@research.example'], roles: ['reporter'] });
  await api(page, 'workspace.import', { id: caseId, upstream });
  await api(page, 'workspace.fix', { id: caseId, from: fixBundle });
  const created = await api<{ branches: { name: string }[] }>(page, 'workspace.releaseBranches', { id: caseId, minors: ['1.6'] });
  await api(page, 'workspace.cherryPick', { id: caseId, onto: created.branches.map((branch) => branch.name) });
}

test('compose the distributors notice for the demo case, export it encrypted, record the answers', async ({ page, browserMode }) => {
  const problems = watchForProblems(page, browserMode.origin);
  // This test builds the distributors, keys and patch series itself with real gpg and git, so the
  // demo is asked for without the showcase's own (the request is the page's, one field added).
  await page.route('**/api/call', async (route) => {
    const body = route.request().postDataJSON() as { method: string; input: Record<string, unknown> };
    if (body.method !== 'demo.create') return route.continue();
    return route.continue({ postData: JSON.stringify({ ...body, input: { ...body.input, showcase: false } }) });
  });
  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Explore with a demo case' }).click();
  await expect(page.getByRole('heading', { name: /\[DEMO\]/, level: 1 })).toBeVisible();
  await page.unroute('**/api/call');
  const caseId = 'EMB-0001';
  await setUpAround(page, caseId);

  // The template picker: every email of the process, this case's profile first.
  await page.getByRole('tab', { name: 'Mail' }).click();
  await expect(page.getByText('No email drafted yet')).toBeVisible();
  await page.getByRole('button', { name: 'New email…' }).click();
  const picker = page.getByRole('dialog', { name: 'New email' });
  await expect(picker.getByRole('group', { name: /Sent by this case’s process/ }).getByText('Distributors notice')).toBeVisible();
  await expect(picker.getByRole('radio')).toHaveCount(13);
  await picker.getByRole('radio', { name: /Distributors notice/ }).check();
  await screenshotBothThemes(page, 'mail-template-picker');
  await picker.getByRole('button', { name: 'Draft this email' }).click();

  // The composer: the distributors list with every member's key health, the patch series attached, missing variables marked.
  const recipients = page.getByRole('table', { name: 'Recipients and key health' });
  await expect(recipients.getByRole('row', { name: /distributors list/ })).toContainText('Can receive encrypted mail');
  await expect(recipients.getByRole('list', { name: /Members of distributors list/ })).toContainText('Distro Inc.');
  const attachments = page.getByRole('list', { name: 'Attachments' });
  await expect(attachments).toContainText('EMB-0001_v1.6.1.patch');
  const missing = page.getByRole('list', { name: 'Missing variables' });
  await expect(missing.locator('[data-variable="mitigations"]')).toBeVisible();
  await expect(missing.locator('[data-variable="cve"]')).toBeVisible();
  const body = page.getByLabel('Body');
  await expect(body).toHaveValue(/⟦missing: mitigations⟧/);
  await expect(page.locator('.marked__mark--missing').first()).toBeVisible();
  // Its name in the list selects it in the text.
  await missing.getByRole('button', { name: 'fixedVersions', exact: true }).click();
  await expect(body).toBeFocused();
  expect(await body.evaluate((element: HTMLTextAreaElement) => element.value.slice(element.selectionStart, element.selectionEnd))).toBe('⟦missing: fixedVersions⟧');
  await scrollToTop(page, '.composer__bar');
  await screenshotBothThemes(page, 'mail-composer');

  // A missing variable links to where the case holds it: the Advisory tab, its field focused. The composer keeps its place.
  await missing.locator('[data-variable="mitigations"]').getByRole('button', { name: /Fill it on the case: Advisory › Mitigations/ }).click();
  await expect(page.getByRole('tab', { name: 'Advisory' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#advisory-mitigations')).toBeFocused();
  await page.locator('#advisory-mitigations').fill('Deny the create verb on widgets to namespace admins until you can upgrade.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('All changes saved.')).toBeVisible();
  await api(page, 'case.update', { id: caseId, edits: { cve: 'CVE-2026-40404', fixed: [{ product: 'widget-controller', version: '1.33.1' }] } });
  await page.getByRole('tab', { name: 'Mail' }).click();
  await expect(page.getByRole('heading', { name: 'Distributors notice', level: 2 })).toBeVisible();

  // The case's values now, all written in with one click; detection by hand for this draft only.
  await expect(page.getByText('The case has 3 of 4 now.')).toBeVisible();
  await screenshotBothThemes(page, 'mail-fill-all');
  await page.getByRole('button', { name: 'Write all 3 in' }).click();
  await expect(missing.locator('[data-variable="mitigations"]')).toHaveCount(0);
  await expect(missing.locator('[data-variable="cve"]')).toHaveCount(0);
  await expect(missing.locator('[data-variable="fixedVersions"]')).toHaveCount(0);
  const detection = missing.locator('[data-variable="detection"]');
  await detection.getByRole('button', { name: 'Or write a value for this draft only' }).click();
  await detection.getByLabel('Value of detection').fill('Widget status objects holding Secret data from another namespace.');
  await detection.getByRole('button', { name: 'Write in the draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
  await page.getByLabel('Subject').press('ControlOrMeta+s');
  await expect(page.getByText('Nothing missing')).toBeVisible();
  await expect(page.getByLabel('Subject')).toHaveValue('[EMBARGOED] CVE-2026-40404: A namespace admin can read Secrets of other namespaces through the Widget status subresource.');
  await expect(body).toHaveValue(/Deny the create verb on widgets/);
  await expect(body).not.toHaveValue(/⟦missing/);

  // A recipient without a key: shown before anything is sent, and the export is blocked until removed.
  await page.getByRole('button', { name: 'Add recipients…' }).click();
  const add = page.getByRole('dialog', { name: 'Add recipients' });
  await add.getByRole('button', { name: 'Cc', exact: true }).click();
  await add.getByRole('group', { name: 'People' }).getByText('Lena Novak').click();
  await add.getByRole('button', { name: 'Add 1 recipient to Cc' }).click();
  const lena = recipients.getByRole('row', { name: /Lena Novak/ });
  await expect(lena).toContainText('no key to encrypt to');
  await expect(page.getByRole('alert').filter({ hasText: '1 recipient cannot receive encrypted mail' })).toBeVisible();
  await screenshotBothThemes(page, 'mail-recipient-blocked');
  await page.getByRole('button', { name: 'Export…' }).click();
  let exportDialog = page.getByRole('dialog', { name: /^Export the / });
  await expect(exportDialog.getByText(/1 recipient cannot receive encrypted mail \(Lena Novak\)/)).toBeVisible();
  await exportDialog.getByLabel('Folder').fill(root);
  await expect(exportDialog.getByRole('button', { name: 'Export encrypted and signed' })).toBeDisabled();
  await exportDialog.getByRole('button', { name: 'Cancel' }).click();
  await lena.getByRole('button', { name: 'Remove Lena Novak' }).click();
  await expect(lena).toHaveCount(0);

  // The Fix Lead's public key goes along.
  await page.getByRole('button', { name: 'Public key…' }).click();
  await expect(page.getByLabel('Public key from the keyring')).toContainText('(your key)');
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(attachments).toContainText('Public key');

  // The preview: inner headers and body as sent, and what mail servers see around it.
  await page.getByRole('button', { name: 'Preview' }).click();
  const message = page.getByRole('article', { name: 'Message preview' });
  await expect(message).toContainText('[EMBARGOED] CVE-2026-40404');
  await expect(message).toContainText('kubernetes-distributors-announce@googlegroups.com');
  await expect(page.getByRole('complementary', { name: 'What mail servers see' })).toContainText('[...]');
  await screenshotBothThemes(page, 'mail-preview');
  await page.getByRole('button', { name: 'Edit' }).click();

  // The versions: each save kept, the changes of one against the one before.
  await page.getByRole('button', { name: /Versions/ }).click();
  const versions = page.getByRole('dialog', { name: 'Versions' });
  const list = versions.getByRole('list', { name: 'Saved versions' });
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await list.getByRole('button', { name: /^v2/ }).click();
  await versions.getByLabel('Changes from v1').check();
  await expect(versions.getByLabel('Changes from version 1')).toContainText('+ Subject: [EMBARGOED] CVE-2026-40404');
  await screenshotBothThemes(page, 'mail-versions');
  await versions.getByRole('button', { name: 'Done' }).click();

  // Export: encrypted and signed, one .eml for all.
  const out = join(root, 'out');
  mkdirSync(out);
  await page.getByRole('button', { name: 'Export…' }).click();
  exportDialog = page.getByRole('dialog', { name: /^Export the / });
  await expect(exportDialog.getByRole('table', { name: 'Encrypted to' })).toContainText('Can receive encrypted mail');
  await exportDialog.getByLabel('Folder').fill(out);
  await expect(exportDialog.getByLabel('Sign with your key')).toBeChecked();
  await screenshotBothThemes(page, 'mail-export');
  await exportDialog.getByRole('button', { name: 'Export encrypted and signed' }).click();
  const done = page.getByRole('dialog', { name: 'Exported' });
  await expect(done.getByRole('list', { name: 'Written files' })).toContainText('CVE-2026-40404-distributors-notice-v5.eml');
  await expect(done).toContainText('Notice N1 is open for acknowledgements');
  await done.getByRole('button', { name: 'Done' }).click();
  expect(readdirSync(out)).toEqual(['CVE-2026-40404-distributors-notice-v5.eml']);

  // The file: multipart/encrypted (RFC 3156) with a neutral outer subject; gpg decrypts it, the signature is good.
  const eml = readFileSync(join(out, 'CVE-2026-40404-distributors-notice-v5.eml'));
  const outer = await simpleParser(eml);
  const contentType = outer.headers.get('content-type') as { value: string; params: Record<string, string> };
  expect(contentType.value).toBe('multipart/encrypted');
  expect(contentType.params.protocol).toBe('application/pgp-encrypted');
  expect(outer.subject).toBe('[...]');
  expect(eml.toString('utf8')).not.toContain('CVE-2026-40404');
  expect(eml.toString('utf8')).not.toContain(CANARY);
  const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(eml.toString('utf8'))?.[0];
  expect(armored).toBeTruthy();
  const own = await page.evaluate(async () => {
    const keys = await window.api!.call('keyring.list', {});
    const key = keys.ok ? keys.value.find((k) => k.own) : undefined;
    const exported = key ? await window.api!.call('keyring.exportPublic', { fingerprint: key.fingerprint }) : null;
    return exported?.ok ? exported.value.armored : '';
  });
  gpg.ok(['--import'], own);
  const decrypted = gpg.ok(['--decrypt'], armored!);
  expect(decrypted.statusLines.some((line) => line.includes('GOODSIG') && line.includes('Fiona Fixlead'))).toBe(true);
  const inner = await simpleParser(decrypted.stdout);
  expect(inner.subject).toBe('[EMBARGOED] CVE-2026-40404: A namespace admin can read Secrets of other namespaces through the Widget status subresource.');
  expect(inner.text).toContain('Deny the create verb on widgets to namespace admins');
  const names = inner.attachments.map((attachment) => attachment.filename).sort();
  expect(names).toContain('40404_v1.6.1.patch');
  expect(names.some((name) => name?.endsWith('.asc'))).toBe(true);
  const patch = inner.attachments.find((attachment) => attachment.filename === '40404_v1.6.1.patch')!;
  expect(patch.content.toString('utf8')).toContain('Subject: [PATCH 1/3] kubelet: check the token before serving');

  // The export is on the draft and on the timeline.
  await expect(page.getByRole('list', { name: 'Past exports of this draft' })).toContainText('encrypted to');

  // A public announcement in clear before the Release Date: the override dialog says what is recorded, and it is.
  await page.getByRole('button', { name: 'All emails' }).click();
  await page.getByRole('button', { name: 'New email…' }).click();
  await page.getByRole('dialog', { name: 'New email' }).getByRole('radio', { name: /Security advisory/ }).check();
  await page.getByRole('dialog', { name: 'New email' }).getByRole('button', { name: 'Draft this email' }).click();
  await expect(page.getByRole('heading', { name: 'Security advisory', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Export…' }).click();
  exportDialog = page.getByRole('dialog', { name: /^Export the / });
  await expect(exportDialog.getByRole('radio', { name: /In clear, for a public announcement/ })).toBeChecked();
  await exportDialog.getByLabel('Folder').fill(out);
  await exportDialog.getByLabel(/Export anyway, with the ⟦missing⟧ markers/).check();
  await exportDialog.getByRole('button', { name: 'Override the embargo…' }).click();
  const override = page.getByRole('dialog', { name: 'Override the embargo?' });
  await expect(override).toContainText('It is recorded on the case timeline');
  await expect(override).toContainText('Who');
  await override.getByLabel('Reason for the override').fill('Rehearsal of the release-day email; the file stays on this machine.');
  await screenshotBothThemes(page, 'mail-override');
  await override.getByRole('button', { name: 'Override the embargo and export' }).click();
  await expect(page.getByRole('dialog', { name: 'Exported' })).toContainText('embargo overridden, recorded on the timeline');
  await page.getByRole('dialog', { name: 'Exported' }).getByRole('button', { name: 'Done' }).click();
  const clearFile = readdirSync(out).find((name) => name.includes('security-advisory'))!;
  const clearMessage = await simpleParser(readFileSync(join(out, clearFile)));
  expect(clearMessage.subject).toMatch(/^\[Security Advisory\]/);
  const timeline = await api<{ type: string; data: Record<string, unknown> }[]>(page, 'case.timeline', { id: caseId });
  const overridden = timeline.find((event) => event.type === 'mail.embargo-overridden');
  expect(overridden?.data.reason).toBe('Rehearsal of the release-day email; the file stays on this machine.');

  // The distributors' answers: "no answer yet" until recorded, then each member's state with date and note.
  await page.getByRole('button', { name: 'All emails' }).click();
  const acks = page.getByRole('table', { name: 'Acknowledgements of N1' });
  await expect(acks.getByRole('row', { name: /Distro Inc\./ })).toContainText('No answer yet');
  await expect(acks.getByRole('row', { name: /Cloudy Ltd\./ })).toContainText('No answer yet');
  await acks.getByRole('button', { name: 'Record the answer of Distro Inc.' }).click();
  let answer = page.getByRole('dialog', { name: 'Answer of Distro Inc.' });
  await answer.getByRole('radio', { name: /Tested OK/ }).check();
  await answer.getByRole('textbox', { name: 'Note' }).fill('Applied to 1.32 and 1.33; CI green.');
  await answer.getByRole('button', { name: 'Record the answer' }).click();
  await expect(acks.getByRole('row', { name: /Distro Inc\./ })).toContainText('Tested OK');
  await acks.getByRole('button', { name: 'Record the answer of Cloudy Ltd.' }).click();
  answer = page.getByRole('dialog', { name: 'Answer of Cloudy Ltd.' });
  await answer.getByRole('radio', { name: /Acknowledged/ }).check();
  await answer.getByRole('textbox', { name: 'Note' }).fill('Received; testing this week.');
  await answer.getByRole('button', { name: 'Record the answer' }).click();
  await expect(acks.getByRole('row', { name: /Cloudy Ltd\./ })).toContainText('Acknowledged');
  await acks.getByRole('button', { name: 'Record the answer of Polar OS' }).click();
  answer = page.getByRole('dialog', { name: 'Answer of Polar OS' });
  await answer.getByRole('radio', { name: /Not affected/ }).check();
  await answer.getByRole('textbox', { name: 'Note' }).fill('Polar ships no widget-controller; checked the package list.');
  await answer.getByRole('button', { name: 'Record the answer' }).click();
  await expect(acks.getByRole('row', { name: /Polar OS/ })).toContainText('Not affected');
  // Who has not looked stays "no answer yet": never counted as not affected.
  await expect(acks.getByRole('row', { name: /Northwind Linux/ })).toContainText('No answer yet');
  await expect(acks.locator('tr[data-state="no-answer"]')).toHaveCount(1);
  await expect(page.getByText('3 of 4 answered')).toBeVisible();

  // Reminders as the Release Date nears: a member that acknowledged but reported no testing.
  await api(page, 'mail.updateSettings', { reminderWithinHours: 24 * 20 });
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'Mail' }).click();
  const remind = page.getByRole('list', { name: 'Members to remind' });
  await expect(remind).toContainText('Cloudy Ltd.');
  await expect(remind).toContainText('acknowledged, but reported no testing');
  await expect(remind).toContainText('Northwind Linux — no answer');
  await expect(remind).not.toContainText('Distro Inc.');
  await expect(remind).not.toContainText('Polar OS');
  await scrollToTop(page, 'section[aria-labelledby="mail-acks-heading"]');
  await screenshotBothThemes(page, 'mail-acknowledgements');

  // Templates per vault: edit the subject, see it customised, reset to the default.
  await page.getByRole('button', { name: 'Mail templates' }).click();
  await expect(page.getByRole('heading', { name: 'Mail templates', level: 1 })).toBeVisible();
  const subject = page.getByRole('textbox', { name: 'Subject', exact: true });
  await expect(subject).toHaveValue('[EMBARGOED] {{cve}}: {{summary}}');
  await subject.fill('[EMBARGOED] {{cve}} ({{severity}}): {{summary}}');
  await page.getByRole('button', { name: 'Save template' }).click();
  const navigation = page.getByRole('navigation', { name: 'Templates' });
  await expect(navigation.getByRole('button', { name: /Distributors notice/ })).toContainText('Customised');
  await scrollToTop(page, '.page');
  await screenshotBothThemes(page, 'mail-templates');
  await page.getByRole('button', { name: 'Reset to default…' }).click();
  await page.getByRole('dialog', { name: 'Reset to the default wording?' }).getByRole('button', { name: 'Reset to default' }).click();
  await expect(subject).toHaveValue('[EMBARGOED] {{cve}}: {{summary}}');
  await expect(navigation.getByRole('button', { name: /Distributors notice/ })).not.toContainText('Customised');

  expect(existsSync(join(out, 'CVE-2026-40404-distributors-notice-v5.eml'))).toBe(true);
  expect(problems()).toEqual([]);
});
