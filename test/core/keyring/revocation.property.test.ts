// Property test for the revocation-certificate importer (outside input): random bytes, damaged,
// truncated and foreign certificates give a coded error (never Internal) and leave the keyring
// file byte for byte as it was; only the untouched certificate revokes the key.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault } from '../../helpers/core.ts';

const CODES = ['InvalidRevocation', 'NotFound', 'InputTooLarge', 'InvalidInput'];
const RUNS = { numRuns: 120 };

describe('keyring.importRevocation under damage', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let certificate: string;
  let foreign: string;
  let fingerprint: string;
  const keyringFile = () => readFile(join(vault.dir, 'keyring.edoc'));

  beforeAll(async () => {
    vault = await freshVault();
    const made = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Subject', email: 'subject@example.org' }], format: 'object' });
    certificate = made.revocationCertificate;
    fingerprint = made.publicKey.getFingerprint().toUpperCase();
    await vault.call('keyring.import', { data: { text: made.publicKey.armor() } });
    foreign = (await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Other', email: 'o@example.org' }], format: 'object' })).revocationCertificate;
  });
  afterAll(() => vault.cleanup());

  async function refused(data: { text: string } | { base64: string }): Promise<void> {
    const before = await keyringFile();
    const result = await vault.result('keyring.importRevocation', { data });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(CODES).toContain(result.error.code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
    expect((await keyringFile()).equals(before)).toBe(true);
  }

  it('random bytes and text are refused with a clear code', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), (bytes) => refused({ base64: Buffer.from(bytes).toString('base64') })), RUNS);
    await fc.assert(fc.asyncProperty(fc.string({ minLength: 1, maxLength: 400 }), (text) => refused({ text })), RUNS);
  });

  it('a truncated or altered certificate is refused, the keyring unchanged', async () => {
    const body = certificate.indexOf('\n\n') + 2;
    const end = certificate.indexOf('\n=', body);
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: certificate.length - 40 }), (at) => refused({ text: certificate.slice(0, at) })), RUNS);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: body, max: end - 1 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'), (at, char) => {
        fc.pre(certificate[at] !== char && certificate[at] !== '\n');
        return refused({ text: certificate.slice(0, at) + char + certificate.slice(at + 1) });
      }),
      RUNS,
    );
  });

  it('a certificate for a key not in the keyring is NotFound; the real one revokes', async () => {
    await refused({ text: foreign });
    expect((await vault.call('keyring.show', { fingerprint })).revoked).toBe(false);
    expect((await vault.call('keyring.importRevocation', { data: { text: certificate } })).revoked).toBe(true);
  });
});
