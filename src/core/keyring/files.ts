// File to file, streaming, for the CLI and (by path, through the crypt.* contract methods in
// file-handlers.ts) the desktop app: a 100 MB file passes through in chunks and is never held
// whole in memory, nor base64-encoded into JSON — only the paths cross IPC.
//
// Output goes to a partial file beside the requested one (mode 0600, in the directory the user
// chose) and is renamed into place only when everything succeeded: for decryption that means
// the integrity check at the end of the message passed and no signature was bad. On any
// failure the partial file is deleted, so a failed command leaves nothing behind, and no
// plaintext is ever written anywhere else (no system temp directory).
import { randomBytes } from 'node:crypto';
import { createReadStream as createFileReadStream, createWriteStream } from 'node:fs';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { TextDecoderStream } from 'node:stream/web';
import type { SignatureReport } from '../../shared/contract/keyring.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { isArmored } from './armor.ts';
import { decryptOpened, openMessage, prepareDecryption } from './decrypt.ts';
import { prepareSigner, prepareVerification, readDetachedSignature, signDetachedWith, verifyDetachedWith } from './detached.ts';
import { encryptPrepared, prepareEncryption, type EncryptOptions } from './encrypt.ts';
import { BadSignatureError, DecryptionFailedError } from './errors.ts';
import { READ_STREAM_CONFIG } from './pgp-config.ts';

/** Where output goes: a file (written atomically) or an open stream such as stdout. */
export type OutputTarget = { path: string; overwrite: boolean } | { stream: Writable; name: string };

function outputName(target: OutputTarget): string {
  return 'path' in target ? target.path : target.name;
}

async function requireReadableFile(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    return info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EmbargoError('InvalidInput', `Cannot read ${path}: ${code ?? (error as Error).message}.`, { path });
  }
}

function fileStream(path: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createFileReadStream(path)) as ReadableStream<Uint8Array>;
}

async function startsArmored(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return isArmored(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function assertWritable(target: OutputTarget): Promise<void> {
  if (!('path' in target) || target.overwrite) return;
  const exists = await stat(target.path).then(
    () => true,
    () => false,
  );
  if (exists) throw new EmbargoError('Conflict', `${target.path} already exists; choose another output or allow overwriting.`, { path: target.path });
}

/** Moves the finished partial file into place; without overwrite, never over an existing file. */
async function commit(partial: string, target: { path: string; overwrite: boolean }): Promise<void> {
  if (target.overwrite) return rename(partial, target.path);
  try {
    await link(partial, target.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new EmbargoError('Conflict', `${target.path} appeared meanwhile; nothing was overwritten.`, { path: target.path });
    // File systems without hard links: the existence check above has to do.
    return rename(partial, target.path);
  }
  await rm(partial, { force: true });
}

/**
 * Pipes `source` to the target. `beforeCommit` runs once every byte is written and may throw
 * to discard the output (decryption uses it for the signature verdicts).
 */
async function writeTo(target: OutputTarget, source: Readable, beforeCommit?: () => Promise<void>): Promise<void> {
  if ('stream' in target) {
    await pipeline(source, target.stream, { end: false });
    await beforeCommit?.();
    return;
  }
  const partial = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    // 'wx': a new file only; flush: fsync before close, so the rename publishes complete data.
    await pipeline(source, createWriteStream(partial, { flags: 'wx', mode: 0o600, flush: true }));
    await beforeCommit?.();
    await commit(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

function fsFailure(error: unknown): EmbargoError | null {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new EmbargoError('InvalidInput', `File error: ${(error as Error).message}.`, { code });
  }
  return null;
}

export interface FileEncryption {
  output: string;
  recipients: string[];
  signedBy: string | null;
}

export async function encryptFile(session: CoreSession, inputPath: string, target: OutputTarget, options: EncryptOptions): Promise<FileEncryption> {
  await requireReadableFile(inputPath);
  await assertWritable(target);
  const prepared = await prepareEncryption(session, options);
  const armored = (await encryptPrepared(prepared, fileStream(inputPath), basename(inputPath))) as ReadableStream<string>;
  try {
    await writeTo(target, Readable.fromWeb(armored as never));
  } catch (error) {
    throw error instanceof EmbargoError ? error : (fsFailure(error) ?? error);
  }
  return {
    output: outputName(target),
    recipients: prepared.recipients.map((recipient) => recipient.fingerprint),
    signedBy: prepared.signer?.fingerprint ?? null,
  };
}

export interface FileDecryption {
  output: string;
  filename: string;
  decryptedWith: string;
  signatures: SignatureReport[];
}

export async function decryptFile(session: CoreSession, inputPath: string, target: OutputTarget): Promise<FileDecryption> {
  await requireReadableFile(inputPath);
  await assertWritable(target);
  const prepared = await prepareDecryption(session);
  // To a file: stream, and discard the partial file if the integrity check fails at the end.
  // To stdout nothing can be taken back, so openpgp holds the plaintext until it is checked.
  const config = 'path' in target ? READ_STREAM_CONFIG : { ...READ_STREAM_CONFIG, allowUnauthenticatedStream: false };
  const input = (await startsArmored(inputPath))
    ? { armored: fileStream(inputPath).pipeThrough(new TextDecoderStream()) as ReadableStream<string> }
    : { binary: fileStream(inputPath) };
  const message = await openMessage(input, config);
  const decrypted = await decryptOpened<ReadableStream<Uint8Array>>(prepared, message, config);
  let signatures: SignatureReport[] = [];
  try {
    await writeTo(target, Readable.fromWeb(decrypted.data as never), async () => {
      signatures = await decrypted.signatures();
      const bad = signatures.filter((signature) => signature.verdict === 'bad');
      if (bad.length > 0) throw new BadSignatureError(bad.map((signature) => signature.fingerprint ?? signature.keyId), { signatures });
    });
  } catch (error) {
    if (error instanceof EmbargoError) throw error;
    throw fsFailure(error) ?? new DecryptionFailedError(error);
  }
  return { output: outputName(target), filename: decrypted.filename, decryptedWith: decrypted.decryptedWith, signatures };
}

export async function signFile(session: CoreSession, inputPath: string, target: OutputTarget): Promise<{ output: string; signedBy: string }> {
  await requireReadableFile(inputPath);
  await assertWritable(target);
  const { signer, now } = await prepareSigner(session);
  const armored = await signDetachedWith(signer, fileStream(inputPath), now);
  await writeTo(target, Readable.from([armored]));
  return { output: outputName(target), signedBy: signer.fingerprint };
}

export async function verifyFile(session: CoreSession, inputPath: string, signaturePath: string): Promise<SignatureReport[]> {
  await requireReadableFile(inputPath);
  const signatureSize = await requireReadableFile(signaturePath);
  if (signatureSize > 1024 * 1024) throw new EmbargoError('InvalidInput', `${signaturePath} is too large to be a detached signature.`);
  const handle = await open(signaturePath, 'r');
  const signatureBytes = new Uint8Array(await handle.readFile().finally(() => handle.close()));
  const signature = await readDetachedSignature(signatureBytes);
  return verifyDetachedWith(await prepareVerification(session), fileStream(inputPath), signature);
}
