// The on-disk envelope of every encrypted vault file (documents, blobs, journal and case log records).
//
//   v2: "EMBG" | format version u16 | kind u8 | name length u16 | name (UTF-8) | write counter u48 | nonce (12) | ciphertext | tag (16)
//   v1: the same without the write counter (read as counter 0; written no more)
//
// AES-256-GCM with a fresh random 96-bit nonce per write. Everything before the nonce is the
// additional authenticated data, so the format version, the kind, the logical name and the
// write counter are all authenticated: a file renamed or swapped for another document's file
// fails to open, and an older copy of the same file shows its older counter (heads.ts).
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { VaultCorruptError, EmbargoError } from '../../shared/errors.ts';

export const SEALED_MAGIC = Buffer.from('EMBG', 'ascii');
export const SEALED_FORMAT_VERSION = 2;
const OLDEST_READABLE_VERSION = 1;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
const COUNTER_BYTES = 6;
/** The largest write counter the header holds (2^48 - 1): never reached by a real vault. */
export const MAX_WRITE_COUNTER = 2 ** 48 - 1;

/** `log`: one record of a case's append-only timeline log (case-log.ts). */
export type SealedKind = 'document' | 'blob' | 'journal' | 'log';
const KIND_BYTE: Record<SealedKind, number> = { document: 1, blob: 2, journal: 3, log: 4 };

export interface OpenedSealed {
  plaintext: Buffer;
  /** The write counter authenticated in the header (0 for a version 1 file). */
  counter: number;
}

function header(version: number, kind: SealedKind, name: string, counter: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const fixed = Buffer.alloc(4 + 2 + 1 + 2);
  SEALED_MAGIC.copy(fixed, 0);
  fixed.writeUInt16BE(version, 4);
  fixed.writeUInt8(KIND_BYTE[kind], 6);
  fixed.writeUInt16BE(nameBytes.length, 7);
  if (version === 1) return Buffer.concat([fixed, nameBytes]);
  const counterBytes = Buffer.alloc(COUNTER_BYTES);
  counterBytes.writeUIntBE(counter, 0, COUNTER_BYTES);
  return Buffer.concat([fixed, nameBytes, counterBytes]);
}

export function sealBytes(
  key: Uint8Array,
  kind: SealedKind,
  name: string,
  plaintext: Uint8Array,
  nonce: Uint8Array,
  counter = 0,
): Buffer {
  if (nonce.length !== NONCE_BYTES) throw new Error('nonce must be 12 bytes');
  if (!Number.isSafeInteger(counter) || counter < 0 || counter > MAX_WRITE_COUNTER) throw new Error('write counter out of range');
  const aad = header(SEALED_FORMAT_VERSION, kind, name, counter);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([aad, nonce, body, cipher.getAuthTag()]);
}

function decrypt(key: Uint8Array, bytes: Buffer, headerLength: number): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(headerLength, headerLength + NONCE_BYTES));
  decipher.setAAD(bytes.subarray(0, headerLength));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(headerLength + NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
}

// A newer Embargo may lay its header out differently; try the layouts we know.
function authenticatesWithOwnHeader(key: Uint8Array, bytes: Buffer): boolean {
  if (bytes.length < 9) return false;
  const nameEnd = 9 + bytes.readUInt16BE(7);
  for (const headerLength of [nameEnd, nameEnd + COUNTER_BYTES]) {
    if (bytes.length < headerLength + NONCE_BYTES + TAG_BYTES) continue;
    try {
      decrypt(key, bytes, headerLength);
      return true;
    } catch {
      // not this layout
    }
  }
  return false;
}

/** Opens a sealed file; any damage, truncation or substitution gives VaultCorrupt naming `fileLabel`. */
export function openSealed(key: Uint8Array, kind: SealedKind, name: string, sealed: Uint8Array, fileLabel: string): OpenedSealed {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < 9 + NONCE_BYTES + TAG_BYTES) throw new VaultCorruptError(fileLabel, 'the file is truncated');
  if (!bytes.subarray(0, 4).equals(SEALED_MAGIC)) {
    throw new VaultCorruptError(fileLabel, 'it does not start with the Embargo file signature');
  }
  const version = bytes.readUInt16BE(4);
  if (version < OLDEST_READABLE_VERSION || version > SEALED_FORMAT_VERSION) {
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
  const nameEnd = 9 + Buffer.byteLength(name, 'utf8');
  const headerLength = version === 1 ? nameEnd : nameEnd + COUNTER_BYTES;
  if (bytes.length < headerLength + NONCE_BYTES + TAG_BYTES) throw new VaultCorruptError(fileLabel, 'the file is truncated');
  const counter = version === 1 ? 0 : bytes.readUIntBE(nameEnd, COUNTER_BYTES);
  const expected = header(version, kind, name, counter);
  if (!bytes.subarray(0, headerLength).equals(expected)) {
    throw new VaultCorruptError(fileLabel, 'its header does not match the document it should hold');
  }
  try {
    return { plaintext: decrypt(key, bytes, headerLength), counter };
  } catch {
    throw new VaultCorruptError(fileLabel, 'authentication failed');
  }
}

/** Opens a sealed file and returns its content only. */
export function openSealedBytes(key: Uint8Array, kind: SealedKind, name: string, sealed: Uint8Array, fileLabel: string): Buffer {
  return openSealed(key, kind, name, sealed, fileLabel).plaintext;
}
