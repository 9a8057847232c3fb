// Key revocation against the real GnuPG 2.2 (throw-away GNUPGHOME): our revoked key, exported,
// shows as revoked in gpg ('r' validity); a revocation certificate made by gpg
// (--generate-revocation, and the one it keeps in openpgp-revocs.d) marks the key revoked here,
// after which it is refused as a recipient.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault } from '../../helpers/core.ts';
import { tempGpg, type Gpg } from './gpg.ts';


/** gpg 2.2 refuses --generate-revocation under --batch; its questions are answered on --command-fd. */
function generateRevocation(gpg: Gpg, fingerprint: string, answers: string, armor: boolean): Buffer {
  const result = spawnSync(
    'gpg',
    ['--homedir', gpg.home, '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', '', '--command-fd', '0', ...(armor ? ['--armor'] : []), '--generate-revocation', fingerprint],
    { input: answers, env: { PATH: process.env.PATH, GNUPGHOME: gpg.home, LANG: 'C' } },
  );
  if (result.status !== 0) throw new Error(`gpg --generate-revocation exited ${result.status}: ${result.stderr.toString('utf8')}`);
  return result.stdout;
}

function pubValidity(gpg: Gpg, fingerprint: string): string {
  const listing = gpg.ok(['--with-colons', '--list-keys', fingerprint]).stdout.toString('utf8');
  return listing.split('\n').find((line) => line.startsWith('pub:'))!.split(':')[1]!;
}

describe('key revocation interop with gpg 2.2', () => {
  let gpg: Gpg;
  let vault: Awaited<ReturnType<typeof freshVault>>;

  beforeAll(async () => {
    gpg = await tempGpg();
    vault = await freshVault();
  });
  afterAll(async () => {
    await vault.cleanup();
    await gpg.cleanup();
  });

  it('revokes the own key with a reason; gpg imports the exported key as revoked', async () => {
    const own = await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org', expiresInDays: 365 });
    const refused = await vault.result('keyring.revoke', { fingerprint: own.fingerprint, reason: 'compromised', description: 'x', confirm: false as true });
    expect(refused.ok).toBe(false);

    const outcome = await vault.call('keyring.revoke', { fingerprint: own.fingerprint, reason: 'compromised', description: 'laptop stolen', confirm: true });
    expect(outcome.key.revoked).toBe(true);
    expect(outcome.key.revocationReason).toBe('laptop stolen');
    expect(outcome.key.canEncrypt).toBe(false);
    expect(outcome.revocationCertificate).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');
    const again = await vault.result('keyring.revoke', { fingerprint: own.fingerprint, reason: 'compromised', description: '', confirm: true });
    expect(again.ok ? null : again.error.code).toBe('Conflict');

    const { armored } = await vault.call('keyring.exportPublic', { fingerprint: own.fingerprint });
    gpg.ok(['--import'], armored);
    expect(pubValidity(gpg, own.fingerprint)).toBe('r');

    // The bare certificate alone also revokes the key in a gpg that had it unrevoked.
    const other = await tempGpg();
    try {
      const fresh = await freshVault();
      try {
        const key = await fresh.call('keyring.generate', { name: 'Second', email: 'second@example.org', expiresInDays: null });
        other.ok(['--import'], (await fresh.call('keyring.exportPublic', { fingerprint: key.fingerprint })).armored);
        expect(pubValidity(other, key.fingerprint)).not.toBe('r');
        const { revocationCertificate } = await fresh.call('keyring.revoke', { fingerprint: key.fingerprint, reason: 'superseded', description: '', confirm: true });
        other.ok(['--import'], revocationCertificate);
        expect(pubValidity(other, key.fingerprint)).toBe('r');
      } finally {
        await fresh.cleanup();
      }
    } finally {
      await other.cleanup();
    }
  });

  it('imports revocation certificates made by gpg; the key is then refused for encryption', async () => {
    const a = gpg.generate('Alice <alice@example.org>', 'ed25519', 'cv25519');
    const b = gpg.generate('Bob <bob@example.org>', 'ed25519', 'cv25519');
    for (const fingerprint of [a, b]) {
      await vault.call('keyring.import', { data: { text: gpg.ok(['--armor', '--export', fingerprint]).stdout.toString('utf8') } });
      await vault.call('keyring.verify', { fingerprint });
    }
    expect((await vault.call('keyring.checkRecipients', { fingerprints: [a] }))[0]!.ok).toBe(true);

    // gpg --generate-revocation in batch: the answers go through --command-fd.
    const made = generateRevocation(gpg, a, 'y\n1\nmoved to a new key\n\ny\n', true);
    const certificate = made.toString('utf8');
    expect(certificate).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    const revoked = await vault.call('keyring.importRevocation', { data: { text: certificate } });
    expect(revoked.fingerprint).toBe(a);
    expect(revoked.revoked).toBe(true);
    expect(revoked.revocationReason).toBe('moved to a new key');
    const check = (await vault.call('keyring.checkRecipients', { fingerprints: [a] }))[0]!;
    expect(check.ok).toBe(false);
    const encrypt = await vault.result('keyring.encrypt', { to: [a], data: { text: 'hi' }, filename: '', sign: false, encryptToSelf: false, allowUnverified: false });
    expect(encrypt.ok).toBe(false);

    // The certificate gpg keeps in openpgp-revocs.d (with its ":-----BEGIN" guard), binary too.
    const kept = await readFile(join(gpg.home, 'openpgp-revocs.d', `${b}.rev`), 'utf8');
    expect(kept).toContain(':-----BEGIN PGP PUBLIC KEY BLOCK-----');
    expect((await vault.call('keyring.importRevocation', { data: { text: kept } })).revoked).toBe(true);
    // Importing it twice changes nothing and still succeeds.
    expect((await vault.call('keyring.importRevocation', { data: { text: kept } })).revoked).toBe(true);
  });

  it('a certificate for a key not in the keyring, or one that does not verify, changes nothing', async () => {
    const c = gpg.generate('Carol <carol@example.org>', 'ed25519', 'cv25519');
    const binary = generateRevocation(gpg, c, 'y\n0\n\ny\n', false);
    const missing = await vault.result('keyring.importRevocation', { data: { base64: binary.toString('base64') } });
    expect(missing.ok ? null : missing.error.code).toBe('NotFound');
    expect((await vault.call('keyring.list', {})).some((key) => key.fingerprint === c)).toBe(false);
  });
});
