// A verdict per signature: good by a verified key, good by an unverified key, bad, or unknown
// signer. "Unknown" is decided by our keyring, not by openpgp's error text: a signature whose
// key ID matches no key we hold cannot be checked at all.
import type { DecryptMessageResult, PublicKey } from 'openpgp';
import type { SignatureReport } from '../../shared/contract/keyring.ts';
import { loadPublicKey } from './read-keys.ts';
import type { KeyringDocument } from './store.ts';

type VerificationResult = DecryptMessageResult['signatures'][number];

interface Signer {
  primary: string;
  signingKey: string;
  userId: string | null;
  verified: boolean;
}

export interface KeyIndex {
  /** Every public key of the keyring, for openpgp's verificationKeys. */
  keys: PublicKey[];
  /** Key ID (16 hex, upper-case) of a primary key or subkey → its key. */
  byKeyId: Map<string, Signer>;
}

export async function buildKeyIndex(document: KeyringDocument): Promise<KeyIndex> {
  const keys: PublicKey[] = [];
  const byKeyId = new Map<string, Signer>();
  for (const entry of Object.values(document.keys)) {
    const key = await loadPublicKey(entry);
    keys.push(key);
    const userId = key.users.find((user) => user.userID)?.userID?.userID ?? null;
    for (const part of key.getKeys()) {
      byKeyId.set(part.getKeyID().toHex().toUpperCase(), {
        primary: entry.fingerprint,
        signingKey: part.getFingerprint().toUpperCase(),
        userId,
        verified: entry.verifiedAt !== null,
      });
    }
  }
  return { keys, byKeyId };
}

function hex(bytes: Uint8Array | null | undefined): string | null {
  return bytes && bytes.length > 0 ? Buffer.from(bytes).toString('hex').toUpperCase() : null;
}

/** Awaits each signature's check; call after the data has been read to the end. */
export async function reportSignatures(results: VerificationResult[], index: KeyIndex): Promise<SignatureReport[]> {
  return Promise.all(
    results.map(async (result): Promise<SignatureReport> => {
      const keyId = result.keyID.toHex().toUpperCase();
      const packet = await result.signature.then((signature) => signature.packets[0] ?? null).catch(() => null);
      const issuerFingerprint = hex(packet?.issuerFingerprint);
      const created = packet?.created instanceof Date ? packet.created.toISOString() : null;
      const signer = index.byKeyId.get(keyId);
      const outcome = await result.verified.then(
        () => ({ valid: true, reason: null as string | null }),
        (error: Error) => ({ valid: false, reason: error.message as string | null }),
      );
      if (!signer) {
        return {
          fingerprint: issuerFingerprint,
          signingKeyFingerprint: issuerFingerprint,
          keyId,
          valid: false,
          verdict: 'unknown-signer',
          signer: null,
          created,
          reason: `no key with ID ${keyId} in the keyring: import the signer's key to check this signature`,
        };
      }
      return {
        fingerprint: signer.primary,
        signingKeyFingerprint: signer.signingKey,
        keyId,
        valid: outcome.valid,
        verdict: outcome.valid ? (signer.verified ? 'good-verified' : 'good-unverified') : 'bad',
        signer: signer.userId,
        created,
        reason: outcome.reason,
      };
    }),
  );
}
