// An unlocked vault: the key file, the index document, one document per case and encrypted
// blobs, all under one directory. It holds the data key in memory while open and the
// directory's lock so that no second process writes the same vault. Every sealed file is
// written and read through `sealedFile`, which numbers each write and checks what it reads
// against the heads journal (heads.ts), so an old copy swapped in is refused.
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { VaultCorruptError, VaultExistsError, VaultNotFoundError, VaultRolledBackError, EmbargoError } from '../../shared/errors.ts';
import type { CorePorts } from '../ports.ts';
import { buildKeyFile, DEFAULT_KDF, KEY_FILE_NAME, parseKeyFile, unwrapDataKey, type KdfParameters, type KeyFile } from './key-file.ts';
import { acquireVaultLock, type VaultLock } from './lock.ts';
import { EncryptedJsonAdapter, type SealedFileIo, type SealedLocation } from './encrypted-adapter.ts';
import { writeFileAtomic, TEMP_SUFFIX } from './atomic-write.ts';
import { openSealed, sealBytes, type SealedKind } from './sealed-file.ts';
import { HEADS_FILE, HeadsJournal, compareHead, sha256Hex, type HeadCheck } from './heads.ts';
import { WriteGate } from './write-gate.ts';
import { migrateDocument, currentVersion, type Migration } from './migrations.ts';
import { CASE_MIGRATIONS, INDEX_MIGRATIONS, formatCaseId, type CaseDocument, type IndexDocument } from './documents.ts';

export const INDEX_FILE = 'index.edoc';
export const CASES_DIR = 'cases';
export const BLOBS_DIR = 'blobs';
/** The team's local git repository (src/core/team): ciphertext only, checked by git itself. */
export const TEAM_SYNC_DIR = 'team.git';
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export interface CreateVaultOptions {
  kdf?: Omit<KdfParameters, 'salt'>;
  actorName?: string;
}

export function indexLocation(dir: string): SealedLocation {
  return { file: join(dir, INDEX_FILE), label: INDEX_FILE, name: 'index' };
}

export function caseLocation(dir: string, caseId: string): SealedLocation {
  const label = `${CASES_DIR}/${caseId}.edoc`;
  return { file: join(dir, label), label, name: `case:${caseId}` };
}

/** Vault-wide documents (keyring, roster, distributors, templates): `<name>.edoc`. */
export function vaultDocumentLocation(dir: string, name: string): SealedLocation {
  if (!/^[a-z][a-z0-9-]{0,40}$/.test(name) || name === 'index') throw new Error(`invalid vault document name ${name}`);
  const label = `${name}.edoc`;
  return { file: join(dir, label), label, name: `doc:${name}` };
}

export function blobLocation(dir: string, scope: string, blobId: string): SealedLocation {
  const label = `${BLOBS_DIR}/${scope}/${blobId}.eblob`;
  return { file: join(dir, label), label, name: `blob:${scope}:${blobId}` };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function vaultExists(dir: string): Promise<boolean> {
  return exists(join(dir, KEY_FILE_NAME));
}

export async function readKeyFile(dir: string): Promise<KeyFile> {
  let text: string;
  try {
    text = await readFile(join(dir, KEY_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new VaultNotFoundError(dir);
    throw error;
  }
  return parseKeyFile(text);
}

/** Removes temporary files a crash may have left; they are sealed, but they are clutter. */
async function sweepTemporaryFiles(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith(TEMP_SUFFIX)) {
      await rm(join(entry.parentPath, entry.name), { force: true });
    }
  }
}

/**
 * A case is created by writing its document and then the index. A crash between the two
 * leaves a document under the next case id that the index never listed: that creation was
 * never acknowledged, its key was never stored, and the next creation would replace it.
 */
async function removeInterruptedCreation(dir: string, index: IndexDocument): Promise<void> {
  const nextId = formatCaseId(index.nextCaseNumber);
  if (index.cases[nextId]) return;
  await rm(caseLocation(dir, nextId).file, { force: true });
}

/** A sealed file as read from disk: its content, and how it compares with its head. */
export interface InspectedFile {
  plaintext: Buffer;
  counter: number;
  /** SHA-256 of the sealed bytes. */
  hash: string;
  check: HeadCheck;
}

/** Reads, authenticates and compares one sealed file without recording anything. */
export async function inspectSealedFile(
  journal: HeadsJournal,
  location: SealedLocation,
  kind: SealedKind,
  key: Uint8Array,
): Promise<InspectedFile | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(location.file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (journal.head(location.name)) throw new VaultCorruptError(location.label, 'the file is missing');
    return null;
  }
  const opened = openSealed(key, kind, location.name, bytes, location.label);
  const hash = sha256Hex(bytes);
  return { plaintext: opened.plaintext, counter: opened.counter, hash, check: compareHead(journal.head(location.name), opened.counter, hash) };
}

/** The error for a file older than its head, or another copy of the same write. */
export function rolledBackError(label: string, check: HeadCheck, counter: number, expected: number): VaultRolledBackError {
  const detail = check === 'older' ? `it is write ${counter}; the last write was ${expected}` : `it is another copy of write ${counter}`;
  return new VaultRolledBackError(label, detail, { found: counter, expected });
}

/**
 * A vault written before the heads journal existed (index schema 1) gets an empty journal: its
 * files are recorded as they are first read. Once the index is at schema 2 a journal must exist,
 * so deleting the journal is not a way to switch the rollback check off.
 */
async function startJournal(dir: string, dataKey: Uint8Array, ports: CorePorts): Promise<HeadsJournal> {
  const location = indexLocation(dir);
  let schemaVersion: unknown;
  try {
    const bytes = await readFile(location.file);
    schemaVersion = (JSON.parse(openSealed(dataKey, 'document', location.name, bytes, location.label).plaintext.toString('utf8')) as IndexDocument)
      .schemaVersion;
  } catch {
    schemaVersion = undefined; // reading the index properly reports its problem
  }
  if (typeof schemaVersion === 'number' && schemaVersion >= 2) throw new VaultCorruptError(HEADS_FILE, 'the write journal is missing');
  return HeadsJournal.create(dir, dataKey, ports.randomBytes);
}

/** Files of a removed case that a crash left behind (the index no longer holds their key). */
async function finishInterruptedRemovals(dir: string, index: IndexDocument): Promise<void> {
  for (const event of index.events) {
    if (event.type !== 'case.removed') continue;
    const caseId = String(event.data.id);
    if (index.cases[caseId] || !/^EMB-\d{4,}$/.test(caseId)) continue;
    await rm(caseLocation(dir, caseId).file, { force: true });
    await rm(join(dir, BLOBS_DIR, caseId), { recursive: true, force: true });
  }
}

export class Vault {
  private readonly caseStores = new Map<string, Low<CaseDocument>>();
  private readonly vaultDocuments = new Map<string, Low<unknown>>();
  private readonly gate = new WriteGate();
  private closed = false;
  readonly index: Low<IndexDocument>;

  private constructor(
    readonly dir: string,
    private dataKey: Uint8Array,
    private readonly lock: VaultLock,
    readonly journal: HeadsJournal,
    readonly keyFile: KeyFile,
    private readonly ports: CorePorts,
  ) {
    this.index = new Low<IndexDocument>(new EncryptedJsonAdapter(INDEX_FILE, this.sealedFile(indexLocation(dir), 'document', dataKey)), null as never);
  }

  /**
   * The one way to a sealed file. A write takes the next write counter, seals, replaces the
   * file atomically, then records the head. A read authenticates the file and compares it
   * with its head: older, or another copy of the last write, is refused; newer (the write a
   * crash interrupted before its head was recorded) is accepted and recorded.
   */
  sealedFile(location: SealedLocation, kind: SealedKind, key: Uint8Array): SealedFileIo {
    return {
      read: async () => {
        const inspected = await inspectSealedFile(this.journal, location, kind, key);
        if (inspected === null) return null;
        const { check, counter } = inspected;
        if (check === 'older' || check === 'substituted') {
          inspected.plaintext.fill(0);
          throw rolledBackError(location.label, check, counter, this.journal.head(location.name)!.counter);
        }
        if (check !== 'match') await this.journal.record({ [location.name]: { counter, hash: inspected.hash } });
        return inspected.plaintext;
      },
      write: (plaintext) =>
        this.gate.shared(async () => {
          this.assertOpen();
          const counter = this.journal.reserve(location.name);
          const sealed = sealBytes(key, kind, location.name, plaintext, this.ports.randomBytes(12), counter);
          await writeFileAtomic(location.file, sealed);
          await this.journal.record({ [location.name]: { counter, hash: sha256Hex(sealed) } });
        }),
    };
  }

  /** Runs `work` while no write is in flight and none starts (backups, case removal). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.gate.exclusive(work);
  }

  static async create(dir: string, passphrase: string, ports: CorePorts, options: CreateVaultOptions = {}): Promise<Vault> {
    if (await vaultExists(dir)) throw new VaultExistsError(dir);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const lock = await acquireVaultLock(dir, ports.now());
    try {
      if (await vaultExists(dir)) throw new VaultExistsError(dir);
      const dataKey = ports.randomBytes(32);
      const now = ports.now().toISOString();
      await mkdir(join(dir, CASES_DIR), { recursive: true, mode: 0o700 });
      await mkdir(join(dir, BLOBS_DIR), { recursive: true, mode: 0o700 });
      const journal = await HeadsJournal.create(dir, dataKey, ports.randomBytes);
      // The key file is written last: its presence is what makes the directory a vault.
      const keyText = await buildKeyFile(passphrase, dataKey, options.kdf ?? DEFAULT_KDF, ports.randomBytes);
      const vault = new Vault(dir, dataKey, lock, journal, parseKeyFile(keyText), ports);
      vault.index.data = {
        schemaVersion: currentVersion(INDEX_MIGRATIONS),
        vaultId: Buffer.from(ports.randomBytes(16)).toString('hex'),
        createdAt: now,
        settings: { idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES, actorName: options.actorName ?? 'Fix Lead' },
        nextCaseNumber: 1,
        cases: {},
        events: [],
      };
      await vault.index.write();
      await writeFileAtomic(join(dir, KEY_FILE_NAME), Buffer.from(keyText, 'utf8'));
      return vault;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  static async open(dir: string, passphrase: string, ports: CorePorts): Promise<Vault> {
    const keyFile = await readKeyFile(dir);
    return Vault.openUnwrapped(dir, keyFile, await unwrapDataKey(keyFile, passphrase), ports);
  }

  /**
   * Opens with a data key unwrapped earlier (the CLI's agent holds one), skipping the KDF. The
   * vault owns the key from here and zeroes it on close, or now if opening fails; a wrong key
   * fails authenticating the journal or the index.
   */
  static async openWithDataKey(dir: string, dataKey: Uint8Array, ports: CorePorts): Promise<Vault> {
    try {
      return await Vault.openUnwrapped(dir, await readKeyFile(dir), dataKey, ports);
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
  }

  private static async openUnwrapped(dir: string, keyFile: KeyFile, dataKey: Uint8Array, ports: CorePorts): Promise<Vault> {
    const lock = await acquireVaultLock(dir, ports.now());
    try {
      await sweepTemporaryFiles(dir);
      const journal = (await HeadsJournal.open(dir, dataKey, ports.randomBytes)) ?? (await startJournal(dir, dataKey, ports));
      const vault = new Vault(dir, dataKey, lock, journal, keyFile, ports);
      const raw = await vault.index.adapter.read();
      if (raw === null) throw new VaultCorruptError(INDEX_FILE, 'the vault index is missing');
      const { document, migrated } = migrateDocument<IndexDocument>(raw, INDEX_MIGRATIONS, INDEX_FILE);
      vault.index.data = document;
      if (migrated) await vault.index.write();
      await removeInterruptedCreation(dir, document);
      await finishInterruptedRemovals(dir, document);
      return vault;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EmbargoError('VaultLocked', 'The vault is locked: unlock it with its passphrase first.');
  }

  caseKey(caseId: string): Uint8Array {
    const entry = this.index.data.cases[caseId];
    if (!entry) throw new EmbargoError('NotFound', `No case with id ${caseId}.`, { what: 'case', id: caseId });
    return Buffer.from(entry.key, 'base64');
  }

  newKey(): string {
    return Buffer.from(this.ports.randomBytes(32)).toString('base64');
  }

  /** The lowdb store of one case, read from disk once and then kept while the vault is open. */
  async caseStore(caseId: string): Promise<Low<CaseDocument>> {
    this.assertOpen();
    const cached = this.caseStores.get(caseId);
    if (cached) return cached;
    const location = caseLocation(this.dir, caseId);
    const store = new Low<CaseDocument>(new EncryptedJsonAdapter(location.label, this.sealedFile(location, 'document', this.caseKey(caseId))), null as never);
    const raw = await store.adapter.read();
    if (raw === null) throw new VaultCorruptError(location.label, 'the case document is missing');
    const { document, migrated } = migrateDocument<CaseDocument>(raw, CASE_MIGRATIONS, location.label);
    store.data = document;
    if (migrated) await store.write();
    this.caseStores.set(caseId, store);
    return store;
  }

  /**
   * A vault-wide document (keyring, roster, …), encrypted with the vault's data key, created
   * with `initial` the first time. Its `schemaVersion` is brought up to date by `migrations`.
   */
  async vaultDocument<T extends { schemaVersion: number }>(
    name: string,
    initial: () => T,
    migrations: readonly Migration[] = [],
  ): Promise<Low<T>> {
    this.assertOpen();
    const cached = this.vaultDocuments.get(name);
    if (cached) return cached as Low<T>;
    const location = vaultDocumentLocation(this.dir, name);
    const store = new Low<T>(new EncryptedJsonAdapter<T>(location.label, this.sealedFile(location, 'document', this.dataKey)), initial());
    const raw = await store.adapter.read();
    if (raw !== null) {
      const { document, migrated } = migrateDocument<T>(raw, migrations, location.label);
      store.data = document;
      if (migrated) await store.write();
    }
    this.vaultDocuments.set(name, store as Low<unknown>);
    return store;
  }

  /** Writes a new case document; the caller adds the case to the index afterwards. */
  async createCaseStore(caseId: string, document: CaseDocument): Promise<Low<CaseDocument>> {
    this.assertOpen();
    const location = caseLocation(this.dir, caseId);
    const store = new Low<CaseDocument>(new EncryptedJsonAdapter(location.label, this.sealedFile(location, 'document', this.caseKey(caseId))), document);
    await store.write();
    this.caseStores.set(caseId, store);
    return store;
  }

  async putBlob(scope: string, blobId: string, bytes: Uint8Array, key: Uint8Array): Promise<void> {
    this.assertOpen();
    const location = blobLocation(this.dir, scope, blobId);
    await mkdir(join(this.dir, BLOBS_DIR, scope), { recursive: true, mode: 0o700 });
    await this.sealedFile(location, 'blob', key).write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** A blob's content; a blob never written fails with ENOENT, one deleted behind our back with VaultCorrupt. */
  async getBlob(scope: string, blobId: string, key: Uint8Array): Promise<Buffer> {
    this.assertOpen();
    const location = blobLocation(this.dir, scope, blobId);
    const content = await this.sealedFile(location, 'blob', key).read();
    if (content === null) throw Object.assign(new Error(`${location.label} does not exist`), { code: 'ENOENT' });
    return content;
  }

  /**
   * Deletes a removed case's document and blobs and forgets their heads. The caller has already
   * written the index without the case's key. Returns how many files were deleted.
   */
  async deleteCaseFiles(caseId: string): Promise<number> {
    this.assertOpen();
    this.caseStores.delete(caseId);
    const blobDir = join(this.dir, BLOBS_DIR, caseId);
    const blobs = (await readdir(blobDir).catch(() => [] as string[])).length;
    const document = caseLocation(this.dir, caseId).file;
    const hadDocument = await exists(document);
    await rm(document, { force: true });
    await rm(blobDir, { recursive: true, force: true });
    await this.journal.drop(this.journal.names().filter((name) => name === `case:${caseId}` || name.startsWith(`blob:${caseId}:`)));
    return blobs + (hadDocument ? 1 : 0);
  }

  /** Rewraps the data key under a new passphrase; no document is rewritten. */
  async changePassphrase(current: string, next: string, kdf?: Omit<KdfParameters, 'salt'>): Promise<void> {
    this.assertOpen();
    const onDisk = await readKeyFile(this.dir);
    await unwrapDataKey(onDisk, current);
    const { salt: _salt, ...cost } = onDisk.kdf;
    const raised = kdf ?? cost;
    const text = await buildKeyFile(next, this.dataKey, raised, this.ports.randomBytes);
    await writeFileAtomic(join(this.dir, KEY_FILE_NAME), Buffer.from(text, 'utf8'));
  }

  get dataKeyForIndex(): Uint8Array {
    return this.dataKey;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.dataKey.fill(0);
    this.dataKey = new Uint8Array(0);
    this.caseStores.clear();
    this.vaultDocuments.clear();
    await this.lock.release();
  }
}
