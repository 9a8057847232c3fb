// One case's workspace, opened for one operation: its state, its encrypted objects, the
// upstream repository (read in place), and the objects this operation creates. `save()`
// seals the new objects as one batch, then the state; nothing reaches the disk unsealed.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { EmbargoError } from '../../shared/errors.ts';
import type { Vault } from '../vault/vault.ts';
import { fsckObject } from './fsck/index.ts';
import { hashObject, parseCommit, parseTree, type Commit, type GitObject, type ObjectType, type TreeEntry } from './git/objects.ts';
import { PackIndex } from './git/pack-index.ts';
import { PackFile } from './git/pack-reader.ts';
import { ObjectDirectory, findGitDir, type ObjectSource } from './git/repository.ts';
import { decodeBatch, encodeBatch } from './store/object-batch.ts';
import { emptyState, parseState, type UpstreamState, type WorkspaceState } from './store/state.ts';

export const STATE_BLOB = 'workspace-state';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** The upstream repository of a case as an object source (a clone's object directory, or a bundle's pack). */
export async function openUpstream(vault: Vault, caseId: string, upstream: UpstreamState): Promise<ObjectSource & { close(): void }> {
  if (upstream.kind === 'clone') {
    if (!existsSync(upstream.path)) throw upstreamGone(upstream.path);
    return new ObjectDirectory(`${findGitDir(upstream.path)}/objects`);
  }
  const bundle = upstream.bundle!;
  if (!existsSync(upstream.path) || statSync(upstream.path).size !== bundle.size) throw upstreamGone(upstream.path);
  const fd = openSync(upstream.path, 'r');
  const trailer = Buffer.alloc(20);
  readSync(fd, trailer, 0, 20, bundle.size - 20);
  closeSync(fd);
  if (trailer.toString('hex') !== bundle.checksum) throw upstreamGone(upstream.path);
  const index = new PackIndex(await vault.getBlob(caseId, bundle.idxBlob, vault.caseKey(caseId)));
  const pack = new PackFile(upstream.path, index, bundle.packStart);
  return { read: (sha) => pack.readSha(sha), has: (sha) => pack.has(sha), close: () => pack.close(), pack } as ObjectSource & { close(): void };
}

function upstreamGone(path: string): EmbargoError {
  return new EmbargoError(
    'UpstreamUnavailable',
    `The upstream repository at ${path} is gone or changed since it was imported; import it again with "embargo workspace import".`,
    { path },
  );
}

export class CaseWorkspace {
  private readonly pending = new Map<string, GitObject>();
  private readonly treeCache = new Map<string, TreeEntry[]>();
  /** Objects read from an outside bundle for one operation (never saved). */
  private readonly overlay = new Map<string, GitObject>();

  private constructor(
    private readonly vault: Vault,
    readonly caseId: string,
    public state: WorkspaceState,
    private readonly stored: Map<string, GitObject>,
    private upstreamSource: (ObjectSource & { close(): void }) | null,
  ) {}

  static async open(vault: Vault, caseId: string): Promise<CaseWorkspace> {
    const key = vault.caseKey(caseId);
    let state = emptyState();
    try {
      state = parseState(await vault.getBlob(caseId, STATE_BLOB, key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    const stored = new Map<string, GitObject>();
    for (const batch of state.objectBatches) decodeBatch(await vault.getBlob(caseId, batch, key), stored);
    const upstream = state.upstream ? await openUpstream(vault, caseId, state.upstream) : null;
    return new CaseWorkspace(vault, caseId, state, stored, upstream);
  }

  get hasUpstream(): boolean {
    return this.upstreamSource !== null;
  }

  requireUpstream(): UpstreamState {
    if (!this.state.upstream || !this.upstreamSource) {
      throw new EmbargoError('WorkspaceNotReady', `Case ${this.caseId} has no upstream repository yet: run "embargo workspace import" first.`, {
        caseId: this.caseId,
      });
    }
    return this.state.upstream;
  }

  setUpstream(source: (ObjectSource & { close(): void }) | null): void {
    this.upstreamSource?.close();
    this.upstreamSource = source;
  }

  /** True when the object is upstream (public) rather than created by the case. */
  isUpstream(sha: string): boolean {
    return this.upstreamSource?.has(sha) ?? false;
  }

  isPrivate(sha: string): boolean {
    return this.stored.has(sha) || this.pending.has(sha);
  }

  read(sha: string): GitObject | null {
    return this.pending.get(sha) ?? this.stored.get(sha) ?? this.upstreamSource?.read(sha) ?? this.overlay.get(sha) ?? null;
  }

  readObject(sha: string, type?: ObjectType): GitObject {
    const object = this.read(sha);
    if (!object) throw new EmbargoError('NotFound', `Object ${sha} is in neither the upstream repository nor the case.`, { what: 'object', id: sha });
    if (type && object.type !== type) {
      throw new EmbargoError('GitObjectInvalid', `Object ${sha} is a ${object.type}, not a ${type}.`, { sha, type: object.type });
    }
    return object;
  }

  readCommit(sha: string): Commit {
    return parseCommit(this.readObject(sha, 'commit').data);
  }

  readTree(sha: string): TreeEntry[] {
    const cached = this.treeCache.get(sha);
    if (cached) return cached;
    const object = this.readObject(sha, 'tree');
    // Every tree is held to git's fsck rules once, when first read: ours strictly, upstream
    // history as plain `git fsck` does (old zero-padded and 100664 modes pass).
    fsckObject(sha, object, { strict: this.isPrivate(sha), read: (s) => this.read(s) });
    const entries = parseTree(object.data);
    this.treeCache.set(sha, entries);
    return entries;
  }

  readBlob(sha: string): Buffer {
    return this.readObject(sha, 'blob').data;
  }

  /** Adds an object the case creates; upstream objects are never copied unless `seal` (an object upstream stores but does not reach). */
  write(type: ObjectType, data: Buffer, seal = false): string {
    const sha = hashObject(type, data);
    if (!this.pending.has(sha) && !this.stored.has(sha) && (seal || !this.isUpstream(sha))) {
      // Nothing git's fsck --strict refuses is ever stored or handed out.
      fsckObject(sha, { type, data }, { strict: true, read: (s) => this.read(s) });
      this.pending.set(sha, { type, data });
    }
    return sha;
  }

  addOverlay(objects: Map<string, GitObject>): void {
    for (const [sha, object] of objects) this.overlay.set(sha, object);
  }

  upstreamPacks(): { packs: PackFile[]; loose: string[] } {
    const source = this.upstreamSource as unknown as { packFiles?: () => PackFile[]; looseIds?: () => string[]; pack?: PackFile };
    if (source?.packFiles) return { packs: source.packFiles(), loose: source.looseIds?.() ?? [] };
    if (source?.pack) return { packs: [source.pack], loose: [] };
    return { packs: [], loose: [] };
  }

  /** Every object the case created (for bundles), by id. */
  privateObjects(): Map<string, GitObject> {
    return new Map([...this.stored, ...this.pending]);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Seals the new objects as one batch, then the state. */
  async save(): Promise<void> {
    const key = this.vault.caseKey(this.caseId);
    const next = structuredClone(this.state);
    if (this.pending.size > 0) {
      const batchId = `workspace-objects-${String(next.objectBatches.length + 1).padStart(5, '0')}`;
      await this.vault.putBlob(this.caseId, batchId, encodeBatch(this.pending), key);
      next.objectBatches.push(batchId);
      for (const [sha, object] of this.pending) this.stored.set(sha, object);
      this.pending.clear();
    }
    await this.vault.putBlob(this.caseId, STATE_BLOB, Buffer.from(JSON.stringify(next), 'utf8'), key);
    this.state = next;
  }

  async putBlob(id: string, bytes: Buffer): Promise<void> {
    await this.vault.putBlob(this.caseId, id, bytes, this.vault.caseKey(this.caseId));
  }

  close(): void {
    this.upstreamSource?.close();
    this.upstreamSource = null;
  }
}
