// The keyring, encrypt/decrypt/sign/verify, people and distributors commands as CLI.md says:
// flags, JSON shapes, exit statuses, and "a failed command changes nothing" — checked against
// the real gpg where the output is meant for it.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/core.ts';
import { statusOf, tempGpg, type Gpg } from '../core/keyring/gpg.ts';

interface Json {
  [key: string]: unknown;
}

describe('embargo keyring / encrypt / decrypt / sign / verify / people / distributors', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let gpg: Gpg;
  let gpgFpr: string;
  let ours: string;
  const env = { EMBARGO_PASSPHRASE: 'keyring cli test passphrase' };
  let vault: string;
  const cli = (...args: string[]) => runCli(['--vault', vault, ...args], env);
  const json = async (...args: string[]) => {
    const run = await cli('--json', ...args);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run.json() as Json;
  };
  const file = (name: string) => join(root.path, name);

  beforeAll(async () => {
    root = await tempDir('embargo-keyring-cli-');
    vault = file('vault');
    gpg = await tempGpg();
    gpgFpr = gpg.generate('Distro Contact <contact@distro.example>', 'rsa3072', 'rsa3072');
    await json('vault', 'init');
    ours = String((await json('keyring', 'generate', '--name', 'Fix Lead', '--email', 'lead@example.org')).fingerprint);
    gpg.ok(['--import'], (await cli('keyring', 'export', ours)).stdout);
  }, 120_000);
  afterAll(async () => {
    await gpg?.cleanup();
    await root?.remove();
  });

  it('generate, import (armored and binary, several files), list, show, verify: the JSON shapes of CLI.md', async () => {
    expect(ours).toMatch(/^[0-9A-F]{40}$/);
    await writeFile(file('contact.asc'), gpg.ok(['--armor', '--export', gpgFpr]).stdout);
    await writeFile(file('contact.gpg'), gpg.ok(['--export', gpgFpr]).stdout);
    const imported = await json('keyring', 'import', file('contact.asc'), file('contact.gpg'));
    expect(imported.imported).toEqual([gpgFpr]);
    const list = (await json('keyring', 'list')).keys as Json[];
    expect(list.map((key) => key.fingerprint)).toEqual([ours, gpgFpr]);
    for (const key of list) for (const field of ['fingerprint', 'userIds', 'expires', 'revoked', 'verified', 'secret']) expect(key).toHaveProperty(field);
    expect(list[0]).toMatchObject({ secret: true, verified: true, revoked: false });
    expect(list[1]).toMatchObject({ secret: false, verified: false, expires: null, userIds: ['Distro Contact <contact@distro.example>'] });
    const verified = await json('keyring', 'verify', gpgFpr.replace(/(.{4})/g, '$1 ').trim());
    expect(verified).toMatchObject({ fingerprint: gpgFpr, verified: true });
    expect(await json('keyring', 'show', gpgFpr)).toMatchObject({ verified: true, algorithm: { label: 'rsa3072' } });
    const human = await cli('keyring', 'list');
    expect(human.stdout).toContain('verified');
    expect(human.stdout).toContain('Distro Contact <contact@distro.example>');
  });

  it('a bad key file fails with a coded error and imports nothing, even next to a good one', async () => {
    await writeFile(file('garbage.asc'), '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbm90IGEga2V5\n-----END PGP PUBLIC KEY BLOCK-----\n');
    const extra = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Extra' }], format: 'armored' });
    await writeFile(file('extra.asc'), extra.publicKey);
    const before = (await json('keyring', 'list')).keys;
    const failed = await cli('--json', 'keyring', 'import', file('extra.asc'), file('garbage.asc'));
    expect(failed.code).toBe(1);
    expect(failed.json()).toMatchObject({ error: { code: 'InvalidKey' } });
    expect(failed.stderr).toMatch(/^embargo: The key data cannot be read/);
    expect((await json('keyring', 'list')).keys).toEqual(before);
    expect((await cli('keyring', 'import', file('missing.asc'))).code).toBe(2);
  });

  it('export: public on stdout; the secret only with confirmation and an export passphrase, and gpg takes it', async () => {
    const pub = await cli('keyring', 'export', ours);
    expect(pub.code).toBe(0);
    expect(pub.stdout).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    const refused = await cli('--json', 'keyring', 'export', ours, '--secret');
    expect(refused.code).toBe(2);
    expect(refused.json()).toMatchObject({ error: { code: 'ConfirmationRequired' } });
    expect(refused.stdout).not.toContain('PRIVATE KEY');
    await writeFile(file('export-pass'), 'export passphrase for gpg\n');
    const secret = await cli('keyring', 'export', ours, '--secret', '--yes-export-secret', '--export-passphrase-file', file('export-pass'));
    expect(secret.code).toBe(0);
    expect(secret.stdout).toMatch(/^-----BEGIN PGP PRIVATE KEY BLOCK-----/);
    const other = await tempGpg();
    try {
      other.ok(['--pinentry-mode', 'loopback', '--passphrase', 'export passphrase for gpg', '--import'], secret.stdout);
      expect(other.ok(['--with-colons', '--list-secret-keys']).stdout.toString()).toContain(ours);
    } finally {
      await other.cleanup();
    }
  });

  it('encrypt → gpg, gpg → decrypt, with {output} and {output, signatures} as CLI.md says', async () => {
    await json('keyring', 'verify', gpgFpr);
    const content = Buffer.concat([Buffer.from('embargoed patch series\n'), randomBytes(300_000)]);
    await writeFile(file('fix.patch'), content);
    // CLI.md's form: --to FPR... (several values after one flag).
    const sent = await json('encrypt', '--to', gpgFpr, ours, '--sign', file('fix.patch'));
    expect(sent).toMatchObject({ output: file('fix.patch.asc'), signedBy: ours });
    expect(new Set(sent.recipients as string[])).toEqual(new Set([gpgFpr, ours]));
    const opened = gpg.ok(['--decrypt'], await readFile(file('fix.patch.asc')));
    expect(opened.stdout.equals(content)).toBe(true);
    expect(statusOf(opened, 'VALIDSIG')[0]).toContain(ours);
    // The output exists now: refused without --force, replaced with it.
    const again = await cli('--json', 'encrypt', '--to', gpgFpr, file('fix.patch'));
    expect(again.code).toBe(1);
    expect(again.json()).toMatchObject({ error: { code: 'Conflict' } });
    expect((await cli('encrypt', '--force', '--to', gpgFpr, file('fix.patch'))).code).toBe(0);
    expect((await cli('encrypt', '--to', 'ABCD1234', file('fix.patch'))).code).toBe(2); // a key ID is not a fingerprint

    gpg.ok(['--trust-model', 'always', '--sign', '--encrypt', '--local-user', gpgFpr, '--recipient', ours, '--output', file('report.gpg')], 'the report\n');
    const received = await json('decrypt', file('report.gpg'));
    expect(received).toMatchObject({ output: file('report'), decryptedWith: ours, signatures: [{ fingerprint: gpgFpr, valid: true, verdict: 'good-verified' }] });
    expect(await readFile(file('report'), 'utf8')).toBe('the report\n');
    const human = await cli('decrypt', '-o', file('report.txt'), file('report.gpg'));
    expect(human.stdout).toContain('Good signature from Distro Contact <contact@distro.example>');
    expect((await cli('decrypt', file('report.txt'))).code).toBe(2); // no name to guess: -o needed
  });

  it('a tampered message fails and leaves no output and no partial file behind', async () => {
    const content = randomBytes(2 * 1024 * 1024);
    await writeFile(file('big.bin'), content);
    await json('encrypt', '--to', ours, '-o', file('big.asc'), file('big.bin'));
    const { data } = await openpgp.unarmor(await readFile(file('big.asc'), 'utf8'));
    const binary = Buffer.from(data as unknown as Uint8Array);
    binary[binary.length - 100_000]! ^= 0x01; // deep inside the encrypted data: only the MDC at the end notices
    await writeFile(file('big.gpg'), binary);
    const before = await readdir(root.path);
    const failed = await cli('--json', 'decrypt', '-o', file('big.out'), file('big.gpg'));
    expect(failed.code).toBe(1);
    expect(failed.json()).toMatchObject({ error: { code: 'DecryptionFailed' } });
    expect(await readdir(root.path)).toEqual(before);
  });

  it('refuses weak and unverified recipients with the reason; unverified is allowed only explicitly, once', async () => {
    const weak = await readFile(join(import.meta.dirname, '..', 'fixtures', 'keys', 'weak-rsa1024.asc'));
    await writeFile(file('weak.asc'), weak);
    const [weakKey] = (await json('keyring', 'import', file('weak.asc'))).imported as string[];
    await json('keyring', 'verify', weakKey!);
    const refused = await cli('--json', 'encrypt', '--to', weakKey!, '-o', file('weak.out'), file('fix.patch'));
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ error: { code: 'WeakKey', message: expect.stringContaining('RSA key of 1024 bits') } });
    const fresh = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'New Reporter' }], format: 'object' });
    await writeFile(file('new.asc'), fresh.publicKey.armor());
    const [newKey] = (await json('keyring', 'import', file('new.asc'))).imported as string[];
    expect((await cli('--json', 'encrypt', '--to', newKey!, '-o', file('new.out'), file('fix.patch'))).json()).toMatchObject({ error: { code: 'KeyNotVerified' } });
    expect((await cli('encrypt', '--to', newKey!, '--allow-unverified', '-o', file('new.out'), file('fix.patch'))).code).toBe(0);
    const names = await readdir(root.path);
    expect(names).not.toContain('weak.out');
  });

  it('sign → gpg --verify; verify: exit 0 for a good signature, 1 for altered data', async () => {
    await writeFile(file('notes.txt'), 'release notes\n');
    const signed = await json('sign', '-o', file('notes.txt.sig.asc'), file('notes.txt'));
    expect(signed).toMatchObject({ output: file('notes.txt.sig.asc'), signedBy: ours });
    expect(gpg.run(['--verify', file('notes.txt.sig.asc'), file('notes.txt')]).status).toBe(0);
    const good = await json('verify', '--signature', file('notes.txt.sig.asc'), file('notes.txt'));
    expect(good.signatures).toMatchObject([{ fingerprint: ours, valid: true, verdict: 'good-verified' }]);
    await writeFile(file('notes-altered.txt'), 'release notes, altered\n');
    const bad = await cli('--json', 'verify', '--signature', file('notes.txt.sig.asc'), file('notes-altered.txt'));
    expect(bad.code).toBe(1);
    expect((bad.json() as Json).signatures).toMatchObject([{ verdict: 'bad', valid: false }]);
  });

  it('people and distributors: encrypt --to-distributors only when every member can receive', async () => {
    const contact = await json('people', 'add', '--name', 'Distro Contact', '--email', 'contact@distro.example', '--role', 'distributor-contact', '--key', gpgFpr);
    expect(contact).toMatchObject({ canReceiveEncrypted: true, roles: ['distributor-contact'] });
    const keyless = await json('people', 'add', '--name', 'Keyless');
    await json('distributors', 'add-member', '--organisation', 'Distro', '--distribution', 'DistroK8s', '--contact', String(contact.id));
    const lacking = await json('distributors', 'add-member', '--organisation', 'Lacking', '--distribution', 'L', '--contact', String(keyless.id));
    const unhealthy = await cli('--json', 'distributors', 'health');
    expect(unhealthy.code).toBe(1);
    expect(unhealthy.json()).toMatchObject({ ok: false, cannotReceive: [{ organisation: 'Lacking', reasons: ['Keyless has no key'] }] });
    const refused = await cli('--json', 'encrypt', '--to-distributors', '-o', file('list.asc'), file('fix.patch'));
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ error: { code: 'KeyUnusable', message: expect.stringContaining('Lacking: Keyless has no key') } });
    expect(await readdir(root.path)).not.toContain('list.asc');

    await json('distributors', 'remove-member', String(lacking.id), '--reason', 'no PGP');
    expect((await json('distributors', 'health')).ok).toBe(true);
    const sent = await json('encrypt', '--to-distributors', '--sign', '-o', file('list.asc'), file('fix.patch'));
    expect(new Set(sent.recipients as string[])).toEqual(new Set([gpgFpr, ours]));
    expect(gpg.ok(['--decrypt'], await readFile(file('list.asc'))).stdout.equals(await readFile(file('fix.patch')))).toBe(true);
  });
});
