// A verdict per signature, worded as GnuPG 2.2 words it (its --status-fd keyword goes along):
//   bad               BADSIG     the data or the signature was altered
//   expired-signature EXPSIG     good, but the signature itself has expired
//   expired-key       EXPKEYSIG  good, but the signing key has expired by now (also when it
//                                was already expired when it signed: gpg words both alike)
//   revoked-key       REVKEYSIG  good, but the signing key has been revoked
//   good-verified / good-unverified  GOODSIG  (whether the Fix Lead compared the fingerprint)
//   unknown-signer    ERRSIG     no key of ours has the signature's key ID (gpg: NO_PUBKEY)
//   error             ERRSIG     cannot be checked under our policy (weak hash, critical
//                                unknown subpacket, key newer than the signature, …)
// gpg checks in that order: a bad signature is bad whatever its key; an expired signature by
// an expired key is an expired signature. "Unknown" is decided by our keyring, not by
// openpgp's error text. The signer is named by its primary user ID, as gpg names it.
import type { DecryptMessageResult, PublicKey } from 'openpgp';
import type { GpgSignatureStatus, SignatureReport, SignatureVerdict } from '../../shared/contract/keyring.ts';
import { loadPublicKey } from './read-keys.ts';
import { signerStates, type SignerState } from './signer-state.ts';
import type { KeyringDocument } from './store.ts';

type VerificationResult = DecryptMessageResult['signatures'][number];

interface Signer extends SignerState {
  primary: string;
  signingKey: string;
  verified: boolean;
}

export interface KeyIndex {
  /** Every public key of the keyring, for openpgp's verificationKeys. */
  keys: PublicKey[];
  /** Key ID (16 hex, upper-case) of a primary key or subkey → its key and state at `now`. */
  byKeyId: Map<string, Signer>;
}

export const GPG_STATUS: Record<SignatureVerdict, GpgSignatureStatus> = {
  'good-verified': 'GOODSIG',
  'good-unverified': 'GOODSIG',
  'expired-signature': 'EXPSIG',
  'expired-key': 'EXPKEYSIG',
  'revoked-key': 'REVKEYSIG',
  bad: 'BADSIG',
  'unknown-signer': 'ERRSIG',
  error: 'ERRSIG',
};

export async function buildKeyIndex(document: KeyringDocument, now: Date): Promise<KeyIndex> {
  const keys: PublicKey[] = [];
  const byKeyId = new Map<string, Signer>();
  for (const entry of Object.values(document.keys)) {
    const key = await loadPublicKey(entry);
    keys.push(key);
    const states = await signerStates(key, now);
    for (const part of key.getKeys()) {
      const keyId = part.getKeyID().toHex().toUpperCase();
      byKeyId.set(keyId, {
        ...states.get(keyId)!,
        primary: entry.fingerprint,
        signingKey: part.getFingerprint().toUpperCase(),
        verified: entry.verifiedAt !== null,
      });
    }
  }
  return { keys, byKeyId };
}

function hex(bytes: Uint8Array | null | undefined): string | null {
  return bytes && bytes.length > 0 ? Buffer.from(bytes).toString('hex').toUpperCase() : null;
}

// openpgp checks the mathematics first and throws these two only when it fails.
const ALTERED = /^(Signed digest did not match|Signature verification failed)/;
// Thrown after the mathematics passed, for the key's validity at signing time: gpg judges the
// key's state now instead, so these defer to our own expiry and revocation check.
const KEY_STATE = /expired|revoked|Could not find valid (signing )?key|Could not find primary user|No (valid )?self-certif/i;

function classify(error: string | null, signer: Signer, created: Date | null): { verdict: SignatureVerdict; reason: string | null } {
  if (error !== null && ALTERED.test(error)) return { verdict: 'bad', reason: error };
  if (error === 'Signature is expired') return { verdict: 'expired-signature', reason: 'the signature has expired' };
  if (error === null || KEY_STATE.test(error)) {
    if (signer.expired) {
      const after = created !== null && signer.expires !== null && created.getTime() >= signer.expires.getTime();
      const when = signer.expires!.toISOString();
      return { verdict: 'expired-key', reason: after ? `made after the signing key expired on ${when}` : `the signing key expired on ${when}` };
    }
    if (signer.revoked) return { verdict: 'revoked-key', reason: 'the signing key has been revoked' };
    if (error === null) return { verdict: signer.verified ? 'good-verified' : 'good-unverified', reason: null };
  }
  return { verdict: 'error', reason: error };
}

/** Awaits each signature's check; call after the data has been read to the end. */
export async function reportSignatures(results: VerificationResult[], index: KeyIndex): Promise<SignatureReport[]> {
  return Promise.all(
    results.map(async (result): Promise<SignatureReport> => {
      const keyId = result.keyID.toHex().toUpperCase();
      const packet = await result.signature.then((signature) => signature.packets[0] ?? null).catch(() => null);
      const issuerFingerprint = hex(packet?.issuerFingerprint);
      const createdAt = packet?.created instanceof Date ? packet.created : null;
      const created = createdAt?.toISOString() ?? null;
      const signer = index.byKeyId.get(keyId);
      const failure = await result.verified.then(
        () => null,
        (error: Error) => String(error?.message ?? error),
      );
      if (!signer) {
        return {
          fingerprint: issuerFingerprint,
          signingKeyFingerprint: issuerFingerprint,
          keyId,
          valid: false,
          verdict: 'unknown-signer',
          gpgStatus: 'ERRSIG',
          signer: null,
          created,
          reason: `no key with ID ${keyId} in the keyring: import the signer's key to check this signature`,
        };
      }
      const { verdict, reason } = classify(failure, signer, createdAt);
      return {
        fingerprint: signer.primary,
        signingKeyFingerprint: signer.signingKey,
        keyId,
        valid: verdict === 'good-verified' || verdict === 'good-unverified',
        verdict,
        gpgStatus: GPG_STATUS[verdict],
        signer: signer.userId,
        created,
        reason,
      };
    }),
  );
}
