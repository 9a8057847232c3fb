// Canary for the keyring: after generating our key, importing a secret key, adding people and
// distributors and encrypting and decrypting a file through the real CLI (with TMPDIR, HOME
// and XDG pointed at fresh directories), no file under the vault, TMPDIR or HOME holds the
// user IDs, names or the secret key material in plaintext (raw, hex, base64, or in a zlib stream).
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCanary, listFilesUnder, makeCanary } from '../helpers/canary.ts';
import { tempDir } from '../helpers/core.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'embargo.js');

function encodings(secret: Buffer): Buffer[] {
  return [
    secret,
    Buffer.from(secret.toString('hex')),
    Buffer.from(secret.toString('hex').toUpperCase()),
    ...[0, 1, 2].map((shift) => {
      const encoded = Buffer.concat([Buffer.alloc(shift), secret]).toString('base64');
      return Buffer.from(encoded.slice(Math.ceil((shift * 4) / 3) + 2, -4));
    }),
  ];
}

function inflated(bytes: Buffer): Buffer[] {
  const found: Buffer[] = [];
  for (let at = 0; at < bytes.length - 2; at += 1) {
    if (bytes[at] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(bytes[at + 1]!)) {
      try {
        found.push(inflateSync(bytes.subarray(at)));
      } catch {
        // not a stream here
      }
    }
  }
  return found;
}

describe('canary: no key material or user IDs on disk in plaintext', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    root = await tempDir('embargo-keyring-canary-');
  });
  afterAll(async () => root.remove());

  it('finds neither the names nor the secret keys under the vault, TMPDIR or HOME', async () => {
    const canary = makeCanary();
    const vault = join(root.path, 'vault');
    const tmp = join(root.path, 'tmp');
    const home = join(root.path, 'home');
    const work = join(root.path, 'work');
    for (const dir of [tmp, home, work]) await mkdir(dir);
    const env = { PATH: process.env.PATH, TMPDIR: tmp, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: 'keyring canary passphrase' };
    const run = (...args: string[]) => {
      const result = spawnSync(process.execPath, [bin, '--vault', vault, '--json', ...args], { env, encoding: 'utf8' });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return JSON.parse(result.stdout) as Record<string, unknown>;
    };

    run('vault', 'init');
    const own = String(run('keyring', 'generate', '--name', `Lead ${canary}`, '--email', `${canary.toLowerCase()}@example.org`).fingerprint);
    const imported = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: `Reporter ${canary}`, email: 'reporter@example.org' }], format: 'object' });
    await writeFile(join(work, 'reporter-secret.asc'), imported.privateKey.armor());
    run('keyring', 'import', join(work, 'reporter-secret.asc'));
    const person = run('people', 'add', '--name', `Contact ${canary}`, '--role', 'distributor-contact', '--key', own);
    run('distributors', 'add-member', '--organisation', `Org ${canary}`, '--distribution', 'K', '--contact', String(person.id));
    await writeFile(join(work, 'patch.txt'), `fix for ${canary}\n`);
    run('encrypt', '--to', own, '--sign', join(work, 'patch.txt'));
    run('decrypt', '-o', join(work, 'patch.out'), join(work, 'patch.txt.asc'));
    expect(await readFile(join(work, 'patch.out'), 'utf8')).toContain(canary);
    expect(JSON.stringify(run('keyring', 'list'))).toContain(canary); // the data is really there

    // The secret key material, as the vault holds it, taken out through the confirmed export.
    await writeFile(join(work, 'export-pass'), 'canary export passphrase\n');
    const secrets: Buffer[] = [];
    for (const fingerprint of [own, imported.privateKey.getFingerprint().toUpperCase()]) {
      const exported = run('keyring', 'export', fingerprint, '--secret', '--yes-export-secret', '--export-passphrase-file', join(work, 'export-pass'));
      const locked = await openpgp.readPrivateKey({ armoredKey: String(exported.armored) });
      const key = await openpgp.decryptKey({ privateKey: locked, passphrase: 'canary export passphrase' });
      for (const part of key.getKeys()) for (const value of Object.values((part.keyPacket as unknown as { privateParams: Record<string, Uint8Array> }).privateParams)) secrets.push(Buffer.from(value));
    }
    expect(secrets.length).toBe(4);
    // The search finds a secret planted at any base64 alignment, in hex, or raw.
    for (const prefix of ['', 'a', 'ab']) {
      const planted = Buffer.from(Buffer.concat([Buffer.from(prefix), secrets[0]!]).toString('base64'));
      expect(encodings(secrets[0]!).some((needle) => planted.includes(needle))).toBe(true);
    }
    expect(encodings(secrets[1]!).some((needle) => Buffer.from(`k=${secrets[1]!.toString('hex')};`).includes(needle))).toBe(true);

    const files = [...(await listFilesUnder(vault)), ...(await listFilesUnder(tmp)), ...(await listFilesUnder(home))];
    expect(files.some((file) => file.endsWith('keyring.edoc'))).toBe(true);
    expect(await findCanary(canary, [vault, tmp, home], { rawDeflate: true })).toEqual([]);
    for (const file of files) {
      const bytes = await readFile(file);
      const haystacks = [bytes, ...inflated(bytes)];
      for (const secret of secrets) {
        for (const needle of encodings(secret)) expect(haystacks.some((haystack) => haystack.includes(needle)), file).toBe(false);
      }
    }
  });
});
