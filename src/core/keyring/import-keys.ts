// Importing keys: everything in the input is read and checked first, and the keyring is
// written once, so a bad key anywhere in a file imports nothing. Keys already present are
// merged (new user IDs, subkeys, signatures, revocations) and keep their verification.
import { enums, type Config, type Key, type PrivateKey, type PublicKey, type SecretKeyPacket, type SecretSubkeyPacket } from 'openpgp';
import type { ImportOutcome } from '../../shared/contract/keyring.ts';
import type { CoreSession } from '../session.ts';
import { InvalidKeyError, KeyPassphraseRequiredError, WrongKeyPassphraseError } from './errors.ts';
import { KEY_METHOD_CONFIG } from './pgp-config.ts';
import { describeEntry } from './list-keys.ts';
import { fingerprintOf, loadPublicKey, loadSecretKey, MAX_KEYS_PER_IMPORT, readKeysFromBytes } from './read-keys.ts';
import { mutateKeyring, toBase64, type KeyEntry } from './store.ts';

/** A key needs one valid self-signature (at any time) or a valid revocation to be worth keeping. */
async function requireSelfSignature(key: Key): Promise<void> {
  const fingerprint = fingerprintOf(key);
  if (key.users.length === 0) throw new InvalidKeyError(`key ${fingerprint} has no user ID`);
  // A null date asks openpgp.js to ignore time: an expired key is still a well-formed key.
  const selfSigned = await key.getPrimaryUser(null as unknown as Date, undefined, KEY_METHOD_CONFIG).then(
    () => true,
    () => false,
  );
  const revoked = await key.isRevoked(undefined, undefined, null as unknown as Date, KEY_METHOD_CONFIG).catch(() => false);
  if (!selfSigned && !revoked) throw new InvalidKeyError(`key ${fingerprint} has no valid self-signature`);
}

/**
 * What GnuPG does on import: user IDs without a valid self-certification and subkeys without a
 * valid binding signature are dropped, so nobody can attach a name or an encryption subkey to
 * someone else's key. Time is ignored here; validity at `now` is judged when the key is used.
 */
async function dropUnboundParts(key: Key): Promise<void> {
  const primary = key.keyPacket;
  const anyTime = null as unknown as Date;
  const verifies = (check: () => Promise<void>) =>
    check().then(
      () => true,
      () => false,
    );
  const users = [];
  for (const user of key.users) {
    const data = { userID: user.userID, userAttribute: user.userAttribute, key: primary };
    const checks = await Promise.all(
      user.selfCertifications.map((signature) =>
        verifies(() => signature.verify(primary, enums.signature.certGeneric, data, anyTime, false, KEY_METHOD_CONFIG)),
      ),
    );
    if (checks.some(Boolean)) users.push(user);
  }
  const subkeys = [];
  for (const subkey of key.subkeys) {
    const data = { key: primary, bind: subkey.keyPacket };
    const checks = await Promise.all(
      subkey.bindingSignatures.map((signature) =>
        verifies(() => signature.verify(primary, enums.signature.subkeyBinding, data, anyTime, false, KEY_METHOD_CONFIG)),
      ),
    );
    if (checks.some(Boolean)) subkeys.push(subkey);
  }
  key.users = users;
  key.subkeys = subkeys;
}

/** Unlocks every passphrase-protected secret key packet; GnuPG's offline stubs stay stubs. */
async function unlockSecretKey(key: PrivateKey, passphrase: string | undefined): Promise<void> {
  const fingerprint = fingerprintOf(key);
  const packets = key.getKeys().map((part) => part.keyPacket as SecretKeyPacket | SecretSubkeyPacket);
  for (const packet of packets) {
    if (packet.isDummy() || packet.isDecrypted()) continue;
    if (passphrase === undefined) throw new KeyPassphraseRequiredError(fingerprint);
    try {
      await packet.decrypt(passphrase);
    } catch {
      throw new WrongKeyPassphraseError(fingerprint);
    }
  }
  try {
    // PrivateKey.validate exists in openpgp.js 6 but is missing from its type declarations.
    await (key as unknown as { validate(config: Config): Promise<void> }).validate(KEY_METHOD_CONFIG);
  } catch (error) {
    // The public and secret parameters do not belong together: a tampered secret key.
    throw new InvalidKeyError(`the secret key ${fingerprint} does not match its public key`, error);
  }
}

async function merge(existing: KeyEntry, incoming: Key, now: Date): Promise<Key> {
  const stored: Key = (await loadSecretKey(existing)) ?? (await loadPublicKey(existing));
  if (incoming.isPrivate() && !stored.isPrivate()) return incoming.update(stored as PublicKey, now, KEY_METHOD_CONFIG);
  return stored.update(incoming as PublicKey, now, KEY_METHOD_CONFIG);
}

function sameBytes(a: string | null, b: string | null): boolean {
  return a === b;
}

/** Imports every key of every input together: one bad input imports nothing. */
export async function importKeys(session: CoreSession, inputs: Uint8Array[], passphrase?: string): Promise<ImportOutcome> {
  const now = session.ports.now();
  const keys: Key[] = [];
  for (const bytes of inputs) keys.push(...(await readKeysFromBytes(bytes)));
  if (keys.length > MAX_KEYS_PER_IMPORT) throw new InvalidKeyError(`more than ${MAX_KEYS_PER_IMPORT} keys in one import`);
  for (const key of keys) {
    await dropUnboundParts(key);
    await requireSelfSignature(key);
    if (key.isPrivate()) await unlockSecretKey(key, passphrase);
  }

  return mutateKeyring(session, async (draft) => {
    const at = now.toISOString();
    const outcome: ImportOutcome = { imported: [], new: [], updated: [], unchanged: [], keys: [] };
    const touched = new Map<string, 'new' | 'updated' | 'unchanged'>();
    for (const key of keys) {
      const fingerprint = fingerprintOf(key);
      const existing = draft.keys[fingerprint];
      let merged: Key;
      try {
        merged = existing ? await merge(existing, key, now) : key;
      } catch (error) {
        throw new InvalidKeyError(`key ${fingerprint} cannot be merged with the one in the keyring`, error);
      }
      const publicKey = toBase64(merged.toPublic().write());
      const secretKey = merged.isPrivate() ? toBase64(merged.write()) : null;
      if (existing && sameBytes(existing.publicKey, publicKey) && sameBytes(existing.secretKey, secretKey)) {
        if (!touched.has(fingerprint)) touched.set(fingerprint, 'unchanged');
        continue;
      }
      draft.keys[fingerprint] = existing
        ? { ...existing, publicKey, secretKey, updatedAt: at }
        : { fingerprint, publicKey, secretKey, verifiedAt: null, source: 'imported', addedAt: at, updatedAt: at };
      const previous = touched.get(fingerprint);
      touched.set(fingerprint, previous === 'new' || (!existing && previous === undefined) ? 'new' : 'updated');
      if (secretKey && draft.ownFingerprint === null) draft.ownFingerprint = fingerprint;
    }
    for (const [fingerprint, state] of touched) {
      outcome.imported.push(fingerprint);
      outcome[state].push(fingerprint);
      outcome.keys.push(await describeEntry(draft, draft.keys[fingerprint]!, now));
    }
    return outcome;
  });
}
