// Mail as the other side writes it, read by us and by the real gpg in the same run: encrypted
// drafts are signed by default (gpg reports GOODSIG) unless asked not to be; a distributor's
// answer made with gpg (cleartext-signed with dash-escaping, inline encrypted and signed,
// PGP/MIME encrypted and signed) imports into the case with gpg's verdict and text, encrypted
// in the vault; malformed .eml files are refused with MailInvalid and change nothing.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftView } from '../../../src/shared/contract/index.ts';
import { statusOf, type Gpg } from '../keyring/gpg.ts';
import { mailWorld, type MailWorld } from './fixture.ts';
import { withPostalMime } from './parsers.ts';

const ANSWER = ['Hello Chiara,', '', '- We have tested the patch on Acme Kubernetes Engine.', '-- no problems so far', 'From our side: ready for the release date.', ''].join('\n');

function eml(headers: Record<string, string>, body: string): Buffer {
  const lines = Object.entries({ From: 'Acme Security <security@acme.example>', To: 'chiara@example.org', Date: 'Mon, 30 Nov 2026 10:00:00 +0000', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`, 'utf8');
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

describe('received mail and signed drafts, against gpg', () => {
  let world: MailWorld;
  let notice: DraftView;
  let acme: Gpg;
  /** gpg signs in the past: the vault's clock runs behind the real time. */
  let at: string[];

  beforeAll(async () => {
    world = await mailWorld({ patches: true });
    acme = world.acme.gpg;
    notice = await world.vault.call('mail.createDraft', { caseId: world.caseId, template: 'distributors-notice' });
    // After our key was made (at the clock's time), before the clock's new time.
    at = ['--faked-system-time', `${Math.floor((world.clock.now + 3_600_000) / 1000)}!`];
    world.clock.set(world.clock.now + 2 * 3_600_000);
  }, 120_000);
  afterAll(async () => world?.cleanup());

  const importEml = (bytes: Buffer, name = 'answer.eml') => world.vault.result('mail.importEml', { caseId: world.caseId, eml: bytes.toString('base64'), name });
  const timelineLength = async () => (await world.vault.call('case.timeline', { id: world.caseId })).length;

  it('an encrypted draft is signed by default (gpg: GOODSIG by our key); sign: false gives no signature', async () => {
    for (const [sign, signed] of [[undefined, true], [false, false]] as const) {
      const result = await world.vault.call('mail.export', { caseId: world.caseId, draft: notice.id, ...(sign === undefined ? {} : { sign }) });
      expect(result.signedBy).toBe(signed ? world.own : null);
      const parsed = await withPostalMime(Buffer.from(result.download!.base64, 'base64'));
      const armored = parsed.attachments.find((a) => a.contentType === 'application/octet-stream')!.text!;
      const decrypted = acme.run(['--decrypt'], armored);
      expect(decrypted.status, decrypted.stderr).toBe(0);
      expect(statusOf(decrypted, 'GOODSIG')).toHaveLength(signed ? 1 : 0);
      if (signed) expect(statusOf(decrypted, 'VALIDSIG')[0]).toContain(world.own);
      else expect(decrypted.statusLines.some((line) => /SIG /.test(line))).toBe(false);
    }
  });

  it('imports a cleartext-signed answer (dash-escaped): gpg’s verdict, signer and text', async () => {
    const signed = acme.ok([...at, '--clearsign'], ANSWER).stdout.toString();
    expect(signed).toContain('- - We have tested'); // dash-escaped by gpg
    const checked = acme.run(['--decrypt'], signed);
    const imported = await importEml(eml({ Subject: 'Re: notice', 'Message-ID': '<clear@acme.example>' }, `Some preamble\n${signed}\n-- \nlist footer\n`));
    expect(imported.ok ? null : imported.error).toBeNull();
    if (!imported.ok) return;
    expect(imported.value).toMatchObject({ protection: 'cleartext-signed', from: 'security@acme.example', subject: 'Re: notice', messageId: '<clear@acme.example>' });
    expect(imported.value.text).toBe(checked.stdout.toString().replace(/\n$/, ''));
    const [signature] = imported.value.signatures;
    expect(signature).toMatchObject({ fingerprint: world.acme.fingerprint, verdict: 'good-verified', gpgStatus: 'GOODSIG' });
    expect(statusOf(checked, 'GOODSIG')[0]).toBe(`GOODSIG ${world.acme.fingerprint.slice(-16)} ${signature!.signer}`);
  });

  it('imports an inline encrypted and signed answer (gpg --encrypt --sign --armor)', async () => {
    const armored = acme.ok([...at, '--trust-model', 'always', '--encrypt', '--sign', '--armor', '--recipient', world.own], ANSWER).stdout.toString();
    const imported = await importEml(eml({ Subject: 'Re: [...]' }, `${armored}\n`));
    expect(imported.ok ? null : imported.error).toBeNull();
    if (!imported.ok) return;
    expect(imported.value).toMatchObject({ protection: 'inline-encrypted', decryptedWith: world.own, text: ANSWER });
    expect(imported.value.signatures).toMatchObject([{ fingerprint: world.acme.fingerprint, verdict: 'good-verified', gpgStatus: 'GOODSIG', signer: 'Acme Security <security@acme.example>' }]);
  });

  it('imports a PGP/MIME encrypted and signed answer with its protected subject; the text is encrypted in the vault; twice is refused', async () => {
    const inner = eml({ Subject: 'Re: CVE-2026-31337 tested', 'Content-Type': 'text/plain; charset=utf-8' }, ANSWER);
    const armored = acme.ok([...at, '--trust-model', 'always', '--encrypt', '--sign', '--armor', '--recipient', world.own], inner).stdout.toString();
    const boundary = 'b0undary';
    const body = [
      `--${boundary}`, 'Content-Type: application/pgp-encrypted', '', 'Version: 1', '',
      `--${boundary}`, 'Content-Type: application/octet-stream; name="encrypted.asc"', '', armored.trimEnd(), '',
      `--${boundary}--`, '',
    ].join('\n');
    const file = eml({ Subject: '[...]', 'MIME-Version': '1.0', 'Content-Type': `multipart/encrypted; protocol="application/pgp-encrypted"; boundary="${boundary}"` }, body);
    const before = await timelineLength();
    const imported = await importEml(file);
    expect(imported.ok ? null : imported.error).toBeNull();
    if (!imported.ok) return;
    expect(imported.value).toMatchObject({ protection: 'pgp-mime-encrypted', subject: 'Re: CVE-2026-31337 tested', decryptedWith: world.own });
    expect(imported.value.text.replace(/\r\n/g, '\n')).toBe(ANSWER);
    expect(imported.value.signatures).toMatchObject([{ verdict: 'good-verified', gpgStatus: 'GOODSIG' }]);
    const events = await world.vault.call('case.timeline', { id: world.caseId });
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ type: 'mail.imported', seq: imported.value.eventSeq, data: { subject: 'Re: CVE-2026-31337 tested', protection: 'pgp-mime-encrypted' } });
    for (const path of allFiles(world.vault.dir)) expect(readFileSync(path).includes('Acme Kubernetes Engine'), path).toBe(false);
    const again = await importEml(file);
    expect(again.ok ? null : again.error.code).toBe('Conflict');
    expect(await timelineLength()).toBe(before + 1);
  });

  it('imports a PGP/MIME signed answer (multipart/signed, detached by gpg over the CRLF part); an altered part is BADSIG as gpg says', async () => {
    const part = `Content-Type: text/plain; charset=utf-8\r\n\r\n${ANSWER.replace(/\n/g, '\r\n')}`;
    const signature = acme.ok([...at, '--armor', '--detach-sign'], part).stdout.toString();
    const boundary = 'signed-b0undary';
    const mime = (signedPart: string) =>
      eml(
        { Subject: 'Re: tested', 'MIME-Version': '1.0', 'Content-Type': `multipart/signed; micalg=pgp-sha512; protocol="application/pgp-signature"; boundary="${boundary}"` },
        [`--${boundary}`, signedPart, `--${boundary}`, 'Content-Type: application/pgp-signature; name="signature.asc"', '', signature.trimEnd(), `--${boundary}--`, ''].join('\r\n'),
      );
    const imported = await importEml(mime(part), 'signed.eml');
    expect(imported.ok ? null : imported.error).toBeNull();
    if (!imported.ok) return;
    expect(imported.value).toMatchObject({ protection: 'pgp-mime-signed', attachments: [] });
    expect(imported.value.text.replace(/\r\n/g, '\n').trimEnd()).toBe(ANSWER.trimEnd());
    expect(imported.value.signatures).toMatchObject([{ fingerprint: world.acme.fingerprint, verdict: 'good-verified', gpgStatus: 'GOODSIG' }]);

    const altered = part.replace('tested', 'TESTED');
    const dir = world.work.path;
    writeFileSync(join(dir, 'part'), altered);
    writeFileSync(join(dir, 'part.asc'), signature);
    const gpg = acme.run(['--verify', join(dir, 'part.asc'), join(dir, 'part')]);
    const bad = await importEml(mime(altered), 'altered.eml');
    expect(bad.ok && bad.value.signatures.map((s) => s.gpgStatus)).toEqual(statusOf(gpg, 'BADSIG').map(() => 'BADSIG'));
    expect(statusOf(gpg, 'BADSIG')).toHaveLength(1);
  });

  it('malformed .eml files give MailInvalid (or the keyring’s InvalidMessage) and change nothing', async () => {
    const before = await timelineLength();
    const good = eml({ Subject: 'x' }, 'body\n');
    const malformed = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => Buffer.concat([Buffer.from('\u0001'), Buffer.from(bytes)])),
      fc.string({ maxLength: 200 }).filter((text) => !/^[\x21-\x39\x3b-\x7e]+:/.test(text)).map((text) => Buffer.from(`${text}\r\n\r\nbody`)),
      fc.tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.nat({ max: 60 })).map(([junk, cut]) => {
        const text = good.toString('latin1');
        // A line without a colon inside the header section (the cut stays before its end).
        const head = text.slice(0, cut);
        return Buffer.from(`${head}${head === '' || head.endsWith('\n') ? '' : '\r\n'}x${junk.replace(/[:\r\n]/g, '')}\r\n${text.slice(cut)}`, 'latin1');
      }),
      fc.constantFrom(Buffer.from('Subject: no sender\r\n\r\nbody'), Buffer.from('From: nobody\r\n\r\nbody'), Buffer.from('From: a@example.org\r\nSubject: no end of headers')),
      fc.nat({ max: 200 }).map((cut) => eml({}, `-----BEGIN PGP MESSAGE-----\n\n${'hQIMA'.repeat(cut % 40)}\n-----END PGP MESSAGE-----\n`)),
    );
    await fc.assert(
      fc.asyncProperty(malformed, async (bytes) => {
        const result = await importEml(bytes);
        expect(result.ok, bytes.toString('latin1')).toBe(false);
        if (result.ok) return;
        expect(['MailInvalid', 'InvalidMessage'], result.error.message).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 100 },
    );
    expect(await timelineLength()).toBe(before);
  }, 120_000);
});
