// Trust is explicit and per key: "verified" means the Fix Lead compared the full fingerprint
// with the key's owner (the compare screen, or `embargo keyring verify FPR`). There is no
// web of trust and no "always trust".
import type { KeyInfo } from '../../shared/contract/keyring.ts';
import type { CoreSession } from '../session.ts';
import { ConfirmationRequiredError, KeyUnusableError, NoSecretKeyError } from './errors.ts';
import { describeEntry, requireEntry } from './list-keys.ts';
import { loadSecretKey } from './read-keys.ts';
import { KEY_METHOD_CONFIG } from './pgp-config.ts';
import { mutateKeyring } from './store.ts';

export async function setVerified(session: CoreSession, fingerprint: string, verified: boolean): Promise<KeyInfo> {
  const now = session.ports.now();
  return mutateKeyring(session, async (draft) => {
    const entry = requireEntry(draft, fingerprint);
    // Verifying twice keeps the first date: it records when the comparison happened.
    entry.verifiedAt = verified ? (entry.verifiedAt ?? now.toISOString()) : null;
    entry.updatedAt = now.toISOString();
    return describeEntry(draft, entry, now);
  });
}

export async function setOwnKey(session: CoreSession, fingerprint: string): Promise<KeyInfo> {
  const now = session.ports.now();
  return mutateKeyring(session, async (draft) => {
    const entry = requireEntry(draft, fingerprint);
    const secret = await loadSecretKey(entry);
    if (!secret) throw new NoSecretKeyError(`The keyring holds only the public part of ${fingerprint}: it cannot sign.`, { fingerprint });
    await secret.getSigningKey(undefined, now, undefined, KEY_METHOD_CONFIG).catch((error: Error) => {
      throw new KeyUnusableError(fingerprint, `it cannot sign now (${error.message})`);
    });
    draft.ownFingerprint = fingerprint;
    return describeEntry(draft, entry, now);
  });
}

export async function removeKey(session: CoreSession, fingerprint: string, confirmSecret: boolean): Promise<{ removed: string }> {
  return mutateKeyring(session, (draft) => {
    const entry = requireEntry(draft, fingerprint);
    if (entry.secretKey && !confirmSecret) throw new ConfirmationRequiredError(`Deleting the secret key ${fingerprint} (it cannot be recovered)`);
    delete draft.keys[fingerprint];
    if (draft.ownFingerprint === fingerprint) draft.ownFingerprint = null;
    return { removed: fingerprint };
  });
}
