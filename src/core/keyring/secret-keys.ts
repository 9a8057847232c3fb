// The secret keys of the vault: the Fix Lead's own signing key, and every secret key for
// decryption. They are loaded per operation and never leave the core.
import type { PrivateKey } from 'openpgp';
import { KeyUnusableError, NoSecretKeyError } from './errors.ts';
import { KEY_METHOD_CONFIG } from './pgp-config.ts';
import { loadSecretKey } from './read-keys.ts';
import type { KeyringDocument } from './store.ts';

export interface SecretKey {
  fingerprint: string;
  key: PrivateKey;
}

export async function ownSigningKey(document: KeyringDocument, now: Date): Promise<SecretKey> {
  const fingerprint = document.ownFingerprint;
  const entry = fingerprint ? document.keys[fingerprint] : undefined;
  const key = entry ? await loadSecretKey(entry) : null;
  if (!fingerprint || !key) {
    throw new NoSecretKeyError('There is no own key to sign with: generate one with "embargo keyring generate" or import your secret key.');
  }
  await key.getSigningKey(undefined, now, undefined, KEY_METHOD_CONFIG).catch((error: Error) => {
    throw new KeyUnusableError(fingerprint, `your key cannot sign now (${error.message})`);
  });
  return { fingerprint, key };
}

export async function allSecretKeys(document: KeyringDocument): Promise<SecretKey[]> {
  const found: SecretKey[] = [];
  for (const entry of Object.values(document.keys)) {
    const key = await loadSecretKey(entry);
    if (key) found.push({ fingerprint: entry.fingerprint, key });
  }
  return found;
}
