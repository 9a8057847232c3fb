// The Fix Lead's own key pair: a v4 Ed25519 primary key (certify, sign) with a Curve25519
// encryption subkey, the combination GnuPG 2.2 generates by default for ECC and reads
// everywhere. Its secret part goes straight into the vault; the new key signs from now on.
import { generateKey } from 'openpgp';
import type { KeyInfo } from '../../shared/contract/keyring.ts';
import type { CoreSession } from '../session.ts';
import { WRITE_CONFIG } from './pgp-config.ts';
import { describeEntry } from './list-keys.ts';
import { fingerprintOf } from './read-keys.ts';
import { mutateKeyring, toBase64, type KeyEntry } from './store.ts';

export interface GenerateRequest {
  name: string;
  email: string;
  /** null: never expires. */
  expiresInDays: number | null;
}

export async function generateOwnKey(session: CoreSession, request: GenerateRequest): Promise<KeyInfo> {
  const now = session.ports.now();
  // openpgp.js draws key material from Node's CSPRNG itself; it takes no random source.
  const { privateKey, revocationCertificate } = await generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: request.name, email: request.email }],
    keyExpirationTime: request.expiresInDays === null ? 0 : request.expiresInDays * 24 * 60 * 60,
    date: now,
    format: 'object',
    config: WRITE_CONFIG,
  });
  const fingerprint = fingerprintOf(privateKey);
  const at = now.toISOString();
  const entry: KeyEntry = {
    fingerprint,
    publicKey: toBase64(privateKey.toPublic().write()),
    secretKey: toBase64(privateKey.write()),
    revocationCertificate,
    // We made it here, so there is nothing to compare: the Fix Lead's own key starts verified.
    verifiedAt: at,
    source: 'generated',
    addedAt: at,
    updatedAt: at,
  };
  return mutateKeyring(session, async (draft) => {
    draft.keys[fingerprint] = entry;
    draft.ownFingerprint = fingerprint;
    return describeEntry(draft, entry, now);
  });
}
