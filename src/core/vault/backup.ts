// A whole vault as one encrypted file, and back.
//
//   "EMBGBKUP" | u32 header length | header (canonical JSON) | chunk...
//   header: format, version, backup id, time, vault id, the vault's key file, a random salt
//   chunk:  u32 length | AES-256-GCM(ciphertext | tag), at most 64 KiB of plaintext each
//
// The key file travels in the header, so a backup restores with the passphrase the vault had
// when the backup was made (Argon2id unwraps the data key, as for the vault itself). The chunk
// key is HKDF-SHA256 of the data key, the salt and the SHA-256 of the header, so the header
// cannot be changed. Each chunk's nonce is its number and a last-chunk flag (the STREAM
// construction): chunks cannot be reordered, dropped or cut off at the end unnoticed.
// The plaintext is the list of vault files, each `u16 path length | path | u64 size | bytes`,
// ended by a zero path length. The files are the vault's sealed files as they are on disk.
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { EmbargoError, VaultExistsError } from '../../shared/errors.ts';
import type { CorePorts } from '../ports.ts';
import { KEY_FILE_NAME, parseKeyFile, unwrapDataKey } from './key-file.ts';
import { syncDirectory } from './atomic-write.ts';

export const BACKUP_MAGIC = Buffer.from('EMBGBKUP', 'ascii');
export const BACKUP_FORMAT = 'embargo-backup';
export const BACKUP_VERSION = 1;
const CHUNK_BYTES = 64 * 1024;
const HEADER_LIMIT = 1024 * 1024;
const TAG_BYTES = 16;

/** The vault files a backup may hold: nothing else is ever written on restore. */
const BACKUP_PATH = /^(?:index\.edoc|heads\.elog|[a-z][a-z0-9-]{0,40}\.edoc|cases\/EMB-\d{4,}\.edoc|blobs\/(?:vault|EMB-\d{4,})\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.eblob)$/;

const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  backupId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string(),
  vaultId: z.string(),
  keyFile: z.string(),
  salt: z.base64(),
  chunkBytes: z.number().int().min(1024).max(16 * 1024 * 1024),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export interface BackupSummary {
  backupId: string;
  createdAt: string;
  files: number;
  bytes: number;
}

export function isBackupPath(path: string): boolean {
  return BACKUP_PATH.test(path) && !path.split('/').includes('..');
}

function damaged(file: string, detail: string): EmbargoError {
  return new EmbargoError('VaultCorrupt', `The backup ${file} is damaged, truncated or was altered (${detail}); nothing was restored.`, {
    file,
    detail,
  });
}

function chunkKey(dataKey: Uint8Array, salt: Buffer, headerBytes: Buffer): Buffer {
  const info = Buffer.concat([Buffer.from('embargo-backup-v1:', 'utf8'), createHash('sha256').update(headerBytes).digest()]);
  return Buffer.from(hkdfSync('sha256', dataKey, salt, info, 32));
}

function chunkNonce(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 0);
  nonce.writeUInt8(last ? 1 : 0, 11);
  return nonce;
}

/** Seals plaintext into numbered chunks as it comes; `finish` seals the last one. */
class ChunkWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  written = 0;

  constructor(
    private readonly out: FileHandle,
    private readonly key: Buffer,
    private readonly chunkBytes: number,
  ) {}

  async push(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    // Strictly more than a chunk: the last chunk is never empty.
    while (this.pendingBytes > this.chunkBytes) {
      const all = Buffer.concat(this.pending);
      await this.seal(all.subarray(0, this.chunkBytes), false);
      this.pending = [all.subarray(this.chunkBytes)];
      this.pendingBytes = all.length - this.chunkBytes;
    }
  }

  async finish(): Promise<void> {
    await this.seal(Buffer.concat(this.pending), true);
    this.pending = [];
  }

  private async seal(plaintext: Buffer, last: boolean): Promise<void> {
    const cipher = createCipheriv('aes-256-gcm', this.key, chunkNonce(this.index, last));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    await this.out.write(Buffer.concat([length, body]));
    this.written += 4 + body.length;
    this.index += 1;
  }
}

export interface BackupSource {
  dir: string;
  dataKey: Uint8Array;
  vaultId: string;
  keyFileText: string;
  /** Vault-relative paths of the files to copy (the key file travels in the header). */
  files: readonly string[];
}

/** Writes the backup to `output` through a temporary file beside it, renamed into place at the end. */
export async function writeBackup(source: BackupSource, output: string, ports: CorePorts): Promise<BackupSummary> {
  const backupId = Buffer.from(ports.randomBytes(16)).toString('hex');
  const createdAt = ports.now().toISOString();
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_VERSION,
    backupId,
    createdAt,
    vaultId: source.vaultId,
    keyFile: source.keyFileText,
    salt: Buffer.from(ports.randomBytes(32)).toString('base64'),
    chunkBytes: CHUNK_BYTES,
  };
  const headerBytes = Buffer.from(canonicalize(header)!, 'utf8');
  const key = chunkKey(source.dataKey, Buffer.from(header.salt, 'base64'), headerBytes);
  const temp = join(dirname(output), `.${basename(output)}.${Buffer.from(ports.randomBytes(6)).toString('hex')}.tmp`);
  const out = await open(temp, 'wx', 0o600);
  try {
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(headerBytes.length);
    await out.write(Buffer.concat([BACKUP_MAGIC, prefix, headerBytes]));
    const chunks = new ChunkWriter(out, key, header.chunkBytes);
    for (const file of source.files) {
      if (!isBackupPath(file)) throw new Error(`not a vault file: ${file}`);
      const input = await open(join(source.dir, file), 'r');
      try {
        const size = (await input.stat()).size;
        const path = Buffer.from(file, 'utf8');
        const entry = Buffer.alloc(2 + path.length + 8);
        entry.writeUInt16BE(path.length, 0);
        path.copy(entry, 2);
        entry.writeBigUInt64BE(BigInt(size), 2 + path.length);
        await chunks.push(entry);
        let copied = 0;
        while (copied < size) {
          const { bytesRead, buffer } = await input.read({ buffer: Buffer.alloc(Math.min(CHUNK_BYTES, size - copied)), position: copied });
          if (bytesRead === 0) throw new Error(`${file} shrank while it was copied`);
          await chunks.push(buffer.subarray(0, bytesRead));
          copied += bytesRead;
        }
      } finally {
        await input.close();
      }
    }
    await chunks.push(Buffer.alloc(2)); // the end of the list
    await chunks.finish();
    await out.sync();
    await out.close();
    await rename(temp, output);
    await syncDirectory(dirname(output));
    return { backupId, createdAt, files: source.files.length, bytes: 4 + BACKUP_MAGIC.length + headerBytes.length + chunks.written };
  } catch (error) {
    await out.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

/** Parses the entry list as decrypted chunks arrive, writing each file into `root`. */
class EntryReader {
  private buffer: Buffer = Buffer.alloc(0);
  private current: { handle: FileHandle; left: bigint } | null = null;
  done = false;
  files = 0;

  constructor(
    private readonly root: string,
    private readonly label: string,
  ) {}

  async feed(bytes: Buffer): Promise<void> {
    this.buffer = this.buffer.length === 0 ? bytes : Buffer.concat([this.buffer, bytes]);
    for (;;) {
      if (this.done) {
        if (this.buffer.length > 0) throw damaged(this.label, 'data after the end of the file list');
        return;
      }
      if (this.current) {
        const take = Number(this.current.left < BigInt(this.buffer.length) ? this.current.left : BigInt(this.buffer.length));
        if (take > 0) await this.current.handle.write(this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        this.current.left -= BigInt(take);
        if (this.current.left > 0n) return;
        await this.current.handle.sync();
        await this.current.handle.close();
        this.current = null;
        continue;
      }
      if (this.buffer.length < 2) return;
      const pathLength = this.buffer.readUInt16BE(0);
      if (pathLength === 0) {
        this.done = true;
        this.buffer = this.buffer.subarray(2);
        continue;
      }
      if (this.buffer.length < 2 + pathLength + 8) return;
      const path = this.buffer.subarray(2, 2 + pathLength).toString('utf8');
      if (!isBackupPath(path)) throw damaged(this.label, `it names a file no vault holds: ${JSON.stringify(path.slice(0, 80))}`);
      const size = this.buffer.readBigUInt64BE(2 + pathLength);
      this.buffer = this.buffer.subarray(2 + pathLength + 8);
      const target = join(this.root, path);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      // 'wx': a file named twice in a backup is refused, not overwritten.
      const handle = await open(target, 'wx', 0o600).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? damaged(this.label, `it holds ${path} twice`) : error;
      });
      this.current = { handle, left: size };
      this.files += 1;
    }
  }

  async abandon(): Promise<void> {
    await this.current?.handle.close().catch(() => undefined);
  }
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer | null> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) return read === 0 ? null : buffer.subarray(0, read);
    read += bytesRead;
  }
  return buffer;
}

/** Reads a backup's header without the passphrase (what it is, when it was made). */
export async function readBackupHeader(handle: FileHandle, label: string): Promise<{ header: BackupHeader; headerBytes: Buffer; bodyStart: number }> {
  const start = await readExactly(handle, 0, BACKUP_MAGIC.length + 4);
  if (!start || start.length < BACKUP_MAGIC.length + 4 || !start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
    throw damaged(label, 'it does not start with the Embargo backup signature');
  }
  const length = start.readUInt32BE(BACKUP_MAGIC.length);
  if (length > HEADER_LIMIT) throw damaged(label, 'its header is too long');
  const headerBytes = await readExactly(handle, start.length, length);
  if (!headerBytes || headerBytes.length < length) throw damaged(label, 'its header is cut short');
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    throw damaged(label, 'its header is not JSON');
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw damaged(label, 'its header is not that of an Embargo backup');
  if (header.data.formatVersion > BACKUP_VERSION) {
    throw new EmbargoError('UnsupportedFormat', `The backup ${label} uses format ${header.data.formatVersion}; this Embargo reads up to ${BACKUP_VERSION}. Update Embargo.`, {
      file: label,
      version: header.data.formatVersion,
    });
  }
  return { header: header.data, headerBytes, bodyStart: start.length + length };
}

/**
 * Restores a backup into `targetDir`, which must not exist (or be an empty directory). The
 * files are written into a private staging directory beside it and renamed into place only
 * when the whole backup has authenticated, so a damaged backup or a wrong passphrase leaves
 * nothing behind.
 */
export async function restoreBackup(backupFile: string, passphrase: string, targetDir: string, ports: CorePorts): Promise<BackupSummary> {
  const label = basename(backupFile);
  const handle = await open(backupFile, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new EmbargoError('NotFound', `Cannot read the backup ${backupFile} (${error.code ?? 'error'}).`, { what: 'backup', id: backupFile });
  });
  const staging = `${targetDir}.restoring-${Buffer.from(ports.randomBytes(6)).toString('hex')}`;
  let entries: EntryReader | null = null;
  try {
    const { header, headerBytes, bodyStart } = await readBackupHeader(handle, label);
    const keyFile = parseKeyFile(header.keyFile, `${label} (its key file)`);
    const dataKey = await unwrapDataKey(keyFile, passphrase);
    const key = chunkKey(dataKey, Buffer.from(header.salt, 'base64'), headerBytes);
    dataKey.fill(0);
    await assertRestorable(targetDir);
    await mkdir(dirname(targetDir), { recursive: true, mode: 0o700 });
    await mkdir(staging, { mode: 0o700 });
    entries = new EntryReader(staging, label);
    let position = bodyStart;
    let lastSeen = false;
    for (let index = 0; !lastSeen; index += 1) {
      const prefix = await readExactly(handle, position, 4);
      if (!prefix || prefix.length < 4) throw damaged(label, 'it ends before its last part');
      const length = prefix.readUInt32BE(0);
      if (length < TAG_BYTES || length > header.chunkBytes + TAG_BYTES) throw damaged(label, `part ${index + 1} has an impossible length`);
      const body = await readExactly(handle, position + 4, length);
      if (!body || body.length < length) throw damaged(label, 'it ends before its last part');
      position += 4 + length;
      const atEnd = (await readExactly(handle, position, 1)) === null;
      const plaintext = openChunk(key, index, atEnd, body) ?? (atEnd ? null : openChunk(key, index, true, body));
      if (plaintext === null) throw damaged(label, atEnd ? 'its last part is missing or altered' : `part ${index + 1} failed authentication`);
      if (!atEnd && plaintext.last) throw damaged(label, 'data follows its last part');
      lastSeen = plaintext.last;
      await entries.feed(plaintext.bytes);
    }
    if (!entries.done) throw damaged(label, 'its file list is cut short');
    await open(join(staging, KEY_FILE_NAME), 'wx', 0o600).then(async (out) => {
      try {
        await out.writeFile(header.keyFile, 'utf8');
        await out.sync();
      } finally {
        await out.close();
      }
    });
    await assertRestorable(targetDir);
    await rmdir(targetDir).catch(() => undefined);
    await rename(staging, targetDir);
    await syncDirectory(dirname(targetDir));
    return { backupId: header.backupId, createdAt: header.createdAt, files: entries.files, bytes: position };
  } catch (error) {
    await entries?.abandon();
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await handle.close();
  }
}

function openChunk(key: Buffer, index: number, last: boolean, body: Buffer): { bytes: Buffer; last: boolean } | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(index, last));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return { bytes: Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]), last };
  } catch {
    return null;
  }
}

async function assertRestorable(targetDir: string): Promise<void> {
  try {
    const entries = await readdir(targetDir);
    if (entries.length > 0) throw new VaultExistsError(targetDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new VaultExistsError(targetDir);
    throw error;
  }
}
