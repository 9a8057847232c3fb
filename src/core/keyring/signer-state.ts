// What GnuPG needs to know about a signer to word its verdict: the user ID it names the signer
// by (the primary one, as gpg picks it) and whether the signing (sub)key has expired or been
// revoked by now. gpg judges expiry and revocation at the time of checking, not at the time of
// signing, and a subkey shares its primary key's fate: an expired or revoked primary key makes
// every subkey expired or revoked.
import type { PublicKey, Subkey } from 'openpgp';
import { KEY_METHOD_CONFIG } from './pgp-config.ts';

export interface SignerState {
  /** The primary user ID: the flagged one with the newest self-signature, else the newest one. */
  userId: string | null;
  /** When the signing (sub)key expires or expired (the earlier of it and its primary key); null: never. */
  expires: Date | null;
  expired: boolean;
  revoked: boolean;
}

function asDate(value: Date | number | null): Date | null {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value : null;
}

function earlier(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

/** The primary user ID at `now`, falling back to one without time checks (an expired key keeps its name). */
export async function primaryUserIdOf(key: PublicKey, now: Date): Promise<string | null> {
  const primary =
    (await key.getPrimaryUser(now, undefined, KEY_METHOD_CONFIG).catch(() => null)) ??
    (await key.getPrimaryUser(null as unknown as Date, undefined, KEY_METHOD_CONFIG).catch(() => null));
  return primary?.user.userID?.userID ?? key.users.find((user) => user.userID)?.userID?.userID ?? null;
}

export async function signerStates(key: PublicKey, now: Date): Promise<Map<string, SignerState>> {
  const userId = await primaryUserIdOf(key, now);
  const primaryExpires = asDate(await key.getExpirationTime(undefined, KEY_METHOD_CONFIG).catch(() => null));
  const primaryRevoked = await key.isRevoked(undefined, undefined, now, KEY_METHOD_CONFIG).catch(() => false);
  const states = new Map<string, SignerState>();
  const stateOf = (expires: Date | null, revoked: boolean): SignerState => ({
    userId,
    expires,
    expired: expires !== null && expires.getTime() <= now.getTime(),
    revoked: primaryRevoked || revoked,
  });
  states.set(key.getKeyID().toHex().toUpperCase(), stateOf(primaryExpires, false));
  for (const subkey of key.subkeys as Subkey[]) {
    const binding = [...subkey.bindingSignatures].sort((a, b) => (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0))[0];
    const ownExpiry = asDate(
      await subkey
        .getExpirationTime(now, KEY_METHOD_CONFIG)
        .catch(() => subkey.getExpirationTime(null as unknown as Date, KEY_METHOD_CONFIG))
        .catch(() => null),
    );
    const revoked = binding ? await subkey.isRevoked(binding, subkey.mainKey.keyPacket, now, KEY_METHOD_CONFIG).catch(() => false) : false;
    states.set(subkey.getKeyID().toHex().toUpperCase(), stateOf(earlier(primaryExpires, ownExpiry), revoked));
  }
  return states;
}
