// `embargo mail …` against a real vault: the JSON shapes CLI.md promises (templates, draft,
// export), edits and versions, the embargo refusal and its logged override, notices,
// acknowledgements and reminders — and a canary run in a child process: no draft text on disk
// in plaintext, anywhere it writes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WELL_FILLED } from '../core/advisory/case-fixture.ts';
import { tempGpg, type Gpg } from '../core/keyring/gpg.ts';
import { findCanary, makeCanary } from '../helpers/canary.ts';
import { runCli, spawnCli } from '../helpers/cli.ts';
import { tempDir, testCore } from '../helpers/core.ts';

const DAY = 24 * 3_600_000;

async function armoredPart(file: string): Promise<string> {
  const parsed = await simpleParser(await readFile(file));
  const part = parsed.attachments.find((a) => a.contentType === 'application/octet-stream');
  if (!part) throw new Error(`no encrypted part in ${file}`);
  return part.content.toString('utf8');
}

describe('embargo mail', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: string;
  let distributor: Gpg;
  let memberId: string;
  const env = { EMBARGO_PASSPHRASE: 'mail cli test passphrase' };
  const cli = (...args: string[]) => runCli(['--vault', vault, '--json', ...args], env);

  beforeAll(async () => {
    root = await tempDir('embargo-mail-cli-');
    vault = join(root.path, 'vault');
    distributor = await tempGpg();
    const fingerprint = distributor.generate('Acme Security <security@acme.example>', 'ed25519', 'cv25519');
    expect((await cli('vault', 'init')).code).toBe(0);
    const own = (await cli('keyring', 'generate', '--name', 'Chiara Bellini', '--email', 'chiara@example.org')).json() as { fingerprint: string };
    expect((await cli('roster', 'add', '--name', 'Chiara Bellini', '--contact', 'chiara@example.org', '--fingerprint', own.fingerprint)).code).toBe(0);
    expect((await cli('case', 'create', '--title', 'Kubelet subPath symlink escape', '--disclosed-at', new Date(Date.now() - 2 * DAY).toISOString())).code).toBe(0);
    distributor.ok(['--import'], (await runCli(['--vault', vault, 'keyring', 'export', own.fingerprint], env)).stdout);
    // The rest through the core, as the CLI's case options do not cover every field.
    const core = testCore(vault);
    await core.call('vault.unlock', { passphrase: env.EMBARGO_PASSPHRASE });
    await core.call('keyring.import', { data: { text: distributor.ok(['--armor', '--export', fingerprint]).stdout.toString() } });
    await core.call('keyring.verify', { fingerprint });
    const contact = await core.call('people.add', { name: 'Acme Security', emails: ['security@acme.example'], fingerprints: [fingerprint] });
    memberId = (await core.call('distributors.addMember', { organisation: 'Acme Linux', distribution: 'Acme K8s', contacts: [contact.id] })).id;
    await core.call('case.update', {
      id: 'EMB-0001',
      edits: {
        ...WELL_FILLED,
        releaseDate: new Date(Date.now() + 5 * DAY).toISOString(),
        embargo: { deployBeforeRelease: false, patchUnderEmbargo: true, hostedServiceExceptions: '' },
        people: { fixLead: null, fixTeam: [], releaseManagers: [], reporter: null },
      },
    });
    await core.core.lock();
  }, 120_000);
  afterAll(async () => {
    await distributor?.cleanup();
    await root?.remove();
  });

  it('mail templates --json lists {"templates": [{"id","title"}…]}', async () => {
    const run = await cli('mail', 'templates');
    expect(run.code).toBe(0);
    const { templates } = run.json() as { templates: { id: string; title: string }[] };
    expect(templates).toHaveLength(13);
    expect(templates[0]).toMatchObject({ id: 'fix-team-invitation', title: 'Fix Team invitation' });
    const human = await runCli(['--vault', vault, 'mail', 'templates'], env);
    expect(human.stdout).toMatch(/^ID\s+MODE\s+SCOPE\s+TITLE\n/);
  });

  it('mail draft CASE --template ID --json gives {"id","subject","to","body"} and the missing variables', async () => {
    const run = await cli('mail', 'draft', 'EMB-0001', '--template', 'distributors-notice');
    expect(run.code, run.stderr).toBe(0);
    const draft = run.json() as { id: string; subject: string; to: string[]; body: string; missing: string[] };
    expect(draft.id).toMatch(/^draft-[0-9a-f]{8}$/);
    expect(draft.subject).toBe('[EMBARGOED] CVE-2026-31337: Kubelet follows symlinks in subPath volume mounts');
    expect(draft.to).toEqual(['kubernetes-distributors-announce@googlegroups.com']);
    expect(draft.body).toContain('⟦missing: fixLead⟧');
    expect(draft.missing).toEqual(['patchFiles', 'fixLead']);
    const shown = await cli('mail', 'show', 'EMB-0001', draft.id);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain(`embargo: warning: ${draft.id} still has missing variables (marked ⟦missing: NAME⟧): patchFiles, fixLead`);
    const filled = (await cli('mail', 'draft', 'EMB-0001', '--template', 'distributors-notice', '--var', 'fixLead=Chiara Bellini', '--var', 'patchFiles=- sent in a second notice')).json() as { missing: string[] };
    expect(filled.missing).toEqual([]);
    const bad = await cli('mail', 'draft', 'EMB-0001', '--template', 'no-such-template');
    expect(bad.code).toBe(2);
    expect(bad.json()).toMatchObject({ error: { code: 'InvalidInput' } });
  });

  it('mail edit saves a new version; mail show and mail drafts read it back', async () => {
    const draft = (await cli('mail', 'draft', 'EMB-0001', '--template', 'leak-report', '--var', 'fixLead=Chiara Bellini')).json() as { id: string; version: number };
    const body = join(root.path, 'body.txt');
    await writeFile(body, 'Nothing leaked; this is a drill.\n');
    const edited = await cli('mail', 'edit', 'EMB-0001', draft.id, '--body-file', body, '--subject', 'Drill', '--to', 'PST <pst@example.org>', '--cc', 'list:security', '--base-version', '1');
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.json()).toMatchObject({ version: 2, subject: 'Drill', to: ['pst@example.org'], cc: ['kubernetes-security@googlegroups.com'], body: 'Nothing leaked; this is a drill.\n', missing: [] });
    const stale = await cli('mail', 'edit', 'EMB-0001', draft.id, '--subject', 'x', '--base-version', '1');
    expect(stale.json()).toMatchObject({ error: { code: 'Conflict' } });
    const old = (await cli('mail', 'show', 'EMB-0001', draft.id, '--version', '1')).json() as { version: number; subject: string };
    expect(old.subject).toMatch(/^\[EMBARGOED\] Embargo break on CVE-2026-31337/);
    const listed = (await cli('mail', 'drafts', 'EMB-0001')).json() as { drafts: { id: string; version: number }[] };
    expect(listed.drafts.find((d) => d.id === draft.id)!.version).toBe(2);
  });

  it('mail export CASE DRAFT --sign -o FILE.eml --json gives {"output": FILE}; the own key decrypts it with the CLI', async () => {
    const draft = (await cli('mail', 'draft', 'EMB-0001', '--template', 'distributors-notice', '--var', 'fixLead=Chiara Bellini', '--var', 'patchFiles=- sent in a second notice')).json() as { id: string; subject: string };
    expect((await cli('mail', 'edit', 'EMB-0001', draft.id, '--no-attachments')).code).toBe(0);
    const file = join(root.path, 'notice.eml');
    const run = await cli('mail', 'export', 'EMB-0001', draft.id, '--sign', '-o', file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ output: file, mode: 'encrypted', notice: 'N1' });
    const armored = join(root.path, 'notice.asc');
    await writeFile(armored, await armoredPart(file));
    const decrypted = await cli('decrypt', armored, '-o', join(root.path, 'notice.mime'));
    expect(decrypted.code, decrypted.stderr).toBe(0);
    expect((decrypted.json() as { signatures: { valid: boolean }[] }).signatures[0]!.valid).toBe(true);
    const inner = await simpleParser(await readFile(join(root.path, 'notice.mime')));
    expect(inner.subject).toBe(draft.subject);
    // And the distributor's own gpg reads it.
    expect(distributor.run(['--decrypt'], await armoredPart(file)).status).toBe(0);
  });

  it('notices, acknowledgements and reminders', async () => {
    const notices = (await cli('mail', 'notices', 'EMB-0001')).json() as { notices: { id: string; members: { memberId: string; state: string }[] }[] };
    expect(notices.notices[0]!.members).toMatchObject([{ memberId, state: 'no-answer' }]);
    const remind = (await cli('mail', 'remind', 'EMB-0001', '--within', '1000')).json() as { reminders: { memberId: string; reason: string }[] };
    expect(remind.reminders).toMatchObject([{ memberId, reason: 'no-answer' }]);
    const acked = await cli('mail', 'ack', 'EMB-0001', 'N1', memberId, '--state', 'not-affected', '--note', 'We ship no kubelet.');
    expect(acked.code, acked.stderr).toBe(0);
    expect(((await cli('mail', 'remind', 'EMB-0001', '--within', '1000')).json() as { reminders: unknown[] }).reminders).toEqual([]);
    expect((await cli('mail', 'ack', 'EMB-0001', 'N1', memberId, '--state', 'maybe')).code).toBe(2);
  });

  it('mail import CASE FILE: a clearsigned answer from gpg goes onto the timeline with gpg’s verdict; a non-mail fails with MailInvalid', async () => {
    const signed = distributor.ok(['--clearsign'], 'Tested, no problems.\n- ready\n').stdout.toString();
    const checked = distributor.run(['--decrypt'], signed);
    const file = join(root.path, 'answer.eml');
    await writeFile(file, `From: Acme Security <security@acme.example>\r\nTo: chiara@example.org\r\nSubject: Re: notice\r\n\r\n${signed}`);
    const imported = await cli('mail', 'import', 'EMB-0001', file);
    expect(imported.code, imported.stderr).toBe(0);
    const value = imported.json() as { protection: string; text: string; signatures: { gpgStatus: string; signer: string }[] };
    expect(value.protection).toBe('cleartext-signed');
    expect(value.text).toBe(checked.stdout.toString().replace(/\n$/, ''));
    const gpgGood = checked.statusLines.find((line) => line.startsWith('[GNUPG:] GOODSIG '))!;
    expect(gpgGood.endsWith(` ${value.signatures[0]!.signer}`)).toBe(true);
    expect(value.signatures.map((s) => s.gpgStatus)).toEqual(['GOODSIG']);
    const plain = await runCli(['--vault', vault, 'mail', 'import', 'EMB-0001', file], env);
    expect(plain.code).toBe(1); // the same file twice
    await writeFile(join(root.path, 'not-a-mail.eml'), 'just some text\n');
    const refused = await cli('mail', 'import', 'EMB-0001', join(root.path, 'not-a-mail.eml'));
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ error: { code: 'MailInvalid' } });
  });

  it('--clear before the Release Date fails (exit 1, EmbargoActive); --override-embargo writes it and the timeline says so', async () => {
    const draft = (await cli('mail', 'draft', 'EMB-0001', '--template', 'security-advisory', '--var', 'fixLead=Chiara Bellini', '--var', 'binaries=- https://dl.k8s.io/')).json() as { id: string; missing: string[] };
    expect(draft.missing).toEqual([]);
    const file = join(root.path, 'advisory.eml');
    const refused = await cli('mail', 'export', 'EMB-0001', draft.id, '--clear', '-o', file);
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ error: { code: 'EmbargoActive' } });
    expect(existsSync(file)).toBe(false);
    expect((await cli('mail', 'export', 'EMB-0001', draft.id, '--override-embargo', '-o', file)).code).toBe(2);
    const forced = await cli('mail', 'export', 'EMB-0001', draft.id, '--clear', '--override-embargo', '--reason', 'Published by the reporter', '-o', file);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/exported in clear before the Release Date/);
    const { events } = (await cli('case', 'timeline', 'EMB-0001')).json() as { events: { type: string; actor: string; data: Record<string, unknown> }[] };
    expect(events.find((e) => e.type === 'mail.embargo-overridden')).toMatchObject({ actor: 'Fix Lead', data: { draft: draft.id, reason: 'Published by the reporter' } });
  });

  it('canary: no draft or case text on disk in plaintext, in the vault, the output or the exporting process\'s TMPDIR and HOME', async () => {
    const canary = makeCanary();
    const dirs = { tmp: join(root.path, 'c-tmp'), home: join(root.path, 'c-home'), out: join(root.path, 'c-out'), input: join(root.path, 'c-input') };
    for (const dir of Object.values(dirs)) await mkdir(dir);
    const ok = async (...args: string[]) => {
      const result = await cli(...args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result.json() as Record<string, unknown>;
    };
    await ok('case', 'set', 'EMB-0001', '--summary', `Attacker can ${canary}`);
    const draft = await ok('mail', 'draft', 'EMB-0001', '--template', 'distributors-notice', '--var', 'fixLead=Chiara Bellini', '--var', 'patchFiles=none');
    expect(String(draft.subject)).toContain(canary);
    const bodyFile = join(dirs.input, 'body.txt');
    await writeFile(bodyFile, `${String(draft.body)}\n\nPS: ${canary}\n`);
    const poc = join(dirs.input, 'poc.txt');
    await writeFile(poc, `reproduce with ${canary}\n`);
    await ok('mail', 'edit', 'EMB-0001', String(draft.id), '--body-file', bodyFile, '--no-attachments', '--attach-file', poc);
    // The export runs as its own process with TMPDIR and HOME of its own, which are searched too.
    const exported = spawnCli(['--vault', vault, '--json', 'mail', 'export', 'EMB-0001', String(draft.id), '--sign', '-o', join(dirs.out, 'notice.eml')], {
      ...env,
      TMPDIR: dirs.tmp,
      HOME: dirs.home,
      XDG_CONFIG_HOME: join(dirs.home, '.config'),
    });
    expect(exported.code, exported.stderr).toBe(0);
    await ok('mail', 'export', 'EMB-0001', String(draft.id), '--sign', '--per-recipient', '--mbox', '-o', join(dirs.out, 'notice.mbox'));
    // The data is really there: decrypted (into the input directory, which is not searched) it shows.
    const armored = join(dirs.input, 'notice.asc');
    await writeFile(armored, await armoredPart(join(dirs.out, 'notice.eml')));
    await ok('decrypt', armored, '-o', join(dirs.input, 'notice.mime'));
    expect(await readFile(join(dirs.input, 'notice.mime'), 'utf8')).toContain(canary);
    expect(await findCanary(canary, [vault, dirs.tmp, dirs.home, dirs.out], { rawDeflate: true })).toEqual([]);
  }, 180_000);
});
