// A key as the contract shows it: public facts, trust and warnings, computed at `now`. Nothing
// secret goes in (only whether the vault holds the secret part).
import type { Key, PublicKey, SignaturePacket, Subkey } from 'openpgp';
import { enums } from 'openpgp';
import type { KeyInfo, KeyWarning, SubkeyInfo } from '../../shared/contract/keyring.ts';
import { KEY_METHOD_CONFIG } from './pgp-config.ts';
import { describeAlgorithm, keyWeakness } from './strength.ts';
import type { KeyEntry } from './store.ts';

export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** ABCD EF01 2345 …: what people read aloud on the phone when comparing. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}

function usageFrom(flags: Uint8Array | null | undefined): SubkeyInfo['usage'] {
  const byte = flags?.[0] ?? 0;
  const usage: SubkeyInfo['usage'] = [];
  if (byte & enums.keyFlags.certifyKeys) usage.push('certify');
  if (byte & enums.keyFlags.signData) usage.push('sign');
  if (byte & (enums.keyFlags.encryptCommunication | enums.keyFlags.encryptStorage)) usage.push('encrypt');
  if (byte & enums.keyFlags.authentication) usage.push('authenticate');
  return usage;
}

function toIso(value: Date | number | null): string | null {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value.toISOString() : null;
}

function newest(signatures: SignaturePacket[]): SignaturePacket | null {
  return [...signatures].sort((a, b) => (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0))[0] ?? null;
}

async function describeSubkey(subkey: Subkey, now: Date): Promise<SubkeyInfo> {
  const binding = newest(subkey.bindingSignatures);
  const expires = toIso(await subkey.getExpirationTime(now, KEY_METHOD_CONFIG).catch(() => null));
  const revoked = binding ? await subkey.isRevoked(binding, subkey.mainKey.keyPacket, now, KEY_METHOD_CONFIG).catch(() => false) : false;
  const valid = await subkey.verify(now, KEY_METHOD_CONFIG).then(
    () => true,
    () => false,
  );
  return {
    fingerprint: subkey.getFingerprint().toUpperCase(),
    keyId: subkey.getKeyID().toHex().toUpperCase(),
    algorithm: describeAlgorithm(subkey.getAlgorithmInfo()),
    created: subkey.getCreationTime().toISOString(),
    expires,
    expired: expires !== null && Date.parse(expires) <= now.getTime(),
    revoked,
    valid,
    usage: usageFrom(binding?.keyFlags),
  };
}

/** The (sub)key a message would be encrypted to now, or null with the reason. */
export async function encryptionKeyOf(key: Key, now: Date): Promise<{ key: Key | Subkey | null; problem: string | null }> {
  try {
    return { key: await key.getEncryptionKey(undefined, now, undefined, KEY_METHOD_CONFIG), problem: null };
  } catch (error) {
    return { key: null, problem: (error as Error).message };
  }
}

export interface KeyContext {
  entry: KeyEntry;
  own: boolean;
  now: Date;
}

export async function describeKey(key: PublicKey, context: KeyContext): Promise<KeyInfo> {
  const { entry, now } = context;
  const fingerprint = key.getFingerprint().toUpperCase();
  const primaryUser = await key.getPrimaryUser(now, undefined, KEY_METHOD_CONFIG).catch(() => null);
  const revoked = await key.isRevoked(undefined, undefined, now, KEY_METHOD_CONFIG).catch(() => false);
  const expires = toIso(await key.getExpirationTime(undefined, KEY_METHOD_CONFIG).catch(() => null));
  const expired = expires !== null && Date.parse(expires) <= now.getTime();
  const primaryProblem = await key.verifyPrimaryKey(now, undefined, KEY_METHOD_CONFIG).then(
    () => null,
    (error: Error) => error.message,
  );
  const encryption = await encryptionKeyOf(key, now);
  const signing = await key.getSigningKey(undefined, now, undefined, KEY_METHOD_CONFIG).then(
    () => true,
    () => false,
  );
  const weakness = keyWeakness(key, encryption.key);
  const users = key.users.map((user) => user.userID).filter((user) => user !== null);
  const revocation = newest(key.revocationSignatures);

  const warnings: KeyWarning[] = [];
  if (!entry.verifiedAt) warnings.push({ code: 'unverified', message: 'Fingerprint not verified with its owner.' });
  if (revoked) {
    const reason = revocation?.reasonForRevocationString;
    warnings.push({ code: 'revoked', message: `Revoked${reason ? `: ${reason}` : ''}.` });
  }
  if (expired) warnings.push({ code: 'expired', message: `Expired on ${expires!.slice(0, 10)}.` });
  else if (expires && Date.parse(expires) - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS) {
    warnings.push({ code: 'expiring-soon', message: `Expires on ${expires.slice(0, 10)}, within ${EXPIRY_WARNING_DAYS} days.` });
  }
  if (weakness) warnings.push({ code: 'weak', message: `Too weak to encrypt to: ${weakness}.` });
  if (!revoked && !expired && primaryProblem) warnings.push({ code: 'invalid', message: `Not valid: ${primaryProblem}.` });
  else if (!revoked && !expired && !encryption.key) warnings.push({ code: 'no-encryption-key', message: 'No valid encryption subkey.' });

  return {
    fingerprint,
    fingerprintGroups: groupFingerprint(fingerprint),
    keyId: key.getKeyID().toHex().toUpperCase(),
    userIds: users.map((user) => user.userID),
    primaryUserId: primaryUser?.user.userID?.userID ?? users[0]?.userID ?? null,
    emails: [...new Set(users.map((user) => user.email).filter((email) => email !== ''))],
    algorithm: describeAlgorithm(key.getAlgorithmInfo()),
    created: key.getCreationTime().toISOString(),
    expires,
    expired,
    revoked,
    revocationReason: revoked ? (revocation?.reasonForRevocationString ?? null) : null,
    verified: entry.verifiedAt !== null,
    verifiedAt: entry.verifiedAt,
    secret: entry.secretKey !== null,
    own: context.own,
    subkeys: await Promise.all(key.subkeys.map((subkey) => describeSubkey(subkey, now))),
    encryptionKeyFingerprint: encryption.key ? encryption.key.getFingerprint().toUpperCase() : null,
    canSign: signing,
    weakness,
    canEncrypt: primaryProblem === null && encryption.key !== null && weakness === null,
    warnings,
    source: entry.source,
    addedAt: entry.addedAt,
    updatedAt: entry.updatedAt,
  };
}
