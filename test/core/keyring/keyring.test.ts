// The keyring through the contract: generation, details, explicit trust, warnings (unverified,
// expiring within 30 days, expired, revoked, weak), refusals with their reasons, the secret
// key's confinement, and the pin that keeps every message we write readable by GnuPG 2.2.
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKeyring } from '../../../src/core/keyring/store.ts';
import { freshVault } from '../../helpers/core.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'keys');
const DAY = 24 * 60 * 60;

async function fixture(name: string): Promise<string> {
  return readFile(join(FIXTURES, name), 'utf8');
}

/** A key made by openpgp.js with the given dates and options, armored public (and private). */
async function makeKey(options: { name: string; created?: Date; expiresIn?: number; config?: openpgp.PartialConfig }) {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: options.name, email: `${options.name.toLowerCase().replace(/\W+/g, '.')}@example.org` }],
    date: options.created ?? new Date(),
    keyExpirationTime: options.expiresIn ?? 0,
    format: 'object',
    config: { v6Keys: false, ...options.config },
  });
  return { privateKey, publicKey, armored: publicKey.armor(), fingerprint: publicKey.getFingerprint().toUpperCase() };
}

describe('keyring', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  beforeEach(async () => {
    vault = await freshVault();
  });
  afterEach(async () => vault.cleanup());

  it('generates the Fix Lead’s key: v4 Ed25519 with a Cv25519 encryption subkey, own, verified, secret in the vault', async () => {
    const key = await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org', expiresInDays: 365 });
    expect(key).toMatchObject({
      userIds: ['Fix Lead <lead@example.org>'],
      emails: ['lead@example.org'],
      algorithm: { name: 'ed25519', label: 'ed25519' },
      secret: true,
      own: true,
      verified: true,
      canSign: true,
      canEncrypt: true,
      weakness: null,
      revoked: false,
      source: 'generated',
      warnings: [],
    });
    expect(key.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(key.fingerprintGroups).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    expect(key.subkeys).toHaveLength(1);
    expect(key.subkeys[0]).toMatchObject({ algorithm: { label: 'cv25519' }, usage: ['encrypt'], valid: true });
    expect(key.encryptionKeyFingerprint).toBe(key.subkeys[0]!.fingerprint);
    expect(Date.parse(key.expires!) - Date.parse(key.created)).toBe(365 * DAY * 1000);
    expect(await vault.call('keyring.list', {})).toEqual([key]);
    expect((await vault.call('vault.status', {})).keys).toBe(1);
  });

  it('shows algorithms and refuses to encrypt to weak keys, each with its reason', async () => {
    const outcome = await vault.call('keyring.import', {
      data: [
        { text: await fixture('weak-rsa1024.asc') },
        { text: await fixture('weak-dsa2048-elg2048.asc') },
        { text: await fixture('weak-rsa3072-elg1024.asc') },
      ],
    });
    expect(outcome.new).toHaveLength(3);
    const byLabel = Object.fromEntries(outcome.keys.map((key) => [key.primaryUserId, key]));
    expect(byLabel['Weak RSA <rsa1024@example.org>']!.weakness).toBe('primary RSA key of 1024 bits (under 2048)');
    expect(byLabel['Old DSA <dsa@example.org>']!.weakness).toMatch(/^primary DSA key \(2048 bits\)/);
    expect(byLabel['Old DSA <dsa@example.org>']!.subkeys[0]!.algorithm.label).toBe('elg2048');
    expect(byLabel['Short ElGamal <elg@example.org>']!.weakness).toBe('encryption subkey ElGamal key of 1024 bits (under 2048)');
    for (const key of outcome.keys) {
      expect(key.canEncrypt).toBe(false);
      expect(key.warnings.map((w) => w.code)).toContain('weak');
      await vault.call('keyring.verify', { fingerprint: key.fingerprint }); // verified or not, weak stays weak
      const refused = await vault.result('keyring.encrypt', { to: [key.fingerprint], data: { text: 'x' }, encryptToSelf: false });
      expect(refused).toMatchObject({ ok: false, error: { code: 'WeakKey', data: { fingerprint: key.fingerprint, reason: key.weakness } } });
    }
    const checks = await vault.call('keyring.checkRecipients', { fingerprints: outcome.imported });
    expect(checks.every((check) => !check.ok && check.code === 'WeakKey')).toBe(true);
  });

  it('a sign-only key has no encryption key', async () => {
    const [key] = (await vault.call('keyring.import', { data: { text: await fixture('sign-only-ed25519.asc') } })).keys;
    expect(key!.warnings.map((w) => w.code)).toEqual(['unverified', 'no-encryption-key']);
    await vault.call('keyring.verify', { fingerprint: key!.fingerprint });
    const refused = await vault.result('keyring.encrypt', { to: [key!.fingerprint], data: { text: 'x' }, encryptToSelf: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'KeyUnusable' } });
  });

  it('trust is explicit: unverified until the full fingerprint is verified; a key ID is not enough', async () => {
    const other = await makeKey({ name: 'Reporter' });
    const [imported] = (await vault.call('keyring.import', { data: { text: other.armored } })).keys;
    expect(imported).toMatchObject({ verified: false, verifiedAt: null });
    expect(imported!.warnings).toEqual([{ code: 'unverified', message: 'Fingerprint not verified with its owner.' }]);
    expect(await vault.result('keyring.encrypt', { to: [other.fingerprint], data: { text: 'x' }, encryptToSelf: false })).toMatchObject({
      ok: false,
      error: { code: 'KeyNotVerified', data: { fingerprints: [other.fingerprint] } },
    });
    // The explicit one-off override works and says nothing about trust afterwards.
    expect((await vault.call('keyring.encrypt', { to: [other.fingerprint], data: { text: 'x' }, encryptToSelf: false, allowUnverified: true })).recipients).toEqual([
      other.fingerprint,
    ]);
    expect((await vault.call('keyring.show', { fingerprint: other.fingerprint })).verified).toBe(false);

    expect(await vault.result('keyring.verify', { fingerprint: other.fingerprint.slice(-16) })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    const spaced = other.fingerprint.toLowerCase().replace(/(.{4})/g, '$1 ');
    const verified = await vault.call('keyring.verify', { fingerprint: spaced });
    expect(verified).toMatchObject({ fingerprint: other.fingerprint, verified: true, warnings: [] });
    // Verifying again keeps the date of the comparison; unverify withdraws it.
    expect((await vault.call('keyring.verify', { fingerprint: other.fingerprint })).verifiedAt).toBe(verified.verifiedAt);
    expect((await vault.call('keyring.unverify', { fingerprint: other.fingerprint })).verified).toBe(false);
    // Re-importing the key keeps the Fix Lead's decision.
    await vault.call('keyring.verify', { fingerprint: other.fingerprint });
    expect((await vault.call('keyring.import', { data: { text: other.armored } })).unchanged).toEqual([other.fingerprint]);
    expect((await vault.call('keyring.show', { fingerprint: other.fingerprint })).verified).toBe(true);
  });

  it('warns about keys expiring within 30 days, and refuses expired and revoked ones', async () => {
    const soon = await makeKey({ name: 'Soon', created: new Date(Date.now() - 10 * DAY * 1000), expiresIn: 30 * DAY });
    const later = await makeKey({ name: 'Later', expiresIn: 90 * DAY });
    const expired = await makeKey({ name: 'Expired', created: new Date(Date.now() - 400 * DAY * 1000), expiresIn: 30 * DAY });
    const live = await makeKey({ name: 'Revoked Later' });
    const revoked = await openpgp.revokeKey({
      key: live.privateKey,
      reasonForRevocation: { flag: openpgp.enums.reasonForRevocation.keyCompromised, string: 'laptop stolen' },
      format: 'object',
    });
    const outcome = await vault.call('keyring.import', { data: [{ text: soon.armored }, { text: later.armored }, { text: expired.armored }, { text: live.armored }] });
    for (const fingerprint of outcome.imported) await vault.call('keyring.verify', { fingerprint });
    const codes = async (fingerprint: string) => (await vault.call('keyring.show', { fingerprint })).warnings.map((w) => w.code);
    expect(await codes(soon.fingerprint)).toEqual(['expiring-soon']);
    expect(await codes(later.fingerprint)).toEqual([]);
    expect(await codes(expired.fingerprint)).toEqual(['expired']);
    expect(await vault.result('keyring.encrypt', { to: [expired.fingerprint], data: { text: 'x' }, encryptToSelf: false })).toMatchObject({
      ok: false,
      error: { code: 'KeyUnusable' },
    });
    expect((await vault.call('keyring.encrypt', { to: [soon.fingerprint], data: { text: 'x' }, encryptToSelf: false })).recipients).toEqual([soon.fingerprint]);

    // The revocation arrives later (as it does, from a keyserver or a mail): it merges in.
    const update = await vault.call('keyring.import', { data: { text: revoked.publicKey.armor() } });
    expect(update.updated).toEqual([live.fingerprint]);
    const shown = await vault.call('keyring.show', { fingerprint: live.fingerprint });
    expect(shown).toMatchObject({ revoked: true, revocationReason: 'laptop stolen', verified: true, canEncrypt: false });
    expect(shown.warnings.map((w) => w.code)).toEqual(['revoked']);
    expect(await vault.result('keyring.encrypt', { to: [live.fingerprint], data: { text: 'x' }, encryptToSelf: false })).toMatchObject({
      ok: false,
      error: { code: 'KeyUnusable', data: { reason: 'it is revoked (laptop stolen)' } },
    });
  });

  it('writes SEIPD v1 even to keys that advertise AEAD (SEIPD v2) support, so GnuPG 2.2 can read it', async () => {
    const modern = await makeKey({ name: 'Modern', config: { aeadProtect: true } });
    // Feature flag 0x08: SEIPD v2 (openpgp.js sets it on keys made with aeadProtect).
    const features = (await modern.publicKey.getPrimaryUser()).selfCertification.features![0]!;
    expect(features & 0x08).toBeTruthy();
    await vault.call('keyring.import', { data: { text: modern.armored } });
    await vault.call('keyring.verify', { fingerprint: modern.fingerprint });
    const sent = await vault.call('keyring.encrypt', { to: [modern.fingerprint], data: { text: 'for a modern key' }, encryptToSelf: false });
    const packets = spawnSync('gpg', ['--homedir', vault.dir, '--batch', '--list-packets'], { input: sent.armored, encoding: 'utf8' });
    expect(packets.stdout).toMatch(/:encrypted data packet:\n\s+length: \w+\n\s+mdc_method: 2/);
    expect(packets.stdout).not.toMatch(/aead/i);
    const message = await openpgp.readMessage({ armoredMessage: sent.armored });
    const decrypted = await openpgp.decrypt({ message, decryptionKeys: modern.privateKey });
    expect(decrypted.data).toBe('for a modern key');
  });

  it('keeps the secret key in the vault: removal and export need confirmation, the export file is new and 0600', async () => {
    const own = await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org' });
    expect(await vault.result('keyring.remove', { fingerprint: own.fingerprint })).toMatchObject({ ok: false, error: { code: 'ConfirmationRequired' } });
    const path = join(vault.dir, '..', 'exported-secret.asc');
    expect(await vault.result('keyring.exportSecretToFile', { fingerprint: own.fingerprint, path, passphrase: 'long enough', confirm: false } as never)).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput' },
    });
    expect(await vault.call('keyring.exportSecretToFile', { fingerprint: own.fingerprint, path, passphrase: 'long enough', confirm: true })).toEqual({
      fingerprint: own.fingerprint,
      path,
    });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const exported = await openpgp.readPrivateKey({ armoredKey: await readFile(path, 'utf8') });
    expect(exported.isDecrypted()).toBe(false);
    await openpgp.decryptKey({ privateKey: exported, passphrase: 'long enough' });
    expect(await vault.result('keyring.exportSecretToFile', { fingerprint: own.fingerprint, path, passphrase: 'long enough', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'Conflict' },
    });
    expect((await vault.call('keyring.remove', { fingerprint: own.fingerprint, confirmSecret: true })).removed).toBe(own.fingerprint);
    expect(await vault.call('keyring.list', {})).toEqual([]);
    expect(await vault.result('keyring.signDetached', { data: { text: 'x' } })).toMatchObject({ ok: false, error: { code: 'NoSecretKey' } });
  });

  it('no contract output carries secret key material', async () => {
    const own = await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org' });
    const other = await makeKey({ name: 'Imported Secret' });
    await vault.call('keyring.import', { data: { text: other.privateKey.armor() } });
    const entries = Object.values((await readKeyring(vault.core.session)).keys);
    const secrets: Buffer[] = [];
    for (const entry of entries) {
      const key = await openpgp.readPrivateKey({ binaryKey: Buffer.from(entry.secretKey!, 'base64') });
      for (const part of key.getKeys()) {
        const params = (part.keyPacket as unknown as { privateParams: Record<string, Uint8Array> }).privateParams;
        for (const value of Object.values(params)) secrets.push(Buffer.from(value));
      }
    }
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const exports = [
      await vault.call('keyring.exportPublic', { fingerprint: own.fingerprint }),
      await vault.call('keyring.exportPublic', { fingerprint: other.fingerprint }),
    ];
    const outputs = JSON.stringify([
      await vault.call('keyring.list', {}),
      await vault.call('keyring.show', { fingerprint: own.fingerprint }),
      exports,
      await vault.call('keyring.import', { data: { text: other.privateKey.armor() } }),
    ]);
    const exportedPackets: Buffer[] = [];
    for (const { armored } of exports) {
      const { data } = await openpgp.unarmor(armored);
      const chunks: Uint8Array[] = [];
      const reader = (data as unknown as ReadableStream<Uint8Array>).getReader?.();
      if (reader) for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
      else chunks.push(data as unknown as Uint8Array);
      exportedPackets.push(Buffer.concat(chunks));
    }
    for (const secret of secrets) {
      expect(outputs.includes(secret.toString('hex'))).toBe(false);
      expect(outputs.includes(secret.toString('base64').slice(0, 20))).toBe(false);
      for (const packets of exportedPackets) expect(packets.includes(secret)).toBe(false);
    }
    expect(outputs).not.toContain('PRIVATE KEY');
  });

  it('a failed import changes nothing: one bad key in several inputs imports none', async () => {
    const good = await makeKey({ name: 'Good' });
    const before = await readFile(join(vault.dir, 'keyring.edoc')).catch(() => null);
    const failed = await vault.result('keyring.import', { data: [{ text: good.armored }, { text: '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----\n' }] });
    expect(failed).toMatchObject({ ok: false, error: { code: 'InvalidKey' } });
    expect(await readFile(join(vault.dir, 'keyring.edoc')).catch(() => null)).toEqual(before);
    expect(await vault.call('keyring.list', {})).toEqual([]);
    const message = await vault.result('keyring.import', { data: { text: '-----BEGIN PGP MESSAGE-----\n\nwcBMA\n-----END PGP MESSAGE-----\n' } });
    expect(message).toMatchObject({ ok: false, error: { code: 'InvalidKey', message: expect.stringContaining('PGP message, not a key') } });
  });
});
