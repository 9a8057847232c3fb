// `embargo keyring revoke` and `embargo keyring import-revocation`: confirmation, the certificate
// file, and the exported revoked key as gpg 2.2 lists it ('r' validity).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/core.ts';
import { tempGpg, type Gpg } from '../core/keyring/gpg.ts';

describe('embargo keyring revoke / import-revocation', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let gpg: Gpg;
  let vault: string;
  let ours: string;
  const env = { EMBARGO_PASSPHRASE: 'keyring revoke cli test passphrase' };
  const cli = (...args: string[]) => runCli(['--vault', vault, ...args], env);
  const validity = (fingerprint: string) =>
    gpg.ok(['--with-colons', '--list-keys', fingerprint]).stdout.toString('utf8').split('\n').find((line) => line.startsWith('pub:'))!.split(':')[1];

  beforeAll(async () => {
    root = await tempDir('embargo-revoke-cli-');
    vault = join(root.path, 'vault');
    gpg = await tempGpg();
    expect((await cli('vault', 'init')).code).toBe(0);
    ours = String((JSON.parse((await cli('--json', 'keyring', 'generate', '--name', 'Fix Lead', '--email', 'lead@example.org')).stdout) as { fingerprint: string }).fingerprint);
  }, 120_000);
  afterAll(async () => {
    await gpg?.cleanup();
    await root?.remove();
  });

  it('refuses without confirmation, revokes with --yes-revoke, and gpg sees the exported key revoked', async () => {
    const refused = await cli('keyring', 'revoke', ours, '--reason', 'compromised');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--yes-revoke');
    expect((await cli('keyring', 'revoke', ours, '--reason', 'sideways', '--yes-revoke')).code).not.toBe(0);
    expect(JSON.parse((await cli('--json', 'keyring', 'show', ours)).stdout)).toMatchObject({ revoked: false });

    const certFile = join(root.path, 'ours.rev');
    const done = await cli('--json', 'keyring', 'revoke', ours, '--reason', 'compromised', '--description', 'laptop stolen', '--yes-revoke', '-o', certFile);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ key: { fingerprint: ours, revoked: true, revocationReason: 'laptop stolen' } });
    expect(await readFile(certFile, 'utf8')).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    gpg.ok(['--import'], (await cli('keyring', 'export', ours)).stdout);
    expect(validity(ours)).toBe('r');
    expect((await cli('keyring', 'list')).stdout).toContain('REVOKED');
  });

  it("import-revocation applies gpg's own certificate to a correspondent's key", async () => {
    const theirs = gpg.generate('Contact <contact@distro.example>', 'ed25519', 'cv25519');
    const keyFile = join(root.path, 'contact.asc');
    await writeFile(keyFile, gpg.ok(['--armor', '--export', theirs]).stdout);
    expect((await cli('keyring', 'import', keyFile)).code).toBe(0);
    const bad = await cli('keyring', 'import-revocation', keyFile);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('revocation');
    const run = await cli('keyring', 'import-revocation', join(gpg.home, 'openpgp-revocs.d', `${theirs}.rev`));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Revoked ${theirs}`);
    expect(JSON.parse((await cli('--json', 'keyring', 'show', theirs)).stdout)).toMatchObject({ revoked: true, canEncrypt: false });
  });
});
