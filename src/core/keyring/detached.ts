// Detached signatures, both ways: we sign with the Fix Lead's own key (an armored signature
// `gpg --verify SIG FILE` accepts), and we check signatures GnuPG made (armored or binary,
// binary or text mode) with a verdict per signature.
import type { ReadableStream } from 'node:stream/web';
import { createMessage, readSignature, sign, verify, type Signature } from 'openpgp';
import type { SignatureReport } from '../../shared/contract/keyring.ts';
import type { CoreSession } from '../session.ts';
import { isArmored } from './armor.ts';
import { InvalidMessageError } from './errors.ts';
import { READ_MESSAGE_CONFIG, WRITE_CONFIG, MAX_IN_MEMORY_BYTES } from './pgp-config.ts';
import { ownSigningKey, type SecretKey } from './secret-keys.ts';
import { buildKeyIndex, reportSignatures, type KeyIndex } from './signature-report.ts';
import { readKeyring } from './store.ts';

type Input = Uint8Array | ReadableStream<Uint8Array>;

export async function prepareSigner(session: CoreSession): Promise<{ signer: SecretKey; now: Date }> {
  const now = session.ports.now();
  return { signer: await ownSigningKey(await readKeyring(session), now), now };
}

export async function signDetachedWith(signer: SecretKey, data: Input, now: Date): Promise<string> {
  const message = await createMessage({ binary: data as Uint8Array, format: 'binary', date: now });
  const signature: unknown = await sign({ message, signingKeys: signer.key, detached: true, format: 'armored', date: now, config: WRITE_CONFIG });
  if (typeof signature === 'string') return signature;
  // Over a stream, the signature is itself a stream that yields once the data has passed.
  let text = '';
  const reader = (signature as ReadableStream<string>).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
  return text;
}

export async function readDetachedSignature(bytes: Uint8Array): Promise<Signature> {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_IN_MEMORY_BYTES) throw new InvalidMessageError('signature');
  try {
    if (isArmored(bytes)) return await readSignature({ armoredSignature: Buffer.from(bytes).toString('utf8'), config: READ_MESSAGE_CONFIG });
    return await readSignature({ binarySignature: bytes, config: READ_MESSAGE_CONFIG });
  } catch (error) {
    throw new InvalidMessageError('signature', error);
  }
}

export async function prepareVerification(session: CoreSession): Promise<{ index: KeyIndex; now: Date }> {
  const now = session.ports.now();
  return { index: await buildKeyIndex(await readKeyring(session), now), now };
}

/** Checks `signature` over `data`; a stream is read to the end (and its bytes dropped). */
export async function verifyDetachedWith(
  prepared: { index: KeyIndex; now: Date },
  data: Input,
  signature: Signature,
): Promise<SignatureReport[]> {
  const message = await createMessage({ binary: data as Uint8Array, format: 'binary' });
  let result;
  try {
    result = await verify({ message, signature, verificationKeys: prepared.index.keys, format: 'binary', date: prepared.now, config: READ_MESSAGE_CONFIG });
  } catch (error) {
    throw new InvalidMessageError('signature', error);
  }
  const output = result.data as unknown;
  if (output && typeof (output as ReadableStream).getReader === 'function') {
    const reader = (output as ReadableStream<Uint8Array>).getReader();
    while (!(await reader.read()).done) {
      // draining: the signature's hash is computed as the data passes
    }
  }
  return reportSignatures(result.signatures, prepared.index);
}

export async function signBytes(session: CoreSession, data: Uint8Array): Promise<{ armored: string; signedBy: string }> {
  const { signer, now } = await prepareSigner(session);
  return { armored: await signDetachedWith(signer, data, now), signedBy: signer.fingerprint };
}

export async function verifyBytes(session: CoreSession, data: Uint8Array, signatureBytes: Uint8Array): Promise<SignatureReport[]> {
  const signature = await readDetachedSignature(signatureBytes);
  return verifyDetachedWith(await prepareVerification(session), data, signature);
}
