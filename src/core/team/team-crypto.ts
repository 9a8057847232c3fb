// Crypto of the team remote, as pure functions over bytes:
// - a case's event log is sealed with that case's data key (AES-256-GCM, the name of what it
//   holds in the authenticated data), padded to a size bucket so lengths say little;
// - the case data key is wrapped with OpenPGP to each member the case is shared with;
// - each member's state (its manifest) is OpenPGP-encrypted to every member and signed by it.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { createMessage, decrypt, encrypt, readKey, readMessage, readSignature, sign, verify, type PrivateKey, type PublicKey } from 'openpgp';
import { EmbargoError } from '../../shared/errors.ts';
import { READ_KEY_CONFIG, READ_MESSAGE_CONFIG, WRITE_CONFIG } from '../keyring/pgp-config.ts';

const PAD_BUCKET = 1024;

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

/** JSON, then spaces up to the next bucket: JSON.parse ignores the trailing whitespace. */
export function padJson(value: unknown): Buffer {
  const text = Buffer.from(JSON.stringify(value), 'utf8');
  const size = Math.ceil((text.length + 1) / PAD_BUCKET) * PAD_BUCKET;
  return Buffer.concat([text, Buffer.alloc(size - text.length, 0x20)]);
}

export function sealWithKey(key: Uint8Array, label: string, plaintext: Uint8Array, nonce: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(label, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from(nonce), body, cipher.getAuthTag()]);
}

export function openWithKey(key: Uint8Array, label: string, sealed: Uint8Array): Buffer {
  const bytes = Buffer.from(sealed);
  if (bytes.length < 28) throw new EmbargoError('RemoteTampered', 'A case record in the remote is truncated.', { label });
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(label, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
  } catch {
    throw new EmbargoError('RemoteTampered', 'A case record in the remote does not authenticate: it was altered.', { label });
  }
}

export async function readPublicKeyArmored(armored: string): Promise<PublicKey> {
  return (await readKey({ armoredKey: armored, config: READ_KEY_CONFIG })) as PublicKey;
}

/** An OpenPGP message (binary) to `recipients`, signed by `signer` when given. */
export async function encryptToMembers(recipients: PublicKey[], data: Uint8Array, signer: PrivateKey | null, now: Date, sessionKey: Uint8Array): Promise<Buffer> {
  const message = await createMessage({ binary: data, format: 'binary', date: new Date(0) });
  const out = await encrypt({
    message,
    encryptionKeys: recipients,
    ...(signer ? { signingKeys: signer } : {}),
    sessionKey: { data: sessionKey, algorithm: 'aes256' },
    date: now,
    format: 'binary',
    config: WRITE_CONFIG,
  });
  return Buffer.from(out as Uint8Array);
}

export interface OpenedMessage {
  data: Buffer;
  /** Fingerprints whose signatures verified (upper-case hex). */
  signedBy: string[];
}

/**
 * Decrypts with our secret key and checks signatures against `verifiers`. Returns null when
 * the message is not addressed to us (a case not shared with this member); anything damaged
 * is RemoteTampered.
 */
export async function openFromMember(bytes: Uint8Array, own: PrivateKey, verifiers: PublicKey[]): Promise<OpenedMessage | null> {
  let message;
  try {
    message = await readMessage({ binaryMessage: bytes, config: READ_MESSAGE_CONFIG });
  } catch {
    throw new EmbargoError('RemoteTampered', 'A team record in the remote is not a well-formed OpenPGP message: it was altered.');
  }
  const ourIds = own.getKeys().map((key) => key.getKeyID().toHex());
  const addressed = message.getEncryptionKeyIDs().some((id) => ourIds.includes(id.toHex()));
  if (!addressed) return null;
  try {
    const result = await decrypt({ message, decryptionKeys: own, verificationKeys: verifiers, format: 'binary', config: READ_MESSAGE_CONFIG });
    const signedBy: string[] = [];
    for (const signature of result.signatures) {
      const valid = await signature.verified.then(() => true, () => false);
      if (!valid) continue;
      const signer = verifiers.find((key) => key.getKeys().some((k) => k.getKeyID().equals(signature.keyID)));
      if (signer) signedBy.push(signer.getFingerprint().toUpperCase());
    }
    return { data: Buffer.from(result.data as Uint8Array), signedBy };
  } catch {
    throw new EmbargoError('RemoteTampered', 'A team record in the remote does not decrypt or authenticate: it was altered.');
  }
}

export async function signText(signer: PrivateKey, text: string, now: Date): Promise<string> {
  const message = await createMessage({ binary: Buffer.from(text, 'utf8'), format: 'binary', date: now });
  return (await sign({ message, signingKeys: signer, detached: true, format: 'armored', date: now, config: WRITE_CONFIG })) as string;
}

/** Whether `armoredSignature` over `text` verifies with `key`. */
export async function verifyText(key: PublicKey, text: string, armoredSignature: string): Promise<boolean> {
  try {
    const signature = await readSignature({ armoredSignature, config: READ_MESSAGE_CONFIG });
    const message = await createMessage({ binary: Buffer.from(text, 'utf8'), format: 'binary' });
    const result = await verify({ message, signature, verificationKeys: key, format: 'binary', config: READ_MESSAGE_CONFIG });
    const first = result.signatures[0];
    return first ? await first.verified.then(() => true, () => false) : false;
  } catch {
    return false;
  }
}
