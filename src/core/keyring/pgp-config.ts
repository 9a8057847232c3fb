// openpgp.js configuration, pinned so that GnuPG 2.2 reads everything we write. openpgp.js v6
// speaks RFC 9580 (v6 keys, SEIPDv2/AEAD, Argon2 S2K) that GnuPG 2.2 does not; every call
// into openpgp passes one of these objects instead of relying on the library's defaults,
// which may move with a minor release.
import { LIMITS } from '../../shared/limits.ts';
import { config as openpgpDefaults, enums, type Config, type PartialConfig } from 'openpgp';

/** Largest message or key material taken through the contract in memory (IPC carries JSON). */
export const MAX_IN_MEMORY_BYTES = LIMITS.keyBytes;

/**
 * What we write: v4 keys, no AEAD (no SEIPDv2 packets, no AEAD feature flag or cipher-suite
 * preferences on our keys), iterated-and-salted S2K with the largest count, AES-256, SHA-512,
 * no compression (a compressed stream would also leak plaintext length patterns and invites
 * decompression bombs on the other side).
 */
export const WRITE_CONFIG: PartialConfig = {
  v6Keys: false,
  aeadProtect: false,
  preferredSymmetricAlgorithm: enums.symmetric.aes256,
  preferredHashAlgorithm: enums.hash.sha512,
  preferredCompressionAlgorithm: enums.compression.uncompressed,
  s2kType: enums.s2k.iterated,
  // 255 encodes 65,011,712 bytes hashed, GnuPG's own maximum.
  s2kIterationCountByte: 255,
  showVersion: false,
  showComment: false,
  // ElGamal ≥ 2048 is allowed by our own policy (strength.ts); DSA never is.
  rejectPublicKeyAlgorithms: new Set([enums.publicKey.dsa]),
};

/**
 * How we read keys to describe them: permissive about algorithms and sizes, so that a weak
 * or old key can be imported and shown with the reason we will not encrypt to it, instead of
 * failing to parse. Our own policy (strength.ts) decides what is usable.
 */
export const READ_KEY_CONFIG: PartialConfig = {
  v6Keys: false,
  minRSABits: 512,
  rejectPublicKeyAlgorithms: new Set(),
  rejectCurves: new Set(),
};

/**
 * How we verify signatures and decrypt: openpgp.js's modern defaults (RSA ≥ 2047 bits, no DSA
 * or ElGamal signatures, no MD5/RIPEMD/SHA-1 message hashes), so a signature we call good is
 * good by today's standards. In-memory decryption bounds decompression to the in-memory limit.
 */
export const READ_MESSAGE_CONFIG: PartialConfig = {
  allowUnauthenticatedMessages: false,
  allowUnauthenticatedStream: false,
  maxDecompressedMessageSize: MAX_IN_MEMORY_BYTES,
};

/**
 * Decrypting a file to a file: the plaintext streams into a partial output file before the
 * integrity check at the end of the message; on failure that file is deleted and nothing is
 * renamed into place (files.ts). Without this, openpgp.js would hold the whole plaintext in
 * memory until the check.
 */
export const READ_STREAM_CONFIG: PartialConfig = {
  allowUnauthenticatedMessages: false,
  allowUnauthenticatedStream: true,
};

/**
 * Key methods (getEncryptionKey, verifyPrimaryKey, …) take a complete configuration and do
 * not merge it with the defaults as the top-level functions do; this is READ_KEY_CONFIG over
 * a copy of the defaults taken at load time.
 */
export const KEY_METHOD_CONFIG: Config = { ...openpgpDefaults, ...READ_KEY_CONFIG };
