// Interop with the real GnuPG 2.2, both directions, each gpg in its own temporary GNUPGHOME:
// keys move both ways (public and secret), what we encrypt and sign to several recipients
// every recipient's gpg opens with a good signature, what gpg encrypts and signs to us we open
// and verify, detached signatures both ways, and files stream both ways.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSecretKey } from '../../../src/core/keyring/export-key.ts';
import { decryptFile, encryptFile } from '../../../src/core/keyring/files.ts';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { statusOf, tempGpg, type Gpg } from './gpg.ts';

const keyIdOf = (fingerprint: string) => fingerprint.slice(-16);
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

describe('GnuPG 2.2 interop', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let work: Awaited<ReturnType<typeof tempDir>>;
  let rsa: Gpg;
  let ed: Gpg;
  let ours: string;
  let rsaFpr: string;
  let edFpr: string;

  beforeAll(async () => {
    vault = await freshVault();
    work = await tempDir('embargo-gpg-work-');
    ours = (await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org' })).fingerprint;
    rsa = await tempGpg();
    ed = await tempGpg();
    rsaFpr = rsa.generate('RSA User <rsa@example.org>', 'rsa3072', 'rsa3072');
    edFpr = ed.generate('Ed User <ed@example.org>', 'ed25519', 'cv25519');
    const ourPublic = (await vault.call('keyring.exportPublic', { fingerprint: ours })).armored;
    rsa.ok(['--import'], ourPublic);
    ed.ok(['--import'], ourPublic);
  }, 120_000);

  /** Brings a gpg key into the vault's keyring in the trust state a test needs (tests stay independent). */
  async function useKey(gpg: Gpg, fingerprint: string, verified: boolean): Promise<void> {
    await vault.call('keyring.import', { data: { text: gpg.ok(['--armor', '--export', fingerprint]).stdout.toString() } });
    await vault.call(verified ? 'keyring.verify' : 'keyring.unverify', { fingerprint });
  }

  afterAll(async () => {
    await vault?.cleanup();
    await work?.remove();
    await rsa?.cleanup();
    await ed?.cleanup();
  });

  it('our key pair imports into gpg: v4 Ed25519 + Cv25519, AES-256/SHA-512 first, no compression, no AEAD features', async () => {
    const armored = (await vault.call('keyring.exportPublic', { fingerprint: ours })).armored;
    const colons = rsa.ok(['--with-colons', '--list-keys', ours]).stdout.toString();
    const pub = colons.split('\n').find((line) => line.startsWith('pub:'))!.split(':');
    const sub = colons.split('\n').find((line) => line.startsWith('sub:'))!.split(':');
    expect(pub[3]).toBe('22'); // EdDSA
    expect(pub[11]).toContain('s');
    expect(sub[3]).toBe('18'); // ECDH (Curve25519)
    expect(sub[11]).toContain('e');
    expect(colons).toContain('ed25519');
    expect(colons).toContain('cv25519');
    const packets = rsa.ok(['--list-packets'], armored).stdout.toString();
    expect(packets).toMatch(/:public key packet:\n\s+version 4, algo 22/);
    expect(packets).toContain('features: 01'); // MDC only: no SEIPDv2/AEAD flag
    expect(packets).not.toMatch(/aead|pref-aead/i);
    expect(packets).toContain('pref-sym-algos: 9 ');
    expect(packets).toContain('pref-hash-algos: 10 ');
    expect(packets).toContain('pref-zip-algos: 0 ');
  });

  it('exports our secret key only with confirmation, protected (iterated+salted S2K, AES-256), and gpg signs with it', async () => {
    await expect(exportSecretKey(vault.core.session, { fingerprint: ours, passphrase: 'export passphrase', confirmed: false })).rejects.toMatchObject({
      code: 'ConfirmationRequired',
    });
    const armored = await exportSecretKey(vault.core.session, { fingerprint: ours, passphrase: 'export passphrase', confirmed: true });
    const other = await tempGpg();
    try {
      const packets = other.ok(['--list-packets'], armored).stdout.toString();
      expect(packets).toContain('iter+salt S2K, algo: 9'); // AES-256
      expect(packets).toContain('protect count: 65011712');
      expect(packets).not.toMatch(/skey\[\d\]: \[v4 unprotected\]|gnu-dummy/i);
      // Without the passphrase gpg cannot use it; with it, it can.
      other.ok(['--pinentry-mode', 'loopback', '--passphrase', 'export passphrase', '--import'], armored);
      expect(other.ok(['--with-colons', '--list-secret-keys']).stdout.toString()).toContain(ours);
      const data = join(work.path, 'signed-by-exported-key.txt');
      await writeFile(data, 'signed in gpg with the key exported from the vault\n');
      other.ok(['--pinentry-mode', 'loopback', '--passphrase', 'export passphrase', '--local-user', ours, '--armor', '--detach-sign', data]);
      const signature = await readFile(`${data}.asc`, 'utf8');
      const report = await vault.call('keyring.verifyDetached', { data: { base64: b64(await readFile(data)) }, signature: { text: signature } });
      expect(report.signatures).toMatchObject([{ fingerprint: ours, verdict: 'good-verified', valid: true }]);
    } finally {
      await other.cleanup();
    }
  });

  it("imports gpg's RSA-3072 and Ed25519/Cv25519 keys: armored, two in one file, and binary", async () => {
    const both = `${rsa.ok(['--armor', '--export', rsaFpr]).stdout}\n${ed.ok(['--armor', '--export', edFpr]).stdout}`;
    const outcome = await vault.call('keyring.import', { data: { text: both } });
    expect(outcome.imported).toEqual([rsaFpr, edFpr]);
    const rsaKey = outcome.keys.find((key) => key.fingerprint === rsaFpr)!;
    const edKey = outcome.keys.find((key) => key.fingerprint === edFpr)!;
    expect(rsaKey.algorithm.label).toBe('rsa3072');
    expect(rsaKey.subkeys.map((subkey) => [subkey.algorithm.label, subkey.usage])).toEqual([['rsa3072', ['encrypt']]]);
    expect(edKey.algorithm.label).toBe('ed25519');
    expect(edKey.subkeys.map((subkey) => [subkey.algorithm.label, subkey.usage])).toEqual([['cv25519', ['encrypt']]]);
    for (const key of [rsaKey, edKey]) {
      expect(key).toMatchObject({ verified: false, secret: false, canEncrypt: true, canSign: true, revoked: false, expires: null });
      expect(key.warnings.map((warning) => warning.code)).toEqual(['unverified']);
      expect(key.fingerprintGroups.replace(/ /g, '')).toBe(key.fingerprint);
    }
    const binary = rsa.ok(['--export', rsaFpr]).stdout;
    const again = await vault.call('keyring.import', { data: { base64: b64(binary) } });
    expect(again).toMatchObject({ imported: [rsaFpr], unchanged: [rsaFpr], new: [] });
  });

  it('imports `gpg --export-secret-keys`, asking for the passphrase, and decrypts with it', async () => {
    const owner = await tempGpg();
    try {
      const pass = ['--pinentry-mode', 'loopback', '--passphrase', 'gpg secret passphrase'];
      owner.ok([...pass, '--quick-gen-key', 'Protected <protected@example.org>', 'ed25519', 'cert,sign', 'never']);
      const fpr = owner.fingerprintOf('protected@example.org');
      owner.ok([...pass, '--quick-add-key', fpr, 'cv25519', 'encr', 'never']);
      const exported = owner.ok([...pass, '--armor', '--export-secret-keys', fpr]).stdout.toString();
      const before = await vault.call('keyring.list', {});

      await expect(vault.call('keyring.import', { data: { text: exported } })).rejects.toMatchObject({ code: 'KeyPassphraseRequired' });
      await expect(vault.call('keyring.import', { data: { text: exported }, passphrase: 'wrong' })).rejects.toMatchObject({ code: 'WrongKeyPassphrase' });
      expect(await vault.call('keyring.list', {})).toEqual(before);

      const outcome = await vault.call('keyring.import', { data: { text: exported }, passphrase: 'gpg secret passphrase' });
      expect(outcome.keys[0]).toMatchObject({ fingerprint: fpr, secret: true });
      const message = owner.ok(['--trust-model', 'always', '--armor', '--encrypt', '--recipient', fpr], 'for the protected key').stdout.toString();
      const opened = await vault.call('keyring.decrypt', { data: { text: message } });
      expect(opened).toMatchObject({ text: 'for the protected key', decryptedWith: fpr, signatures: [] });
      await vault.call('keyring.remove', { fingerprint: fpr, confirmSecret: true });
    } finally {
      await owner.cleanup();
    }
  });

  it('encrypts and signs to several recipients; each recipient’s gpg opens it with a good signature', async () => {
    await useKey(rsa, rsaFpr, true);
    await useKey(ed, edFpr, false);
    await expect(vault.call('keyring.encrypt', { to: [rsaFpr, edFpr], data: { text: 'x' }, sign: true })).rejects.toMatchObject({ code: 'KeyNotVerified' });
    await vault.call('keyring.verify', { fingerprint: edFpr });

    const plaintext = Buffer.concat([Buffer.from('embargoed patch\n'), randomBytes(4096)]);
    const sent = await vault.call('keyring.encrypt', { to: [rsaFpr, edFpr], data: { base64: b64(plaintext) }, sign: true, filename: 'fix.patch' });
    expect(new Set(sent.recipients)).toEqual(new Set([rsaFpr, edFpr, ours]));
    expect(sent.signedBy).toBe(ours);
    expect(sent.armored).toMatch(/^-----BEGIN PGP MESSAGE-----/);

    const packets = rsa.run(['--list-packets'], sent.armored).stdout.toString();
    expect(packets.match(/:pubkey enc packet: version 3/g)).toHaveLength(3);
    expect(packets).toMatch(/:encrypted data packet:\n\s+length: \w+\n\s+mdc_method: 2/);
    expect(packets).not.toMatch(/aead|:compressed packet:/i);

    for (const gpg of [rsa, ed]) {
      const opened = gpg.ok(['--decrypt'], sent.armored);
      expect(opened.stdout.equals(plaintext)).toBe(true);
      expect(statusOf(opened, 'GOODSIG')[0]).toContain(keyIdOf(ours));
      expect(statusOf(opened, 'VALIDSIG')[0]).toContain(ours);
      expect(statusOf(opened, 'DECRYPTION_OKAY')).toHaveLength(1);
      const info = statusOf(opened, 'DECRYPTION_INFO')[0]!.split(' ');
      expect(info[1]).toBe('2'); // MDC
      expect(info[2]).toBe('9'); // AES-256
      expect(info[3] ?? '0').toBe('0'); // no AEAD
    }
  });

  it('decrypts and verifies what gpg encrypts and signs to us, armored and binary (compressed by gpg)', async () => {
    await useKey(rsa, rsaFpr, false);
    const text = 'Report: the kubelet can be escaped.\n'.repeat(200);
    const armored = rsa.ok(['--trust-model', 'always', '--armor', '--encrypt', '--sign', '--local-user', rsaFpr, '--recipient', ours], text).stdout.toString();
    const first = await vault.call('keyring.decrypt', { data: { text: armored } });
    expect(first.text).toBe(text);
    expect(first.decryptedWith).toBe(ours);
    expect(first.signatures).toMatchObject([{ fingerprint: rsaFpr, keyId: keyIdOf(rsaFpr), verdict: 'good-unverified', valid: true, signer: 'RSA User <rsa@example.org>' }]);

    await vault.call('keyring.verify', { fingerprint: rsaFpr });
    const binary = rsa.ok(['--trust-model', 'always', '--encrypt', '--sign', '--local-user', rsaFpr, '--recipient', ours], text).stdout;
    const second = await vault.call('keyring.decrypt', { data: { base64: b64(binary) } });
    expect(second.text).toBe(text);
    expect(second.signatures).toMatchObject([{ fingerprint: rsaFpr, verdict: 'good-verified', valid: true }]);

    const fromEd = ed.ok(['--trust-model', 'always', '--armor', '--encrypt', '--sign', '--local-user', edFpr, '--recipient', ours], 'from ed').stdout.toString();
    await useKey(ed, edFpr, true);
    expect((await vault.call('keyring.decrypt', { data: { text: fromEd } })).signatures).toMatchObject([{ fingerprint: edFpr, verdict: 'good-verified' }]);
  });

  it('reports a signer we do not know, and a bad signature', async () => {
    const stranger = await tempGpg();
    try {
      const strangerFpr = stranger.generate('Stranger <stranger@example.org>', 'ed25519', 'cv25519');
      stranger.ok(['--import'], (await vault.call('keyring.exportPublic', { fingerprint: ours })).armored);
      const message = stranger.ok(['--trust-model', 'always', '--armor', '--encrypt', '--sign', '--recipient', ours], 'who am I').stdout.toString();
      const opened = await vault.call('keyring.decrypt', { data: { text: message } });
      expect(opened.text).toBe('who am I');
      expect(opened.signatures).toMatchObject([{ verdict: 'unknown-signer', valid: false, keyId: keyIdOf(strangerFpr), fingerprint: strangerFpr }]);

      const data = join(work.path, 'stranger.txt');
      await writeFile(data, 'original');
      stranger.ok(['--armor', '--detach-sign', data]);
      const signature = await readFile(`${data}.asc`, 'utf8');
      const unknown = await vault.call('keyring.verifyDetached', { data: { text: 'original' }, signature: { text: signature } });
      expect(unknown.signatures[0]).toMatchObject({ verdict: 'unknown-signer' });
    } finally {
      await stranger.cleanup();
    }
    await useKey(rsa, rsaFpr, true);
    const data = join(work.path, 'tampered.txt');
    await writeFile(data, 'the original text');
    rsa.ok(['--detach-sign', data]);
    const signature = await readFile(`${data}.sig`);
    const bad = await vault.call('keyring.verifyDetached', { data: { text: 'the altered text' }, signature: { base64: b64(signature) } });
    expect(bad.signatures).toMatchObject([{ fingerprint: rsaFpr, verdict: 'bad', valid: false }]);
  });

  it('detached signatures both ways: gpg --verify accepts ours; we accept gpg’s binary, armored and text-mode ones', async () => {
    const data = join(work.path, 'release-notes.txt');
    await writeFile(data, 'v1.29.4 fixes CVE-2026-4242\r\nand nothing else\n');
    const ourSignature = await vault.call('keyring.signDetached', { data: { base64: b64(await readFile(data)) } });
    expect(ourSignature.signedBy).toBe(ours);
    await writeFile(`${data}.ours.asc`, ourSignature.armored);
    const checked = rsa.ok(['--verify', `${data}.ours.asc`, data]);
    expect(statusOf(checked, 'VALIDSIG')[0]).toContain(ours);
    await writeFile(`${data}.altered`, 'v1.29.4 fixes nothing\n');
    expect(rsa.run(['--verify', `${data}.ours.asc`, `${data}.altered`]).status).not.toBe(0);

    await useKey(rsa, rsaFpr, true);
    for (const [flags, suffix] of [[['--detach-sign'], '.sig'], [['--armor', '--detach-sign'], '.asc'], [['--textmode', '--armor', '--detach-sign'], '.asc']] as const) {
      rsa.ok(['--yes', '--local-user', rsaFpr, ...flags, data]);
      const signature = await readFile(`${data}${suffix}`);
      const report = await vault.call('keyring.verifyDetached', { data: { base64: b64(await readFile(data)) }, signature: { base64: b64(signature) } });
      expect(report.signatures, flags.join(' ')).toMatchObject([{ fingerprint: rsaFpr, verdict: 'good-verified', valid: true }]);
    }
  });

  it('streams files both ways: ours to gpg and gpg’s to us, byte for byte', async () => {
    await useKey(rsa, rsaFpr, true);
    const plain = join(work.path, 'bundle.bin');
    const content = randomBytes(6 * 1024 * 1024 + 13);
    await writeFile(plain, content);
    const sealed = join(work.path, 'bundle.bin.asc');
    const sent = await encryptFile(vault.core.session, plain, { path: sealed, overwrite: false }, { to: [rsaFpr], sign: true, encryptToSelf: true, allowUnverified: false });
    expect(sent.output).toBe(sealed);
    const opened = rsa.ok(['--decrypt'], await readFile(sealed));
    expect(opened.stdout.equals(content)).toBe(true);
    expect(statusOf(opened, 'VALIDSIG')[0]).toContain(ours);

    const fromGpg = join(work.path, 'from-gpg.gpg');
    rsa.ok(['--trust-model', 'always', '--local-user', rsaFpr, '--recipient', ours, '--sign', '--encrypt', '--output', fromGpg, plain]);
    const out = join(work.path, 'from-gpg.out');
    const received = await decryptFile(vault.core.session, fromGpg, { path: out, overwrite: false });
    expect((await readFile(out)).equals(content)).toBe(true);
    expect(received.signatures).toMatchObject([{ fingerprint: rsaFpr, verdict: 'good-verified' }]);
    expect(received.filename).toBe('bundle.bin');
  });
});
