// Public announcements in clear: refused while the case is under embargo, unless the embargo
// is overridden explicitly — and then the timeline says who exported what, when and why.
// After the Release Date they go out in clear, optionally signed as RFC 3156 multipart/signed
// that gpg verifies, from the .eml and from an mbox alike.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftView } from '../../../src/shared/contract/index.ts';
import { statusOf, type Gpg } from '../keyring/gpg.ts';
import { HOUR, mailWorld, type MailWorld } from './fixture.ts';
import { headerSection, mboxMessages, withAllParsers } from './parsers.ts';

/** The signed part's exact bytes and the detached signature of a multipart/signed message (RFC 3156 §5). */
function signedParts(raw: Buffer, boundary: string): { data: Buffer; signature: string } {
  // RFC 3156: the signed data is verified in canonical form, with CRLF line ends.
  const text = raw.toString('latin1').replace(/\r?\n/g, '\r\n');
  const delimiter = `--${boundary}`;
  const start = text.indexOf(`${delimiter}\r\n`) + delimiter.length + 2;
  const middle = text.indexOf(`\r\n${delimiter}\r\n`, start);
  const end = text.indexOf(`\r\n${delimiter}--`, middle);
  const signaturePart = text.slice(middle + delimiter.length + 4, end);
  return { data: Buffer.from(text.slice(start, middle), 'latin1'), signature: signaturePart.slice(signaturePart.indexOf('\r\n\r\n') + 4) };
}

function gpgVerify(gpg: Gpg, dir: string, parts: { data: Buffer; signature: string }, name: string) {
  const data = join(dir, `${name}.data`);
  const signature = join(dir, `${name}.asc`);
  writeFileSync(data, parts.data);
  writeFileSync(signature, parts.signature);
  return gpg.run(['--verify', signature, data]);
}

describe('mail export in clear', () => {
  let world: MailWorld;
  let advisory: DraftView;

  beforeAll(async () => {
    world = await mailWorld();
    advisory = await world.vault.call('mail.createDraft', { caseId: world.caseId, template: 'security-advisory' });
  }, 120_000);
  afterAll(async () => world?.cleanup());

  it('the advisory draft is complete and addressed to the public lists', () => {
    expect(advisory.missing).toEqual([]);
    expect(advisory.mode).toBe('clear');
    expect(advisory.subject).toBe('[Security Advisory] CVE-2026-31337: Kubelet follows symlinks in subPath volume mounts');
    expect(advisory.toAddresses).toEqual([
      'kubernetes-announce@googlegroups.com',
      'kubernetes-dev@googlegroups.com',
      'kubernetes-security-announce@googlegroups.com',
      'kubernetes-security-discuss@googlegroups.com',
      'kubernetes-distributors-announce@googlegroups.com',
    ]);
    expect(advisory.body).toContain('- kubelet 1.29.4');
    expect(advisory.body).toContain('Release binaries: https://github.com/kubernetes/kubernetes/releases');
    expect(advisory.body).toContain('https://github.com/kubernetes/kubernetes/pull/131338');
    expect(advisory.body).toContain('- Found by Ada Lovelace');
  });

  it('before the Release Date a clear export is refused and writes nothing', async () => {
    const file = join(world.work.path, 'early.eml');
    const refused = await world.vault.result('mail.export', { caseId: world.caseId, draft: advisory.id, output: file, clear: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('EmbargoActive');
      expect(refused.error.message).toMatch(/under embargo until its Release Date/);
    }
    expect(existsSync(file)).toBe(false);
    const timeline = await world.vault.call('case.timeline', { id: world.caseId });
    expect(timeline.some((e) => e.type === 'mail.exported' || e.type === 'mail.embargo-overridden')).toBe(false);
    const misuse = await world.vault.result('mail.export', { caseId: world.caseId, draft: advisory.id, output: file, overrideEmbargo: true });
    expect(misuse.ok ? null : misuse.error.code).toBe('InvalidInput');
  });

  it('with the override it is written, and the timeline shows who exported what, when and why', async () => {
    const file = join(world.work.path, 'override.eml');
    world.clock.set(world.clock.now + HOUR);
    const at = new Date(world.clock.now).toISOString();
    const result = await world.vault.call('mail.export', {
      caseId: world.caseId,
      draft: advisory.id,
      output: file,
      clear: true,
      overrideEmbargo: true,
      reason: 'The reporter published early; going public now.',
    });
    expect(result).toMatchObject({ mode: 'clear', embargoed: true, override: true, signedBy: null });
    const timeline = await world.vault.call('case.timeline', { id: world.caseId });
    const override = timeline.find((e) => e.type === 'mail.embargo-overridden')!;
    expect(override).toMatchObject({ actor: 'Chiara Bellini', at });
    expect(override.data).toMatchObject({ draft: advisory.id, version: 1, subject: advisory.subject, reason: 'The reporter published early; going public now.', by: 'Chiara Bellini' });
    const exported = timeline.find((e) => e.type === 'mail.exported')!;
    expect(exported.seq).toBe(override.seq + 1);
    expect(exported).toMatchObject({ actor: 'Chiara Bellini', at });
    expect(exported.data).toMatchObject({ mode: 'clear', override: true, embargoed: true, files: [{ name: file }] });

    for (const parsed of await withAllParsers(readFileSync(file))) {
      expect(parsed.subject, parsed.parser).toBe(advisory.subject);
      expect(parsed.contentType, parsed.parser).toBe('text/plain');
      expect(parsed.params.hp, parsed.parser).toBeUndefined();
      expect(parsed.text?.trimEnd(), parsed.parser).toBe(advisory.body.trimEnd());
      expect(parsed.to, parsed.parser).toHaveLength(5);
    }
  });

  it('after the Release Date it goes out in clear without an override, signed as multipart/signed that gpg verifies', async () => {
    await world.vault.call('case.update', { id: world.caseId, edits: { releaseDate: new Date(world.clock.now - HOUR).toISOString() } });
    // A line starting with "From " is the mbox trap: the signed text must survive it.
    const edited = await world.vault.call('mail.saveDraft', {
      caseId: world.caseId,
      draft: advisory.id,
      body: `${advisory.body}\n\nFrom 1.29 onwards, the fix is in every patch release. Ünïcödé stays intact.\n`,
    });
    expect(edited.version).toBe(2);
    const file = join(world.work.path, 'signed.eml');
    const result = await world.vault.call('mail.export', { caseId: world.caseId, draft: advisory.id, output: file, clear: true, sign: true });
    expect(result).toMatchObject({ mode: 'clear', embargoed: false, override: false, signedBy: world.own });
    const raw = readFileSync(file);
    expect(headerSection(raw)).toMatch(/^Subject: \[Security Advisory\] CVE-2026-31337/m);

    const parsed = await withAllParsers(raw);
    for (const p of parsed) {
      expect(p.contentType, p.parser).toBe('multipart/signed');
      expect(p.params.protocol, p.parser).toBe('application/pgp-signature');
      expect(p.params.micalg, p.parser).toBe('pgp-sha512');
      expect(p.subject, p.parser).toBe(advisory.subject);
      expect(p.text?.trimEnd(), p.parser).toBe(edited.body.trimEnd());
    }
    const parts = signedParts(raw, parsed[2]!.params.boundary!);
    // The signed part carries the real headers too (RFC 9788 hp="clear").
    for (const inner of await withAllParsers(parts.data)) {
      expect(inner.contentType, inner.parser).toBe('multipart/mixed');
      expect(inner.params.hp, inner.parser).toBe('clear');
      expect(inner.subject, inner.parser).toBe(advisory.subject);
      expect(inner.hpOuter, inner.parser).toEqual([]);
    }
    const verified = gpgVerify(world.acme.gpg, world.work.path, parts, 'eml');
    expect(verified.status, verified.stderr).toBe(0);
    expect(statusOf(verified, 'GOODSIG')).toHaveLength(1);
    expect(statusOf(verified, 'VALIDSIG')[0]).toContain(world.own);

    // Altered by one byte, it no longer verifies.
    const tampered = { ...parts, data: Buffer.from(parts.data.toString('latin1').replace('Kubelet', 'Kubelef'), 'latin1') };
    expect(gpgVerify(world.acme.gpg, world.work.path, tampered, 'tampered').status).not.toBe(0);

    // The same message through an mbox still verifies.
    const mbox = join(world.work.path, 'signed.mbox');
    await world.vault.call('mail.export', { caseId: world.caseId, draft: advisory.id, output: mbox, clear: true, sign: true, mbox: true });
    const [fromMbox] = mboxMessages(mbox);
    const mboxParsed = await withAllParsers(fromMbox!);
    expect(mboxParsed[1]!.text?.trimEnd()).toBe(edited.body.trimEnd());
    const mboxVerified = gpgVerify(world.globex.gpg, world.work.path, signedParts(fromMbox!, mboxParsed[2]!.params.boundary!), 'mbox');
    expect(mboxVerified.status, mboxVerified.stderr).toBe(0);
    expect(statusOf(mboxVerified, 'VALIDSIG')[0]).toContain(world.own);

    const timeline = await world.vault.call('case.timeline', { id: world.caseId });
    expect(timeline.filter((e) => e.type === 'mail.embargo-overridden')).toHaveLength(1);
    expect(timeline.filter((e) => e.type === 'mail.exported').at(-1)!.data).toMatchObject({ embargoed: false, override: false, signed: true, signedBy: world.own });
  });

  it('a draft with ⟦missing: …⟧ markers is not exported unless asked to', async () => {
    const oss = await world.vault.call('mail.createDraft', { caseId: world.caseId, template: 'oss-security', vars: { project: 'kubernetes' } });
    expect(oss.subject).toBe('[kubernetes] CVE-2026-31337: Kubelet follows symlinks in subPath volume mounts');
    const broken = await world.vault.call('mail.saveDraft', { caseId: world.caseId, draft: oss.id, body: `${oss.body}\n⟦missing: poc⟧\n` });
    expect(broken.missing).toEqual(['poc']);
    const file = join(world.work.path, 'incomplete.eml');
    const refused = await world.vault.result('mail.export', { caseId: world.caseId, draft: oss.id, output: file, clear: true });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'DraftIncomplete', data: { missing: ['poc'] } });
    expect(existsSync(file)).toBe(false);
    await world.vault.call('mail.export', { caseId: world.caseId, draft: oss.id, output: file, clear: true, allowIncomplete: true });
    expect(existsSync(file)).toBe(true);
  });
});
