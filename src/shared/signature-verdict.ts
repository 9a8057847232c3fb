// How a signature verdict reads, in the CLI and in the app alike: GnuPG's wording, so that a
// user who compares with `gpg --verify` reads the same thing.
import type { SignatureVerdict } from './contract/keyring.ts';

export const SIGNATURE_VERDICT_LABELS: Record<SignatureVerdict, string> = {
  'good-verified': 'Good signature (verified key)',
  'good-unverified': 'Good signature, but the key is NOT verified',
  'expired-signature': 'Good signature, but the signature has expired',
  'expired-key': 'Good signature, but the key has expired',
  'revoked-key': 'Good signature, but the key has been REVOKED',
  bad: 'BAD signature',
  'unknown-signer': 'Signature by a key not in the keyring: cannot be checked',
  error: 'Signature cannot be checked',
};

export function signatureVerdictLabel(verdict: SignatureVerdict): string {
  return SIGNATURE_VERDICT_LABELS[verdict];
}
