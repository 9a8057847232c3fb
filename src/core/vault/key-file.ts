// The vault key file (`vault.key`): the only file the passphrase touches.
//
// It holds the format version, the Argon2id parameters and salt, and the random 256-bit data
// key wrapped with AES-256-GCM under the passphrase-derived key. The header (format, version,
// KDF parameters and salt) is the additional authenticated data of that wrap, so lowering the
// KDF cost in the file breaks the unwrap. A SHA-256 checksum over the canonical JSON tells
// accidental damage (VaultCorrupt) apart from a wrong passphrase.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { VaultCorruptError, WrongPassphraseError, EmbargoError } from '../../shared/errors.ts';
import { argon2id } from 'hash-wasm';

export const KEY_FILE_NAME = 'vault.key';
export const KEY_FILE_FORMAT = 'embargo-vault-key';
export const KEY_FILE_VERSION = 1;

export interface KdfParameters {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: string; // base64, 16 bytes or more
}

/** The floor: m = 64 MiB, t = 3, p = 4. Stored per vault so it can be raised later. */
export const DEFAULT_KDF = { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 } as const;

const kdfSchema = z.strictObject({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int().min(8).max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(64),
  salt: z.base64(),
});

const keyFileSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  formatVersion: z.number().int().min(1),
  kdf: kdfSchema,
  wrappedKey: z.strictObject({ nonce: z.base64(), ciphertext: z.base64() }),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export type KeyFile = z.infer<typeof keyFileSchema>;

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function canonical(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

function wrapAad(kdf: KdfParameters, formatVersion: number): Buffer {
  return Buffer.from(canonical({ format: KEY_FILE_FORMAT, formatVersion, kdf }), 'utf8');
}

function checksumOf(file: Omit<KeyFile, 'checksum'>): string {
  return createHash('sha256').update(canonical(file)).digest('hex');
}

export async function deriveVaultKey(passphrase: string, kdf: KdfParameters): Promise<Uint8Array> {
  return argon2id({
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(kdf.salt, 'base64'),
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    memorySize: kdf.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
}

export async function buildKeyFile(
  passphrase: string,
  dataKey: Uint8Array,
  kdfCost: Omit<KdfParameters, 'salt'>,
  randomBytes: (n: number) => Uint8Array,
): Promise<string> {
  const kdf: KdfParameters = { ...kdfCost, salt: b64(randomBytes(16)) };
  const wrappingKey = await deriveVaultKey(passphrase, kdf);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce);
  cipher.setAAD(wrapAad(kdf, KEY_FILE_VERSION));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  const body = {
    format: KEY_FILE_FORMAT,
    formatVersion: KEY_FILE_VERSION,
    kdf,
    wrappedKey: { nonce: b64(nonce), ciphertext: b64(ciphertext) },
  } as const;
  return canonical({ ...body, checksum: checksumOf(body) });
}

/**
 * SHA-256 (hex) of the key file as stored: parseKeyFile accepts only the canonical text, so this
 * is the hash of the file's bytes. The CLI's agent compares it to notice a passphrase change.
 */
export function keyFileDigest(file: KeyFile): string {
  return createHash('sha256').update(canonical(file)).digest('hex');
}

/** Parses and checks the key file's integrity without the passphrase. */
export function parseKeyFile(text: string, fileLabel = KEY_FILE_NAME): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VaultCorruptError(fileLabel, 'it is not valid JSON');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new VaultCorruptError(fileLabel, 'its fields are not those of a vault key file');
  const file = parsed.data;
  const { checksum, ...body } = file;
  if (checksumOf(body) !== checksum || canonical(file) !== text) {
    throw new VaultCorruptError(fileLabel, 'its checksum does not match its content');
  }
  if (file.formatVersion > KEY_FILE_VERSION) {
    throw new EmbargoError(
      'UnsupportedFormat',
      `The vault key file uses format version ${file.formatVersion}; this Embargo reads up to ${KEY_FILE_VERSION}. Update Embargo.`,
      { file: fileLabel, version: file.formatVersion },
    );
  }
  return file;
}

export async function unwrapDataKey(file: KeyFile, passphrase: string): Promise<Uint8Array> {
  const wrappingKey = await deriveVaultKey(passphrase, file.kdf);
  const sealed = Buffer.from(file.wrappedKey.ciphertext, 'base64');
  if (sealed.length !== 32 + 16) throw new VaultCorruptError(KEY_FILE_NAME, 'the wrapped key has the wrong length');
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(file.wrappedKey.nonce, 'base64'));
    decipher.setAAD(wrapAad(file.kdf, file.formatVersion));
    decipher.setAuthTag(sealed.subarray(32));
    return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(0, 32)), decipher.final()]));
  } catch {
    throw new WrongPassphraseError();
  }
}
