// The on-disk envelope of every encrypted vault file (documents and blobs).
//
//   "EMBG" | format version u16 | kind u8 | name length u16 | name (UTF-8) | nonce (12) | ciphertext | tag (16)
//
// AES-256-GCM with a fresh random 96-bit nonce per write. Everything before the nonce is the
// additional authenticated data, so the format version, the kind and the logical name are all
// authenticated: a file renamed or swapped for another document's file fails to open.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { VaultCorruptError, EmbargoError } from '../../shared/errors.ts';

export const SEALED_MAGIC = Buffer.from('EMBG', 'ascii');
export const SEALED_FORMAT_VERSION = 1;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

export type SealedKind = 'document' | 'blob';
const KIND_BYTE: Record<SealedKind, number> = { document: 1, blob: 2 };

function header(kind: SealedKind, name: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const fixed = Buffer.alloc(4 + 2 + 1 + 2);
  SEALED_MAGIC.copy(fixed, 0);
  fixed.writeUInt16BE(SEALED_FORMAT_VERSION, 4);
  fixed.writeUInt8(KIND_BYTE[kind], 6);
  fixed.writeUInt16BE(nameBytes.length, 7);
  return Buffer.concat([fixed, nameBytes]);
}

export function sealBytes(
  key: Uint8Array,
  kind: SealedKind,
  name: string,
  plaintext: Uint8Array,
  nonce: Uint8Array,
): Buffer {
  if (nonce.length !== NONCE_BYTES) throw new Error('nonce must be 12 bytes');
  const aad = header(kind, name);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([aad, nonce, body, cipher.getAuthTag()]);
}

function authenticatesWithOwnHeader(key: Uint8Array, bytes: Buffer): boolean {
  if (bytes.length < 9) return false;
  const headerLength = 9 + bytes.readUInt16BE(7);
  if (bytes.length < headerLength + NONCE_BYTES + TAG_BYTES) return false;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(headerLength, headerLength + NONCE_BYTES));
    decipher.setAAD(bytes.subarray(0, headerLength));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    decipher.update(bytes.subarray(headerLength + NONCE_BYTES, bytes.length - TAG_BYTES));
    decipher.final();
    return true;
  } catch {
    return false;
  }
}

/** Opens a sealed file; any damage, truncation or substitution gives VaultCorrupt naming `fileLabel`. */
export function openSealedBytes(
  key: Uint8Array,
  kind: SealedKind,
  name: string,
  sealed: Uint8Array,
  fileLabel: string,
): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const expected = header(kind, name);
  if (bytes.length < expected.length + NONCE_BYTES + TAG_BYTES) {
    throw new VaultCorruptError(fileLabel, 'the file is truncated');
  }
  if (!bytes.subarray(0, 4).equals(SEALED_MAGIC)) {
    throw new VaultCorruptError(fileLabel, 'it does not start with the Embargo file signature');
  }
  const version = bytes.readUInt16BE(4);
  if (version !== SEALED_FORMAT_VERSION) {
    // Only a file that authenticates under its own header is really from a newer Embargo;
    // anything else with a strange version number is damage.
    if (version > SEALED_FORMAT_VERSION && authenticatesWithOwnHeader(key, bytes)) {
      throw new EmbargoError(
        'UnsupportedFormat',
        `Vault file ${fileLabel} uses format version ${version}, newer than this Embargo understands (${SEALED_FORMAT_VERSION}); update Embargo.`,
        { file: fileLabel, version },
      );
    }
    throw new VaultCorruptError(fileLabel, `it claims an unknown format version ${version}`);
  }
  if (!bytes.subarray(0, expected.length).equals(expected)) {
    throw new VaultCorruptError(fileLabel, 'its header does not match the document it should hold');
  }
  const nonce = bytes.subarray(expected.length, expected.length + NONCE_BYTES);
  const body = bytes.subarray(expected.length + NONCE_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(expected);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new VaultCorruptError(fileLabel, 'authentication failed');
  }
}
