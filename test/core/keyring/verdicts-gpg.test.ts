// Signature verdicts as GnuPG 2.2 gives them. Keys are made by the real gpg in a throw-away
// GNUPGHOME, with --faked-system-time to sign in the past: a key that expired after signing,
// a signature made after its key's expiry, a revoked key, a signature that expired itself, an
// altered file, an unknown signer, and a key with several user IDs whose primary one is not the
// first. Each signature is checked by a second gpg that holds only the public keys
// (`gpg --status-fd --verify`) and by our keyring, in the same run: our verdict must map to
// gpg's status keyword and our signer's name must be gpg's.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignatureReport } from '../../../src/shared/contract/index.ts';
import { verifyInlineFile } from '../../../src/core/keyring/verify-message.ts';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { statusOf, tempGpg, type Gpg, type GpgResult } from './gpg.ts';

const NO_PASSPHRASE = ['--pinentry-mode', 'loopback', '--passphrase', ''];
const at = (iso: string) => ['--faked-system-time', iso];
const KEYWORDS = ['GOODSIG', 'EXPSIG', 'EXPKEYSIG', 'REVKEYSIG', 'BADSIG', 'ERRSIG'];
const DATA = 'the file that was signed\n';

/** gpg's verdict line: the keyword, and the user ID it names the signer by (ERRSIG names none). */
function gpgVerdict(result: GpgResult): { keyword: string; signer: string | null } {
  const line = result.statusLines.map((row) => row.slice('[GNUPG:] '.length)).find((row) => KEYWORDS.includes(row.split(' ')[0]!));
  if (!line) throw new Error(`gpg gave no verdict:\n${result.stderr}`);
  const [keyword, , ...name] = line.split(' ');
  return { keyword: keyword!, signer: keyword === 'ERRSIG' ? null : name.join(' ') };
}

describe('signature verdicts match gpg --status-fd', () => {
  let signer: Gpg;
  let checker: Gpg;
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let work: Awaited<ReturnType<typeof tempDir>>;
  const fingerprints: Record<string, string> = {};

  const make = (name: string, created: string, expiry: string): string => {
    signer.ok([...NO_PASSPHRASE, ...at(created), '--quick-gen-key', `${name} <${name.toLowerCase()}@example.org>`, 'ed25519', 'cert,sign', expiry]);
    return (fingerprints[name] = signer.fingerprintOf(`${name.toLowerCase()}@example.org`));
  };
  const signAt = async (name: string, when: string, file: string, extra: string[] = []): Promise<void> => {
    signer.ok([...NO_PASSPHRASE, ...at(when), ...extra, '--local-user', fingerprints[name]!, '--armor', '--detach-sign', '--output', join(work.path, file), join(work.path, 'data.txt')]);
  };

  beforeAll(async () => {
    signer = await tempGpg();
    checker = await tempGpg();
    vault = await freshVault();
    work = await tempDir('embargo-verdicts-');
    await writeFile(join(work.path, 'data.txt'), DATA);
    await writeFile(join(work.path, 'altered.txt'), DATA.replace('file', 'File'));

    // Good, named by its primary user ID: the second one added, then flagged primary.
    make('Multi', '20200101T000000', 'never');
    signer.ok([...NO_PASSPHRASE, ...at('20200102T000000'), '--quick-add-uid', fingerprints.Multi!, 'Multi Second <second@example.org>']);
    signer.ok([...NO_PASSPHRASE, ...at('20200103T000000'), '--quick-add-uid', fingerprints.Multi!, 'Multi Third <third@example.org>']);
    signer.ok([...NO_PASSPHRASE, ...at('20200104T000000'), '--quick-set-primary-uid', fingerprints.Multi!, 'Multi Second <second@example.org>']);
    await signAt('Multi', '20200601T000000', 'multi.asc');
    await signAt('Multi', '20200601T000000', 'altered.asc');

    // Signed while valid; the key expired since (one year after 2020-01-01).
    make('Expired', '20200101T000000', '1y');
    await signAt('Expired', '20200601T000000', 'expired.asc');
    signer.ok([...NO_PASSPHRASE, ...at('20200601T000000'), '--local-user', fingerprints.Expired!, '--output', join(work.path, 'expired-clear.asc'), '--clearsign', join(work.path, 'data.txt')]);

    // Signed 2021-06-01 by a key that (by a self-signature made later) expired 2021-02-01.
    make('Late', '20200101T000000', 'never');
    await signAt('Late', '20210601T000000', 'late.asc');
    signer.ok([...NO_PASSPHRASE, ...at('20200201T000000'), '--quick-set-expire', fingerprints.Late!, '1y']);

    // Signed, then revoked with the revocation certificate gpg made along with the key.
    make('Revoked', '20200101T000000', 'never');
    await signAt('Revoked', '20200601T000000', 'revoked.asc');
    signer.ok([...NO_PASSPHRASE, ...at('20200601T000000'), '--local-user', fingerprints.Revoked!, '--armor', '--output', join(work.path, 'revoked-signed.asc'), '--sign', join(work.path, 'data.txt')]);
    const certificate = await readFile(join(signer.home, 'openpgp-revocs.d', `${fingerprints.Revoked}.rev`), 'utf8');
    signer.ok(['--import'], certificate.replace(/^:-----BEGIN/m, '-----BEGIN'));

    // A signature valid for two days only (its own expiry, not its key's).
    make('Short', '20200101T000000', 'never');
    await signAt('Short', '20200601T000000', 'short.asc', ['--default-sig-expire', '2d']);

    // Nobody we know.
    make('Stranger', '20200101T000000', 'never');
    await signAt('Stranger', '20200601T000000', 'stranger.asc');

    await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org' });
    for (const name of ['Multi', 'Expired', 'Late', 'Revoked', 'Short']) {
      const armored = signer.ok(['--armor', '--export', fingerprints[name]!]).stdout.toString();
      checker.ok(['--import'], armored);
      await vault.call('keyring.import', { data: { text: armored } });
    }
  }, 180_000);

  afterAll(async () => {
    await vault?.cleanup();
    await work?.remove();
    await signer?.cleanup();
    await checker?.cleanup();
  });

  async function both(signature: string, data = 'data.txt'): Promise<{ gpg: ReturnType<typeof gpgVerdict>; ours: SignatureReport }> {
    const gpg = gpgVerdict(checker.run(['--verify', join(work.path, signature), join(work.path, data)]));
    const result = await vault.call('keyring.verifyDetached', {
      data: { base64: (await readFile(join(work.path, data))).toString('base64') },
      signature: { text: await readFile(join(work.path, signature), 'utf8') },
    });
    expect(result.signatures).toHaveLength(1);
    return { gpg, ours: result.signatures[0]! };
  }

  it.each([
    ['multi.asc', 'data.txt', 'GOODSIG', 'good-unverified'],
    ['expired.asc', 'data.txt', 'EXPKEYSIG', 'expired-key'],
    ['late.asc', 'data.txt', 'EXPKEYSIG', 'expired-key'],
    ['revoked.asc', 'data.txt', 'REVKEYSIG', 'revoked-key'],
    ['short.asc', 'data.txt', 'EXPSIG', 'expired-signature'],
    ['altered.asc', 'altered.txt', 'BADSIG', 'bad'],
    ['stranger.asc', 'data.txt', 'ERRSIG', 'unknown-signer'],
  ])('%s over %s: gpg says %s, we say %s, naming the same signer', async (signature, data, keyword, verdict) => {
    const { gpg, ours } = await both(signature, data);
    expect(gpg.keyword).toBe(keyword);
    expect(ours.gpgStatus).toBe(gpg.keyword);
    expect(ours.verdict).toBe(verdict);
    expect(ours.signer).toBe(gpg.signer);
    expect(ours.valid).toBe(keyword === 'GOODSIG');
  });

  it('names a multi-UID signer by its primary user ID, not the first one', async () => {
    const { gpg, ours } = await both('multi.asc');
    expect(gpg.signer).toBe('Multi Second <second@example.org>');
    expect(ours.signer).toBe(gpg.signer);
    const key = await vault.call('keyring.show', { fingerprint: fingerprints.Multi! });
    expect(key.userIds[0]).toBe('Multi <multi@example.org>');
  });

  it('says when a signature was made after its key had expired, with the expiry gpg gives', async () => {
    for (const [file, wording] of [
      ['late.asc', 'made after the signing key expired on'],
      ['expired.asc', 'the signing key expired on'],
    ] as const) {
      const result = checker.run(['--verify', join(work.path, file), join(work.path, 'data.txt')]);
      const expired = statusOf(result, 'KEYEXPIRED')[0]!.split(' ')[1]!;
      const { ours } = await both(file);
      expect(ours.reason).toBe(`${wording} ${new Date(Number(expired) * 1000).toISOString()}`);
    }
  });

  it('a verified key stays a plain GOODSIG: verification is our trust, not gpg’s verdict', async () => {
    await vault.call('keyring.verify', { fingerprint: fingerprints.Multi! });
    const { gpg, ours } = await both('multi.asc');
    expect(ours).toMatchObject({ verdict: 'good-verified', gpgStatus: gpg.keyword, signer: gpg.signer });
    await vault.call('keyring.unverify', { fingerprint: fingerprints.Multi! });
  });

  it.each([
    ['expired-clear.asc', 'EXPKEYSIG', 'expired-key'],
    ['revoked-signed.asc', 'REVKEYSIG', 'revoked-key'],
  ])('a self-contained %s (clearsigned / signed, as embargo verify FILE reads it): gpg says %s, we say %s', async (file, keyword, verdict) => {
    const gpg = gpgVerdict(checker.run(['--verify', join(work.path, file)]));
    const opened = await verifyInlineFile(vault.core.session, join(work.path, file));
    expect(gpg.keyword).toBe(keyword);
    expect(opened.signatures).toMatchObject([{ verdict, gpgStatus: gpg.keyword, signer: gpg.signer }]);
    expect(Buffer.from(opened.data).toString('utf8').trimEnd()).toBe(DATA.trimEnd());
  });
});
