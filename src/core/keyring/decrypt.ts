// Decrypt with a secret key of the vault and verify every signature inside, against every key
// of the keyring. Works on bytes (the contract) or on a stream (the CLI's large files; see
// files.ts for how unauthenticated plaintext is kept out of the user's way until the end).
import type { ReadableStream } from 'node:stream/web';
import { decrypt, decryptSessionKeys, readMessage, type DecryptedSessionKey, type Message, type PartialConfig } from 'openpgp';
import type { SignatureReport } from '../../shared/contract/keyring.ts';
import type { CoreSession } from '../session.ts';
import { isArmored } from './armor.ts';
import { DecryptionFailedError, InvalidMessageError, NoSecretKeyError } from './errors.ts';
import { READ_MESSAGE_CONFIG } from './pgp-config.ts';
import { allSecretKeys, type SecretKey } from './secret-keys.ts';
import { buildKeyIndex, reportSignatures, type KeyIndex } from './signature-report.ts';
import { readKeyring } from './store.ts';

const WILDCARD_KEY_ID = '0000000000000000';

export type MessageInput = Uint8Array | { armored: ReadableStream<string> } | { binary: ReadableStream<Uint8Array> };
// openpgp's Message is generic over its data; streams and bytes both pass through here.
type AnyMessage = Message<never>;

export async function openMessage(input: MessageInput, config: PartialConfig): Promise<AnyMessage> {
  try {
    if (input instanceof Uint8Array) {
      if (input.byteLength === 0) throw new Error('the input is empty');
      if (isArmored(input)) return (await readMessage({ armoredMessage: Buffer.from(input).toString('utf8'), config })) as AnyMessage;
      return (await readMessage({ binaryMessage: input, config })) as AnyMessage;
    }
    if ('armored' in input) return (await readMessage({ armoredMessage: input.armored as never, config })) as AnyMessage;
    return (await readMessage({ binaryMessage: input.binary as never, config })) as AnyMessage;
  } catch (error) {
    throw new InvalidMessageError('message', error);
  }
}

export interface PreparedDecryption {
  secretKeys: SecretKey[];
  index: KeyIndex;
  now: Date;
}

export async function prepareDecryption(session: CoreSession): Promise<PreparedDecryption> {
  const document = await readKeyring(session);
  const secretKeys = await allSecretKeys(document);
  if (secretKeys.length === 0) throw new NoSecretKeyError('The vault holds no secret key to decrypt with: generate or import yours first.');
  const now = session.ports.now();
  return { secretKeys, index: await buildKeyIndex(document, now), now };
}

/** Finds which of our keys the message is for and recovers its session key. */
async function recoverSessionKey(
  prepared: PreparedDecryption,
  message: AnyMessage,
  config: PartialConfig,
): Promise<{ sessionKey: DecryptedSessionKey; decryptedWith: string }> {
  const wanted = message.getEncryptionKeyIDs().map((keyId) => keyId.toHex().toUpperCase());
  if (wanted.length === 0) throw new NoSecretKeyError('This message is not encrypted to a public key (a passphrase-encrypted or signed-only message?).');
  const candidates = wanted.includes(WILDCARD_KEY_ID)
    ? prepared.secretKeys
    : prepared.secretKeys.filter((secret) => secret.key.getKeys().some((part) => wanted.includes(part.getKeyID().toHex().toUpperCase())));
  if (candidates.length === 0) {
    throw new NoSecretKeyError(`This message is encrypted to key IDs ${wanted.join(', ')}; the vault holds no secret key for any of them.`, { keyIds: wanted });
  }
  let lastError: unknown = null;
  for (const candidate of candidates) {
    try {
      const [sessionKey] = await decryptSessionKeys({ message, decryptionKeys: candidate.key, date: prepared.now, config });
      if (sessionKey) return { sessionKey, decryptedWith: candidate.fingerprint };
    } catch (error) {
      lastError = error;
    }
  }
  throw new DecryptionFailedError(lastError);
}

export interface Decrypted<D> {
  data: D;
  filename: string;
  decryptedWith: string;
  /** Resolves once the data has been read to the end (streams verify as they go). */
  signatures(): Promise<SignatureReport[]>;
}

export async function decryptOpened<D>(prepared: PreparedDecryption, message: AnyMessage, config: PartialConfig): Promise<Decrypted<D>> {
  const { sessionKey, decryptedWith } = await recoverSessionKey(prepared, message, config);
  try {
    const result = await decrypt({
      message,
      sessionKeys: sessionKey as never,
      verificationKeys: prepared.index.keys,
      format: 'binary',
      date: prepared.now,
      config,
    });
    return {
      data: result.data as D,
      filename: result.filename ?? '',
      decryptedWith,
      signatures: () => reportSignatures(result.signatures, prepared.index),
    };
  } catch (error) {
    throw new DecryptionFailedError(error);
  }
}

export interface DecryptedBytes {
  data: Uint8Array;
  filename: string;
  decryptedWith: string;
  signatures: SignatureReport[];
}

export async function decryptBytes(session: CoreSession, input: Uint8Array): Promise<DecryptedBytes> {
  const prepared = await prepareDecryption(session);
  const message = await openMessage(input, READ_MESSAGE_CONFIG);
  const decrypted = await decryptOpened<Uint8Array>(prepared, message, READ_MESSAGE_CONFIG);
  return { data: decrypted.data, filename: decrypted.filename, decryptedWith: decrypted.decryptedWith, signatures: await decrypted.signatures() };
}
