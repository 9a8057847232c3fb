// Property tests for the two vault file parsers: whatever bytes are on disk, opening gives a
// coded error (never a crash, never data), and a genuine file still opens.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSealedBytes, sealBytes } from '../../../src/core/vault/sealed-file.ts';
import { buildKeyFile, parseKeyFile, unwrapDataKey } from '../../../src/core/vault/key-file.ts';
import { EmbargoError } from '../../../src/shared/errors.ts';
import { randomBytes } from 'node:crypto';

const key = new Uint8Array(randomBytes(32));
const rnd = (n: number) => new Uint8Array(randomBytes(n));

function codeOf(work: () => unknown): string {
  try {
    work();
    return 'ok';
  } catch (error) {
    if (error instanceof EmbargoError) return error.code;
    throw error;
  }
}

describe('sealed file parser', () => {
  it('random bytes never open and always give VaultCorrupt', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(codeOf(() => openSealedBytes(key, 'document', 'index', bytes, 'index.edoc'))).toBe('VaultCorrupt');
      }),
      { numRuns: 2000 },
    );
  });

  it('any truncation or any change of a genuine file gives VaultCorrupt; the genuine file opens', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (plaintext, at, mask) => {
        const sealed = sealBytes(key, 'document', 'case:EMB-0001', plaintext, rnd(12));
        expect(Buffer.from(openSealedBytes(key, 'document', 'case:EMB-0001', sealed, 'f')).equals(Buffer.from(plaintext))).toBe(true);
        const position = at % sealed.length;
        const changed = Buffer.from(sealed);
        changed[position] = changed[position]! ^ mask;
        expect(codeOf(() => openSealedBytes(key, 'document', 'case:EMB-0001', changed, 'f'))).toBe('VaultCorrupt');
        expect(codeOf(() => openSealedBytes(key, 'document', 'case:EMB-0001', sealed.subarray(0, position), 'f'))).toBe('VaultCorrupt');
        expect(codeOf(() => openSealedBytes(key, 'document', 'case:EMB-0002', sealed, 'f'))).toBe('VaultCorrupt');
        expect(codeOf(() => openSealedBytes(key, 'blob', 'case:EMB-0001', sealed, 'f'))).toBe('VaultCorrupt');
      }),
      { numRuns: 500 },
    );
  });
});

describe('key file parser', () => {
  it('random text and random JSON give VaultCorrupt', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ format: 'embargo-vault-key', v }))), (text) => {
        expect(codeOf(() => parseKeyFile(text))).toBe('VaultCorrupt');
      }),
      { numRuns: 2000 },
    );
  });

  it('any single-character change to a genuine key file gives VaultCorrupt', async () => {
    const text = await buildKeyFile('passphrase', rnd(32), { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }, rnd);
    expect(codeOf(() => parseKeyFile(text))).toBe('ok');
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 127 }), (at, mask) => {
        const position = at % text.length;
        const changed = text.slice(0, position) + String.fromCharCode(text.charCodeAt(position) ^ mask) + text.slice(position + 1);
        expect(codeOf(() => parseKeyFile(changed))).toBe('VaultCorrupt');
      }),
      { numRuns: 3000 },
    );
  });

  it('unwraps only with the right passphrase', async () => {
    const dataKey = rnd(32);
    const file = parseKeyFile(await buildKeyFile('right one', dataKey, { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }, rnd));
    expect(Buffer.from(await unwrapDataKey(file, 'right one')).equals(Buffer.from(dataKey))).toBe(true);
    await expect(unwrapDataKey(file, 'wrong one')).rejects.toMatchObject({ code: 'WrongPassphrase' });
  });
});
