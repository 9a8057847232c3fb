// Key revocation. Two ways a key becomes revoked in the keyring:
//  - the Fix Lead revokes a key whose secret part the vault holds (their own, compromised or
//    superseded), with a reason; the revoked public key and the revocation certificate are then
//    what to hand to correspondents (`embargo keyring export`, a key server, a mail);
//  - a correspondent's revocation certificate arrives (gpg --gen-revoke, or the one gpg keeps in
//    openpgp-revocs.d): it is checked against the key it names and kept with that key.
// A revoked key stays in the keyring (its old signatures still need a verdict, REVKEYSIG) and is
// refused as a recipient (recipients.ts). The certificate importer reads outside input: every
// failure is an InvalidRevocation (or NotFound) error and leaves the keyring as it was.
import { enums, PacketList, SignaturePacket, unarmor, type AnyPacket, type PrivateKey, type PublicKey } from 'openpgp';
import type { KeyInfo } from '../../shared/contract/keyring.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { LIMITS, checkLimit } from '../../shared/limits.ts';
import type { CoreSession } from '../session.ts';
import { isArmored } from './armor.ts';
import { ConfirmationRequiredError, NoSecretKeyError } from './errors.ts';
import { describeEntry, requireEntry } from './list-keys.ts';
import { KEY_METHOD_CONFIG, WRITE_CONFIG } from './pgp-config.ts';
import { loadPublicKey, loadSecretKey } from './read-keys.ts';
import { mutateKeyring, toBase64 } from './store.ts';

import type { RevocationReason } from '../../shared/contract/keyring.ts';

const REASON_FLAGS: Record<RevocationReason, enums.reasonForRevocation> = {
  compromised: enums.reasonForRevocation.keyCompromised,
  superseded: enums.reasonForRevocation.keySuperseded,
  retired: enums.reasonForRevocation.keyRetired,
  unspecified: enums.reasonForRevocation.noReason,
};

export interface RevokeRequest {
  fingerprint: string;
  reason: RevocationReason;
  /** Free text shown beside the reason (gpg: "reason for revocation" comment). */
  description: string;
  confirmed: boolean;
}

export interface RevokeOutcome {
  key: KeyInfo;
  /** The armored revocation certificate (public: it says the key is revoked, nothing more). */
  revocationCertificate: string;
}

export class InvalidRevocationError extends EmbargoError {
  constructor(reason: string) {
    super('InvalidRevocation', `This is not a usable revocation certificate: ${reason}. The keyring is unchanged.`, { reason });
  }
}

/** Revokes a key whose secret part the vault holds. */
export async function revokeOwnKey(session: CoreSession, request: RevokeRequest): Promise<RevokeOutcome> {
  if (!request.confirmed) throw new ConfirmationRequiredError(`Revoking the key ${request.fingerprint}`);
  const now = session.ports.now();
  return mutateKeyring(session, async (draft) => {
    const entry = requireEntry(draft, request.fingerprint);
    const secret = await loadSecretKey(entry);
    if (!secret) {
      throw new NoSecretKeyError(
        `The keyring holds only the public part of ${request.fingerprint}: only its owner can revoke it. Import their revocation certificate instead.`,
        { fingerprint: request.fingerprint },
      );
    }
    if (await secret.isRevoked(undefined, undefined, now, KEY_METHOD_CONFIG).catch(() => false)) {
      throw new EmbargoError('Conflict', `The key ${request.fingerprint} is already revoked.`, { fingerprint: request.fingerprint });
    }
    let revoked: PrivateKey;
    try {
      revoked = (await secret.revoke({ flag: REASON_FLAGS[request.reason], string: request.description.trim() }, now, { ...KEY_METHOD_CONFIG, ...WRITE_CONFIG } as never)) as PrivateKey;
    } catch (error) {
      throw new EmbargoError('Internal', `The key ${request.fingerprint} could not be revoked (${error instanceof Error ? error.message : String(error)}).`);
    }
    const revocationCertificate = await revoked.getRevocationCertificate(now, { ...KEY_METHOD_CONFIG, ...WRITE_CONFIG } as never);
    if (typeof revocationCertificate !== 'string') throw new EmbargoError('Internal', 'The new revocation could not be read back.');
    const at = now.toISOString();
    const updated = {
      ...entry,
      publicKey: toBase64(revoked.toPublic().write()),
      secretKey: toBase64(revoked.write()),
      revocationCertificate,
      updatedAt: at,
    };
    draft.keys[entry.fingerprint] = updated;
    return { key: await describeEntry(draft, updated, now), revocationCertificate };
  });
}

const ARMOR_BLOCK = /-----BEGIN PGP (PUBLIC KEY BLOCK|SIGNATURE)-----[\s\S]*?-----END PGP \1-----/;

/** The signature packets of a certificate, armored (gpg's ":-----BEGIN" guard accepted) or binary. */
async function readSignatures(bytes: Uint8Array): Promise<SignaturePacket[]> {
  if (bytes.byteLength === 0) throw new InvalidRevocationError('the input is empty');
  checkLimit('revocation certificate', LIMITS.keyBytes, bytes.byteLength, 'bytes');
  let binary: Uint8Array;
  if (isArmored(bytes) || Buffer.from(bytes.subarray(0, 4096)).toString('latin1').includes(':-----BEGIN PGP')) {
    // gpg writes the certificates it keeps in openpgp-revocs.d with a leading colon, so that an
    // accidental import does nothing; taking one in here is the deliberate act.
    const text = Buffer.from(bytes).toString('utf8').replace(/^:(-----BEGIN PGP )/m, '$1');
    const block = ARMOR_BLOCK.exec(text)?.[0];
    if (!block) throw new InvalidRevocationError('no armored public key block or signature found');
    try {
      const { data } = await unarmor(block, KEY_METHOD_CONFIG);
      binary = data instanceof Uint8Array ? data : new Uint8Array(await new Response(data as unknown as ReadableStream).arrayBuffer());
    } catch {
      throw new InvalidRevocationError('the armored block is damaged');
    }
  } else {
    binary = bytes;
  }
  let packets: PacketList<AnyPacket>;
  try {
    packets = await PacketList.fromBinary(binary, { [enums.packet.signature]: SignaturePacket } as never, KEY_METHOD_CONFIG);
  } catch {
    throw new InvalidRevocationError('the packets are damaged or are not signatures');
  }
  const signatures = [...packets].filter((packet): packet is SignaturePacket => packet instanceof SignaturePacket);
  if (signatures.length === 0) throw new InvalidRevocationError('it holds no signature');
  return signatures;
}

/** Applies a revocation certificate to the key it names; the keyring changes only if it verifies. */
export async function importRevocation(session: CoreSession, bytes: Uint8Array): Promise<KeyInfo> {
  const signatures = await readSignatures(bytes);
  const revocation = signatures.find((signature) => signature.signatureType === enums.signature.keyRevocation);
  if (!revocation) throw new InvalidRevocationError('it holds no key revocation signature (type 0x20)');
  const now = session.ports.now();
  return mutateKeyring(session, async (draft) => {
    const issuerFingerprint = revocation.issuerFingerprint ? Buffer.from(revocation.issuerFingerprint).toString('hex').toUpperCase() : null;
    const issuerKeyId = revocation.issuerKeyID.toHex().toUpperCase();
    const entries = Object.values(draft.keys).filter((entry) =>
      issuerFingerprint ? entry.fingerprint === issuerFingerprint : entry.fingerprint.endsWith(issuerKeyId),
    );
    if (entries.length === 0) {
      throw new EmbargoError('NotFound', `The certificate revokes ${issuerFingerprint ?? issuerKeyId}, which is not in the keyring; import that key first.`, {
        what: 'key',
        id: issuerFingerprint ?? issuerKeyId,
      });
    }
    for (const entry of entries) {
      const key: PublicKey = await loadPublicKey(entry);
      try {
        await revocation.verify(key.keyPacket, enums.signature.keyRevocation, { key: key.keyPacket }, now, false, KEY_METHOD_CONFIG);
      } catch {
        continue;
      }
      const at = now.toISOString();
      const alreadyThere = key.revocationSignatures.some((signature) => Buffer.from(signature.write()).equals(Buffer.from(revocation.write())));
      if (!alreadyThere) key.revocationSignatures.push(revocation);
      const secret = await loadSecretKey(entry);
      if (secret && !alreadyThere) secret.revocationSignatures.push(revocation);
      const updated = {
        ...entry,
        publicKey: toBase64(key.write()),
        secretKey: secret ? toBase64(secret.write()) : entry.secretKey,
        updatedAt: alreadyThere ? entry.updatedAt : at,
      };
      draft.keys[entry.fingerprint] = updated;
      return describeEntry(draft, updated, now, key);
    }
    throw new InvalidRevocationError(`the signature does not verify against the key ${entries.map((entry) => entry.fingerprint).join(', ')}`);
  });
}
