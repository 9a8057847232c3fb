// Exported mail against the real tools. Every message is read by three independent MIME
// parsers (mailparser, postal-mime, Python's email package) and its encrypted part is
// decrypted by the real gpg, in each recipient's own temporary GNUPGHOME: the inner headers and
// body are the draft's, the signature is good, the patch series applies with git am, and the
// outer headers say nothing about the case.
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftView } from '../../../src/shared/contract/index.ts';
import { statusOf, type Gpg } from '../keyring/gpg.ts';
import { git } from '../workspace/git-fixture.ts';
import { mailWorld, type MailWorld } from './fixture.ts';
import { headerSection, mboxMessages, withAllParsers, type ParsedMail } from './parsers.ts';

/** What gpg says when it decrypts: the plaintext and the status lines. */
function gpgDecrypt(gpg: Gpg, armored: string) {
  const result = gpg.run(['--decrypt'], armored);
  return { ...result, plaintext: result.stdout };
}

function armoredOf(parsed: ParsedMail): string {
  const part = parsed.attachments.find((a) => a.contentType === 'application/octet-stream');
  expect(part, `${parsed.parser}: the encrypted part`).toBeDefined();
  return part!.text!;
}

/** The PGP/MIME structure every parser must see (RFC 3156 §4). */
function expectPgpMime(parsed: ParsedMail): void {
  expect(parsed.contentType, parsed.parser).toBe('multipart/encrypted');
  expect(parsed.params.protocol, parsed.parser).toBe('application/pgp-encrypted');
  const control = parsed.attachments.find((a) => a.contentType === 'application/pgp-encrypted');
  expect(control?.text?.trim(), parsed.parser).toBe('Version: 1');
  expect(armoredOf(parsed)).toMatch(/^-----BEGIN PGP MESSAGE-----\r?\n[\s\S]+-----END PGP MESSAGE-----\s*$/);
}

describe('mail export: PGP/MIME that gpg and three MIME parsers read', () => {
  let world: MailWorld;
  let notice: DraftView;
  let out: string;

  beforeAll(async () => {
    world = await mailWorld({ patches: true });
    notice = await world.vault.call('mail.createDraft', { caseId: world.caseId, template: 'distributors-notice' });
    out = join(world.work.path, 'out');
    mkdirSync(out);
  }, 120_000);
  afterAll(async () => world?.cleanup());

  it('the distributors notice draft is complete, addressed to the list, and shows each member’s key health', () => {
    expect(notice.missing).toEqual([]);
    expect(notice.subject).toBe('[EMBARGOED] CVE-2026-31337: Kubelet follows symlinks in subPath volume mounts');
    expect(notice.toAddresses).toEqual(['kubernetes-distributors-announce@googlegroups.com']);
    const list = notice.recipients[0]!;
    expect(list.canReceive).toBe(true);
    expect(list.members!.map((m) => [m.organisation, m.ok, m.recipients])).toEqual([
      ['Acme Linux', true, [world.acme.fingerprint]],
      ['Globex', true, [world.globex.fingerprint]],
    ]);
    expect(notice.attachments).toEqual([{ ref: { kind: 'patches', branches: [] }, names: ['31337_v1.6.1.patch'], size: null, problem: null }]);
    for (const line of notice.body.split('\n')) expect([...line].length <= 72 || !line.includes(' ')).toBe(true);
  });

  it('one message for the list: every member decrypts it with gpg, the signature is good, the inner message is the draft', async () => {
    const file = join(out, 'notice.eml');
    const result = await world.vault.call('mail.export', { caseId: world.caseId, draft: notice.id, output: file, sign: true });
    expect(result).toMatchObject({ output: file, files: [file], mode: 'encrypted', signedBy: world.own, embargoed: true, override: false, notice: 'N1' });
    expect(result.messages[0]!.encryptedTo.sort()).toEqual([world.acme.fingerprint, world.globex.fingerprint, world.own].sort());
    const eml = readFileSync(file);

    // The outer message: RFC 3156 structure, a neutral subject, nothing about the case.
    const outer = await withAllParsers(eml);
    for (const parsed of outer) {
      expectPgpMime(parsed);
      expect(parsed.subject, parsed.parser).toBe('[...]');
      expect(parsed.to, parsed.parser).toEqual(['kubernetes-distributors-announce@googlegroups.com']);
      expect(parsed.from, parsed.parser).toEqual(['chiara@example.org']);
    }
    const clearText = eml.toString('latin1').replace(/-----BEGIN PGP MESSAGE-----[\s\S]*-----END PGP MESSAGE-----/, '');
    for (const secret of ['CVE-2026-31337', '31337', 'Kubelet', 'subPath', 'symlink', 'EMBARGOED', 'Embargo', notice.subject, world.caseId]) {
      expect(clearText.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(headerSection(eml)).not.toMatch(/31337|kubelet|embargo/i);

    // Each member's gpg, in its own home, decrypts and verifies.
    const armored = armoredOf(outer[0]!);
    expect(outer.map(armoredOf).map((text) => text.replace(/\r\n/g, '\n').trim())).toEqual(Array(3).fill(armored.replace(/\r\n/g, '\n').trim()));
    for (const party of [world.acme, world.globex]) {
      const decrypted = gpgDecrypt(party.gpg, armored);
      expect(decrypted.status, decrypted.stderr).toBe(0);
      expect(statusOf(decrypted, 'GOODSIG')).toHaveLength(1);
      expect(statusOf(decrypted, 'VALIDSIG')[0]).toContain(world.own);
      expect(statusOf(decrypted, 'DECRYPTION_OKAY')).toHaveLength(1);
      expect(statusOf(decrypted, 'GOODMDC')).toHaveLength(1);

      // The inner message: the real headers (RFC 9788), hp="cipher", HP-Outer, the draft's body and the patch.
      expect(headerSection(decrypted.plaintext)).toMatch(/^HP-Outer: Subject: \[\.\.\.\]\r$/m);
      expect(headerSection(decrypted.plaintext)).toMatch(/^Subject: \[EMBARGOED\] CVE-2026-31337/m);
      const inner = await withAllParsers(decrypted.plaintext);
      for (const parsed of inner) {
        expect(parsed.subject, parsed.parser).toBe(notice.subject);
        expect(parsed.from, parsed.parser).toEqual(['chiara@example.org']);
        expect(parsed.to, parsed.parser).toEqual(['kubernetes-distributors-announce@googlegroups.com']);
        expect(parsed.messageId, parsed.parser).toBe(result.messages[0]!.messageId);
        expect(parsed.date, parsed.parser).toBe(outer[0]!.date);
        expect(parsed.contentType, parsed.parser).toBe('multipart/mixed');
        expect(parsed.params.hp, parsed.parser).toBe('cipher');
        expect(parsed.hpOuter.map((h) => h.replace(/\s+/g, ' ')), parsed.parser).toEqual(
          expect.arrayContaining(['Subject: [...]', 'From: Chiara Bellini <chiara@example.org>', 'To: kubernetes-distributors-announce@googlegroups.com']),
        );
        expect(parsed.text?.trimEnd(), parsed.parser).toBe(notice.body.trimEnd());
        expect(parsed.attachments.map((a) => [a.filename, a.contentType]), parsed.parser).toEqual([['31337_v1.6.1.patch', 'text/x-patch']]);
      }
      const patch = inner[2]!.attachments[0]!;
      expect(new Set(inner.map((p) => p.attachments[0]!.sha256))).toEqual(new Set([patch.sha256]));
    }
  });

  it('the attached patch series is the workspace’s export, and git am applies it', async () => {
    const dir = join(out, 'ws');
    mkdirSync(dir);
    const exported = await world.vault.call('workspace.exportPatches', { id: world.caseId, output: dir });
    const file = join(out, 'notice-again.eml');
    await world.vault.call('mail.export', { caseId: world.caseId, draft: notice.id, output: file, sign: true });
    const decrypted = gpgDecrypt(world.acme.gpg, armoredOf((await withAllParsers(readFileSync(file)))[0]!));
    const inner = await withAllParsers(decrypted.plaintext);
    const attached = inner[0]!.attachments[0]!;
    expect(attached.sha256).toBe(exported.manifest[0]!.sha256);
    const clone = join(world.work.path, 'am-check');
    git(world.work.path, ['clone', '-q', join(world.work.path, 'upstream'), clone]);
    git(clone, ['checkout', '-q', '--detach', 'v1.6.0']);
    git(clone, ['am', '-q'], { input: attached.text!, env: { GIT_COMMITTER_NAME: 'Distributor', GIT_COMMITTER_EMAIL: 'd@example.org' } });
    expect(git(clone, ['log', '--format=%s', 'v1.6.0..HEAD']).trim().split('\n')).toHaveLength(3);
  });

  it('one message per member: each is encrypted to that member only (and the Fix Lead), and addressed to its contact', async () => {
    const dir = join(out, 'per-member');
    mkdirSync(dir);
    const result = await world.vault.call('mail.export', { caseId: world.caseId, draft: notice.id, output: dir, sign: true, perRecipient: true });
    expect(result.files).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(result.files.map((f) => f.slice(dir.length + 1)).sort());
    const byAddress = new Map(result.messages.map((m) => [m.to[0], m]));
    expect([...byAddress.keys()].sort()).toEqual(['psirt@globex.example', 'security@acme.example']);
    expect(byAddress.get('security@acme.example')!.encryptedTo.sort()).toEqual([world.acme.fingerprint, world.own].sort());
    expect(new Set(result.messages.map((m) => m.messageId)).size).toBe(2);
    for (const party of [world.acme, world.globex]) {
      for (const message of result.messages) {
        const armored = armoredOf((await withAllParsers(readFileSync(message.file!)))[0]!);
        const decrypted = gpgDecrypt(party.gpg, armored);
        const mine = message.to[0] === party.email;
        expect(decrypted.status === 0, `${party.email} reading the message to ${message.to[0]}`).toBe(mine);
        if (!mine) continue;
        for (const parsed of await withAllParsers(decrypted.plaintext)) {
          expect(parsed.to, parsed.parser).toEqual([party.email]);
          expect(parsed.subject, parsed.parser).toBe(notice.subject);
        }
      }
    }
  });

  it('an mbox of the whole send: Python’s mailbox splits it, and each message decrypts and parses', async () => {
    const file = join(out, 'send.mbox');
    const result = await world.vault.call('mail.export', { caseId: world.caseId, draft: notice.id, output: file, sign: true, perRecipient: true, mbox: true });
    expect(result.files).toEqual([file]);
    expect(result.messages.every((m) => m.file === null)).toBe(true);
    const messages = mboxMessages(file);
    expect(messages).toHaveLength(2);
    for (const [i, raw] of messages.entries()) {
      const parsed = await withAllParsers(raw);
      for (const p of parsed) expectPgpMime(p);
      const party = result.messages[i]!.to[0] === world.acme.email ? world.acme : world.globex;
      const decrypted = gpgDecrypt(party.gpg, armoredOf(parsed[0]!));
      expect(decrypted.status, decrypted.stderr).toBe(0);
      expect(statusOf(decrypted, 'VALIDSIG')[0]).toContain(world.own);
    }
  });

  it('without an output path nothing is written: the .eml comes back for the app to hand out, and the export is recorded', async () => {
    const before = readdirSync(out).length;
    const result = await world.vault.call('mail.export', { caseId: world.caseId, draft: notice.id, sign: true });
    expect(result).toMatchObject({ output: null, files: [], download: { name: `${notice.id}-v1.eml`, mediaType: 'message/rfc822' } });
    expect(readdirSync(out).length).toBe(before);
    const eml = Buffer.from(result.download!.base64, 'base64');
    const parsed = await withAllParsers(eml);
    for (const p of parsed) expectPgpMime(p);
    const decrypted = gpgDecrypt(world.globex.gpg, armoredOf(parsed[0]!));
    expect(decrypted.status, decrypted.stderr).toBe(0);
    const timeline = await world.vault.call('case.timeline', { id: world.caseId });
    const last = timeline.filter((e) => e.type === 'mail.exported').at(-1)!;
    expect(last).toMatchObject({ type: 'mail.exported', data: { files: [{ name: `download:${notice.id}-v1.eml` }] } });
    // the notice carried the patches to distributors: the embargo commitment records the delivery
    expect(timeline.at(-1)).toMatchObject({ type: 'workspace.commitment-recorded', data: { via: 'mail' } });
    const perRecipient = await world.vault.result('mail.export', { caseId: world.caseId, draft: notice.id, perRecipient: true });
    expect(perRecipient.ok ? null : perRecipient.error.code).toBe('InvalidInput');
  });

  it('every export is on the timeline with its files, recipients and keys; re-exports of the same version are the same notice', async () => {
    const events = (await world.vault.call('case.timeline', { id: world.caseId })).filter((e) => e.type === 'mail.exported');
    expect(events.length).toBe(5);
    expect(events[0]!.actor).toBe('Chiara Bellini');
    expect(events[0]!.data).toMatchObject({ draft: notice.id, version: 1, template: 'distributors-notice', mode: 'encrypted', signed: true, messages: 1, embargoed: true, override: false, notice: 'N1' });
    expect((events[2]!.data as { messages: number }).messages).toBe(2);
    const notices = await world.vault.call('mail.notices', { caseId: world.caseId });
    expect(notices.map((n) => n.id)).toEqual(['N1']);
    const draft = await world.vault.call('mail.showDraft', { caseId: world.caseId, draft: notice.id });
    expect(draft.exports).toHaveLength(5);
  });

  it('refuses to encrypt to a member that cannot receive, unless told to leave it out (and says whom it left out)', async () => {
    await world.vault.call('keyring.unverify', { fingerprint: world.globex.fingerprint });
    try {
      const file = join(out, 'partial.eml');
      const refused = await world.vault.result('mail.export', { caseId: world.caseId, draft: notice.id, output: file, sign: true });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('RecipientsCannotReceive');
        expect(refused.error.message).toContain('Globex');
      }
      expect(existsSync(file)).toBe(false);
      const intoDirectory = await world.vault.result('mail.export', { caseId: world.caseId, draft: notice.id, output: out, sign: true });
      expect(intoDirectory.ok ? null : intoDirectory.error.code).toBe('InvalidInput');
      const partial = await world.vault.call('mail.export', { caseId: world.caseId, draft: notice.id, output: file, sign: true, allowUnreachable: true });
      expect(partial.excluded.map((e) => e.label)).toEqual(['Globex (distributor)']);
      expect(partial.messages[0]!.encryptedTo).not.toContain(world.globex.fingerprint);
    } finally {
      await world.vault.call('keyring.verify', { fingerprint: world.globex.fingerprint });
    }
  });
});
