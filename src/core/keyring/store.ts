// The keyring inside the vault: one vault-wide document, sealed with the vault's data key like
// every other document. Keys are kept in OpenPGP binary form (base64 in the JSON).
//
// Secret keys are stored without an OpenPGP passphrase of their own. The vault already seals
// them with AES-256-GCM under a random data key that only the Argon2id-derived passphrase key
// unwraps, a far stronger KDF than OpenPGP's iterated-and-salted S2K; auto-lock drops the key
// from memory. A second passphrase would be asked on every signature and decryption and, being
// typed as often, would in practice be the vault passphrase again, adding nothing against an
// attacker holding the vault passphrase. The secret key leaves the vault only through an
// explicit, confirmed export, and then it is protected by an export passphrase (S2K, AES-256).
import type { CoreSession } from '../session.ts';
import { mutateDocument, readDocument, type DocumentSpec } from './vault-document.ts';

export interface KeyEntry {
  fingerprint: string;
  /** The transferable public key, binary, base64. */
  publicKey: string;
  /** The transferable secret key, binary, base64, unlocked (see above); null for public keys. */
  secretKey: string | null;
  /** The armored revocation certificate made with a generated key (kept for a compromise). */
  revocationCertificate?: string | null;
  /** When the Fix Lead confirmed the fingerprint with its owner; null: unverified. */
  verifiedAt: string | null;
  source: 'generated' | 'imported';
  addedAt: string;
  updatedAt: string;
}

export interface KeyringDocument {
  schemaVersion: number;
  /** The secret key that signs for the Fix Lead. */
  ownFingerprint: string | null;
  keys: Record<string, KeyEntry>;
}

export const KEYRING_DOCUMENT: DocumentSpec<KeyringDocument> = {
  name: 'keyring',
  initial: () => ({ schemaVersion: 1, ownFingerprint: null, keys: {} }),
};

export function readKeyring(session: CoreSession): Promise<KeyringDocument> {
  return readDocument(session, KEYRING_DOCUMENT);
}

export function mutateKeyring<R>(session: CoreSession, change: (draft: KeyringDocument) => Promise<R> | R): Promise<R> {
  return mutateDocument(session, KEYRING_DOCUMENT, change);
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
