// Property tests for everything the keyring parses: random bytes, truncated and corrupted keys,
// messages and signatures give a typed error (never a crash, never "Internal") and leave the
// keyring exactly as it was; what still parses after damage can add nothing that was not there.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/errors.ts';
import { freshVault } from '../../helpers/core.ts';

const KEY_ERRORS = ['InvalidKey', 'KeyPassphraseRequired', 'WrongKeyPassphrase'];
const MESSAGE_ERRORS = ['InvalidMessage', 'DecryptionFailed', 'NoSecretKey'];
const RUNS = { numRuns: 150 };

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** Text with one character replaced (inside the armor body most of the time). */
const corruptText = (text: string) =>
  fc.tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-\n '.split(''))).map(
    ([at, char]) => text.slice(0, at) + char + text.slice(at + 1),
  );
/** Bytes with one byte changed. */
const corruptBytes = (bytes: Uint8Array) =>
  fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
    const copy = Uint8Array.from(bytes);
    copy[at] = copy[at]! ^ xor;
    return copy;
  });
const truncatedText = (text: string) => fc.nat({ max: text.length - 1 }).map((at) => text.slice(0, at));

describe('keyring parsers under damage', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let subject: { armored: string; binary: Uint8Array; fingerprint: string; userIds: string[]; subkeys: string[] };
  let message: { armored: string; binary: Uint8Array; plaintext: string };
  let signature: { armored: string; data: string };

  const keyringFile = () => readFile(join(vault.dir, 'keyring.edoc'));

  beforeAll(async () => {
    vault = await freshVault();
    const own = await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org' });
    const { publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Subject', email: 'subject@example.org' }], format: 'object' });
    subject = {
      armored: publicKey.armor(),
      binary: publicKey.write(),
      fingerprint: publicKey.getFingerprint().toUpperCase(),
      userIds: publicKey.getUserIDs(),
      subkeys: publicKey.subkeys.map((subkey) => subkey.getFingerprint().toUpperCase()),
    };
    const plaintext = 'embargoed: the fix is in commit 1a2b3c\n';
    const sent = await vault.call('keyring.encrypt', { to: [own.fingerprint], data: { text: plaintext }, sign: true });
    const armoredMessage = await openpgp.readMessage({ armoredMessage: sent.armored });
    message = { armored: sent.armored, binary: armoredMessage.write() as Uint8Array, plaintext };
    signature = { armored: (await vault.call('keyring.signDetached', { data: { text: 'release notes' } })).armored, data: 'release notes' };
  });
  afterAll(async () => vault?.cleanup());

  /** Imports; on failure the error is typed and the keyring file is byte for byte the same. */
  async function importChecked(data: { text: string } | { base64: string }): Promise<Result<unknown>> {
    const before = await keyringFile();
    const result = await vault.result('keyring.import', { data });
    if (!result.ok) {
      expect(KEY_ERRORS).toContain(result.error.code);
      expect(await keyringFile()).toEqual(before);
      return result;
    }
    // Whatever survived damage is the subject's own material, nothing new; put the keyring back.
    for (const key of result.value.keys) {
      expect(key.fingerprint).toBe(subject.fingerprint);
      for (const userId of key.userIds) expect(subject.userIds).toContain(userId);
      for (const subkey of key.subkeys) expect(subject.subkeys).toContain(subkey.fingerprint);
      await vault.call('keyring.remove', { fingerprint: key.fingerprint });
    }
    return result;
  }

  it('random bytes and random text are not keys', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2048 }), async (bytes) => {
        expect((await importChecked({ base64: b64(bytes) })).ok).toBe(false);
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), async (text) => {
        expect((await importChecked({ text: `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${text}\n-----END PGP PUBLIC KEY BLOCK-----\n` })).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('truncated and corrupted armored keys', async () => {
    await fc.assert(fc.asyncProperty(truncatedText(subject.armored), async (text) => void (await importChecked({ text }))), RUNS);
    await fc.assert(fc.asyncProperty(corruptText(subject.armored), async (text) => void (await importChecked({ text }))), RUNS);
  });

  it('truncated and corrupted binary keys', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: subject.binary.length - 1 }), async (at) => void (await importChecked({ base64: b64(subject.binary.subarray(0, at)) }))),
      RUNS,
    );
    await fc.assert(fc.asyncProperty(corruptBytes(subject.binary), async (bytes) => void (await importChecked({ base64: b64(bytes) }))), RUNS);
  });

  /** Decrypts; a failure is typed, a success yields exactly the original plaintext; nothing is written. */
  async function decryptChecked(data: { text: string } | { base64: string }): Promise<void> {
    const before = await keyringFile();
    const result = await vault.result('keyring.decrypt', { data });
    if (result.ok) {
      expect(result.value.text).toBe(message.plaintext);
      expect(result.value.signatures.every((s) => s.verdict === 'good-verified')).toBe(true);
    } else {
      expect(MESSAGE_ERRORS).toContain(result.error.code);
    }
    expect(await keyringFile()).toEqual(before);
  }

  it('random, truncated and corrupted messages never decrypt to anything but the original', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2048 }), async (bytes) => decryptChecked({ base64: b64(bytes) })), RUNS);
    await fc.assert(fc.asyncProperty(truncatedText(message.armored), async (text) => decryptChecked({ text })), RUNS);
    await fc.assert(fc.asyncProperty(corruptText(message.armored), async (text) => decryptChecked({ text })), RUNS);
    await fc.assert(fc.asyncProperty(corruptBytes(message.binary), async (bytes) => decryptChecked({ base64: b64(bytes) })), RUNS);
  });

  it('damaged detached signatures give typed errors or verdicts; altered data never verifies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(corruptText(signature.armored), truncatedText(signature.armored)), async (text) => {
        const result = await vault.result('keyring.verifyDetached', { data: { text: signature.data }, signature: { text } });
        if (!result.ok) expect(['InvalidMessage']).toContain(result.error.code);
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 100 }).filter((text) => text !== signature.data),
        async (altered) => {
          const result = await vault.result('keyring.verifyDetached', { data: { text: altered }, signature: { text: signature.armored } });
          expect(result.ok && result.value.signatures.some((s) => s.valid)).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
