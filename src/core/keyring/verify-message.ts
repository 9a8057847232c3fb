// Signed text as mail carries it, beside PGP/MIME: a cleartext-signed message
// (`gpg --clearsign`: "-----BEGIN PGP SIGNED MESSAGE-----", dash-escaped lines, an armored
// signature after the text) and an inline armored message ("-----BEGIN PGP MESSAGE-----"),
// encrypted (decrypted with a secret key of the vault) or only signed (`gpg --sign --armor`).
// Either way: the text as its signer wrote it, and a verdict per signature (signature-report.ts).
import { readFile, stat } from 'node:fs/promises';
import { readCleartextMessage, verify } from 'openpgp';
import { inputTooLarge } from '../../shared/limits.ts';
import type { SignatureReport } from '../../shared/contract/keyring.ts';
import type { CoreSession } from '../session.ts';
import { decryptBytes, openMessage } from './decrypt.ts';
import { InvalidMessageError } from './errors.ts';
import { prepareVerification } from './detached.ts';
import { MAX_IN_MEMORY_BYTES, READ_MESSAGE_CONFIG } from './pgp-config.ts';
import { reportSignatures } from './signature-report.ts';

export const CLEARTEXT_BEGIN = '-----BEGIN PGP SIGNED MESSAGE-----';
export const MESSAGE_BEGIN = '-----BEGIN PGP MESSAGE-----';
const CLEARTEXT_BLOCK = /-----BEGIN PGP SIGNED MESSAGE-----\r?\n[\s\S]*?-----END PGP SIGNATURE-----/;
const MESSAGE_BLOCK = /-----BEGIN PGP MESSAGE-----\r?\n[\s\S]*?-----END PGP MESSAGE-----/;

export interface OpenedText {
  kind: 'cleartext-signed' | 'inline-encrypted' | 'inline-signed';
  /** The signed or decrypted content (bytes; text for a cleartext-signed message). */
  data: Uint8Array;
  /** The fingerprint of our key that decrypted it, if it was encrypted. */
  decryptedWith: string | null;
  signatures: SignatureReport[];
}

/** Verifies a cleartext-signed message; the text comes back dash-unescaped, as gpg prints it. */
export async function verifyCleartext(session: CoreSession, armored: string): Promise<OpenedText> {
  let message;
  try {
    message = await readCleartextMessage({ cleartextMessage: armored, config: READ_MESSAGE_CONFIG });
  } catch (error) {
    throw new InvalidMessageError('message', error);
  }
  const prepared = await prepareVerification(session);
  let result;
  try {
    result = await verify({ message, verificationKeys: prepared.index.keys, date: prepared.now, config: READ_MESSAGE_CONFIG });
  } catch (error) {
    throw new InvalidMessageError('signature', error);
  }
  const text = String(result.data);
  return { kind: 'cleartext-signed', data: new Uint8Array(Buffer.from(text, 'utf8')), decryptedWith: null, signatures: await reportSignatures(result.signatures, prepared.index) };
}

/** Opens an armored message: decrypts it if it is encrypted, else verifies its signatures. */
export async function openArmoredMessage(session: CoreSession, armored: string): Promise<OpenedText> {
  const bytes = new Uint8Array(Buffer.from(armored, 'utf8'));
  const message = await openMessage(bytes, READ_MESSAGE_CONFIG);
  if (message.getEncryptionKeyIDs().length > 0) {
    const decrypted = await decryptBytes(session, bytes);
    return { kind: 'inline-encrypted', data: decrypted.data, decryptedWith: decrypted.decryptedWith, signatures: decrypted.signatures };
  }
  // (A signed message's one-pass signatures may sit inside a compressed packet: only verify sees them.)
  return verifySignedMessage(session, message, 'neither encrypted nor signed');
}

/** A signed (not encrypted) binary message, verified with the keyring; `unsigned` says why when it carries no signature. */
async function verifySignedMessage(session: CoreSession, message: Parameters<typeof verify>[0]['message'], unsigned: string): Promise<OpenedText> {
  const prepared = await prepareVerification(session);
  let result;
  try {
    result = await verify({ message, verificationKeys: prepared.index.keys, format: 'binary', date: prepared.now, config: READ_MESSAGE_CONFIG });
  } catch (error) {
    throw new InvalidMessageError('message', error);
  }
  if (result.signatures.length === 0) throw new InvalidMessageError('message', new Error(unsigned));
  return { kind: 'inline-signed', data: result.data as Uint8Array, decryptedWith: null, signatures: await reportSignatures(result.signatures, prepared.index) };
}

/**
 * Finds the first PGP block in a text (a mail body) and opens it; null when there is none.
 * What surrounds the block (a greeting, a mailing-list footer) is not covered by any signature
 * and is dropped.
 */
export async function openInlinePgp(session: CoreSession, text: string): Promise<OpenedText | null> {
  const cleartext = CLEARTEXT_BLOCK.exec(text);
  const message = MESSAGE_BLOCK.exec(text);
  if (cleartext && (!message || cleartext.index <= message.index)) return verifyCleartext(session, cleartext[0]);
  if (message) return openArmoredMessage(session, message[0]);
  return null;
}

/** `embargo verify FILE` without a detached signature: a cleartext-signed or signed (not encrypted) file. */
export async function verifyInlineFile(session: CoreSession, path: string): Promise<OpenedText> {
  const size = (await stat(path)).size;
  if (size > MAX_IN_MEMORY_BYTES) throw inputTooLarge('signed file', MAX_IN_MEMORY_BYTES, size, 'bytes');
  const bytes = await readFile(path);
  const text = bytes.toString('utf8');
  if (text.trimStart().startsWith(CLEARTEXT_BEGIN)) return verifyCleartext(session, text);
  const message = await openMessage(new Uint8Array(bytes), READ_MESSAGE_CONFIG);
  if (message.getEncryptionKeyIDs().length > 0) throw new InvalidMessageError('signature', new Error('the file is encrypted: use "embargo decrypt", which also checks its signatures'));
  return verifySignedMessage(session, message, 'not signed');
}
