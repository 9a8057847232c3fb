// Reading keys from what users bring: armored text (one or several blocks, public and private,
// with any text around them, as mail bodies and `gpg --armor --export` give) or binary
// transferable keys back to back (`gpg --export`, `gpg --export-secret-keys`). Anything that
// is not a well-formed key becomes an InvalidKey error; nothing here throws anything else.
import { readKeys, readKey, readPrivateKey, type Key, type PrivateKey, type PublicKey } from 'openpgp';
import { LIMITS, checkLimit } from '../../shared/limits.ts';
import { READ_KEY_CONFIG } from './pgp-config.ts';
import { InvalidKeyError } from './errors.ts';
import { isArmored } from './armor.ts';
import { countKeyPackets, dearmorBlock } from './count-packets.ts';
import { fromBase64, type KeyEntry } from './store.ts';

/** At most this many keys per import: a full GnuPG keyring export fits comfortably. */
export const MAX_KEYS_PER_IMPORT = LIMITS.keysPerImport;

const ARMOR_BLOCK = /-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----[\s\S]*?-----END PGP \1 KEY BLOCK-----/g;
const ANY_ARMOR = /-----BEGIN PGP ([A-Z ,/0-9]+)-----/;

/**
 * Every key in `bytes`, in order. Throws InvalidKeyError, or InputTooLarge (bytes first, then
 * keys, packets, user IDs and subkeys counted over the packet headers) before openpgp parses.
 */
export async function readKeysFromBytes(bytes: Uint8Array): Promise<Key[]> {
  if (bytes.byteLength === 0) throw new InvalidKeyError('the input is empty');
  checkLimit('key data', LIMITS.keyBytes, bytes.byteLength, 'bytes');
  const keys: Key[] = [];
  if (isArmored(bytes)) {
    const text = Buffer.from(bytes).toString('utf8');
    const blocks = text.match(ARMOR_BLOCK) ?? [];
    if (blocks.length === 0) {
      const other = ANY_ARMOR.exec(text);
      throw new InvalidKeyError(other ? `the armored block is a PGP ${other[1]!.toLowerCase()}, not a key` : 'no armored key block found');
    }
    countKeyPackets(Buffer.concat(blocks.map(dearmorBlock)));
    for (const block of blocks) {
      try {
        keys.push(...(await readKeys({ armoredKeys: block, config: READ_KEY_CONFIG })));
      } catch (error) {
        throw new InvalidKeyError('an armored key block is damaged or truncated', error);
      }
    }
  } else {
    countKeyPackets(bytes);
    try {
      keys.push(...(await readKeys({ binaryKeys: bytes, config: READ_KEY_CONFIG })));
    } catch (error) {
      throw new InvalidKeyError('the binary key data is damaged or truncated', error);
    }
  }
  if (keys.length === 0) throw new InvalidKeyError('no key found');
  if (keys.length > MAX_KEYS_PER_IMPORT) throw new InvalidKeyError(`more than ${MAX_KEYS_PER_IMPORT} keys in one import`);
  return keys;
}

/** The public key of a stored entry. */
export async function loadPublicKey(entry: KeyEntry): Promise<PublicKey> {
  return (await readKey({ binaryKey: fromBase64(entry.publicKey), config: READ_KEY_CONFIG })) as PublicKey;
}

/** The secret key of a stored entry (unlocked), or null. */
export async function loadSecretKey(entry: KeyEntry): Promise<PrivateKey | null> {
  if (!entry.secretKey) return null;
  return readPrivateKey({ binaryKey: fromBase64(entry.secretKey), config: READ_KEY_CONFIG });
}

/** The key as the vault stores it: upper-case hex fingerprint. */
export function fingerprintOf(key: Key): string {
  return key.getFingerprint().toUpperCase();
}
