// Encrypt (and sign) to several recipients, as one armored OpenPGP message GnuPG 2.2 reads:
// PKESK v3 per recipient, one SEIPD v1 packet (AES-256 + MDC), a one-pass-signed literal
// packet inside, no compression. Works on bytes or on a stream (the CLI's large files).
import type { ReadableStream } from 'node:stream/web';
import { createMessage, encrypt, type KeyID, type PublicKey } from 'openpgp';
import type { CoreSession } from '../session.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { WRITE_CONFIG } from './pgp-config.ts';
import { resolveRecipients, type Recipient } from './recipients.ts';
import { ownSigningKey, type SecretKey } from './secret-keys.ts';
import { readKeyring } from './store.ts';

export interface EncryptOptions {
  to: string[];
  sign: boolean;
  /** Add the Fix Lead's own key, so what was sent stays readable from the vault. */
  encryptToSelf: boolean;
  allowUnverified: boolean;
}

export interface PreparedEncryption {
  recipients: Recipient[];
  signer: SecretKey | null;
  now: Date;
  randomBytes(length: number): Uint8Array;
}

/** Checks every recipient and the signer before any byte is read or written. */
export async function prepareEncryption(session: CoreSession, options: EncryptOptions): Promise<PreparedEncryption> {
  const document = await readKeyring(session);
  const now = session.ports.now();
  const recipients = await resolveRecipients(document, options.to, { now, allowUnverified: options.allowUnverified });
  const own = document.ownFingerprint;
  if (options.encryptToSelf && own && !recipients.some((recipient) => recipient.fingerprint === own)) {
    // Our own key needs no fingerprint comparison: the vault holds its secret part.
    recipients.push(...(await resolveRecipients(document, [own], { now, allowUnverified: true })));
  }
  if (recipients.length === 0) throw new EmbargoError('InvalidInput', 'No recipient: give at least one fingerprint.');
  const signer = options.sign ? await ownSigningKey(document, now) : null;
  return { recipients, signer, now, randomBytes: session.ports.randomBytes };
}

type Input = Uint8Array | ReadableStream<Uint8Array>;

export async function encryptPrepared(prepared: PreparedEncryption, data: Input, filename: string): Promise<string | ReadableStream<string>> {
  const message = await createMessage({ binary: data as Uint8Array, filename, format: 'binary', date: prepared.now });
  const encryptionKeys: PublicKey[] = prepared.recipients.map((recipient) => recipient.key);
  const encryptionKeyIDs: KeyID[] = prepared.recipients.map((recipient) => recipient.encryptionKeyId);
  const armored = await encrypt({
    message,
    encryptionKeys,
    encryptionKeyIDs,
    ...(prepared.signer ? { signingKeys: prepared.signer.key } : {}),
    // Our own session key without an AEAD algorithm forces SEIPD v1 even when a recipient's
    // key advertises SEIPD v2 support: GnuPG 2.2 cannot read v2, and the list is mixed.
    sessionKey: { data: prepared.randomBytes(32), algorithm: 'aes256' },
    date: prepared.now,
    format: 'armored',
    config: WRITE_CONFIG,
  });
  return armored as unknown as string | ReadableStream<string>;
}

export interface EncryptedText {
  armored: string;
  recipients: string[];
  signedBy: string | null;
}

export async function encryptBytes(session: CoreSession, data: Uint8Array, filename: string, options: EncryptOptions): Promise<EncryptedText> {
  const prepared = await prepareEncryption(session, options);
  const armored = (await encryptPrepared(prepared, data, filename)) as string;
  return {
    armored,
    recipients: prepared.recipients.map((recipient) => recipient.fingerprint),
    signedBy: prepared.signer?.fingerprint ?? null,
  };
}
